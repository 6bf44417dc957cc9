import { TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsPlatform,
  DEFAULT_HEADROOM_PERCENT,
  DEFAULT_RETENTION_HOURS,
  Identity,
  KINESIS_SHARD_LEVEL_METRICS,
  KINESIS_SHARD_WRITE_BYTES_PER_SECOND,
  KINESIS_SHARD_WRITE_RECORDS_PER_SECOND,
  KinesisStreamingIngest,
  MAX_RETENTION_HOURS,
  MIN_RETENTION_HOURS,
  RemovalPolicy,
  S3Destination,
  StreamCapacity,
  StreamingEngine,
  StreamingIngest,
} from '../../../../src';
import { warnings } from '../../../support/annotations';
import { newStack, synth, Synthesized } from '../../../support/synth';

const DESTROY_WARNING = 'removalPolicy DESTROY ignored: the platform does not set allowDataDestruction: true (the second opt-in), so the data is retained.';

function awsStack(allowDataDestruction = false): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', allowDataDestruction });
  return stack;
}

/** `${type.logicalId.attr}` of the only resource of `type`. */
function ref(out: Synthesized, type: string, attr: string): string {
  const ids = Object.keys(out.resources(type));
  expect(ids).toHaveLength(1);
  return '$' + `{${type}.${ids[0]}.${attr}}`;
}

/** The inline policy named `name`, with its document parsed. */
function policyNamed(out: Synthesized, name: string): { role: string; document: any } {
  const matches = Object.values(out.resources('aws_iam_role_policy')).filter((p: any) => p.name === name);
  expect(matches).toHaveLength(1);
  const policy = matches[0] as any;
  return { role: policy.role, document: JSON.parse(policy.policy) };
}

const WRITE_ACTIONS = ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'];
const READ_ACTIONS = [
  'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator',
  'kinesis:ListShards', 'kinesis:SubscribeToShard',
];

describe('StreamingIngest on an AWS platform (facade)', () => {
  test('defaults: Kinesis on-demand, 7-day retention, KMS with the platform key, shard-level metrics, retained', () => {
    const stack = awsStack();
    const ingest = new StreamingIngest(stack, 'ClickEvents');
    new TerraformOutput(stack, 'stream_arn', { value: ingest.streamArn });
    new TerraformOutput(stack, 'stream_name', { value: ingest.streamName });
    const out = synth(stack);
    const stream = out.only('aws_kinesis_stream');

    expect(stream.name).toBe('acme-click-events');
    expect(stream.stream_mode_details).toEqual({ stream_mode: 'ON_DEMAND' });
    expect(stream.shard_count).toBeUndefined();
    expect(stream.retention_period).toBe(DEFAULT_RETENTION_HOURS);
    expect(DEFAULT_RETENTION_HOURS).toBe(168);
    expect(stream.encryption_type).toBe('KMS');
    expect(stream.kms_key_id).toBe(ref(out, 'aws_kms_key', 'arn'));
    expect(stream.shard_level_metrics).toEqual(KINESIS_SHARD_LEVEL_METRICS);
    expect(KINESIS_SHARD_LEVEL_METRICS).toEqual(expect.arrayContaining([
      'IncomingBytes', 'IncomingRecords', 'IteratorAgeMilliseconds', 'ReadProvisionedThroughputExceeded', 'WriteProvisionedThroughputExceeded',
    ]));
    expect(stream.enforce_consumer_deletion).toBe(false);
    expect(stream.lifecycle).toEqual({ prevent_destroy: true });

    // The shared key is retained too, since the stream retains its data.
    expect(out.only('aws_kms_key').lifecycle).toEqual({ prevent_destroy: true });

    expect(ingest.engine).toBe(StreamingEngine.KINESIS);
    expect(ingest.backend).toBeInstanceOf(KinesisStreamingIngest);
    expect(ingest.partitions).toBeUndefined();
    expect(ingest.retentionHours).toBe(DEFAULT_RETENTION_HOURS);
    expect(ingest.bootstrapServers).toBeUndefined();
    expect(out.json.output.stream_arn.value).toBe(ref(out, 'aws_kinesis_stream', 'arn'));
    expect(out.json.output.stream_name.value).toBe(ref(out, 'aws_kinesis_stream', 'name'));
    // No destination: no delivery stream, no transform.
    expect(out.resources('aws_kinesis_firehose_delivery_stream')).toEqual({});
    expect(out.resources('aws_lambda_function')).toEqual({});
  });

  test('a declared load makes a provisioned stream with the computed shard count', () => {
    const stack = awsStack();
    const ingest = new StreamingIngest(stack, 'ClickEvents', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 2_000, averageRecordSizeBytes: 1_024 }),
      retentionHours: 48,
    });
    // max(2,048,000 B/s / 1 MiB = 1.95, 2,000 / 1,000 = 2) x 1.25 = 2.5 -> 3
    const expected = Math.ceil(Math.max((2_000 * 1_024) / KINESIS_SHARD_WRITE_BYTES_PER_SECOND, 2_000 / KINESIS_SHARD_WRITE_RECORDS_PER_SECOND)
      * (1 + DEFAULT_HEADROOM_PERCENT / 100));
    expect(expected).toBe(3);
    const stream = synth(stack).only('aws_kinesis_stream');
    expect(stream.stream_mode_details).toEqual({ stream_mode: 'PROVISIONED' });
    expect(stream.shard_count).toBe(expected);
    expect(stream.retention_period).toBe(48);
    expect(ingest.partitions).toBe(expected);
    expect(ingest.retentionHours).toBe(48);
  });

  test('an explicit streamName replaces the kebab-cased id', () => {
    const stack = awsStack();
    new StreamingIngest(stack, 'ClickEvents', { streamName: 'clicks_v2.raw' });
    expect(synth(stack).only('aws_kinesis_stream').name).toBe('acme-clicks_v2.raw');
  });
});

describe('KinesisStreamingIngest', () => {
  test('used directly: provisioned count, retention bounds accepted, name from the id', () => {
    const stack = awsStack();
    const ingest = new KinesisStreamingIngest(stack, 'OrderEvents', { capacity: StreamCapacity.provisioned(4), retentionHours: MAX_RETENTION_HOURS });
    new TerraformOutput(stack, 'key_arn', { value: ingest.encryptionKey.keyArn });
    const out = synth(stack);
    const stream = out.only('aws_kinesis_stream');
    expect(stream.name).toBe('acme-order-events');
    expect(stream.stream_mode_details).toEqual({ stream_mode: 'PROVISIONED' });
    expect(stream.shard_count).toBe(4);
    expect(stream.retention_period).toBe(MAX_RETENTION_HOURS);
    expect(stream.encryption_type).toBe('KMS');
    expect(stream.kms_key_id).toBe(ref(out, 'aws_kms_key', 'arn'));
    expect(stream.shard_level_metrics).toEqual(KINESIS_SHARD_LEVEL_METRICS);
    expect(stream.lifecycle).toEqual({ prevent_destroy: true });
    expect(ingest.partitions).toBe(4);
    expect(out.json.output.key_arn.value).toBe(ref(out, 'aws_kms_key', 'arn'));

    const shortest = awsStack();
    new KinesisStreamingIngest(shortest, 'Events', { retentionHours: MIN_RETENTION_HOURS });
    expect(synth(shortest).only('aws_kinesis_stream').retention_period).toBe(MIN_RETENTION_HOURS);
  });

  test('DESTROY without allowDataDestruction stays retained, with a warning', () => {
    const stack = awsStack(false);
    new StreamingIngest(stack, 'ClickEvents', { removalPolicy: RemovalPolicy.DESTROY });
    const out = synth(stack);
    expect(out.only('aws_kinesis_stream').lifecycle).toEqual({ prevent_destroy: true });
    expect(out.only('aws_kms_key').lifecycle).toEqual({ prevent_destroy: true });
    expect(warnings(stack)).toContainEqual({ path: 'test/ClickEvents/Kinesis/Stream', message: DESTROY_WARNING });
  });

  test('DESTROY with allowDataDestruction is not protected and warns nothing', () => {
    const stack = awsStack(true);
    new StreamingIngest(stack, 'ClickEvents', { removalPolicy: RemovalPolicy.DESTROY });
    const out = synth(stack);
    expect(out.only('aws_kinesis_stream').lifecycle).toBeUndefined();
    expect(out.only('aws_kms_key').lifecycle).toBeUndefined();
    expect(warnings(stack)).toEqual([]);
  });

  test('RETAIN stays retained even when the platform allows destruction', () => {
    const stack = awsStack(true);
    new StreamingIngest(stack, 'ClickEvents');
    const out = synth(stack);
    expect(out.only('aws_kinesis_stream').lifecycle).toEqual({ prevent_destroy: true });
    expect(out.only('aws_kms_key').lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('grants', () => {
  test('grantWrite: put actions on the stream ARN and GenerateDataKey on the key, never "*"', () => {
    const stack = awsStack();
    const ingest = new StreamingIngest(stack, 'ClickEvents');
    const producer = new Identity(stack, 'Producer', { name: 'producer' });
    ingest.grantWrite(producer);
    ingest.grantWrite(producer); // a second grant is a no-op
    const out = synth(stack);
    const policy = policyNamed(out, 'kinesis-click-events-write');
    expect(policy.role).toBe(ref(out, 'aws_iam_role', 'name'));
    expect(policy.document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: WRITE_ACTIONS, Resource: [ref(out, 'aws_kinesis_stream', 'arn')] },
        { Effect: 'Allow', Action: ['kms:GenerateDataKey'], Resource: [ref(out, 'aws_kms_key', 'arn')] },
      ],
    });
    expect(Object.keys(out.resources('aws_iam_role_policy'))).toHaveLength(1);
    expect(JSON.stringify(policy.document)).not.toContain('"*"');
  });

  test('grantRead: read actions on the stream ARN and Decrypt on the key', () => {
    const stack = awsStack();
    const ingest = new KinesisStreamingIngest(stack, 'ClickEvents');
    ingest.grantRead(new Identity(stack, 'Consumer', { name: 'consumer' }));
    const out = synth(stack);
    const policy = policyNamed(out, 'kinesis-click-events-read');
    expect(policy.role).toBe(ref(out, 'aws_iam_role', 'name'));
    expect(policy.document.Statement).toEqual([
      { Effect: 'Allow', Action: READ_ACTIONS, Resource: [ref(out, 'aws_kinesis_stream', 'arn')] },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [ref(out, 'aws_kms_key', 'arn')] },
    ]);
    expect(JSON.stringify(policy.document)).not.toContain('"*"');
  });

  test('an existing stream imported by attributes grants on its own ARN and key, creating no stream', () => {
    const stack = awsStack();
    const streamArn = 'arn:aws:kinesis:eu-west-1:111122223333:stream/existing-events';
    const kmsKeyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const existing = KinesisStreamingIngest.fromStreamAttributes(stack, 'ExistingEvents', { streamName: 'existing-events', streamArn, kmsKeyArn, shardCount: 2 });
    existing.grantRead(Identity.fromAwsRole(stack, 'Reader', { roleName: 'analytics-reader', roleArn: 'arn:aws:iam::111122223333:role/analytics-reader' }));
    const out = synth(stack);
    expect(out.resources('aws_kinesis_stream')).toEqual({});
    const policy = policyNamed(out, 'kinesis-existing-events-read');
    expect(policy.role).toBe('analytics-reader');
    expect(policy.document.Statement).toEqual([
      { Effect: 'Allow', Action: READ_ACTIONS, Resource: [streamArn] },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [kmsKeyArn] },
    ]);
    expect(existing.engine).toBe(StreamingEngine.KINESIS);
    expect(existing.streamName).toBe('existing-events');
    expect(existing.partitions).toBe(2);
    expect(existing.retentionHours).toBe(MIN_RETENTION_HOURS);
  });

  test('grant policy names stay within the IAM limit of 128 characters and stay distinct for a long stream name', () => {
    const stack = awsStack();
    // "acme-" + 123 = 128 characters: the longest Kinesis stream name.
    const ingest = new StreamingIngest(stack, 'Events', { streamName: 'e'.repeat(123) });
    const identity = new Identity(stack, 'App', { name: 'app' });
    ingest.grantWrite(identity);
    ingest.grantRead(identity);
    const names = Object.values(synth(stack).resources('aws_iam_role_policy')).map((p: any) => p.name as string);
    expect(names).toHaveLength(2);
    for (const name of names) {
      // cut to 119 characters, then "-" and 8 hex digits of a hash of the full name
      expect(name).toHaveLength(128);
      expect(name).toMatch(/^kinesis-e+-[0-9a-f]{8}$/);
    }
    expect(new Set(names).size).toBe(2);
  });
});

describe('errors', () => {
  test('retention outside 24 to 8760 hours', () => {
    expect(() => new StreamingIngest(awsStack(), 'Events', { retentionHours: MIN_RETENTION_HOURS - 1 })).toThrow(
      'test/Events/Kinesis: invalid retentionHours: received 23; must be an integer from 24 to 8760.',
    );
    expect(() => new KinesisStreamingIngest(awsStack(), 'Events', { retentionHours: MAX_RETENTION_HOURS + 1 })).toThrow(
      'test/Events: invalid retentionHours: received 8761; must be an integer from 24 to 8760.',
    );
    expect(() => new KinesisStreamingIngest(awsStack(), 'Events', { retentionHours: 36.5 })).toThrow(
      'test/Events: invalid retentionHours: received 36.5; must be an integer from 24 to 8760.',
    );
  });

  test('a transform without destinations', () => {
    expect(() => new StreamingIngest(awsStack(), 'Events', { aws: { transform: {} } })).toThrow(
      "test/Events/Kinesis: transform needs at least one destination: the function forwards records to the destinations' delivery streams.",
    );
  });

  test('two destinations with the same name', () => {
    expect(() => new StreamingIngest(awsStack(), 'Events', { destinations: [new S3Destination(), new S3Destination()] })).toThrow(
      'test/Events/Kinesis: two destinations are named "s3"; give each a distinct destinationName.',
    );
  });

  test('no platform in the stack', () => {
    const message = "no platform in stack \"test\". Add one before any pipeline construct: new AwsPlatform(stack, 'Platform', {...}) or new KubernetesPlatform(stack, 'Platform', {...}).";
    expect(() => new StreamingIngest(newStack(), 'Events')).toThrow(`test/Events: ${message}`);
    expect(() => new KinesisStreamingIngest(newStack(), 'Events')).toThrow(`test/Events: ${message}`);
  });

  test('capacity errors name the Kinesis construct', () => {
    expect(() => new StreamingIngest(awsStack(), 'Events', { capacity: StreamCapacity.provisioned(0) })).toThrow(
      'test/Events/Kinesis: invalid capacity (provisioned count): received 0; must be an integer from 1 to 500.',
    );
  });

  test('a stream name beyond the 128-character Kinesis limit', () => {
    expect(() => new StreamingIngest(awsStack(), 'Events', { streamName: 'a'.repeat(124) })).toThrow(
      `test/Events/Kinesis: invalid generated name: received "acme-${'a'.repeat(124)}"; Kinesis stream names have 1 to 128 characters of letters, digits, "_", "." and "-"; this one has 129; it is namePrefix + the construct's name: shorten either.`,
    );
    expect(() => new KinesisStreamingIngest(awsStack(), 'Events', { streamName: 'click events' })).toThrow(
      'test/Events: invalid generated name: received "acme-click events"; Kinesis stream names have 1 to 128 characters of letters, digits, "_", "." and "-"; this one has 17; it is namePrefix + the construct\'s name: shorten either.',
    );
  });

  test('a stream name that makes the delivery stream role longer than the 64-character IAM limit', () => {
    // Firehose name "acme-<50>-s3" has 58 characters (fits 64); its role "acme-<50>-s3-firehose" has 67.
    expect(() => new StreamingIngest(awsStack(), 'Events', { streamName: 'a'.repeat(50), destinations: [new S3Destination()] })).toThrow(
      `test/Events/Kinesis/Delivery-s3: invalid generated name: received "acme-${'a'.repeat(50)}-s3-firehose"; IAM role names have 1 to 64 characters of letters, digits and "+=,.@_-"; this one has 67; it is namePrefix + the construct's name: shorten either.`,
    );
    expect(() => new StreamingIngest(awsStack(), 'Events', { streamName: 'a'.repeat(60), destinations: [new S3Destination()] })).toThrow(
      `test/Events/Kinesis/Delivery-s3: invalid generated name: received "acme-${'a'.repeat(60)}-s3"; Firehose delivery stream names have 1 to 64 characters of letters, digits, "_", "." and "-"; this one has 68; it is namePrefix + the construct's name: shorten either.`,
    );
  });
});
