import {
  AlarmBackend, ElasticsearchSearchCluster, ObservabilityStack, PrometheusObservability, StreamingIngest,
} from '../../../src';
import { platformStack } from '../../support/kubernetes';
import { synth } from '../../support/synth';

describe('ObservabilityStack on Kubernetes', () => {
  test('picks the Prometheus backend and passes the common and Kubernetes props through', () => {
    const stack = platformStack();
    const topic = new StreamingIngest(stack, 'Orders');
    const obs = new ObservabilityStack(stack, 'Observability', {
      kubernetes: { retentionDays: 7 },
      alarmOverrides: [{ scope: topic, alarm: 'kafka-consumer-lag', threshold: 50_000 }],
    });
    expect(obs.backend).toBe(AlarmBackend.PROMETHEUS);
    expect(obs.implementation).toBeInstanceOf(PrometheusObservability);
    const lag = obs.alarms().filter((a) => a.key === 'kafka-consumer-lag');
    expect(lag.map((a) => [a.resource, a.threshold])).toEqual([['test/Orders/Kafka', 50_000]]);
    const values = (obs.implementation as PrometheusObservability).chart!.values;
    expect(values.prometheus.prometheusSpec.retention).toBe('7d');
  });

  test('with a search cluster, the namespace\'s container logs are shipped to it (a Filebeat Beat)', () => {
    const stack = platformStack();
    new StreamingIngest(stack, 'Orders');
    new ObservabilityStack(stack, 'Observability', { searchCluster: new ElasticsearchSearchCluster(stack, 'Logs', {}) });
    const json = JSON.stringify(synth(stack).json);
    expect(json).toContain('beat.k8s.elastic.co/v1beta1');
    expect(json).toContain('\\"type\\":\\"filebeat\\"');
  });

  test('monitor() and overrideAlarm() delegate to the backend', () => {
    const stack = platformStack();
    const topic = new StreamingIngest(stack, 'Orders');
    const obs = new ObservabilityStack(stack, 'Observability', { autoDiscover: false });
    expect(obs.alarms()).toEqual([]);
    obs.monitor(topic);
    expect(obs.alarms().map((a) => [a.key, a.resource])).toEqual([['kafka-consumer-lag', 'test/Orders/Kafka']]);
    obs.overrideAlarm({ scope: topic, alarm: 'kafka-consumer-lag', enabled: false });
    expect(obs.alarms()).toEqual([]);
  });
});
