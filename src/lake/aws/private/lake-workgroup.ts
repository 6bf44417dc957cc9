import { AthenaWorkgroup } from '@cdktf/provider-aws/lib/athena-workgroup';
import { Construct } from 'constructs';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { SecureBucket } from '../../../storage/aws/secure-bucket';
import { ATHENA_ENGINE_VERSION, ATHENA_RESULTS_NONCURRENT_VERSION_DAYS, DEFAULT_ATHENA_RESULTS_EXPIRE_DAYS } from '../aws-data-lake-props';

/** Key prefix of query results in the results bucket. */
export const ATHENA_RESULTS_PREFIX = 'results/';

/**
 * Props of {@link LakeWorkgroup}.
 * @internal
 */
export interface LakeWorkgroupProps {
  readonly bytesScannedCutoffPerQuery: number;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The lake's SQL access point: an Athena workgroup (`<namePrefix>-lake`) whose configuration
 * clients cannot override, publishing CloudWatch metrics, with a per-query scan limit, engine
 * version AUTO, and results SSE-KMS-encrypted (platform CMK) in a dedicated SecureBucket
 * (`<namePrefix>-athena-results`, results expire after 30 days, overwritten ones after 1) owned by this account.
 * @internal
 */
export class LakeWorkgroup extends Construct {
  public readonly workgroup: AthenaWorkgroup;
  public readonly resultsBucket: SecureBucket;

  constructor(scope: Construct, id: string, props: LakeWorkgroupProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.resultsBucket = new SecureBucket(this, 'Results', {
      name: 'athena-results',
      expireAfterDays: DEFAULT_ATHENA_RESULTS_EXPIRE_DAYS,
      noncurrentVersionRetentionDays: ATHENA_RESULTS_NONCURRENT_VERSION_DAYS,
      removalPolicy: props.removalPolicy,
    });
    this.workgroup = new AthenaWorkgroup(this, 'Workgroup', {
      name: `${platform.namePrefix}-lake`,
      description: `SQL over the ${platform.namePrefix} lake (cdktf-data-pipelines)`,
      state: 'ENABLED',
      forceDestroy: false,
      configuration: {
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        requesterPaysEnabled: false,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery,
        engineVersion: { selectedEngineVersion: ATHENA_ENGINE_VERSION },
        resultConfiguration: {
          outputLocation: `s3://${this.resultsBucket.bucketName}/${ATHENA_RESULTS_PREFIX}`,
          expectedBucketOwner: platform.accountId,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKeyArn: this.resultsBucket.encryptionKey.keyArn },
        },
      },
    });
    // Like buckets: DESTROY (opted into twice) also deletes the workgroup's saved queries.
    if (platform.protect(this.workgroup, props.removalPolicy) === RemovalPolicy.DESTROY) this.workgroup.forceDestroy = true;
  }
}
