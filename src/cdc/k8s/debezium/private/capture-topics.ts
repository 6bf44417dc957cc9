import { KubernetesObject } from '../../../../platform/k8s/custom-resources';
import { KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR } from '../../../../streaming/k8s/kafka-cluster-options';
import { kafkaTopicResourceName } from '../../../../streaming/k8s/kafka-topic';
import { STRIMZI_API_VERSION, STRIMZI_CLUSTER_LABEL } from '../../../../streaming/k8s/strimzi-constants';

/**
 * Configuration of a MySQL schema history topic, as Debezium creates it itself: one partition,
 * `delete` policy, never expired (`retention.ms` and `retention.bytes` -1). Losing its records
 * means recovering the history with `snapshot.mode: recovery`.
 */
export const SCHEMA_HISTORY_TOPIC_CONFIG: Record<string, any> = {
  'cleanup.policy': 'delete',
  'retention.ms': -1,
  'retention.bytes': -1,
  'min.insync.replicas': KAFKA_MIN_INSYNC_REPLICAS,
};
/** Configuration of a heartbeat topic: one key per connector, so compaction keeps the latest. */
export const HEARTBEAT_TOPIC_CONFIG: Record<string, any> = {
  'cleanup.policy': 'compact',
  'min.insync.replicas': KAFKA_MIN_INSYNC_REPLICAS,
};

/**
 * A one-partition KafkaTopic of a connector (its schema history or heartbeats). The library creates
 * them, as the brokers create no topics implicitly and the Connect user may not create topics.
 * @internal
 */
export function connectorTopicResource(
  topicName: string, clusterName: string, labels: Record<string, string>, config: Record<string, any>,
): KubernetesObject {
  const name = kafkaTopicResourceName(topicName);
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaTopic',
    metadata: { name, labels: { ...labels, [STRIMZI_CLUSTER_LABEL]: clusterName } },
    spec: {
      ...(name !== topicName ? { topicName } : {}),
      partitions: 1,
      replicas: KAFKA_REPLICATION_FACTOR,
      config: { ...config },
    },
  };
}
