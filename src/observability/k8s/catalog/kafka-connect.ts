import { IConstruct } from 'constructs';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { connectPodLabels } from '../../../streaming/k8s/connect/connect-access';
import { ConnectCluster } from '../../../streaming/k8s/connect/connect-cluster';
import { AlarmComparison } from '../../alarm-contract';
import {
  KAFKA_CONNECT_FAILED_CONNECTORS_THRESHOLD, KAFKA_CONNECT_FAILED_FOR_SECONDS, KAFKA_CONNECT_FAILED_TASKS_THRESHOLD,
  KAFKA_CONNECT_WORKERS_DOWN_FOR_SECONDS,
} from '../prometheus-alert-defaults';
import { PrometheusCatalogResult } from './prometheus-alert-spec';
import { alertsOf, COUNT_RANGE, instancesRange, NO_RESULT, selector } from './promql';
import { strimziPodMonitor } from './strimzi-scrape';

/** Rule group of Kafka Connect's alerts. */
export const KAFKA_CONNECT_RULE_GROUP = 'kafka-connect';

/** Replicas of the KafkaConnect resource (delivered through its Kafka cluster's release). */
function workers(connect: ConnectCluster): number {
  const resource = connect.kafka.customResources.resources.find((r) => r.kind === 'KafkaConnect' && r.metadata.name === connect.connectName);
  return Number(resource?.spec?.replicas ?? 1);
}

/**
 * A Strimzi Kafka Connect cluster (Debezium sources, the lake's and the warehouse's sinks): failed
 * tasks and connectors (Strimzi metrics reporter names: `kafka_connect_connect_worker_metrics_*`,
 * and the connector status as the info metric `kafka_connect_connector_metrics_status_info`), and
 * workers that stopped answering.
 */
export function kafkaConnectCatalog(node: IConstruct): PrometheusCatalogResult {
  if (!(node instanceof ConnectCluster)) return NO_RESULT;
  const namespace = KubernetesPlatform.ofKubernetes(node).namespace;
  const name = node.connectName;
  const matchers = { namespace, strimzi_io_cluster: name, strimzi_io_kind: 'KafkaConnect' };
  const replicas = workers(node);
  return {
    alerts: alertsOf(node, name, KAFKA_CONNECT_RULE_GROUP, [
      {
        key: 'kafka-connect-failed-tasks',
        alert: 'KafkaConnectFailedTasks',
        expr: `sum(kafka_connect_connect_worker_metrics_connector_failed_task_count${selector(matchers)})`,
        matchers,
        threshold: KAFKA_CONNECT_FAILED_TASKS_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        range: COUNT_RANGE,
        forSeconds: KAFKA_CONNECT_FAILED_FOR_SECONDS,
        severity: 'critical',
        description: 'Connector tasks failed and stay failed after Strimzi\'s auto-restarts: their data stops. Read the task trace (kubectl get kafkaconnector -o yaml).',
      },
      {
        key: 'kafka-connect-failed-connectors',
        alert: 'KafkaConnectFailedConnectors',
        expr: `(count(kafka_connect_connector_metrics_status_info${selector({ ...matchers, status: 'failed' })}) or vector(0))`,
        matchers,
        threshold: KAFKA_CONNECT_FAILED_CONNECTORS_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        range: COUNT_RANGE,
        forSeconds: KAFKA_CONNECT_FAILED_FOR_SECONDS,
        severity: 'critical',
        description: 'Connectors are in the FAILED state (configuration, credentials or an unreachable system): check the KafkaConnector status.',
      },
      {
        key: 'kafka-connect-workers-down',
        alert: 'KafkaConnectWorkersDown',
        expr: `(sum(up${selector(matchers)}) or vector(0))`,
        matchers,
        threshold: replicas,
        comparison: AlarmComparison.LESS_THAN,
        range: instancesRange(replicas),
        forSeconds: KAFKA_CONNECT_WORKERS_DOWN_FOR_SECONDS,
        severity: 'critical',
        description: 'Fewer Kafka Connect workers than replicas answer Prometheus: their tasks are rebalanced or stopped. Check the pods and the image build.',
      },
    ]),
    scrapeTargets: [strimziPodMonitor(name, namespace, connectPodLabels(name), node)],
  };
}
