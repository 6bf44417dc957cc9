import {
  DEFAULT_KAFKA_ENTITY_OPERATOR_RESOURCES, KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR, ResolvedKafkaClusterOptions,
} from './kafka-cluster-options';
import { KAFKA_TLS_LISTENER_PORT, STRIMZI_API_VERSION, STRIMZI_CLUSTER_LABEL } from './strimzi-constants';
import { KubernetesObject } from '../../platform/k8s/custom-resources';
import { ResourceRequirements, toK8sResources } from '../../platform/k8s/resources';

/** Name of the metrics port of Strimzi's Kafka, Kafka Connect and Kafka Exporter pods (9404). */
export const STRIMZI_METRICS_PORT_NAME = 'tcp-prometheus';
/**
 * CPU and memory of the Kafka Exporter, which reads consumer group offsets and topic end offsets
 * from the brokers and serves them as metrics (consumer lag); small, one pod per cluster.
 */
export const DEFAULT_KAFKA_EXPORTER_RESOURCES: ResourceRequirements = { cpuRequest: '50m', memoryRequest: '64Mi', memoryLimit: '256Mi' };

/** Pod labels of the Kafka Exporter of one cluster (set by Strimzi). @internal */
export function kafkaExporterPodLabels(clusterName: string): Record<string, string> {
  return { [STRIMZI_CLUSTER_LABEL]: clusterName, 'strimzi.io/name': `${clusterName}-kafka-exporter` };
}

/** Name of the KafkaNodePool of the brokers (pods are `<cluster>-broker-<n>`). */
export const KAFKA_BROKER_POOL_NAME = 'broker';
/** Name of the KafkaNodePool of the KRaft controllers (pods are `<cluster>-controller-<n>`). */
export const KAFKA_CONTROLLER_POOL_NAME = 'controller';
/** Name of the TLS listener. */
export const KAFKA_TLS_LISTENER_NAME = 'tls';
/** Helm annotation that keeps a resource when it leaves the release (RemovalPolicy.RETAIN). */
export const HELM_KEEP_ANNOTATION = { 'helm.sh/resource-policy': 'keep' };

/** Durable broker configuration (Strimzi's production examples; no unclean elections, no implicit topics). */
export const KAFKA_BROKER_CONFIG: Record<string, any> = {
  'default.replication.factor': KAFKA_REPLICATION_FACTOR,
  'min.insync.replicas': KAFKA_MIN_INSYNC_REPLICAS,
  'offsets.topic.replication.factor': KAFKA_REPLICATION_FACTOR,
  'transaction.state.log.replication.factor': KAFKA_REPLICATION_FACTOR,
  'transaction.state.log.min.isr': KAFKA_MIN_INSYNC_REPLICAS,
  'unclean.leader.election.enable': false,
  'auto.create.topics.enable': false,
};

/** Inputs of the Kafka custom resources. @internal */
export interface KafkaSpecInput {
  readonly clusterName: string;
  readonly options: ResolvedKafkaClusterOptions;
  /** Whether the volumes are deleted with the nodes (effective RemovalPolicy.DESTROY). */
  readonly destroy: boolean;
  readonly labels: Record<string, string>;
}

function nodePool(
  input: KafkaSpecInput, name: string, role: string, replicas: number, sizeGiB: number, resources: ResourceRequirements,
): KubernetesObject {
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaNodePool',
    metadata: {
      name,
      labels: { ...input.labels, [STRIMZI_CLUSTER_LABEL]: input.clusterName },
      ...(input.destroy ? {} : { annotations: HELM_KEEP_ANNOTATION }),
    },
    spec: {
      replicas,
      roles: [role],
      storage: {
        type: 'jbod',
        volumes: [{
          id: 0,
          type: 'persistent-claim',
          size: `${sizeGiB}Gi`,
          ...(input.options.storageClassName ? { class: input.options.storageClassName } : {}),
          deleteClaim: input.destroy,
          kraftMetadata: 'shared',
        }],
      },
      resources: toK8sResources(resources),
    },
  };
}

/** The KafkaNodePools (controllers, then brokers) and the Kafka resource. @internal */
export function kafkaClusterResources(input: KafkaSpecInput): KubernetesObject[] {
  const o = input.options;
  const entityOperatorResources = toK8sResources(DEFAULT_KAFKA_ENTITY_OPERATOR_RESOURCES);
  return [
    nodePool(input, KAFKA_CONTROLLER_POOL_NAME, 'controller', o.controllers, o.controllerStorageSizeGiB, o.controllerResources),
    nodePool(input, KAFKA_BROKER_POOL_NAME, 'broker', o.brokers, o.brokerStorageSizeGiB, o.brokerResources),
    {
      apiVersion: STRIMZI_API_VERSION,
      kind: 'Kafka',
      metadata: {
        name: input.clusterName,
        labels: input.labels,
        ...(input.destroy ? {} : { annotations: HELM_KEEP_ANNOTATION }),
      },
      spec: {
        kafka: {
          version: o.kafkaVersion,
          listeners: [{
            name: KAFKA_TLS_LISTENER_NAME,
            port: KAFKA_TLS_LISTENER_PORT,
            type: 'internal',
            tls: true,
            authentication: { type: o.authentication },
            // Strimzi's generated policy then admits only pods of this namespace, like ours.
            networkPolicyPeers: [{ podSelector: {} }],
          }],
          authorization: { type: 'simple' },
          config: { ...KAFKA_BROKER_CONFIG },
          metricsConfig: { type: 'strimziMetricsReporter' },
        },
        entityOperator: {
          topicOperator: { resources: entityOperatorResources },
          userOperator: { resources: entityOperatorResources },
        },
        // Consumer group lag per topic and partition (Strimzi's metrics reporter has none).
        kafkaExporter: { groupRegex: '.*', topicRegex: '.*', resources: toK8sResources(DEFAULT_KAFKA_EXPORTER_RESOURCES) },
      },
    },
  ];
}
