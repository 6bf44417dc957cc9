import { ResourceRequirements } from '../../platform/k8s/resources';
import { KAFKA_VERSION } from '../../platform/k8s/versions';
import { RemovalPolicy } from '../../platform/platform';

/** How Kafka clients prove who they are on the cluster's TLS listener. */
export enum KafkaAuthentication {
  /** Mutual TLS: each Kafka user gets a client certificate (Secret named after the user). */
  TLS = 'tls',
  /** SASL SCRAM-SHA-512 over TLS: each Kafka user gets a generated password (Secret named after the user). */
  SCRAM_SHA_512 = 'scram-sha-512',
}

/** Replication factor of every topic (and of Kafka's internal topics). */
export const KAFKA_REPLICATION_FACTOR = 3;
/** `min.insync.replicas` of every topic: a write is acknowledged once 2 of the 3 replicas have it. */
export const KAFKA_MIN_INSYNC_REPLICAS = 2;
/** Fewest brokers: replication factor 3 needs 3 brokers. */
export const MIN_KAFKA_BROKERS = KAFKA_REPLICATION_FACTOR;
/** Most brokers accepted. */
export const MAX_KAFKA_BROKERS = 100;
/** Fewest KRaft controllers (a quorum of 3 survives one failure). */
export const MIN_KAFKA_CONTROLLERS = 3;
/** Most KRaft controllers accepted. */
export const MAX_KAFKA_CONTROLLERS = 9;
/** Largest persistent volume per node accepted, GiB. */
export const MAX_KAFKA_STORAGE_SIZE_GIB = 65_536;

/** Number of brokers. */
export const DEFAULT_KAFKA_BROKERS = 3;
/** Number of KRaft controllers. */
export const DEFAULT_KAFKA_CONTROLLERS = 3;
/** Persistent volume of each broker, GiB. */
export const DEFAULT_KAFKA_BROKER_STORAGE_SIZE_GIB = 100;
/** Persistent volume of each controller (KRaft metadata only), GiB. */
export const DEFAULT_KAFKA_CONTROLLER_STORAGE_SIZE_GIB = 10;
/** Client authentication. */
export const DEFAULT_KAFKA_AUTHENTICATION = KafkaAuthentication.TLS;
/** CPU and memory of each broker. */
export const DEFAULT_KAFKA_BROKER_RESOURCES: ResourceRequirements = {
  cpuRequest: '500m',
  memoryRequest: '2Gi',
  memoryLimit: '2Gi',
};
/** CPU and memory of each KRaft controller. */
export const DEFAULT_KAFKA_CONTROLLER_RESOURCES: ResourceRequirements = {
  cpuRequest: '250m',
  memoryRequest: '1Gi',
  memoryLimit: '1Gi',
};
/** CPU and memory of the topic operator and of the user operator (each). */
export const DEFAULT_KAFKA_ENTITY_OPERATOR_RESOURCES: ResourceRequirements = {
  cpuRequest: '100m',
  memoryRequest: '384Mi',
  memoryLimit: '384Mi',
};

/** Options of the Strimzi Kafka cluster (KRaft) that Kafka StreamingIngests share. */
export interface KafkaClusterOptions {
  /**
   * Number of brokers (at least 3: topics keep 3 replicas with min.insync.replicas 2).
   * @default 3
   */
  readonly brokers?: number;
  /**
   * Number of KRaft controllers (an odd number from 3 to 9).
   * @default 3
   */
  readonly controllers?: number;
  /**
   * Persistent volume of each broker, GiB.
   * @default 100
   */
  readonly brokerStorageSizeGiB?: number;
  /**
   * Persistent volume of each controller, GiB.
   * @default 10
   */
  readonly controllerStorageSizeGiB?: number;
  /**
   * Storage class of the volumes.
   * @default - the platform's storageClassName (itself defaulting to the cluster's default class)
   */
  readonly storageClassName?: string;
  /**
   * CPU and memory of each broker.
   * @default DEFAULT_KAFKA_BROKER_RESOURCES
   */
  readonly brokerResources?: ResourceRequirements;
  /**
   * CPU and memory of each controller.
   * @default DEFAULT_KAFKA_CONTROLLER_RESOURCES
   */
  readonly controllerResources?: ResourceRequirements;
  /**
   * Kafka version (one the pinned Strimzi operator supports).
   * @default KAFKA_VERSION
   */
  readonly kafkaVersion?: string;
  /**
   * Client authentication on the TLS listener.
   * @default KafkaAuthentication.TLS
   */
  readonly authentication?: KafkaAuthentication;
  /**
   * What happens to the cluster and its volumes on removal. RETAIN keeps the Kafka resources
   * (`helm.sh/resource-policy: keep`) and their volumes (`deleteClaim: false`); DESTROY also needs
   * the platform's `allowDataDestruction`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Kafka cluster options with every default applied. @internal */
export interface ResolvedKafkaClusterOptions {
  readonly brokers: number;
  readonly controllers: number;
  readonly brokerStorageSizeGiB: number;
  readonly controllerStorageSizeGiB: number;
  readonly storageClassName?: string;
  readonly brokerResources: ResourceRequirements;
  readonly controllerResources: ResourceRequirements;
  readonly kafkaVersion: string;
  readonly authentication: KafkaAuthentication;
  readonly removalPolicy?: RemovalPolicy;
}

/** Applies the defaults (no validation). @internal */
export function withKafkaClusterDefaults(options: KafkaClusterOptions, platformStorageClass?: string): ResolvedKafkaClusterOptions {
  return {
    brokers: options.brokers ?? DEFAULT_KAFKA_BROKERS,
    controllers: options.controllers ?? DEFAULT_KAFKA_CONTROLLERS,
    brokerStorageSizeGiB: options.brokerStorageSizeGiB ?? DEFAULT_KAFKA_BROKER_STORAGE_SIZE_GIB,
    controllerStorageSizeGiB: options.controllerStorageSizeGiB ?? DEFAULT_KAFKA_CONTROLLER_STORAGE_SIZE_GIB,
    storageClassName: options.storageClassName ?? platformStorageClass,
    brokerResources: options.brokerResources ?? DEFAULT_KAFKA_BROKER_RESOURCES,
    controllerResources: options.controllerResources ?? DEFAULT_KAFKA_CONTROLLER_RESOURCES,
    kafkaVersion: options.kafkaVersion ?? KAFKA_VERSION,
    authentication: options.authentication ?? DEFAULT_KAFKA_AUTHENTICATION,
    removalPolicy: options.removalPolicy,
  };
}
