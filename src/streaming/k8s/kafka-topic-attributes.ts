import { KafkaAuthentication } from './kafka-cluster-options';

/** Attributes of an existing Kafka topic (of a Strimzi cluster). */
export interface KafkaTopicAttributes {
  /** Topic name. */
  readonly topicName: string;
  /** Name of the Strimzi Kafka resource; grants create KafkaUsers labelled with it. */
  readonly clusterName: string;
  /** Bootstrap address of the cluster's TLS listener (`host:port`). */
  readonly bootstrapServers: string;
  /**
   * Client authentication of that listener.
   * @default KafkaAuthentication.TLS
   */
  readonly authentication?: KafkaAuthentication;
  /**
   * Partitions of the topic, when known.
   * @default - unknown
   */
  readonly partitions?: number;
  /**
   * Retention of the topic, hours (24 to 8760).
   * @default 168
   */
  readonly retentionHours?: number;
}
