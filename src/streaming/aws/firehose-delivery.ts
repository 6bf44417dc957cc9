import { CloudwatchLogStream } from '@cdktf/provider-aws/lib/cloudwatch-log-stream';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../core/naming';
import { attachRolePolicy, PolicyStatement, trustPolicy } from '../../identity/aws-grant';
import { EncryptedLogGroup } from '../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';
import { RemovalPolicy } from '../../platform/platform';
import { checkDestinationName, IStreamDestination } from '../destination';

/** Where a delivery stream reads from. */
export interface FirehoseSource {
  /**
   * ARN of the Kinesis stream Firehose reads. Without it, producers write to the delivery stream
   * directly (direct PUT), for example a transform function.
   * @default - direct PUT
   */
  readonly kinesisStreamArn?: string;
  /**
   * KMS key of that Kinesis stream (Firehose decrypts with it).
   * @default - none
   */
  readonly kinesisStreamKey?: IEncryptionKey;
}

/** Props of {@link FirehoseDelivery}. */
export interface FirehoseDeliveryProps {
  /** Name suffix after the namePrefix (`<stream>-<destination>`). */
  readonly name: string;
  /** Where records come from. */
  readonly source: FirehoseSource;
  /** Where records go. */
  readonly destination: IStreamDestination;
  /** Key for server-side encryption of a direct-PUT stream and its error logs. */
  readonly key: IEncryptionKey;
  /**
   * Removal policy of stores the destination creates.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Retention of the delivery error log group, days.
   * @default 90
   */
  readonly logRetentionDays?: number;
}

/**
 * A Firehose delivery stream from a Kinesis stream (or direct PUT) to one destination, with its own
 * least-privilege role, server-side encryption (direct PUT; a Kinesis source is encrypted by the
 * stream), and delivery errors logged to a KMS-encrypted log group.
 */
export class FirehoseDelivery extends Construct {
  /** Delivery stream name. */
  public readonly deliveryStreamName: string;
  /** Delivery stream ARN. */
  public readonly deliveryStreamArn: string;
  /** The delivery stream resource. */
  public readonly deliveryStream: KinesisFirehoseDeliveryStream;
  /** Its IAM role. */
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: FirehoseDeliveryProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    checkDestinationName(this, props.destination);
    const name = platform.physicalName(this, AwsNameRules.FIREHOSE_STREAM, [props.name]);
    this.role = new IamRole(this, 'Role', {
      name: platform.physicalName(this, AwsNameRules.IAM_ROLE, [props.name, 'firehose']),
      assumeRolePolicy: trustPolicy({ Service: 'firehose.amazonaws.com' }, { StringEquals: { 'sts:ExternalId': platform.accountId } }),
    });
    const logs = new EncryptedLogGroup(this, 'ErrorLogs', {
      name: `/aws/kinesisfirehose/${name}`,
      kmsKeyArn: props.key.keyArn,
      retentionDays: props.logRetentionDays,
    });
    const logStream = new CloudwatchLogStream(this, 'DestinationErrors', { name: props.destination.destinationName, logGroupName: logs.name });

    const { kinesisStreamArn, kinesisStreamKey } = props.source;
    if (kinesisStreamArn) {
      attachRolePolicy(this, 'ReadSource', this.role.name, [
        { actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'], resources: [kinesisStreamArn] },
        ...(kinesisStreamKey ? [{ actions: ['kms:Decrypt'], resources: [kinesisStreamKey.keyArn] }] : []),
      ]);
    }
    const config = props.destination.bindFirehose(this, {
      deliveryStreamName: name,
      resourceSuffix: props.name,
      removalPolicy: props.removalPolicy,
      role: this.role,
      key: props.key,
      logGroupName: logs.name,
      logGroupArn: logs.arn,
      logStreamName: logStream.name,
    });
    this.deliveryStream = new KinesisFirehoseDeliveryStream(this, 'DeliveryStream', {
      name,
      destination: config.destination,
      extendedS3Configuration: config.extendedS3Configuration,
      redshiftConfiguration: config.redshiftConfiguration,
      opensearchConfiguration: config.amazonopensearchConfiguration,
      kinesisSourceConfiguration: kinesisStreamArn ? { kinesisStreamArn, roleArn: this.role.arn } : undefined,
      // A Kinesis-sourced delivery stream is encrypted by its source stream; SSE applies to direct PUT.
      serverSideEncryption: kinesisStreamArn ? undefined : { enabled: true, keyType: 'CUSTOMER_MANAGED_CMK', keyArn: props.key.keyArn },
      // Firehose checks its role's permissions on create: attach them first.
      dependsOn: this.node.findAll().filter((c): c is IamRolePolicy => c instanceof IamRolePolicy),
    });
    this.deliveryStreamName = this.deliveryStream.name;
    this.deliveryStreamArn = this.deliveryStream.arn;
  }

  /** Statements that let a producer write to this delivery stream. */
  public writeStatements(): PolicyStatement[] {
    return [{ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: [this.deliveryStreamArn] }];
  }
}
