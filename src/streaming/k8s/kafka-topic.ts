import { createHash } from 'crypto';
import { KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR } from './kafka-cluster-options';
import { HELM_KEEP_ANNOTATION } from './kafka-cluster-spec';
import { STRIMZI_API_VERSION, STRIMZI_CLUSTER_LABEL } from './strimzi-constants';
import { isUnresolved } from '../../core/validate';
import { KubernetesObject } from '../../platform/k8s/custom-resources';

/** Milliseconds in an hour (`retention.ms` = retentionHours x this). */
export const MILLISECONDS_PER_HOUR = 3_600_000;

const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const K8S_NAME_MAX = 253;
const HASH_LENGTH = 8;

/**
 * The KafkaTopic resource name of a topic: the topic name when it is a valid Kubernetes name,
 * otherwise a sanitized form plus a hash (and the real name goes into `spec.topicName`).
 * @internal
 */
export function kafkaTopicResourceName(topicName: string): string {
  if (isUnresolved(topicName) || (topicName.length <= K8S_NAME_MAX && K8S_NAME.test(topicName))) return topicName;
  const hash = createHash('sha256').update(topicName).digest('hex').slice(0, HASH_LENGTH);
  const base = topicName.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return `${base.slice(0, K8S_NAME_MAX - HASH_LENGTH - 1)}-${hash}`.replace(/^-/, '');
}

/** Inputs of a KafkaTopic. @internal */
export interface KafkaTopicInput {
  readonly topicName: string;
  readonly clusterName: string;
  readonly partitions: number;
  readonly retentionHours: number;
  /** Keep the topic when it leaves the release (RemovalPolicy.RETAIN). */
  readonly retain: boolean;
  readonly labels: Record<string, string>;
}

/** The KafkaTopic custom resource. @internal */
export function kafkaTopicResource(input: KafkaTopicInput): KubernetesObject {
  const name = kafkaTopicResourceName(input.topicName);
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaTopic',
    metadata: {
      name,
      labels: { ...input.labels, [STRIMZI_CLUSTER_LABEL]: input.clusterName },
      ...(input.retain ? { annotations: HELM_KEEP_ANNOTATION } : {}),
    },
    spec: {
      ...(name !== input.topicName ? { topicName: input.topicName } : {}),
      partitions: input.partitions,
      replicas: KAFKA_REPLICATION_FACTOR,
      config: {
        'retention.ms': input.retentionHours * MILLISECONDS_PER_HOUR,
        'min.insync.replicas': KAFKA_MIN_INSYNC_REPLICAS,
        'cleanup.policy': 'delete',
      },
    },
  };
}
