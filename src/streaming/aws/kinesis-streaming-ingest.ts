import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { Construct } from 'constructs';
import { invalidConfig } from '../../core/errors';
import { AwsNameRules } from '../../core/naming';
import { integerInRange } from '../../core/validate';
import { grantAws, PolicyStatement } from '../../identity/aws-grant';
import { IIdentity } from '../../identity/identity';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';
import { KINESIS_LIMITS, StreamCapacity, unitsFor } from '../capacity';
import {
  DEFAULT_RETENTION_HOURS, IStreamingIngest, kebab, MAX_RETENTION_HOURS, MIN_RETENTION_HOURS,
  StreamingEngine, StreamingIngestBaseProps,
} from '../streaming-ingest-contract';
import { FirehoseDelivery } from './firehose-delivery';
import { StreamTransform } from './stream-transform';
import { StreamTransformOptions } from './transform-options';

/** Shard-level metrics enabled on every stream (for iterator-age and throttling alarms per shard). */
export const KINESIS_SHARD_LEVEL_METRICS = [
  'IncomingBytes', 'IncomingRecords', 'IteratorAgeMilliseconds', 'OutgoingBytes', 'OutgoingRecords',
  'ReadProvisionedThroughputExceeded', 'WriteProvisionedThroughputExceeded',
];

/** Props of {@link KinesisStreamingIngest}. */
export interface KinesisStreamingIngestProps extends StreamingIngestBaseProps {
  /**
   * A Lambda between the stream and the destinations (Kinesis -> Lambda -> Firehose direct PUT).
   * @default - Firehose reads the stream directly
   */
  readonly transform?: StreamTransformOptions;
}

/** Attributes of an existing Kinesis stream. */
export interface KinesisStreamAttributes {
  /** Stream name. */
  readonly streamName: string;
  /** Stream ARN. */
  readonly streamArn: string;
  /** ARN of the stream's KMS key. */
  readonly kmsKeyArn: string;
  /**
   * Shard count.
   * @default - unknown (on-demand)
   */
  readonly shardCount?: number;
  /**
   * Retention, hours.
   * @default 24
   */
  readonly retentionHours?: number;
}

/** Statements for writing to / reading from a Kinesis stream. @internal */
export function kinesisStatements(streamArn: string, keyArn: string, write: boolean): PolicyStatement[] {
  return write
    ? [
      { actions: ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], resources: [streamArn] },
      { actions: ['kms:GenerateDataKey'], resources: [keyArn] },
    ]
    : [
      {
        actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:SubscribeToShard'],
        resources: [streamArn],
      },
      { actions: ['kms:Decrypt'], resources: [keyArn] },
    ];
}

abstract class KinesisGrants extends Construct {
  public abstract readonly streamArn?: string;
  public abstract readonly streamName: string;
  protected abstract readonly keyArn: string;
  /** Stream name without tokens, for policy names. */
  protected abstract readonly policyPrefix: string;
  public grantWrite(identity: IIdentity): void {
    grantAws(this, `${this.policyPrefix}-write`, identity, kinesisStatements(this.streamArn!, this.keyArn, true));
  }
  public grantRead(identity: IIdentity): void {
    grantAws(this, `${this.policyPrefix}-read`, identity, kinesisStatements(this.streamArn!, this.keyArn, false));
  }
}

class ImportedKinesisStream extends KinesisGrants implements IStreamingIngest {
  public readonly engine = StreamingEngine.KINESIS;
  public readonly streamName: string;
  public readonly streamArn?: string;
  public readonly partitions?: number;
  public readonly retentionHours: number;
  protected readonly keyArn: string;
  protected readonly policyPrefix: string;
  constructor(scope: Construct, id: string, attrs: KinesisStreamAttributes) {
    super(scope, id);
    this.policyPrefix = `kinesis-${kebab(id)}`;
    this.streamName = attrs.streamName;
    this.streamArn = attrs.streamArn;
    this.keyArn = attrs.kmsKeyArn;
    this.partitions = attrs.shardCount;
    this.retentionHours = attrs.retentionHours ?? MIN_RETENTION_HOURS;
  }
}

/**
 * StreamingIngest on Amazon Kinesis Data Streams: KMS (platform CMK), stated retention, shard-level
 * metrics, on-demand or provisioned (sized from a declared load), an optional transform Lambda, and
 * a Firehose delivery stream per destination.
 */
export class KinesisStreamingIngest extends KinesisGrants implements IStreamingIngest {
  /** An existing stream, by attributes. */
  public static fromStreamAttributes(scope: Construct, id: string, attrs: KinesisStreamAttributes): IStreamingIngest {
    return new ImportedKinesisStream(scope, id, attrs);
  }

  public readonly engine = StreamingEngine.KINESIS;
  public readonly streamName: string;
  public readonly streamArn?: string;
  public readonly partitions?: number;
  public readonly retentionHours: number;
  /** The stream resource. */
  public readonly stream: KinesisStream;
  /** The stream's key. */
  public readonly encryptionKey: IEncryptionKey;
  /** One delivery stream per destination. */
  public readonly deliveries: FirehoseDelivery[] = [];
  /** The transform function, when configured. */
  public readonly transform?: StreamTransform;
  protected readonly keyArn: string;
  protected readonly policyPrefix: string;

  constructor(scope: Construct, id: string, props: KinesisStreamingIngestProps = {}) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const suffix = props.streamName ?? kebab(id);
    this.policyPrefix = `kinesis-${suffix}`;
    this.retentionHours = integerInRange(this, 'retentionHours', props.retentionHours, MIN_RETENTION_HOURS, MAX_RETENTION_HOURS, DEFAULT_RETENTION_HOURS);
    this.partitions = unitsFor(this, props.capacity ?? StreamCapacity.onDemand(), KINESIS_LIMITS);
    const destinations = props.destinations ?? [];
    if (props.transform && destinations.length === 0) {
      throw invalidConfig(this, 'transform needs at least one destination: the function forwards records to the destinations\' delivery streams.');
    }
    const names = destinations.map((d) => d.destinationName);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) throw invalidConfig(this, `two destinations are named "${duplicate}"; give each a distinct destinationName.`);

    this.encryptionKey = platform.encryptionKey(this, suffix, props.removalPolicy);
    this.keyArn = this.encryptionKey.keyArn;
    this.stream = new KinesisStream(this, 'Stream', {
      name: platform.physicalName(this, AwsNameRules.KINESIS_STREAM, [suffix]),
      streamModeDetails: { streamMode: this.partitions === undefined ? 'ON_DEMAND' : 'PROVISIONED' },
      shardCount: this.partitions,
      retentionPeriod: this.retentionHours,
      encryptionType: 'KMS',
      kmsKeyId: this.keyArn,
      shardLevelMetrics: KINESIS_SHARD_LEVEL_METRICS,
      enforceConsumerDeletion: false,
    });
    platform.protect(this.stream, props.removalPolicy);
    this.streamName = this.stream.name;
    this.streamArn = this.stream.arn;

    for (const destination of destinations) {
      this.deliveries.push(new FirehoseDelivery(this, `Delivery-${destination.destinationName}`, {
        name: `${suffix}-${destination.destinationName}`,
        source: props.transform ? {} : { kinesisStreamArn: this.stream.arn, kinesisStreamKey: this.encryptionKey },
        destination,
        key: this.encryptionKey,
        removalPolicy: props.removalPolicy,
      }));
    }
    if (props.transform) {
      this.transform = new StreamTransform(this, 'Transform', {
        ...props.transform,
        name: suffix,
        streamArn: this.stream.arn,
        key: this.encryptionKey,
        deliveryStreamNames: this.deliveries.map((d) => d.deliveryStreamName),
        deliveryStatements: this.deliveries.flatMap((d) => d.writeStatements()),
      });
    }
  }
}
