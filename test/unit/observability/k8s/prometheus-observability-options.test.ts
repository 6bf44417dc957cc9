import { Construct } from 'constructs';
import { pipelineStack } from './observability-fixture';
import { MongoSourceDatabase, MongoTls } from '../../../../src/cdc/k8s/source';
import { EXISTING_PROMETHEUS_PEER, PrometheusObservability } from '../../../../src/observability/k8s';
import { ISearchCluster, SearchEngine, SearchLogSources } from '../../../../src/search/search-cluster-contract';
import { IStreamDestination } from '../../../../src/streaming/destination';
import { inspect, platformStack } from '../../../support/kubernetes';
import { synth } from '../../../support/synth';

/** A search cluster that records what it is asked to ingest. */
class FakeSearchCluster extends Construct implements ISearchCluster {
  public readonly engine = SearchEngine.ELASTICSEARCH;
  public readonly endpoint = 'https://search.acme.svc:9200';
  public readonly dashboardsUrl = 'https://kibana.acme.svc:5601';
  public readonly ingested: Array<{ id: string; sources: SearchLogSources }> = [];
  public destination(): IStreamDestination { throw new Error('not used'); }
  public ingestLogs(id: string, sources: SearchLogSources): void { this.ingested.push({ id, sources }); }
}

describe('PrometheusObservability: overrides', () => {
  test('a threshold change and a disabled rule, from props and from overrideAlarm', () => {
    const f = pipelineStack({}, {
      observability: (scope) => new PrometheusObservability(scope, 'Observability', {
        alarmOverrides: [{ scope, alarm: 'kafka-consumer-lag', threshold: 50_000 }],
      }),
    });
    f.observability.overrideAlarm({ scope: f.shop, alarm: 'mysql-source-disk-usage', enabled: false });
    const alarms = f.observability.alarms();
    expect(alarms.find((a) => a.key === 'kafka-consumer-lag')!.threshold).toBe(50_000);
    expect(alarms.filter((a) => a.resource === 'test/ShopDb').map((a) => a.key)).toEqual(['mysql-source-down']);
    const rules = inspect(f.stack).ofKind('PrometheusRule').flatMap((r: any) => r.spec.groups.flatMap((g: any) => g.rules));
    expect(rules.find((r: any) => r.alert === 'KafkaConsumerGroupLagHigh').expr).toMatch(/ > 50000$/);
    expect(rules.find((r: any) => r.alert === 'MySqlSourceDiskUsageHigh')).toBeUndefined();
  });

  test('an override on a containing construct applies to every resource under it', () => {
    const f = pipelineStack();
    f.observability.overrideAlarm({ scope: f.stack, alarm: 'postgres-disk-usage', threshold: 90 });
    expect(f.observability.alarms().filter((a) => a.key === 'postgres-disk-usage').map((a) => a.threshold)).toEqual([90, 90]);
  });

  test('invalid overrides: exact errors', () => {
    const threshold = pipelineStack();
    threshold.observability.overrideAlarm({ scope: threshold.topic, alarm: 'kafka-consumer-lag', threshold: 0 });
    expect(() => threshold.observability.alarms()).toThrow(
      'test/Observability: invalid alarmOverrides[0].threshold: received 0; kafka-consumer-lag takes an integer from 1 to 1000000000 (messages).',
    );
    const key = pipelineStack();
    key.observability.overrideAlarm({ scope: key.topic, alarm: 'kafka-lag', enabled: false });
    expect(() => key.observability.alarms()).toThrow(
      'test/Observability: invalid alarmOverrides[0].alarm: received "kafka-lag"; alarms under test/Orders are kafka-consumer-lag.',
    );
    const brokers = pipelineStack();
    brokers.observability.overrideAlarm({ scope: brokers.stack.node.findChild('KafkaCluster'), alarm: 'kafka-brokers-down', threshold: 4 });
    expect(() => synth(brokers.stack)).toThrow(
      'test/Observability: invalid alarmOverrides[0].threshold: received 4; kafka-brokers-down takes an integer from 1 to 3 (instances).',
    );
    const scope = pipelineStack();
    const nothing = new Construct(scope.stack, 'Nothing');
    scope.observability.overrideAlarm({ scope: nothing, alarm: 'kafka-consumer-lag', threshold: 5 });
    expect(() => scope.observability.alarms()).toThrow(
      'test/Observability: invalid alarmOverrides[0].scope: received "test/Nothing"; name a construct that contains a monitored pipeline resource (see alarms()).',
    );
  });
});

describe('PrometheusObservability: props', () => {
  test('an existing kube-prometheus-stack: nothing installed, monitors and rules labelled with its release', () => {
    const f = pipelineStack({ installPrometheusStack: false, prometheusReleaseName: 'kube-prometheus-stack' });
    const out = inspect(f.stack);
    expect(out.releases.map((r: any) => r.name)).not.toContain('acme-monitoring');
    expect(out.release('kube-prometheus-stack-pipeline')).toBeDefined();
    expect(out.ofKind('PodMonitor').every((m: any) => m.metadata.labels.release === 'kube-prometheus-stack')).toBe(true);
    expect(out.ofKind('PrometheusRule').every((m: any) => m.metadata.labels.release === 'kube-prometheus-stack')).toBe(true);
    expect(out.policy('allow-scrape-acme-kafka-kafka').spec.ingress[0].from).toEqual([
      { namespace_selector: { match_labels: {} }, pod_selector: { match_labels: EXISTING_PROMETHEUS_PEER.podLabels } },
    ]);
    expect(out.policy('allow-kube-prometheus-stack-prometheus-scrape')).toBeUndefined();
    expect(f.observability.grafanaAdminCredential).toBeUndefined();
  });

  test('invalid props: exact errors', () => {
    const stack = () => platformStack();
    expect(() => new PrometheusObservability(stack(), 'O', { installPrometheusStack: false })).toThrow(
      'test/O: invalid prometheusReleaseName: received undefined; with installPrometheusStack: false, give the release name of the existing '
      + 'kube-prometheus-stack (its Prometheus selects monitors and rules labelled release: <name>).',
    );
    expect(() => new PrometheusObservability(stack(), 'O', { retentionDays: 0 })).toThrow(
      'test/O: invalid retentionDays: received 0; must be an integer from 1 to 3650.',
    );
    expect(() => new PrometheusObservability(stack(), 'O', { storageGi: 1.5 })).toThrow(
      'test/O: invalid storageGi: received 1.5; must be an integer from 1 to 16384.',
    );
    expect(() => new PrometheusObservability(stack(), 'O', { alertGroupBy: ['alert-name'] })).toThrow(
      'test/O: invalid alertGroupBy: received ["alert-name"]; list one or more Prometheus label names (letters, digits and "_", not starting with a digit).',
    );
    expect(() => new PrometheusObservability(stack(), 'O', { prometheusResources: { cpuRequest: 'lots', memoryRequest: '1Gi', memoryLimit: '1Gi' } })).toThrow(
      'test/O: invalid prometheusResources.cpuRequest: received "lots"; use a Kubernetes quantity such as "500m" or "2Gi".',
    );
    expect(() => new PrometheusObservability(stack(), 'O', { alertWebhook: { secretName: 'Pager' } })).toThrow(
      'test/O: invalid alertWebhook.secretName: received "Pager"',
    );
  });

  test('retention, storage and the webhook receiver from props', () => {
    const out = inspect(pipelineStack({
      retentionDays: 30, storageGi: 200, alertWebhook: { secretName: 'pager', secretKey: 'endpoint', port: 8443, peers: [{ cidr: '10.0.0.0/8' }] },
    }).stack);
    const values = out.values('acme-monitoring');
    expect(values.prometheus.prometheusSpec.retention).toBe('30d');
    expect(values.prometheus.prometheusSpec.retentionSize).toBe('170GiB');
    expect(values.alertmanager.config.receivers[1].webhook_configs[0].url_file).toBe('/etc/alertmanager/secrets/pager/endpoint');
    expect(out.policy('allow-acme-monitoring-alertmanager').spec.egress).toEqual([
      { to: [{ ip_block: { cidr: '10.0.0.0/8' } }], ports: [{ port: '8443', protocol: 'TCP' }] },
    ]);
  });

  test('with a search cluster, the namespace\'s container logs are shipped to it once', () => {
    const stack = platformStack();
    const search = new FakeSearchCluster(stack, 'Search');
    new PrometheusObservability(stack, 'O', { searchCluster: search });
    synth(stack);
    expect(search.ingested).toEqual([{ id: 'PipelineLogs', sources: { namespaces: ['acme'] } }]);
  });

  test('autoDiscover false watches only what monitor() registers', () => {
    const f = pipelineStack({}, { observability: (scope) => new PrometheusObservability(scope, 'Observability', { autoDiscover: false }) });
    expect(f.observability.alarms()).toEqual([]);
    f.observability.monitor(f.shop);
    expect(f.observability.alarms().map((a) => a.key)).toEqual(['mysql-source-disk-usage', 'mysql-source-down']);
  });

  test('a MongoDB source: ready members and volumes through kube-state-metrics and the kubelet', () => {
    const stack = platformStack();
    const observability = new PrometheusObservability(stack, 'O');
    new MongoSourceDatabase(stack, 'Catalog', { tls: MongoTls.disabled() });
    expect(observability.alarms().map((a) => [a.key, a.metric, a.threshold])).toEqual([
      ['mongo-source-disk-usage',
        'max(kubelet_volume_stats_used_bytes{namespace="acme",persistentvolumeclaim=~"(data-volume|logs-volume)-acme-catalog-[0-9]+"} / '
        + 'kubelet_volume_stats_capacity_bytes{namespace="acme",persistentvolumeclaim=~"(data-volume|logs-volume)-acme-catalog-[0-9]+"}) * 100', 80],
      ['mongo-source-down', '(sum(kube_statefulset_status_replicas_ready{namespace="acme",statefulset="acme-catalog"}) or vector(0))', 3],
    ]);
  });
});
