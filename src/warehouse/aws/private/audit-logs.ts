import { RedshiftLogging } from '@cdktf/provider-aws/lib/redshift-logging';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { Construct } from 'constructs';
import { ITerraformDependable } from '../../../core/cdktf';
import { AwsNameRules } from '../../../core/naming';
import { integerInRange } from '../../../core/validate';
import { EncryptedLogGroup } from '../../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { AccessLogBucket } from '../../../storage/aws/access-log-bucket';
import { applyBucketBaseline } from '../../../storage/aws/bucket-baseline';
import { DEFAULT_AUDIT_LOG_RETENTION_DAYS, REDSHIFT_AUDIT_LOG_TYPES } from '../audit-log-destination';

/**
 * The log groups Redshift exports audit logs to, created beforehand so they are encrypted with the
 * warehouse's key and expire (Redshift uses an existing group of the expected name). Protected like
 * the warehouse's data.
 * @internal
 */
export function auditLogGroups(
  scope: Construct, groupPrefix: string, keyArn: string, retentionDays: number | undefined, removalPolicy: RemovalPolicy | undefined,
): EncryptedLogGroup[] {
  const platform = AwsPlatform.ofAws(scope);
  return REDSHIFT_AUDIT_LOG_TYPES.map((type) => {
    const group = new EncryptedLogGroup(scope, `AuditLog-${type}`, {
      name: `${groupPrefix}/${type}`,
      kmsKeyArn: keyArn,
      retentionDays: retentionDays ?? DEFAULT_AUDIT_LOG_RETENTION_DAYS,
    });
    platform.protect(group.logGroup, removalPolicy);
    return group;
  });
}

/**
 * Audit logging of a provisioned cluster to CloudWatch Logs (`aws_redshift_logging`).
 * @internal
 */
export function clusterCloudWatchLogging(scope: Construct, clusterIdentifier: string, groups: ITerraformDependable[]): RedshiftLogging {
  return new RedshiftLogging(scope, 'AuditLogging', {
    clusterIdentifier,
    logDestinationType: 'cloudwatch',
    logExports: REDSHIFT_AUDIT_LOG_TYPES,
    dependsOn: groups,
  });
}

/**
 * Props of {@link AuditLogBucket}.
 * @internal
 */
export interface AuditLogBucketProps {
  readonly name: string;
  readonly clusterIdentifier: string;
  /** ARN of the only cluster allowed to write. */
  readonly clusterArn: string;
  readonly retentionDays?: number;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The bucket a provisioned cluster's audit logs go to (`<namePrefix>-<name>-audit`): the library's
 * bucket baseline (ownership enforced, public access blocked, TLS only, versioning, abort of
 * incomplete uploads), server access logs, expiry after the retention, protection, and a policy
 * letting Redshift write for this cluster only. SSE-S3: Redshift audit logging does not write to
 * SSE-KMS buckets.
 * @internal
 */
export class AuditLogBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly logging: RedshiftLogging;

  constructor(scope: Construct, id: string, props: AuditLogBucketProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const retention = integerInRange(this, 'auditLogs.retentionDays', props.retentionDays, 1, 36500, DEFAULT_AUDIT_LOG_RETENTION_DAYS);
    const name = platform.physicalName(this, AwsNameRules.S3_BUCKET, [props.name, 'audit']);
    this.bucket = new S3Bucket(this, 'Bucket', { bucket: name, forceDestroy: false });
    const removalPolicy = platform.protect(this.bucket, props.removalPolicy);
    if (removalPolicy === RemovalPolicy.DESTROY) this.bucket.forceDestroy = true;
    new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    const logs = AccessLogBucket.of(this, removalPolicy);
    new S3BucketLoggingA(this, 'AccessLogging', { bucket: this.bucket.id, targetBucket: logs.bucketName, targetPrefix: `${name}/`, dependsOn: [logs.policy] });
    const redshift = { Service: 'redshift.amazonaws.com' };
    const condition = { StringEquals: { 'aws:SourceArn': props.clusterArn } };
    const policy = applyBucketBaseline(this, this.bucket, [
      { Sid: 'RedshiftAuditLogAclCheck', Effect: 'Allow', Principal: redshift, Action: 's3:GetBucketAcl', Resource: this.bucket.arn, Condition: condition },
      { Sid: 'RedshiftAuditLogWrite', Effect: 'Allow', Principal: redshift, Action: 's3:PutObject', Resource: `${this.bucket.arn}/*`, Condition: condition },
    ], [
      { id: 'expire-audit-logs', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: retention }], noncurrentVersionExpiration: [{ noncurrentDays: 1 }] },
    ]);
    this.logging = new RedshiftLogging(this, 'AuditLogging', {
      clusterIdentifier: props.clusterIdentifier,
      logDestinationType: 's3',
      bucketName: this.bucket.bucket,
      logExports: REDSHIFT_AUDIT_LOG_TYPES,
      dependsOn: [policy],
    });
  }
}
