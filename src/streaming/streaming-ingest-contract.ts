import { IConstruct } from 'constructs';
import { StreamCapacity } from './capacity';
import { IStreamDestination } from './destination';
import { IIdentity } from '../identity/identity';
import { RemovalPolicy } from '../platform/platform';

/** The engine behind a StreamingIngest. */
export enum StreamingEngine {
  /** Amazon Kinesis Data Streams. */
  KINESIS = 'kinesis',
  /** Amazon MSK (Kafka on AWS). */
  MSK = 'msk',
  /** Apache Kafka on Kubernetes, run by the Strimzi operator. */
  KAFKA = 'kafka',
}

/**
 * A durable stream that producers write to and consumers/destinations read from.
 * Implemented by Kinesis and MSK on AWS and by Strimzi Kafka on Kubernetes.
 */
export interface IStreamingIngest extends IConstruct {
  /** The engine. */
  readonly engine: StreamingEngine;
  /** Stream name (Kinesis) or topic name (Kafka). */
  readonly streamName: string;
  /** Shards or partitions; undefined for Kinesis on-demand. */
  readonly partitions?: number;
  /** Retention of records, hours. */
  readonly retentionHours: number;
  /** ARN of the stream (Kinesis) or cluster (MSK); undefined on Kubernetes. */
  readonly streamArn?: string;
  /** Kafka bootstrap servers (MSK, Kafka); undefined on Kinesis. */
  readonly bootstrapServers?: string;

  /** Lets `identity` write records (IAM + KMS on AWS; a Kafka user with Write/Describe ACLs on Kubernetes). */
  grantWrite(identity: IIdentity): void;

  /** Lets `identity` read records (IAM + KMS on AWS; Read/Describe ACLs on the topic and its consumer group on Kubernetes). */
  grantRead(identity: IIdentity): void;
}

/** Retention of records, hours (7 days: room to replay a week of data after a consumer bug). */
export const DEFAULT_RETENTION_HOURS = 168;
/** Shortest retention, hours (the Kinesis minimum). */
export const MIN_RETENTION_HOURS = 24;
/** Longest retention, hours (the Kinesis maximum, 365 days). */
export const MAX_RETENTION_HOURS = 8760;

/** Props every StreamingIngest backend accepts. */
export interface StreamingIngestBaseProps {
  /**
   * Name of the stream (Kinesis) or topic (Kafka), appended to the platform's namePrefix.
   * @default - the construct id in kebab case
   */
  readonly streamName?: string;
  /**
   * Capacity: on-demand, a fixed shard/partition count, or derived from a declared load.
   * @default StreamCapacity.onDemand()
   */
  readonly capacity?: StreamCapacity;
  /**
   * How long records are kept, hours (24 to 8760).
   * @default 168
   */
  readonly retentionHours?: number;
  /**
   * Where records are delivered (Firehose on AWS).
   * @default - none
   */
  readonly destinations?: IStreamDestination[];
  /**
   * What happens to the stream's data on removal. DESTROY also needs the platform's
   * `allowDataDestruction`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

export { kebab } from '../core/naming';
