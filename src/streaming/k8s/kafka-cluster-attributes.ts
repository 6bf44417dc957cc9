import { KafkaAuthentication } from './kafka-cluster-options';

/** Attributes of an existing Strimzi Kafka cluster. */
export interface KafkaClusterAttributes {
  /** Name of its Kafka resource. Its user and topic operators must watch the platform namespace. */
  readonly clusterName: string;
  /** Bootstrap address of its TLS listener (`host:port`). */
  readonly bootstrapServers: string;
  /**
   * Client authentication of that listener.
   * @default KafkaAuthentication.TLS
   */
  readonly authentication?: KafkaAuthentication;
}
