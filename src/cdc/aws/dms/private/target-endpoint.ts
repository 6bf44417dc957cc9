import { DmsEndpoint } from '@cdktf/provider-aws/lib/dms-endpoint';
import { DmsS3Endpoint } from '@cdktf/provider-aws/lib/dms-s3-endpoint';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct, IConstruct } from 'constructs';
import { KinesisTarget, LakeTarget, ResolvedTarget } from './resolve-target';
import { dmsServiceRole } from './service-role';
import { ITerraformDependable } from '../../../../core/cdktf';
import { attachRolePolicy } from '../../../../identity/aws-grant';
import { Identity } from '../../../../identity/identity';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';

/** Record format on stream targets: one JSON object per record, on one line. */
export const DMS_STREAM_MESSAGE_FORMAT = 'json-unformatted';
/** Lake files: Parquet 2.0. */
export const DMS_LAKE_PARQUET_VERSION = 'parquet-2-0';
/** Folder of the zone DMS writes under (`<zone>/cdc/<capture>/<schema>/<table>/`). */
export const DMS_LAKE_FOLDER = 'cdc';
/** Column with the source commit time of each change (the load time for the full load). */
export const DMS_LAKE_TIMESTAMP_COLUMN = 'cdc_commit_timestamp';

/** Props of {@link TargetEndpoint}. @internal */
export interface TargetEndpointProps {
  readonly target: ResolvedTarget;
  /** `<namePrefix>-<capture>`. */
  readonly name: string;
  readonly capture: string;
  readonly kmsKeyArn: string;
}

/** The inline policies attached to `role` anywhere under `scope` (grants made by other constructs). */
function policiesOf(scope: IConstruct, roleName: string): ITerraformDependable[] {
  return scope.node.findAll().filter((c): c is IamRolePolicy => c instanceof IamRolePolicy && c.roleInput === roleName);
}

/**
 * The target endpoint and the role DMS writes with (`<namePrefix>-<capture>-dms-target`):
 * - Kinesis: the stream's own write grant (put records, the stream key) plus DescribeStream; one
 *   JSON record per change, keyed by schema, table and primary key (DMS's default partitioning,
 *   prefixed with schema and table), so changes of one row stay in order on one shard; the
 *   transaction, control and DDL details are included.
 * - Lake: the zone's write grant (objects, key, catalog) plus object tagging; Parquet files under
 *   `<zone>/cdc/<capture>/`, SSE-KMS with the zone's key, the operation column on full-load rows
 *   too, a commit-timestamp column, millisecond timestamps (Athena and Glue read no finer), and the
 *   bucket owner checked.
 * @internal
 */
export class TargetEndpoint extends Construct {
  public readonly endpointArn: string;
  /** Policies the task must wait for. */
  public readonly policies: ITerraformDependable[];
  public readonly role: IamRole;
  /** The role's name (one token string, so the grants made with it can be found again). */
  private readonly roleName: string;

  constructor(scope: Construct, id: string, props: TargetEndpointProps) {
    super(scope, id);
    this.role = dmsServiceRole(this, 'Role', props.capture, 'target');
    this.roleName = this.role.name;
    const identity = Identity.fromAwsRole(this, 'Identity', { roleName: this.roleName, roleArn: this.role.arn });
    const { target } = props;
    if (target.kind === 'kinesis') {
      target.stream.grantWrite(identity);
      this.endpointArn = this.kinesis(target, props).endpointArn;
      this.policies = [...policiesOf(target.stream, this.roleName), ...policiesOf(this, this.roleName)];
    } else {
      target.lake.grantWrite(identity, target.zone);
      this.endpointArn = this.lake(target, props).endpointArn;
      this.policies = [...policiesOf(target.lake, this.roleName), ...policiesOf(this, this.roleName)];
    }
  }

  private kinesis(target: KinesisTarget, props: TargetEndpointProps): DmsEndpoint {
    attachRolePolicy(this, 'DescribeStream', this.roleName, [{ actions: ['kinesis:DescribeStream'], resources: [target.streamArn] }], 'describe-stream');
    return new DmsEndpoint(this, 'Endpoint', {
      endpointId: `${props.name}-target`,
      endpointType: 'target',
      engineName: 'kinesis',
      kmsKeyArn: props.kmsKeyArn,
      kinesisSettings: {
        streamArn: target.streamArn,
        serviceAccessRoleArn: this.role.arn,
        messageFormat: DMS_STREAM_MESSAGE_FORMAT,
        partitionIncludeSchemaTable: true,
        includePartitionValue: true,
        includeTransactionDetails: true,
        includeControlDetails: true,
        includeTableAlterOperations: true,
        includeNullAndEmpty: true,
      },
    });
  }

  private lake(target: LakeTarget, props: TargetEndpointProps): DmsS3Endpoint {
    const platform = AwsPlatform.ofAws(this);
    attachRolePolicy(this, 'TagObjects', this.roleName, [{
      actions: ['s3:PutObjectTagging'],
      resources: [`arn:${platform.partition}:s3:::${target.bucketName}/${DMS_LAKE_FOLDER}/${props.capture}/*`],
    }], 'tag-objects');
    return new DmsS3Endpoint(this, 'Endpoint', {
      endpointId: `${props.name}-target`,
      endpointType: 'target',
      kmsKeyArn: props.kmsKeyArn,
      bucketName: target.bucketName,
      bucketFolder: `${DMS_LAKE_FOLDER}/${props.capture}`,
      expectedBucketOwner: platform.accountId,
      serviceAccessRoleArn: this.role.arn,
      dataFormat: 'parquet',
      parquetVersion: DMS_LAKE_PARQUET_VERSION,
      parquetTimestampInMillisecond: true,
      encryptionMode: 'SSE_KMS',
      serverSideEncryptionKmsKeyId: target.keyArn,
      includeOpForFullLoad: true,
      timestampColumnName: DMS_LAKE_TIMESTAMP_COLUMN,
    });
  }
}
