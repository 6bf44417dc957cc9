import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Construct } from 'constructs';
import * as d from './transform-options';
import { Fn } from '../../core/cdktf';
import { AwsNameRules } from '../../core/naming';
import { integerInRange } from '../../core/validate';
import { zipAsset } from '../../core/zip-asset';
import { attachRolePolicy, PolicyStatement, trustPolicy } from '../../identity/aws-grant';
import { EncryptedLogGroup } from '../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';

/** Props of {@link StreamTransform}. */
export interface StreamTransformProps extends d.StreamTransformOptions {
  /** Name suffix after the namePrefix. */
  readonly name: string;
  /** ARN of the Kinesis stream the function consumes. */
  readonly streamArn: string;
  /** Key of the stream, the queue and the logs. */
  readonly key: IEncryptionKey;
  /** Names of the delivery streams it writes to. */
  readonly deliveryStreamNames: string[];
  /** Permissions to write to those delivery streams. */
  readonly deliveryStatements: PolicyStatement[];
}

/**
 * A Lambda consuming a Kinesis stream: code as an asset, X-Ray tracing, reserved concurrency,
 * KMS-encrypted logs with retention, an event source mapping with bisect-on-error, bounded retries
 * and record age, partial batch responses, and a KMS-encrypted SQS dead-letter queue.
 */
export class StreamTransform extends Construct {
  /** The function. */
  public readonly function: LambdaFunction;
  /** The dead-letter queue receiving metadata of batches that failed every retry. */
  public readonly deadLetterQueue: SqsQueue;
  /** The event source mapping. */
  public readonly eventSourceMapping: LambdaEventSourceMapping;

  constructor(scope: Construct, id: string, props: StreamTransformProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const memory = integerInRange(this, 'transform.memoryMiB', props.memoryMiB, 128, 10_240, d.DEFAULT_TRANSFORM_MEMORY_MIB);
    const timeout = integerInRange(this, 'transform.timeoutSeconds', props.timeoutSeconds, 1, 900, d.DEFAULT_TRANSFORM_TIMEOUT_SECONDS);
    const batchSize = integerInRange(this, 'transform.batchSize', props.batchSize, 1, 10_000, d.DEFAULT_TRANSFORM_BATCH_SIZE);
    const retries = integerInRange(this, 'transform.maxRetryAttempts', props.maxRetryAttempts, 0, 10_000, d.DEFAULT_TRANSFORM_MAX_RETRY_ATTEMPTS);
    const maxAge = integerInRange(this, 'transform.maxRecordAgeSeconds', props.maxRecordAgeSeconds, 60, 604_800, d.DEFAULT_TRANSFORM_MAX_RECORD_AGE_SECONDS);
    const concurrency = integerInRange(this, 'transform.reservedConcurrency', props.reservedConcurrency, 1, 1_000, d.DEFAULT_TRANSFORM_RESERVED_CONCURRENCY);
    const name = platform.physicalName(this, AwsNameRules.LAMBDA_FUNCTION, [props.name]);

    const logs = new EncryptedLogGroup(this, 'Logs', { name: `/aws/lambda/${name}`, kmsKeyArn: props.key.keyArn, retentionDays: props.logRetentionDays });
    this.deadLetterQueue = new SqsQueue(this, 'DeadLetterQueue', {
      name: platform.physicalName(this, AwsNameRules.SQS_QUEUE, [props.name, 'dlq']),
      kmsMasterKeyId: props.key.keyArn,
      messageRetentionSeconds: d.DLQ_RETENTION_SECONDS,
    });
    const role = new IamRole(this, 'Role', {
      name: platform.physicalName(this, AwsNameRules.IAM_ROLE, [props.name, 'fn']),
      assumeRolePolicy: trustPolicy({ Service: 'lambda.amazonaws.com' }),
    });
    attachRolePolicy(this, 'Permissions', role.name, [
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logs.arn}:*`] },
      {
        actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:SubscribeToShard'],
        resources: [props.streamArn],
      },
      { actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.arn] },
      { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [props.key.keyArn] },
      { actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] },
      ...props.deliveryStatements,
    ]);

    const code = props.code ?? { directory: d.STREAM_FORWARDER_DIR, handler: 'index.handler' };
    const asset = zipAsset(this, 'Code', code.directory);
    this.function = new LambdaFunction(this, 'Function', {
      functionName: name,
      role: role.arn,
      runtime: d.DEFAULT_TRANSFORM_RUNTIME,
      handler: code.handler,
      filename: asset.path,
      sourceCodeHash: Fn.filebase64sha256(asset.path),
      memorySize: memory,
      timeout,
      reservedConcurrentExecutions: concurrency,
      kmsKeyArn: props.key.keyArn,
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: logs.name },
      environment: { variables: { DELIVERY_STREAM_NAMES: props.deliveryStreamNames.join(',') } },
      dependsOn: [logs.logGroup],
    });
    this.eventSourceMapping = new LambdaEventSourceMapping(this, 'Source', {
      eventSourceArn: props.streamArn,
      functionName: this.function.arn,
      startingPosition: 'TRIM_HORIZON',
      batchSize,
      maximumBatchingWindowInSeconds: 1,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: retries,
      maximumRecordAgeInSeconds: maxAge,
      functionResponseTypes: ['ReportBatchItemFailures'],
      destinationConfig: { onFailure: { destinationArn: this.deadLetterQueue.arn } },
      dependsOn: this.node.findAll().filter((c): c is IamRolePolicy => c instanceof IamRolePolicy),
    });
  }
}
