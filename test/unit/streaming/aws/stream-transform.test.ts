import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import {
  AwsPlatform,
  DEFAULT_LOG_RETENTION_DAYS,
  DEFAULT_TRANSFORM_BATCH_SIZE,
  DEFAULT_TRANSFORM_MAX_RECORD_AGE_SECONDS,
  DEFAULT_TRANSFORM_MAX_RETRY_ATTEMPTS,
  DEFAULT_TRANSFORM_MEMORY_MIB,
  DEFAULT_TRANSFORM_RESERVED_CONCURRENCY,
  DEFAULT_TRANSFORM_RUNTIME,
  DEFAULT_TRANSFORM_TIMEOUT_SECONDS,
  DLQ_RETENTION_SECONDS,
  KinesisStreamingIngest,
  S3Destination,
  STREAM_FORWARDER_DIR,
  StreamingIngest,
  StreamTransformOptions,
} from '../../../../src';
import { newStack, ref, synth, Synthesized } from '../../../support/synth';

function awsStack(): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  return stack;
}

/** A StreamingIngest "ClickEvents" with a transform in front of `destinations` S3 destinations. */
function withTransform(transform: StreamTransformOptions = {}, destinationNames = ['s3']): { stack: TerraformStack; ingest: StreamingIngest; out: Synthesized } {
  const stack = awsStack();
  const ingest = new StreamingIngest(stack, 'ClickEvents', {
    destinations: destinationNames.map((destinationName) => new S3Destination({ destinationName })),
    aws: { transform },
  });
  return { stack, ingest, out: synth(stack) };
}


function logicalId(out: Synthesized, type: string, idContains: string): string {
  const ids = Object.keys(out.resources(type)).filter((id) => id.includes(idContains));
  expect(ids).toHaveLength(1);
  return `${type}.${ids[0]}`;
}

const TRANSFORM = 'test/ClickEvents/Kinesis/Transform';

describe('transform function', () => {
  test('runtime, handler, default sizing, reserved concurrency, tracing, encrypted environment', () => {
    const { out } = withTransform();
    const fn = out.only('aws_lambda_function');
    expect(fn.function_name).toBe('acme-click-events');
    expect(fn.runtime).toBe(DEFAULT_TRANSFORM_RUNTIME);
    expect(DEFAULT_TRANSFORM_RUNTIME).toBe('nodejs20.x');
    expect(fn.handler).toBe('index.handler');
    expect(fn.memory_size).toBe(DEFAULT_TRANSFORM_MEMORY_MIB);
    expect(fn.timeout).toBe(DEFAULT_TRANSFORM_TIMEOUT_SECONDS);
    expect(fn.reserved_concurrent_executions).toBe(DEFAULT_TRANSFORM_RESERVED_CONCURRENCY);
    expect([DEFAULT_TRANSFORM_MEMORY_MIB, DEFAULT_TRANSFORM_TIMEOUT_SECONDS, DEFAULT_TRANSFORM_RESERVED_CONCURRENCY]).toEqual([256, 60, 10]);
    expect(fn.tracing_config).toEqual({ mode: 'Active' });
    expect(fn.kms_key_arn).toBe(ref(out, 'aws_kms_key', 'SharedKey', 'arn'));
    expect(fn.role).toBe(ref(out, 'aws_iam_role', 'Transform_Role', 'arn'));
    // Code: the bundled forwarder, zipped as an asset, redeployed when it changes.
    expect(fn.filename).toMatch(/\.zip$/);
    expect(fn.source_code_hash).toBe('$' + `{filebase64sha256("${fn.filename}")}`);
    expect(fs.existsSync(path.join(STREAM_FORWARDER_DIR, 'index.js'))).toBe(true);
  });

  test('JSON logs into its own KMS-encrypted log group with retention, created first', () => {
    const { out } = withTransform();
    const fn = out.only('aws_lambda_function');
    expect(fn.logging_config).toEqual({ log_format: 'JSON', log_group: ref(out, 'aws_cloudwatch_log_group', 'Transform_Logs', 'name') });
    expect(fn.depends_on).toEqual([logicalId(out, 'aws_cloudwatch_log_group', 'Transform_Logs')]);
    const group = out.resources('aws_cloudwatch_log_group')[logicalId(out, 'aws_cloudwatch_log_group', 'Transform_Logs').split('.')[1]];
    expect(group).toEqual({
      name: '/aws/lambda/acme-click-events',
      retention_in_days: DEFAULT_LOG_RETENTION_DAYS,
      kms_key_id: ref(out, 'aws_kms_key', 'SharedKey', 'arn'),
    });
  });

  test('DELIVERY_STREAM_NAMES lists every delivery stream, in destination order', () => {
    const one = withTransform();
    expect(one.out.only('aws_lambda_function').environment).toEqual({
      variables: { DELIVERY_STREAM_NAMES: ref(one.out, 'aws_kinesis_firehose_delivery_stream', 'Delivery-s3', 'name') },
    });
    const two = withTransform({}, ['raw', 'archive']);
    expect(two.out.only('aws_lambda_function').environment.variables.DELIVERY_STREAM_NAMES).toBe([
      ref(two.out, 'aws_kinesis_firehose_delivery_stream', 'Delivery-raw', 'name'),
      ref(two.out, 'aws_kinesis_firehose_delivery_stream', 'Delivery-archive', 'name'),
    ].join(','));
  });

  test('the transform is exposed on the Kinesis backend', () => {
    const { ingest } = withTransform();
    const kinesis = ingest.backend as KinesisStreamingIngest;
    expect(kinesis.transform).toBeDefined();
    expect(kinesis.deliveries).toHaveLength(1);
  });
});

describe('event source mapping', () => {
  test('bisect on error, bounded retries and record age, partial batch responses, DLQ on failure, from TRIM_HORIZON', () => {
    const { out } = withTransform();
    const mapping = out.only('aws_lambda_event_source_mapping');
    expect(mapping).toEqual({
      event_source_arn: ref(out, 'aws_kinesis_stream', 'Stream', 'arn'),
      function_name: ref(out, 'aws_lambda_function', 'Transform_Function', 'arn'),
      starting_position: 'TRIM_HORIZON',
      batch_size: DEFAULT_TRANSFORM_BATCH_SIZE,
      maximum_batching_window_in_seconds: 1,
      bisect_batch_on_function_error: true,
      maximum_retry_attempts: DEFAULT_TRANSFORM_MAX_RETRY_ATTEMPTS,
      maximum_record_age_in_seconds: DEFAULT_TRANSFORM_MAX_RECORD_AGE_SECONDS,
      function_response_types: ['ReportBatchItemFailures'],
      destination_config: { on_failure: { destination_arn: ref(out, 'aws_sqs_queue', 'DeadLetterQueue', 'arn') } },
      depends_on: [logicalId(out, 'aws_iam_role_policy', 'Transform_Permissions')],
    });
    expect([DEFAULT_TRANSFORM_BATCH_SIZE, DEFAULT_TRANSFORM_MAX_RETRY_ATTEMPTS, DEFAULT_TRANSFORM_MAX_RECORD_AGE_SECONDS]).toEqual([500, 3, 3_600]);
  });

  test('options are applied, and 0 retries is a value', () => {
    const { out } = withTransform({
      memoryMiB: 1_024,
      timeoutSeconds: 900,
      batchSize: 10_000,
      maxRetryAttempts: 0,
      maxRecordAgeSeconds: 60,
      reservedConcurrency: 1,
      logRetentionDays: 30,
    });
    const fn = out.only('aws_lambda_function');
    expect([fn.memory_size, fn.timeout, fn.reserved_concurrent_executions]).toEqual([1_024, 900, 1]);
    const mapping = out.only('aws_lambda_event_source_mapping');
    expect([mapping.batch_size, mapping.maximum_retry_attempts, mapping.maximum_record_age_in_seconds]).toEqual([10_000, 0, 60]);
    expect(out.resources('aws_cloudwatch_log_group')[logicalId(out, 'aws_cloudwatch_log_group', 'Transform_Logs').split('.')[1]].retention_in_days).toBe(30);
  });

  test('custom code: its directory is the asset and its handler is used', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transform-code-'));
    fs.writeFileSync(path.join(dir, 'main.js'), 'exports.run = async () => ({ batchItemFailures: [] });\n');
    try {
      const fn = withTransform({ code: { directory: dir, handler: 'main.run' } }).out.only('aws_lambda_function');
      expect(fn.handler).toBe('main.run');
      expect(fn.filename).toMatch(/\.zip$/);
      expect(fn.filename).not.toBe(withTransform().out.only('aws_lambda_function').filename);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dead-letter queue', () => {
  test('KMS-encrypted with the stream key, keeping failed batches for the SQS maximum', () => {
    const { out } = withTransform();
    expect(out.only('aws_sqs_queue')).toEqual({
      name: 'acme-click-events-dlq',
      kms_master_key_id: ref(out, 'aws_kms_key', 'SharedKey', 'arn'),
      message_retention_seconds: DLQ_RETENTION_SECONDS,
    });
    expect(DLQ_RETENTION_SECONDS).toBe(14 * 24 * 3_600);
  });
});

describe('function role', () => {
  test('trusted by Lambda only', () => {
    const { out } = withTransform();
    const role = Object.values(out.resources('aws_iam_role')).find((r: any) => r.name === 'acme-click-events-fn') as any;
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  test('every permission is scoped to its resource; only X-Ray (which has no resource ARNs) uses "*"', () => {
    const { out } = withTransform();
    const policy = out.resources('aws_iam_role_policy')[logicalId(out, 'aws_iam_role_policy', 'Transform_Permissions').split('.')[1]];
    expect(policy.role).toBe(ref(out, 'aws_iam_role', 'Transform_Role', 'name'));
    expect(JSON.parse(policy.policy).Statement).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [`${ref(out, 'aws_cloudwatch_log_group', 'Transform_Logs', 'arn')}:*`] },
      {
        Effect: 'Allow',
        Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:SubscribeToShard'],
        Resource: [ref(out, 'aws_kinesis_stream', 'Stream', 'arn')],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [ref(out, 'aws_sqs_queue', 'DeadLetterQueue', 'arn')] },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [ref(out, 'aws_kms_key', 'SharedKey', 'arn')] },
      { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: [ref(out, 'aws_kinesis_firehose_delivery_stream', 'Delivery-s3', 'arn')] },
    ]);
  });
});

describe('errors', () => {
  test('memory below 128 MiB', () => {
    expect(() => withTransform({ memoryMiB: 64 })).toThrow(`${TRANSFORM}: invalid transform.memoryMiB: received 64; must be an integer from 128 to 10240.`);
  });

  test('batch size of 0', () => {
    expect(() => withTransform({ batchSize: 0 })).toThrow(`${TRANSFORM}: invalid transform.batchSize: received 0; must be an integer from 1 to 10000.`);
  });

  test('negative retries (infinite retries are not offered)', () => {
    expect(() => withTransform({ maxRetryAttempts: -1 })).toThrow(`${TRANSFORM}: invalid transform.maxRetryAttempts: received -1; must be an integer from 0 to 10000.`);
  });

  test('timeout, record age, concurrency and log retention out of range', () => {
    expect(() => withTransform({ timeoutSeconds: 901 })).toThrow(`${TRANSFORM}: invalid transform.timeoutSeconds: received 901; must be an integer from 1 to 900.`);
    expect(() => withTransform({ maxRecordAgeSeconds: 59 })).toThrow(`${TRANSFORM}: invalid transform.maxRecordAgeSeconds: received 59; must be an integer from 60 to 604800.`);
    expect(() => withTransform({ reservedConcurrency: 0 })).toThrow(`${TRANSFORM}: invalid transform.reservedConcurrency: received 0; must be an integer from 1 to 1000.`);
    expect(() => withTransform({ logRetentionDays: 2 })).toThrow(
      `${TRANSFORM}: invalid logRetentionDays: received 2; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.`,
    );
  });
});
