import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { Construct } from 'constructs';
import { AccessLogBucket } from './access-log-bucket';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../platform/platform';

/** A bucket with SSE-KMS, server access logs and the removal policy applied. @internal */
export interface KmsBucket {
  readonly bucket: S3Bucket;
  /** The removal policy in effect. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Creates a bucket encrypted with `keyArn` (SSE-KMS; Bucket Key unless turned off), logging to the
 * stack's access-log bucket, protected from deletion unless DESTROY is in effect (which also sets
 * `force_destroy`). Callers add the baseline with `applyBucketBaseline`.
 * @internal
 */
export function createKmsBucket(
  scope: Construct,
  name: string,
  keyArn: string,
  requested: RemovalPolicy | undefined,
  bucketKeyEnabled = true,
): KmsBucket {
  const platform = AwsPlatform.ofAws(scope);
  const bucket = new S3Bucket(scope, 'Bucket', { bucket: name, forceDestroy: false });
  const removalPolicy = platform.protect(bucket, requested);
  if (removalPolicy === RemovalPolicy.DESTROY) bucket.forceDestroy = true;
  new S3BucketServerSideEncryptionConfigurationA(scope, 'Encryption', {
    bucket: bucket.id,
    rule: [{ bucketKeyEnabled, applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: keyArn } }],
  });
  const logs = AccessLogBucket.of(scope, removalPolicy);
  new S3BucketLoggingA(scope, 'AccessLogging', {
    bucket: bucket.id,
    targetBucket: logs.bucketName,
    targetPrefix: `${name}/`,
    // S3 checks that log delivery may write to the target: its policy must exist first.
    dependsOn: [logs.policy],
  });
  return { bucket, removalPolicy };
}
