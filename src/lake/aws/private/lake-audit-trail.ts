import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { AuditLogBucket } from './audit-log-bucket';
import { AwsNameRules, checkName } from '../../../core/naming';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { DEFAULT_KEY_DELETION_WINDOW_DAYS } from '../../../platform/aws/key-strategy';
import { RemovalPolicy } from '../../../platform/platform';

/** The S3 data event type the trail records (object-level reads and writes). */
export const AUDIT_DATA_RESOURCE_TYPE = 'AWS::S3::Object';

/**
 * Props of {@link LakeAuditTrail}.
 * @internal
 */
export interface LakeAuditTrailProps {
  /** ARNs of the buckets whose object reads and writes are recorded. */
  readonly bucketArns: string[];
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A CloudTrail trail (`<namePrefix>-lake-data-events`) recording S3 data events (reads and
 * writes) on the zone buckets, no management events (the account's own trail has those), with
 * log file validation, encrypted with its own rotating KMS key (a key policy letting CloudTrail
 * encrypt for this trail only: a platform key cannot name a service in its policy), delivered to
 * an {@link AuditLogBucket}.
 * @internal
 */
export class LakeAuditTrail extends Construct {
  public readonly trail: Cloudtrail;
  public readonly key: KmsKey;
  public readonly bucket: AuditLogBucket;

  constructor(scope: Construct, id: string, props: LakeAuditTrailProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const name = `${platform.namePrefix}-lake-data-events`;
    const trailArn = `arn:${platform.partition}:cloudtrail:${platform.region}:${platform.accountId}:trail/${name}`;
    const cloudtrail = { Service: 'cloudtrail.amazonaws.com' };
    this.key = new KmsKey(this, 'Key', {
      description: `${platform.namePrefix}: lake audit trail (cdktf-data-pipelines)`,
      enableKeyRotation: true,
      deletionWindowInDays: DEFAULT_KEY_DELETION_WINDOW_DAYS,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AccountAdministersKeyThroughIam',
            Effect: 'Allow',
            Principal: { AWS: `arn:${platform.partition}:iam::${platform.accountId}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'CloudTrailEncryptsThisTrailsLogs',
            Effect: 'Allow',
            Principal: cloudtrail,
            Action: 'kms:GenerateDataKey*',
            Resource: '*',
            Condition: {
              StringEquals: { 'aws:SourceArn': trailArn },
              StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${platform.partition}:cloudtrail:*:${platform.accountId}:trail/*` },
            },
          },
          {
            Sid: 'CloudTrailDescribesKey',
            Effect: 'Allow',
            Principal: cloudtrail,
            Action: 'kms:DescribeKey',
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
          },
        ],
      }),
    });
    platform.protect(this.key, props.removalPolicy);
    new KmsAlias(this, 'Alias', {
      name: checkName(this, 'name', `alias/${platform.namePrefix}-lake-audit`, AwsNameRules.KMS_ALIAS),
      targetKeyId: this.key.keyId,
    });
    this.bucket = new AuditLogBucket(this, 'Logs', { key: { keyArn: this.key.arn }, trailArn, removalPolicy: props.removalPolicy });
    this.trail = new Cloudtrail(this, 'Trail', {
      name,
      s3BucketName: this.bucket.bucketName,
      kmsKeyId: this.key.arn,
      enableLogging: true,
      enableLogFileValidation: true,
      includeGlobalServiceEvents: false,
      isMultiRegionTrail: false,
      eventSelector: [{
        readWriteType: 'All',
        includeManagementEvents: false,
        dataResource: [{ type: AUDIT_DATA_RESOURCE_TYPE, values: props.bucketArns.map((arn) => `${arn}/`) }],
      }],
      // CloudTrail checks the bucket policy and the key policy when the trail is created.
      dependsOn: [this.bucket.policy, this.key],
    });
    platform.protect(this.trail, props.removalPolicy);
  }
}
