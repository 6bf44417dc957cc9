import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Construct } from 'constructs';
import { applyBucketBaseline } from './bucket-baseline';
import {
  DEFAULT_GLACIER_IR_AFTER_DAYS,
  DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS,
  DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS,
} from './bucket-defaults';
import { createKmsBucket } from './kms-bucket';
import { invalidConfig } from '../../core/errors';
import { AwsNameRules } from '../../core/naming';
import { integerInRange } from '../../core/validate';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';
import { RemovalPolicy } from '../../platform/platform';

/** A bucket that other constructs write to and read from. */
export interface ISecureBucket {
  /** Bucket name. */
  readonly bucketName: string;
  /** Bucket ARN. */
  readonly bucketArn: string;
  /** KMS key the bucket encrypts with. */
  readonly encryptionKey: IEncryptionKey;
}

/** Props of {@link SecureBucket}. */
export interface SecureBucketProps {
  /** Name suffix, appended to the platform's namePrefix (the full name must be globally unique). */
  readonly name: string;
  /**
   * Days until objects move to Standard-IA (>= 30, an S3 minimum).
   * @default 30
   */
  readonly infrequentAccessAfterDays?: number;
  /**
   * Days until objects move to Glacier Instant Retrieval (after the IA transition).
   * @default 90
   */
  readonly glacierAfterDays?: number;
  /**
   * Days noncurrent versions are kept (1 to 3650).
   * @default 90
   */
  readonly noncurrentVersionRetentionDays?: number;
  /**
   * Days after which current objects expire (1 to 36500). Tiering transitions that would not keep
   * objects in their class for its minimum storage duration before they expire (Standard-IA 30
   * days, Glacier IR 90 days) are left out: they would cost more than they save.
   * @default - never: current objects are kept
   */
  readonly expireAfterDays?: number;
  /**
   * Removal policy. DESTROY also sets `force_destroy` (and needs the platform's second opt-in).
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Minimum storage durations S3 bills for, days (objects removed sooner are billed the rest). */
const MIN_STORAGE_DAYS = { STANDARD_IA: 30, GLACIER_IR: 90 };

/** Props of `SecureBucket.fromAttributes`. */
export interface SecureBucketAttributes {
  /** Bucket name. */
  readonly bucketName: string;
  /** KMS key ARN the bucket encrypts with. */
  readonly kmsKeyArn: string;
}

/**
 * An S3 bucket with the full baseline: SSE-KMS with the platform CMK and Bucket Key, all public
 * access blocked, TLS-only policy, versioning, server access logs to the stack's log bucket,
 * tiering to IA then Glacier IR, noncurrent-version expiry, abort of incomplete multipart
 * uploads, and protection from deletion unless DESTROY is opted into twice.
 */
export class SecureBucket extends Construct implements ISecureBucket {
  /** An existing bucket and its key (`scope` gives the platform's partition for the ARN). */
  public static fromAttributes(scope: Construct, attrs: SecureBucketAttributes): ISecureBucket {
    return {
      bucketName: attrs.bucketName,
      bucketArn: `arn:${AwsPlatform.ofAws(scope).partition}:s3:::${attrs.bucketName}`,
      encryptionKey: { keyArn: attrs.kmsKeyArn },
    };
  }

  public readonly bucketName: string;
  public readonly bucketArn: string;
  public readonly encryptionKey: IEncryptionKey;
  /** The bucket resource. */
  public readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const ia = integerInRange(this, 'infrequentAccessAfterDays', props.infrequentAccessAfterDays, 30, 36500, DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS);
    const glacier = integerInRange(this, 'glacierAfterDays', props.glacierAfterDays, 1, 36500, DEFAULT_GLACIER_IR_AFTER_DAYS);
    if (glacier < ia + 30) {
      throw invalidConfig(this, `glacierAfterDays (${glacier}) must be at least 30 days after infrequentAccessAfterDays (${ia}); S3 keeps objects 30 days in Standard-IA.`);
    }
    const noncurrent = integerInRange(this, 'noncurrentVersionRetentionDays', props.noncurrentVersionRetentionDays, 1, 3650, DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS);
    const expire = props.expireAfterDays === undefined ? undefined : integerInRange(this, 'expireAfterDays', props.expireAfterDays, 1, 36500, 0);
    const transitions = [
      { days: ia, storageClass: 'STANDARD_IA' as const },
      { days: glacier, storageClass: 'GLACIER_IR' as const },
    ].filter((t) => expire === undefined || t.days + MIN_STORAGE_DAYS[t.storageClass] <= expire);
    const name = platform.physicalName(this, AwsNameRules.S3_BUCKET, [props.name]);
    this.encryptionKey = platform.encryptionKey(this, props.name, props.removalPolicy);

    this.bucket = createKmsBucket(this, name, this.encryptionKey.keyArn, props.removalPolicy).bucket;
    applyBucketBaseline(this, this.bucket, [
      {
        Sid: 'DenyUnencryptedUploads',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${this.bucket.arn}/*`,
        Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      },
    ], [
      {
        id: 'tiering',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        transition: transitions.length > 0 ? transitions : undefined,
        expiration: expire === undefined ? undefined : [{ days: expire }],
        noncurrentVersionExpiration: [{ noncurrentDays: noncurrent }],
      },
    ]);
    this.bucketName = this.bucket.bucket;
    this.bucketArn = this.bucket.arn;
  }
}
