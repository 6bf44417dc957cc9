import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { Construct, IConstruct } from 'constructs';
import { applyBucketBaseline } from './bucket-baseline';
import { DEFAULT_ACCESS_LOG_RETENTION_DAYS } from './bucket-defaults';
import { TerraformStack } from '../../core/cdktf';
import { AwsNameRules } from '../../core/naming';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../platform/platform';

const ID = 'AccessLogs';

/**
 * The stack's bucket for S3 server access logs. S3 log delivery does not support SSE-KMS targets,
 * so this one bucket uses SSE-S3; it is otherwise under the same baseline and keeps logs
 * {@link DEFAULT_ACCESS_LOG_RETENTION_DAYS} days.
 */
export class AccessLogBucket extends Construct {
  /** The stack's access log bucket, created on first use. */
  public static of(scope: IConstruct, removalPolicy?: RemovalPolicy): AccessLogBucket {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(ID) as AccessLogBucket | undefined;
    const bucket = existing ?? new AccessLogBucket(stack, ID);
    bucket.retainUnless(removalPolicy);
    return bucket;
  }

  /** Bucket name. */
  public readonly bucketName: string;
  /** The policy letting S3 log delivery write here (bucket logging must wait for it). */
  public readonly policy: S3BucketPolicy;
  private readonly bucket: S3Bucket;
  private retained = false;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.bucket = new S3Bucket(this, 'Bucket', {
      bucket: platform.physicalName(this, AwsNameRules.S3_BUCKET, ['access-logs', platform.region]),
      forceDestroy: false,
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    this.policy = applyBucketBaseline(this, this.bucket, [
      {
        Sid: 'S3ServerAccessLogDelivery',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${this.bucket.arn}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': platform.accountId } },
      },
    ], [
      {
        id: 'expire-access-logs',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        expiration: [{ days: DEFAULT_ACCESS_LOG_RETENTION_DAYS }],
        noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
      },
    ]);
    this.bucketName = this.bucket.bucket;
  }

  /** Logs are retained (prevent_destroy) unless every bucket logging here may be destroyed. */
  private retainUnless(removalPolicy?: RemovalPolicy): void {
    const platform = AwsPlatform.ofAws(this);
    if (this.retained) return;
    if (platform.effectiveRemovalPolicy(this, removalPolicy) === RemovalPolicy.RETAIN) {
      this.bucket.addOverride('lifecycle.prevent_destroy', true);
      this.bucket.forceDestroy = false;
      this.retained = true;
    } else {
      this.bucket.forceDestroy = true;
    }
  }
}
