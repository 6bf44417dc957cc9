import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../../core/naming';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../../platform/aws/encryption-key';
import { RemovalPolicy } from '../../../platform/platform';
import { applyBucketBaseline } from '../../../storage/aws/bucket-baseline';
import {
  DEFAULT_GLACIER_IR_AFTER_DAYS, DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS, DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS,
} from '../../../storage/aws/bucket-defaults';
import { createKmsBucket } from '../../../storage/aws/kms-bucket';
import { ISecureBucket } from '../../../storage/aws/secure-bucket';

/**
 * Props of {@link AuditLogBucket}.
 * @internal
 */
export interface AuditLogBucketProps {
  /** The trail's key: the bucket's default encryption and what log files must be encrypted with. */
  readonly key: IEncryptionKey;
  /** ARN of the only trail allowed to write. */
  readonly trailArn: string;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The bucket a lake's CloudTrail trail writes to (`<namePrefix>-lake-audit`): the SecureBucket
 * baseline (shared helpers: public access blocked, TLS only, versioning, owner-enforced
 * ownership, access logs, tiering, protection), SSE-KMS with the trail's key, and the policy
 * CloudTrail needs (ACL check and writes under `AWSLogs/<account>/`, both only for this trail).
 *
 * Not a SecureBucket: SecureBucket denies every upload not encrypted with KMS, and CloudTrail
 * writes its digest files (log file validation) with SSE-S3 by design. Here log files must be
 * SSE-KMS; digest files may be SSE-S3. The bucket key is off so each object is encrypted under
 * the trail's encryption context, which the key policy requires.
 * @internal
 */
export class AuditLogBucket extends Construct implements ISecureBucket {
  public readonly bucketName: string;
  public readonly bucketArn: string;
  public readonly encryptionKey: IEncryptionKey;
  public readonly bucket: S3Bucket;
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AuditLogBucketProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const name = platform.physicalName(this, AwsNameRules.S3_BUCKET, ['lake-audit']);
    this.encryptionKey = props.key;
    // No Bucket Key: the trail key's policy conditions on the per-object encryption context.
    this.bucket = createKmsBucket(this, name, props.key.keyArn, props.removalPolicy, false).bucket;
    const arn = this.bucket.arn;
    const cloudtrail = { Service: 'cloudtrail.amazonaws.com' };
    this.policy = applyBucketBaseline(this, this.bucket, [
      {
        Sid: 'CloudTrailAclCheck',
        Effect: 'Allow',
        Principal: cloudtrail,
        Action: 's3:GetBucketAcl',
        Resource: arn,
        Condition: { StringEquals: { 'aws:SourceArn': props.trailArn } },
      },
      {
        Sid: 'CloudTrailWrite',
        Effect: 'Allow',
        Principal: cloudtrail,
        Action: 's3:PutObject',
        Resource: `${arn}/AWSLogs/${platform.accountId}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': props.trailArn } },
      },
      {
        Sid: 'DenyLogFilesNotEncryptedWithKms',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${arn}/AWSLogs/${platform.accountId}/CloudTrail/*`,
        Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      },
    ], [
      {
        id: 'tiering',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        transition: [
          { days: DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS, storageClass: 'STANDARD_IA' },
          { days: DEFAULT_GLACIER_IR_AFTER_DAYS, storageClass: 'GLACIER_IR' },
        ],
        noncurrentVersionExpiration: [{ noncurrentDays: DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS }],
      },
    ]);
    this.bucketName = this.bucket.bucket;
    this.bucketArn = arn;
  }
}
