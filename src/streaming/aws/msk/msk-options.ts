import { MskClusterAttributes } from './msk-attributes';

/** The kind of MSK cluster a MskStreamingIngest creates. */
export enum MskClusterType {
  /** Brokers you size (instance type, count, storage); full control of the Kafka configuration. */
  PROVISIONED = 'provisioned',
  /**
   * MSK Serverless: capacity managed by AWS, IAM auth only, replication factor fixed at 3 by the
   * service. Encrypted at rest with an AWS-owned key (Serverless offers no customer-managed key) and
   * no broker logs.
   */
  SERVERLESS = 'serverless',
}

/** Cluster type when none is given. */
export const DEFAULT_MSK_CLUSTER_TYPE = MskClusterType.PROVISIONED;
/** Broker instance type (Graviton, 2 vCPU, 8 GiB). */
export const DEFAULT_MSK_INSTANCE_TYPE = 'kafka.m7g.large';
/** Prefix of every MSK standard broker instance type. */
export const MSK_INSTANCE_TYPE_PREFIX = 'kafka.';
/** Brokers of a provisioned cluster (one per availability zone of a 3-AZ network). */
export const DEFAULT_MSK_BROKERS = 3;
/** Fewest brokers: replication factor 3 with min.insync.replicas 2 needs 3. */
export const MIN_MSK_BROKERS = 3;
/** EBS storage per broker, GiB. */
export const DEFAULT_MSK_VOLUME_GIB = 100;
/** Smallest EBS volume per broker, GiB. */
export const MIN_MSK_VOLUME_GIB = 1;
/** Largest EBS volume per broker, GiB. */
export const MAX_MSK_VOLUME_GIB = 16384;
/** Apache Kafka version of a provisioned cluster (`.x`: MSK applies patch releases). */
export const DEFAULT_MSK_KAFKA_VERSION = '3.8.x';
/** Most subnets MSK places provisioned brokers in (the first ones of the network are used). */
export const MAX_MSK_BROKER_SUBNETS = 3;
/** Port of the IAM (SASL/IAM over TLS) listener, the only one opened. */
export const MSK_IAM_PORT = 9098;
/** `default.replication.factor` of provisioned clusters (Serverless fixes 3). */
export const MSK_REPLICATION_FACTOR = 3;
/** `min.insync.replicas` of provisioned clusters. */
export const MSK_MIN_INSYNC_REPLICAS = 2;
/** Enhanced monitoring level of provisioned clusters. */
export const MSK_ENHANCED_MONITORING = 'PER_TOPIC_PER_BROKER';
/** Days broker logs are kept in CloudWatch Logs. */
export const MSK_BROKER_LOG_RETENTION_DAYS = 90;

/** MSK-specific options of a MskStreamingIngest. */
export interface MskOptions {
  /**
   * Provisioned or Serverless.
   * @default DEFAULT_MSK_CLUSTER_TYPE (MskClusterType.PROVISIONED)
   */
  readonly clusterType?: MskClusterType;
  /**
   * Broker instance type (provisioned only), a `kafka.*` type.
   * @default DEFAULT_MSK_INSTANCE_TYPE ("kafka.m7g.large")
   */
  readonly instanceType?: string;
  /**
   * Number of brokers (provisioned only): at least 3, a multiple of the broker subnets.
   * @default DEFAULT_MSK_BROKERS (3)
   */
  readonly brokers?: number;
  /**
   * EBS storage per broker, GiB (provisioned only, 1 to 16384).
   * @default DEFAULT_MSK_VOLUME_GIB (100)
   */
  readonly volumeSizeGib?: number;
  /**
   * Apache Kafka version (provisioned only).
   * @default DEFAULT_MSK_KAFKA_VERSION ("3.8.x")
   */
  readonly kafkaVersion?: string;
  /**
   * Use this existing cluster instead of creating one (no cluster option may be set with it). The
   * platform's network is not needed then.
   * @default - a new cluster
   */
  readonly existingCluster?: MskClusterAttributes;
}
