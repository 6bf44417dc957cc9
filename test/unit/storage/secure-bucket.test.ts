import { TerraformOutput, TerraformStack } from 'cdktf';
import {
  ABORT_INCOMPLETE_MULTIPART_DAYS,
  AwsPlatform,
  DEFAULT_ACCESS_LOG_RETENTION_DAYS,
  DEFAULT_GLACIER_IR_AFTER_DAYS,
  DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS,
  DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS,
  KeyStrategy,
  RemovalPolicy,
  SecureBucket,
} from '../../../src';
import { warnings } from '../../support/annotations';
import { newStack, synth, Synthesized } from '../../support/synth';

function awsStack(allowDataDestruction = false, keyStrategy?: KeyStrategy): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', allowDataDestruction, keyStrategy });
  return stack;
}

/** Logical id of the resource of `type` whose id starts with `prefix` (the construct path, "_"-joined). */
function idOf(out: Synthesized, type: string, prefix: string): string {
  const ids = Object.keys(out.resources(type)).filter((id) => id.startsWith(`${prefix}_`));
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** The resource of `type` under construct `prefix` (for example "Raw" or "AccessLogs"). */
function under(out: Synthesized, type: string, prefix: string): any {
  return out.resources(type)[idOf(out, type, prefix)];
}

/** `${type.logicalId.attr}` of the resource of `type` under `prefix`. */
function ref(out: Synthesized, type: string, prefix: string, attr: string): string {
  return '$' + `{${type}.${idOf(out, type, prefix)}.${attr}}`;
}

const DESTROY_WARNING = 'removalPolicy DESTROY ignored: the platform does not set allowDataDestruction: true (the second opt-in), so the data is retained.';

describe('SecureBucket baseline', () => {
  let out: Synthesized;
  let bucket: SecureBucket;
  beforeAll(() => {
    const stack = awsStack();
    bucket = new SecureBucket(stack, 'Raw', { name: 'raw-events' });
    new TerraformOutput(stack, 'bucket_arn', { value: bucket.bucketArn });
    new TerraformOutput(stack, 'bucket_name', { value: bucket.bucketName });
    new TerraformOutput(stack, 'key_arn', { value: bucket.encryptionKey.keyArn });
    out = synth(stack);
  });

  test('the bucket: its name, force_destroy false and prevent_destroy', () => {
    expect(under(out, 'aws_s3_bucket', 'Raw')).toEqual({ bucket: 'acme-raw-events', force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(out.json.output.bucket_arn.value).toBe(ref(out, 'aws_s3_bucket', 'Raw', 'arn'));
    expect(out.json.output.bucket_name.value).toBe(ref(out, 'aws_s3_bucket', 'Raw', 'bucket'));
  });

  test('SSE-KMS with the platform CMK and the S3 Bucket Key', () => {
    const keyArn = '$' + `{aws_kms_key.${Object.keys(out.resources('aws_kms_key'))[0]}.arn}`;
    expect(Object.keys(out.resources('aws_kms_key'))).toHaveLength(1);
    expect(out.json.output.key_arn.value).toBe(keyArn);
    expect(under(out, 'aws_s3_bucket_server_side_encryption_configuration', 'Raw')).toEqual({
      bucket: ref(out, 'aws_s3_bucket', 'Raw', 'id'),
      rule: [{ bucket_key_enabled: true, apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: keyArn } }],
    });
  });

  test('all four public access blocks, versioning, owner-enforced ownership', () => {
    const bucketId = ref(out, 'aws_s3_bucket', 'Raw', 'id');
    expect(under(out, 'aws_s3_bucket_public_access_block', 'Raw')).toEqual({
      bucket: bucketId, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(under(out, 'aws_s3_bucket_versioning', 'Raw')).toEqual({ bucket: bucketId, versioning_configuration: { status: 'Enabled' } });
    expect(under(out, 'aws_s3_bucket_ownership_controls', 'Raw')).toEqual({ bucket: bucketId, rule: { object_ownership: 'BucketOwnerEnforced' } });
  });

  test('the policy denies plain HTTP on the bucket and its objects, and unencrypted uploads', () => {
    const policy = under(out, 'aws_s3_bucket_policy', 'Raw');
    const arn = ref(out, 'aws_s3_bucket', 'Raw', 'arn');
    expect(policy.bucket).toBe(ref(out, 'aws_s3_bucket', 'Raw', 'id'));
    expect(policy.depends_on).toEqual([`aws_s3_bucket_public_access_block.${idOf(out, 'aws_s3_bucket_public_access_block', 'Raw')}`]);
    expect(JSON.parse(policy.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [arn, `${arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'DenyUnencryptedUploads',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: `${arn}/*`,
          Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
        },
      ],
    });
  });

  test('lifecycle: abort incomplete multipart uploads, tiering to IA then Glacier IR, noncurrent expiry', () => {
    expect(under(out, 'aws_s3_bucket_lifecycle_configuration', 'Raw')).toEqual({
      bucket: ref(out, 'aws_s3_bucket', 'Raw', 'id'),
      rule: [
        {
          id: 'abort-incomplete-multipart-uploads',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: ABORT_INCOMPLETE_MULTIPART_DAYS }],
        },
        {
          id: 'tiering',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          transition: [
            { days: DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS, storage_class: 'STANDARD_IA' },
            { days: DEFAULT_GLACIER_IR_AFTER_DAYS, storage_class: 'GLACIER_IR' },
          ],
          noncurrent_version_expiration: [{ noncurrent_days: DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS }],
        },
      ],
    });
    expect(ABORT_INCOMPLETE_MULTIPART_DAYS).toBe(1);
    expect([DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS, DEFAULT_GLACIER_IR_AFTER_DAYS, DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS]).toEqual([30, 90, 90]);
  });

  test('server access logs go to the stack access-log bucket, under the bucket name, once its policy exists', () => {
    expect(under(out, 'aws_s3_bucket_logging', 'Raw')).toEqual({
      bucket: ref(out, 'aws_s3_bucket', 'Raw', 'id'),
      target_bucket: ref(out, 'aws_s3_bucket', 'AccessLogs', 'bucket'),
      target_prefix: 'acme-raw-events/',
      depends_on: [`aws_s3_bucket_policy.${idOf(out, 'aws_s3_bucket_policy', 'AccessLogs')}`],
    });
  });

  test('the access-log bucket: SSE-S3 (AES256), log delivery allowed for this account, baseline, retained', () => {
    const logsId = ref(out, 'aws_s3_bucket', 'AccessLogs', 'id');
    const logsArn = ref(out, 'aws_s3_bucket', 'AccessLogs', 'arn');
    expect(under(out, 'aws_s3_bucket', 'AccessLogs')).toEqual({
      bucket: 'acme-access-logs-eu-west-1', force_destroy: false, lifecycle: { prevent_destroy: true },
    });
    expect(under(out, 'aws_s3_bucket_server_side_encryption_configuration', 'AccessLogs')).toEqual({
      bucket: logsId,
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    });
    const statements = JSON.parse(under(out, 'aws_s3_bucket_policy', 'AccessLogs').policy).Statement;
    expect(statements[0]).toEqual(expect.objectContaining({ Sid: 'DenyInsecureTransport', Resource: [logsArn, `${logsArn}/*`] }));
    const accountId = '$' + `{data.aws_caller_identity.${Object.keys(out.data('aws_caller_identity'))[0]}.account_id}`;
    expect(statements[1]).toEqual({
      Sid: 'S3ServerAccessLogDelivery',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${logsArn}/*`,
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    });
    expect(under(out, 'aws_s3_bucket_public_access_block', 'AccessLogs')).toEqual(expect.objectContaining({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    }));
    expect(under(out, 'aws_s3_bucket_versioning', 'AccessLogs').versioning_configuration).toEqual({ status: 'Enabled' });
    const rules = under(out, 'aws_s3_bucket_lifecycle_configuration', 'AccessLogs').rule;
    expect(rules.map((r: any) => r.id)).toEqual(['abort-incomplete-multipart-uploads', 'expire-access-logs']);
    expect(rules[1].expiration).toEqual([{ days: DEFAULT_ACCESS_LOG_RETENTION_DAYS }]);
  });
});

describe('SecureBucket options', () => {
  test('tiering and noncurrent retention can be set', () => {
    const stack = awsStack();
    new SecureBucket(stack, 'Raw', { name: 'raw', infrequentAccessAfterDays: 60, glacierAfterDays: 90, noncurrentVersionRetentionDays: 3650 });
    const tiering = under(synth(stack), 'aws_s3_bucket_lifecycle_configuration', 'Raw').rule[1];
    expect(tiering.transition).toEqual([{ days: 60, storage_class: 'STANDARD_IA' }, { days: 90, storage_class: 'GLACIER_IR' }]);
    expect(tiering.noncurrent_version_expiration).toEqual([{ noncurrent_days: 3650 }]);
  });

  test('buckets of one stack share one access-log bucket', () => {
    const stack = awsStack();
    new SecureBucket(stack, 'Raw', { name: 'raw' });
    new SecureBucket(stack, 'Curated', { name: 'curated' });
    const out = synth(stack);
    expect(Object.values(out.resources('aws_s3_bucket')).map((b: any) => b.bucket).sort()).toEqual(['acme-access-logs-eu-west-1', 'acme-curated', 'acme-raw']);
    const targets = Object.values(out.resources('aws_s3_bucket_logging')).map((l: any) => l.target_bucket);
    expect(targets).toEqual([ref(out, 'aws_s3_bucket', 'AccessLogs', 'bucket'), ref(out, 'aws_s3_bucket', 'AccessLogs', 'bucket')]);
  });

  test('with a key per store, the bucket gets its own rotating key', () => {
    const stack = awsStack(false, KeyStrategy.keyPerStore());
    new SecureBucket(stack, 'Raw', { name: 'raw-events' });
    const out = synth(stack);
    const key = out.only('aws_kms_key');
    expect(key.enable_key_rotation).toBe(true);
    expect(key.lifecycle).toEqual({ prevent_destroy: true });
    expect(out.only('aws_kms_alias').name).toBe('alias/acme-raw-events');
    expect(under(out, 'aws_s3_bucket_server_side_encryption_configuration', 'Raw').rule[0].apply_server_side_encryption_by_default.kms_master_key_id)
      .toBe(ref(out, 'aws_kms_key', 'Raw', 'arn'));
  });
});

describe('removal policy', () => {
  test('DESTROY without the platform opt-in stays retained, with a warning', () => {
    const stack = awsStack(false);
    new SecureBucket(stack, 'Raw', { name: 'raw', removalPolicy: RemovalPolicy.DESTROY });
    const out = synth(stack);
    expect(under(out, 'aws_s3_bucket', 'Raw')).toEqual({ bucket: 'acme-raw', force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(under(out, 'aws_s3_bucket', 'AccessLogs').lifecycle).toEqual({ prevent_destroy: true });
    expect(out.only('aws_kms_key').lifecycle).toEqual({ prevent_destroy: true });
    expect(warnings(stack)).toContainEqual({ path: 'test/Raw/Bucket', message: DESTROY_WARNING });
  });

  test('DESTROY with the second opt-in: force_destroy and no prevent_destroy, for the bucket, its logs and key', () => {
    const stack = awsStack(true);
    new SecureBucket(stack, 'Raw', { name: 'raw', removalPolicy: RemovalPolicy.DESTROY });
    const out = synth(stack);
    expect(under(out, 'aws_s3_bucket', 'Raw')).toEqual({ bucket: 'acme-raw', force_destroy: true });
    expect(under(out, 'aws_s3_bucket', 'AccessLogs')).toEqual({ bucket: 'acme-access-logs-eu-west-1', force_destroy: true });
    expect(out.only('aws_kms_key').lifecycle).toBeUndefined();
    expect(warnings(stack)).toEqual([]);
  });

  test('the access-log bucket is retained as soon as one bucket logging to it is retained, in either order', () => {
    for (const order of [[RemovalPolicy.DESTROY, RemovalPolicy.RETAIN], [RemovalPolicy.RETAIN, RemovalPolicy.DESTROY]]) {
      const stack = awsStack(true);
      new SecureBucket(stack, 'First', { name: 'first', removalPolicy: order[0] });
      new SecureBucket(stack, 'Second', { name: 'second', removalPolicy: order[1] });
      const out = synth(stack);
      expect(under(out, 'aws_s3_bucket', 'AccessLogs')).toEqual({ bucket: 'acme-access-logs-eu-west-1', force_destroy: false, lifecycle: { prevent_destroy: true } });
      expect(out.only('aws_kms_key').lifecycle).toEqual({ prevent_destroy: true });
    }
  });
});

describe('errors', () => {
  test('Glacier IR less than 30 days after Standard-IA', () => {
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'raw', glacierAfterDays: 59 })).toThrow(
      'test/Raw: glacierAfterDays (59) must be at least 30 days after infrequentAccessAfterDays (30); S3 keeps objects 30 days in Standard-IA.',
    );
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'raw', infrequentAccessAfterDays: 100 })).toThrow(
      'test/Raw: glacierAfterDays (90) must be at least 30 days after infrequentAccessAfterDays (100); S3 keeps objects 30 days in Standard-IA.',
    );
  });

  test('Standard-IA before the S3 minimum of 30 days', () => {
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'raw', infrequentAccessAfterDays: 29 })).toThrow(
      'test/Raw: invalid infrequentAccessAfterDays: received 29; must be an integer from 30 to 36500.',
    );
  });

  test('noncurrent version retention outside 1 to 3650 days', () => {
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'raw', noncurrentVersionRetentionDays: 0 })).toThrow(
      'test/Raw: invalid noncurrentVersionRetentionDays: received 0; must be an integer from 1 to 3650.',
    );
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'raw', noncurrentVersionRetentionDays: 3651 })).toThrow(
      'test/Raw: invalid noncurrentVersionRetentionDays: received 3651; must be an integer from 1 to 3650.',
    );
  });

  test('a bucket name longer than 63 characters or with invalid characters', () => {
    const allowed = 'lowercase letters, digits and hyphens, starting and ending with a letter or digit';
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'r'.repeat(59) })).toThrow(
      `test/Raw: invalid generated name: received "acme-${'r'.repeat(59)}"; S3 bucket names have 3 to 63 characters of ${allowed}; this one has 64; it is namePrefix + the construct's name: shorten either.`,
    );
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'raw_events' })).toThrow(
      `test/Raw: invalid generated name: received "acme-raw_events"; S3 bucket names have 3 to 63 characters of ${allowed}; this one has 15; it is namePrefix + the construct's name: shorten either.`,
    );
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'raw-' })).toThrow(
      `test/Raw: invalid generated name: received "acme-raw-"; S3 bucket names have 3 to 63 characters of ${allowed}; this one has 9; it is namePrefix + the construct's name: shorten either.`,
    );
    // 58 characters: "acme-" + 58 = 63, the longest accepted
    const stack = awsStack();
    new SecureBucket(stack, 'Raw', { name: 'r'.repeat(58) });
    expect(under(synth(stack), 'aws_s3_bucket', 'Raw').bucket).toBe(`acme-${'r'.repeat(58)}`);
  });

  test('a bucket needs an AWS platform', () => {
    expect(() => new SecureBucket(newStack(), 'Raw', { name: 'raw' })).toThrow(
      "test/Raw: no platform in stack \"test\". Add one before any pipeline construct: new AwsPlatform(stack, 'Platform', {...}) or new KubernetesPlatform(stack, 'Platform', {...}).",
    );
  });
});
