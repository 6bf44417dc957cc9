import { RedshiftserverlessNamespace } from '@cdktf/provider-aws/lib/redshiftserverless-namespace';
import { RedshiftserverlessWorkgroup } from '@cdktf/provider-aws/lib/redshiftserverless-workgroup';
import { Construct } from 'constructs';
import { auditLogGroups } from './audit-logs';
import { ServerlessSizing } from './deployment-validation';
import { REDSHIFT_IDENTIFIER_RULE } from './names';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { REDSHIFT_AUDIT_LOG_TYPES } from '../audit-log-destination';

/**
 * Every configuration parameter of a workgroup, at the library's values: Redshift returns them all,
 * so setting only some would leave Terraform with a diff on every plan. `require_ssl` and
 * `enable_user_activity_logging` are the security baseline; the others are Redshift's defaults.
 */
export const SERVERLESS_CONFIG_PARAMETERS: Record<string, string> = {
  auto_mv: 'true',
  datestyle: 'ISO, MDY',
  enable_case_sensitive_identifier: 'false',
  enable_user_activity_logging: 'true',
  max_query_execution_time: '14400',
  query_group: 'default',
  require_ssl: 'true',
  search_path: '$user, public',
  use_fips_ssl: 'false',
};

/**
 * Props of {@link ServerlessWarehouse}.
 * @internal
 */
export interface ServerlessWarehouseProps {
  readonly name: string;
  readonly databaseName: string;
  readonly adminUsername: string;
  readonly sizing: ServerlessSizing;
  readonly keyArn: string;
  readonly roleArn: string;
  readonly securityGroupId: string;
  readonly subnetIds: string[];
  readonly port: number;
  readonly publiclyAccessible: boolean;
  readonly auditLogRetentionDays?: number;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A Redshift Serverless namespace (encrypted with the warehouse's key, administrator password
 * generated and kept by Redshift in Secrets Manager under the same key, the warehouse role as
 * default role, connection/user/user-activity logs exported to the warehouse's log groups, protected
 * from deletion unless DESTROY is in effect) and its workgroup (private subnets, the warehouse's
 * security group, `publicly_accessible` stated, enhanced VPC routing, TLS required).
 * @internal
 */
export class ServerlessWarehouse extends Construct {
  public readonly namespace: RedshiftserverlessNamespace;
  public readonly workgroup: RedshiftserverlessWorkgroup;
  /** Namespace and workgroup name. */
  public readonly identifier: string;

  constructor(scope: Construct, id: string, props: ServerlessWarehouseProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.identifier = platform.physicalName(this, REDSHIFT_IDENTIFIER_RULE, [props.name]);
    const logs = auditLogGroups(this, `/aws/redshift/${this.identifier}`, props.keyArn, props.auditLogRetentionDays, props.removalPolicy);
    this.namespace = new RedshiftserverlessNamespace(this, 'Namespace', {
      namespaceName: this.identifier,
      dbName: props.databaseName,
      adminUsername: props.adminUsername,
      manageAdminPassword: true,
      adminPasswordSecretKmsKeyId: props.keyArn,
      kmsKeyId: props.keyArn,
      iamRoles: [props.roleArn],
      defaultIamRoleArn: props.roleArn,
      logExports: REDSHIFT_AUDIT_LOG_TYPES,
      dependsOn: logs.map((l) => l.logGroup),
    });
    platform.protect(this.namespace, props.removalPolicy);
    this.workgroup = new RedshiftserverlessWorkgroup(this, 'Workgroup', {
      workgroupName: this.identifier,
      namespaceName: this.namespace.namespaceName,
      baseCapacity: props.sizing.baseCapacityRpus,
      maxCapacity: props.sizing.maxCapacityRpus,
      port: props.port,
      publiclyAccessible: props.publiclyAccessible,
      enhancedVpcRouting: true,
      subnetIds: props.subnetIds,
      securityGroupIds: [props.securityGroupId],
      configParameter: Object.entries(SERVERLESS_CONFIG_PARAMETERS).map(([parameterKey, parameterValue]) => ({ parameterKey, parameterValue })),
    });
  }
}
