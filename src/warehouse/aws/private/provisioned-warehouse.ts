import { RedshiftCluster } from '@cdktf/provider-aws/lib/redshift-cluster';
import { RedshiftParameterGroup } from '@cdktf/provider-aws/lib/redshift-parameter-group';
import { RedshiftSubnetGroup } from '@cdktf/provider-aws/lib/redshift-subnet-group';
import { Construct } from 'constructs';
import { AuditLogBucket, auditLogGroups, clusterCloudWatchLogging } from './audit-logs';
import { ProvisionedSizing } from './deployment-validation';
import { REDSHIFT_IDENTIFIER_RULE } from './names';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { AuditLogDestination, AuditLogDestinationKind } from '../audit-log-destination';
import { REDSHIFT_PARAMETER_GROUP_FAMILY } from '../redshift-warehouse-props';

/** Parameters of the cluster's parameter group: TLS required, every query logged. */
export const CLUSTER_PARAMETERS: Record<string, string> = {
  require_ssl: 'true',
  enable_user_activity_logging: 'true',
};

/**
 * Props of {@link ProvisionedWarehouse}.
 * @internal
 */
export interface ProvisionedWarehouseProps {
  readonly name: string;
  readonly databaseName: string;
  readonly adminUsername: string;
  readonly sizing: ProvisionedSizing;
  readonly keyArn: string;
  readonly roleArn: string;
  readonly securityGroupId: string;
  readonly subnetIds: string[];
  readonly port: number;
  readonly publiclyAccessible: boolean;
  readonly snapshotRetentionDays: number;
  readonly auditLogs: AuditLogDestination;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A provisioned cluster: encrypted with the warehouse's key, administrator password generated and
 * kept by Redshift in Secrets Manager under the same key, `publicly_accessible` stated, enhanced VPC
 * routing, a parameter group requiring TLS and logging user activity, its own subnet group, the
 * warehouse role as default role, automated snapshots kept `snapshotRetentionDays`, a final snapshot
 * on deletion (skipped only when DESTROY is in effect), audit logs to CloudWatch Logs or S3, and
 * protection from deletion unless DESTROY is in effect.
 * @internal
 */
export class ProvisionedWarehouse extends Construct {
  public readonly cluster: RedshiftCluster;
  public readonly identifier: string;
  /** The effective removal policy. */
  public readonly removalPolicy: RemovalPolicy;

  constructor(scope: Construct, id: string, props: ProvisionedWarehouseProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.identifier = platform.physicalName(this, REDSHIFT_IDENTIFIER_RULE, [props.name]);
    const parameters = new RedshiftParameterGroup(this, 'ParameterGroup', {
      name: this.identifier,
      family: REDSHIFT_PARAMETER_GROUP_FAMILY,
      description: `${this.identifier}: TLS required, user activity logged`,
      parameter: Object.entries(CLUSTER_PARAMETERS).map(([name, value]) => ({ name, value })),
    });
    const subnets = new RedshiftSubnetGroup(this, 'SubnetGroup', {
      name: this.identifier,
      description: `${this.identifier}: subnets of the warehouse`,
      subnetIds: props.subnetIds,
    });
    this.removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    const skipFinalSnapshot = this.removalPolicy === RemovalPolicy.DESTROY;
    const { nodeType, numberOfNodes } = props.sizing;
    this.cluster = new RedshiftCluster(this, 'Cluster', {
      clusterIdentifier: this.identifier,
      nodeType,
      clusterType: numberOfNodes === 1 ? 'single-node' : 'multi-node',
      numberOfNodes,
      databaseName: props.databaseName,
      masterUsername: props.adminUsername,
      manageMasterPassword: true,
      masterPasswordSecretKmsKeyId: props.keyArn,
      encrypted: true,
      kmsKeyId: props.keyArn,
      publiclyAccessible: props.publiclyAccessible,
      enhancedVpcRouting: true,
      port: props.port,
      clusterSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [props.securityGroupId],
      clusterParameterGroupName: parameters.name,
      iamRoles: [props.roleArn],
      defaultIamRoleArn: props.roleArn,
      automatedSnapshotRetentionPeriod: props.snapshotRetentionDays,
      skipFinalSnapshot,
      finalSnapshotIdentifier: skipFinalSnapshot ? undefined : `${this.identifier}-final`,
      allowVersionUpgrade: true,
    });
    platform.protect(this.cluster, this.removalPolicy);
    const clusterArn = `arn:${platform.partition}:redshift:${platform.region}:${platform.accountId}:cluster:${this.identifier}`;
    if (props.auditLogs.kind === AuditLogDestinationKind.S3) {
      new AuditLogBucket(this, 'AuditLogs', {
        name: props.name,
        clusterIdentifier: this.cluster.clusterIdentifier,
        clusterArn,
        retentionDays: props.auditLogs.retentionDays,
        removalPolicy: props.removalPolicy,
      });
    } else {
      const logs = auditLogGroups(this, `/aws/redshift/cluster/${this.identifier}`, props.keyArn, props.auditLogs.retentionDays, props.removalPolicy);
      clusterCloudWatchLogging(this, this.cluster.clusterIdentifier, logs.map((l) => l.logGroup));
    }
  }
}
