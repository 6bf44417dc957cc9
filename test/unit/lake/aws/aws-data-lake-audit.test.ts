import { TerraformOutput } from 'cdktf';
import { awsStack, idOf, platformRefs, ref, under } from './aws-lake-fixture';
import { DEFAULT_KEY_DELETION_WINDOW_DAYS } from '../../../../src';
import { AwsDataLake } from '../../../../src/lake/aws';
import { AUDIT_DATA_RESOURCE_TYPE } from '../../../../src/lake/aws/private/lake-audit-trail';
import { synth, Synthesized } from '../../../support/synth';

describe('auditDataEvents', () => {
  let out: Synthesized;
  let trailArn: string;
  beforeAll(() => {
    const stack = awsStack();
    const lake = new AwsDataLake(stack, 'Lake', { auditDataEvents: true, zones: [{ name: 'raw' }, { name: 'curated' }] });
    new TerraformOutput(stack, 'trail', { value: lake.auditTrailName });
    out = synth(stack);
    const { account, partition } = platformRefs(out);
    trailArn = `arn:${partition}:cloudtrail:eu-west-1:${account}:trail/acme-lake-data-events`;
  });

  test('a protected trail recording reads and writes of every zone bucket object, no management events, log file validation, its own key', () => {
    expect(under(out, 'aws_cloudtrail', 'Lake_Audit_Trail')).toEqual({
      name: 'acme-lake-data-events',
      s3_bucket_name: ref(out, 'aws_s3_bucket', 'Lake_Audit_Logs_Bucket', 'bucket'),
      kms_key_id: ref(out, 'aws_kms_key', 'Lake_Audit_Key', 'arn'),
      enable_logging: true,
      enable_log_file_validation: true,
      include_global_service_events: false,
      is_multi_region_trail: false,
      event_selector: [{
        read_write_type: 'All',
        include_management_events: false,
        data_resource: [{
          type: AUDIT_DATA_RESOURCE_TYPE,
          values: [`${ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'arn')}/`, `${ref(out, 'aws_s3_bucket', 'Lake_Zone-curated_Bucket', 'arn')}/`],
        }],
      }],
      depends_on: [
        `aws_s3_bucket_policy.${idOf(out, 'aws_s3_bucket_policy', 'Lake_Audit_Logs')}`,
        `aws_kms_key.${idOf(out, 'aws_kms_key', 'Lake_Audit_Key')}`,
      ],
      lifecycle: { prevent_destroy: true },
    });
    expect(AUDIT_DATA_RESOURCE_TYPE).toBe('AWS::S3::Object');
    expect(out.json.output.trail.value).toBe(ref(out, 'aws_cloudtrail', 'Lake_Audit_Trail', 'name'));
  });

  test('the trail key: rotating, protected, and CloudTrail may use it for this trail only', () => {
    const { account, partition } = platformRefs(out);
    const key = under(out, 'aws_kms_key', 'Lake_Audit_Key');
    expect(key.enable_key_rotation).toBe(true);
    expect(key.deletion_window_in_days).toBe(DEFAULT_KEY_DELETION_WINDOW_DAYS);
    expect(key.lifecycle).toEqual({ prevent_destroy: true });
    expect(JSON.parse(key.policy).Statement).toEqual([
      { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'CloudTrailEncryptsThisTrailsLogs',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceArn': trailArn },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${partition}:cloudtrail:*:${account}:trail/*` },
        },
      },
      {
        Sid: 'CloudTrailDescribesKey',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:DescribeKey',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
      },
    ]);
    expect(under(out, 'aws_kms_alias', 'Lake_Audit_Alias').name).toBe('alias/acme-lake-audit');
  });

  test('the audit bucket: protected, SSE-KMS with the trail key (no bucket key), access-logged, all public access blocked, versioned', () => {
    const bucketId = ref(out, 'aws_s3_bucket', 'Lake_Audit_Logs_Bucket', 'id');
    expect(under(out, 'aws_s3_bucket', 'Lake_Audit_Logs_Bucket')).toEqual({ bucket: 'acme-lake-audit', force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(under(out, 'aws_s3_bucket_server_side_encryption_configuration', 'Lake_Audit_Logs').rule).toEqual([
      { bucket_key_enabled: false, apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: ref(out, 'aws_kms_key', 'Lake_Audit_Key', 'arn') } },
    ]);
    expect(under(out, 'aws_s3_bucket_logging', 'Lake_Audit_Logs')).toEqual(expect.objectContaining({
      bucket: bucketId, target_bucket: ref(out, 'aws_s3_bucket', 'AccessLogs', 'bucket'), target_prefix: 'acme-lake-audit/',
    }));
    expect(under(out, 'aws_s3_bucket_public_access_block', 'Lake_Audit_Logs')).toEqual({
      bucket: bucketId, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(under(out, 'aws_s3_bucket_versioning', 'Lake_Audit_Logs').versioning_configuration).toEqual({ status: 'Enabled' });
  });

  test('the bucket policy: TLS only, CloudTrail ACL check and writes for this trail, log files KMS-encrypted', () => {
    const { account } = platformRefs(out);
    const arn = ref(out, 'aws_s3_bucket', 'Lake_Audit_Logs_Bucket', 'arn');
    expect(JSON.parse(under(out, 'aws_s3_bucket_policy', 'Lake_Audit_Logs').policy).Statement).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'CloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: arn,
        Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
      },
      {
        Sid: 'CloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${arn}/AWSLogs/${account}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
      },
      {
        Sid: 'DenyLogFilesNotEncryptedWithKms',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${arn}/AWSLogs/${account}/CloudTrail/*`,
        Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      },
    ]);
  });
});
