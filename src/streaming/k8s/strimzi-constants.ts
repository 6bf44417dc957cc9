/** API version of every Strimzi custom resource (Strimzi 1.x serves only `v1`). */
export const STRIMZI_API_VERSION = 'kafka.strimzi.io/v1';

/** Port of the TLS client listener of every Kafka cluster the library creates. */
export const KAFKA_TLS_LISTENER_PORT = 9093;
/** Strimzi's KRaft control plane listener (controllers, and the operator during rolls). */
export const KAFKA_CONTROL_PLANE_PORT = 9090;
/** Strimzi's internal replication listener (brokers, operators, Cruise Control, Kafka Exporter). */
export const KAFKA_REPLICATION_PORT = 9091;
/** Strimzi's Kafka agent (broker state read by the cluster operator). */
export const KAFKA_AGENT_PORT = 8443;
/** Port of the Prometheus metrics endpoint of Kafka pods (Strimzi opens it to all pods). */
export const KAFKA_METRICS_PORT = 9404;

/** Label naming the Kafka cluster of a KafkaNodePool, KafkaTopic or KafkaUser. */
export const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';

/** Pod labels of the Strimzi cluster operator (set by its Helm chart). @internal */
export const OPERATOR_POD_LABELS: Record<string, string> = { 'strimzi.io/kind': 'cluster-operator' };

/** Pod labels of every Kafka node (controller or broker) of any cluster. @internal */
export const ANY_KAFKA_POD_LABELS: Record<string, string> = { 'strimzi.io/kind': 'Kafka' };

/** Pod labels of every Kafka node (controller or broker) of one cluster. @internal */
export function kafkaPodLabels(clusterName: string): Record<string, string> {
  return { [STRIMZI_CLUSTER_LABEL]: clusterName, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${clusterName}-kafka` };
}

/** Pod labels of the brokers of one cluster. @internal */
export function brokerPodLabels(clusterName: string): Record<string, string> {
  return { ...kafkaPodLabels(clusterName), 'strimzi.io/broker-role': 'true' };
}

/** Pod labels of the entity operator (topic and user operators) of one cluster. @internal */
export function entityOperatorPodLabels(clusterName: string): Record<string, string> {
  return { [STRIMZI_CLUSTER_LABEL]: clusterName, 'strimzi.io/name': `${clusterName}-entity-operator` };
}

/** `<cluster>-kafka-bootstrap.<namespace>.svc:<port>`. @internal */
export function bootstrapAddress(clusterName: string, namespace: string): string {
  return `${clusterName}-kafka-bootstrap.${namespace}.svc:${KAFKA_TLS_LISTENER_PORT}`;
}
