import { App, TerraformStack } from 'cdktf';
import {
  CdcTarget, DebeziumCdcSource, ElasticsearchSearchCluster, KubernetesPlatform, ObservabilityStack, PostgresSourceDatabase, StreamingIngest,
} from '../src';

/**
 * Observability on Kubernetes: kube-prometheus-stack watches a CDC pipeline (a PostgreSQL source,
 * Debezium on Kafka Connect, a Kafka topic). Every construct of the stack gets PrometheusRules,
 * PodMonitors, the NetworkPolicies Prometheus needs and a Grafana dashboard; critical alerts and
 * warnings go to a webhook whose URL stays in a Kubernetes Secret; container logs go to an ECK
 * Elasticsearch (Kibana to read them).
 */
export function observabilityKubernetes(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'example-observability-kubernetes');
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'example-obs' });
  // Kafka Connect base image + the Debezium plugins, built by your CI
  const connectImage = 'registry.example.com/data/kafka-connect-debezium:4.3.1';

  // #region usage
  const observability = new ObservabilityStack(stack, 'Observability', {
    searchCluster: new ElasticsearchSearchCluster(stack, 'Logs', {}),
    kubernetes: {
      retentionDays: 15,
      storageGi: 50,
      // kubectl create secret generic pager-webhook --from-literal=url=https://...
      alertWebhook: { secretName: 'pager-webhook' },
    },
  });
  const orders = new PostgresSourceDatabase(stack, 'OrdersDb');
  const changes = new StreamingIngest(stack, 'OrderChanges');
  new DebeziumCdcSource(stack, 'OrdersCdc', {
    source: orders,
    include: ['public.orders'],
    target: CdcTarget.stream(changes),
    kafkaConnect: { image: connectImage },
  });
  // A busier topic: warn at a larger consumer lag
  observability.overrideAlarm({ scope: changes, alarm: 'kafka-consumer-lag', threshold: 100_000 });
  // #endregion
  return stack;
}
