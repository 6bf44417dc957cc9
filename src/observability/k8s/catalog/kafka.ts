import { IConstruct } from 'constructs';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { KafkaCluster } from '../../../streaming/k8s/kafka-cluster';
import { KAFKA_BROKER_POOL_NAME, KAFKA_CONTROLLER_POOL_NAME, kafkaExporterPodLabels } from '../../../streaming/k8s/kafka-cluster-spec';
import { KafkaStreamingIngest } from '../../../streaming/k8s/kafka-streaming-ingest';
import { kafkaPodLabels, STRIMZI_CLUSTER_LABEL } from '../../../streaming/k8s/strimzi-constants';
import { AlarmComparison } from '../../alarm-contract';
import {
  DISK_USAGE_FOR_SECONDS, KAFKA_ACTIVE_CONTROLLER_FOR_SECONDS, KAFKA_ACTIVE_CONTROLLER_MIN, KAFKA_CONSUMER_LAG_FOR_SECONDS,
  KAFKA_CONSUMER_LAG_THRESHOLD, KAFKA_DISK_USAGE_PERCENT, KAFKA_NODE_DOWN_FOR_SECONDS, KAFKA_OFFLINE_PARTITIONS_FOR_SECONDS,
  KAFKA_OFFLINE_PARTITIONS_THRESHOLD, KAFKA_UNDER_MIN_ISR_FOR_SECONDS, KAFKA_UNDER_MIN_ISR_THRESHOLD, KAFKA_UNDER_REPLICATED_FOR_SECONDS,
  KAFKA_UNDER_REPLICATED_THRESHOLD,
} from '../prometheus-alert-defaults';
import { PrometheusCatalogResult } from './prometheus-alert-spec';
import { AlertInput, alertsOf, COUNT_RANGE, instancesRange, NO_RESULT, PERCENT_RANGE, selector, volumeUsagePercent } from './promql';
import { strimziPodMonitor } from './strimzi-scrape';

/** Rule group of Kafka's alerts. */
export const KAFKA_RULE_GROUP = 'kafka';

/** Replicas of each KafkaNodePool of a cluster, by pool name. */
function poolReplicas(cluster: KafkaCluster): Map<string, number> {
  const pools = new Map<string, number>();
  for (const r of cluster.customResources.resources) {
    if (r.kind === 'KafkaNodePool' && r.metadata.labels?.[STRIMZI_CLUSTER_LABEL] === cluster.clusterName) {
      pools.set(r.metadata.name, Number(r.spec?.replicas ?? 0));
    }
  }
  return pools;
}

function nodesDown(namespace: string, cluster: string, pool: string, replicas: number, role: string): AlertInput {
  const matchers = { namespace, strimzi_io_cluster: cluster, strimzi_io_pool_name: pool };
  const Role = role[0].toUpperCase() + role.slice(1);
  return {
    key: `kafka-${role}s-down`,
    alert: `Kafka${Role}sDown`,
    expr: `(sum(up${selector(matchers)}) or vector(0))`,
    matchers,
    threshold: replicas,
    comparison: AlarmComparison.LESS_THAN,
    range: instancesRange(replicas),
    forSeconds: KAFKA_NODE_DOWN_FOR_SECONDS,
    severity: 'critical',
    description: `Fewer Kafka ${role}s of pool "${pool}" than expected answer Prometheus: check the pods (kubectl get pods -l strimzi.io/pool-name=${pool}) and their events.`,
  };
}

/** Alerts and PodMonitors of a Strimzi Kafka cluster the stack created. */
function clusterResult(cluster: KafkaCluster): PrometheusCatalogResult {
  const namespace = KubernetesPlatform.ofKubernetes(cluster).namespace;
  const name = cluster.clusterName;
  const kafka = { namespace, strimzi_io_cluster: name, strimzi_io_name: `${name}-kafka` };
  const s = selector(kafka);
  const pools = poolReplicas(cluster);
  const brokers = pools.get(KAFKA_BROKER_POOL_NAME) ?? 0;
  const controllers = pools.get(KAFKA_CONTROLLER_POOL_NAME) ?? 0;
  const disk = volumeUsagePercent(namespace, `data-[0-9]+-${name}-${KAFKA_BROKER_POOL_NAME}-[0-9]+`);
  const inputs: AlertInput[] = [
    {
      key: 'kafka-under-replicated-partitions',
      alert: 'KafkaUnderReplicatedPartitions',
      expr: `sum(kafka_server_replicamanager_underreplicatedpartitions${s})`,
      matchers: kafka,
      threshold: KAFKA_UNDER_REPLICATED_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      range: COUNT_RANGE,
      forSeconds: KAFKA_UNDER_REPLICATED_FOR_SECONDS,
      severity: 'warning',
      description: 'Partitions have fewer in-sync replicas than their replication factor: a broker is down, slow or out of disk.',
    },
    {
      key: 'kafka-under-min-isr-partitions',
      alert: 'KafkaUnderMinIsrPartitions',
      expr: `sum(kafka_server_replicamanager_underminisrpartitioncount${s})`,
      matchers: kafka,
      threshold: KAFKA_UNDER_MIN_ISR_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      range: COUNT_RANGE,
      forSeconds: KAFKA_UNDER_MIN_ISR_FOR_SECONDS,
      severity: 'critical',
      description: 'Partitions have fewer in-sync replicas than min.insync.replicas: producers with acks=all are refused.',
    },
    {
      key: 'kafka-offline-partitions',
      alert: 'KafkaOfflinePartitions',
      expr: `max(kafka_controller_kafkacontroller_offlinepartitionscount${s})`,
      matchers: kafka,
      threshold: KAFKA_OFFLINE_PARTITIONS_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      range: COUNT_RANGE,
      forSeconds: KAFKA_OFFLINE_PARTITIONS_FOR_SECONDS,
      severity: 'critical',
      description: 'Partitions have no leader: reads and writes on them fail. Check that enough brokers run.',
    },
    {
      key: 'kafka-active-controller',
      alert: 'KafkaNoActiveController',
      expr: `(sum(kafka_controller_kafkacontroller_activecontrollercount${s}) or vector(0))`,
      matchers: kafka,
      threshold: KAFKA_ACTIVE_CONTROLLER_MIN,
      comparison: AlarmComparison.LESS_THAN,
      range: instancesRange(1),
      forSeconds: KAFKA_ACTIVE_CONTROLLER_FOR_SECONDS,
      severity: 'critical',
      description: 'No KRaft controller is active: topic, partition and broker changes stop. Check the controller pods and their quorum.',
    },
    ...(brokers > 0 ? [nodesDown(namespace, name, KAFKA_BROKER_POOL_NAME, brokers, 'broker')] : []),
    ...(controllers > 0 ? [nodesDown(namespace, name, KAFKA_CONTROLLER_POOL_NAME, controllers, 'controller')] : []),
    {
      key: 'kafka-broker-disk-usage',
      alert: 'KafkaBrokerDiskUsageHigh',
      expr: disk.expr,
      matchers: disk.matchers,
      threshold: KAFKA_DISK_USAGE_PERCENT,
      comparison: AlarmComparison.GREATER_THAN,
      range: PERCENT_RANGE,
      forSeconds: DISK_USAGE_FOR_SECONDS,
      severity: 'warning',
      description: 'A broker volume is filling up: shorten topic retention or grow the volumes before the broker stops.',
    },
  ];
  return {
    alerts: alertsOf(cluster, name, KAFKA_RULE_GROUP, inputs),
    scrapeTargets: [
      strimziPodMonitor(`${name}-kafka`, namespace, kafkaPodLabels(name), cluster),
      strimziPodMonitor(`${name}-kafka-exporter`, namespace, kafkaExporterPodLabels(name), cluster),
    ],
  };
}

/** Consumer lag of every group reading a topic of the stack's own cluster (its Kafka Exporter). */
function topicResult(topic: KafkaStreamingIngest, cluster: KafkaCluster): PrometheusCatalogResult {
  const namespace = KubernetesPlatform.ofKubernetes(topic).namespace;
  const matchers = {
    namespace, strimzi_io_cluster: cluster.clusterName, strimzi_io_name: `${cluster.clusterName}-kafka-exporter`, topic: topic.streamName,
  };
  return {
    alerts: alertsOf(topic, topic.streamName, KAFKA_RULE_GROUP, [{
      key: 'kafka-consumer-lag',
      alert: 'KafkaConsumerGroupLagHigh',
      expr: `max(sum by (consumergroup) (kafka_consumergroup_lag${selector(matchers)}))`,
      matchers,
      threshold: KAFKA_CONSUMER_LAG_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      range: { min: 1, max: 1_000_000_000, integer: true, unit: 'messages' },
      forSeconds: KAFKA_CONSUMER_LAG_FOR_SECONDS,
      severity: 'warning',
      description: 'A consumer group (a Connect sink, an application) falls behind the topic: check its consumers and their errors.',
    }]),
    scrapeTargets: [],
  };
}

/** Kafka catalog: Strimzi clusters the stack creates and the topics on them. */
export function kafkaCatalog(node: IConstruct): PrometheusCatalogResult {
  if (node instanceof KafkaCluster) return clusterResult(node);
  if (node instanceof KafkaStreamingIngest && node.cluster instanceof KafkaCluster) return topicResult(node, node.cluster);
  return NO_RESULT;
}
