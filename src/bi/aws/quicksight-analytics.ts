import { QuicksightDataSource, QuicksightDataSourceConfig } from '@cdktf/provider-aws/lib/quicksight-data-source';
import { Construct } from 'constructs';
import { DataSourceIds } from '../private/data-source-ids';
import { resourcesUnder } from './private/dependables';
import { checkAccountId, checkDatabaseUser, QuickSightPermission, quickSightPermissions } from './private/quicksight-validation';
import { QuickSightVpcConnection } from './private/quicksight-vpc-connection';
import { grantSecretToQuickSight } from './private/secret-access';
import {
  QUICKSIGHT_DATABASE_USER, QUICKSIGHT_ROLE_PATH, QUICKSIGHT_SECRETS_ROLE_NAME, QUICKSIGHT_SERVICE_ROLE_NAME, QuickSightAnalyticsProps,
} from './quicksight-analytics-props';
import { Annotations } from '../../core/cdktf';
import { invalidConfig, invalidProp } from '../../core/errors';
import { kebab } from '../../core/naming';
import { IIdentity, Identity } from '../../identity/identity';
import { IDataLake } from '../../lake/data-lake-contract';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IWarehouse, WarehouseEngine } from '../../warehouse/warehouse-contract';
import { BiEngine, IBiFrontEnd } from '../bi-contract';

/** Warehouse engines QuickSight reads (over its VPC connection, as a REDSHIFT data source). */
const REDSHIFT_ENGINES: string[] = [WarehouseEngine.REDSHIFT_SERVERLESS, WarehouseEngine.REDSHIFT];

/** The Athena workgroup of a lake, when it exposes one (`AwsDataLake.workgroupName`). */
function athenaWorkgroup(lake: IDataLake): string | undefined {
  const workgroup = (lake as unknown as { workgroupName?: unknown }).workgroupName;
  return typeof workgroup === 'string' ? workgroup : undefined;
}

/**
 * Amazon QuickSight data sources on the stack's warehouses and lakes.
 *
 * - Network: one `aws_quicksight_vpc_connection` (created with the first warehouse) in the private
 *   subnets of the platform's network, with a dedicated security group whose only rules are egress
 *   to the warehouses' ports inside the VPC, and an execution role QuickSight assumes holding only
 *   the EC2 network-interface permissions the connection needs (Describe calls on `*`, which they
 *   require; create, modify and delete scoped to this account's interfaces, the network's subnets
 *   and the security group). Each warehouse opens its port to the security group.
 * - Warehouses (Amazon Redshift, provisioned or Serverless): a `REDSHIFT` data source (host, port,
 *   database) over the VPC connection with SSL on, authenticating as a read-only user the warehouse
 *   creates (`addReadOnlyUser`), whose Secrets Manager secret is the data source credential.
 *   QuickSight reads that secret by assuming its Secrets Manager role; the role gets
 *   `secretsmanager:GetSecretValue` on that one secret and `kms:Decrypt` on its key via Secrets
 *   Manager only.
 * - Lakes (`AwsDataLake`): an `ATHENA` data source on the lake's workgroup; QuickSight's service
 *   role gets the lake's read grant on every zone (S3, KMS, Glue, Athena, and Lake Formation when
 *   the lake uses it).
 * - Permissions: `owners` get every data source action, `readers` may build datasets on them.
 *
 * What QuickSight needs that Terraform cannot do (one-time, in the console, per account):
 * 1. A QuickSight subscription, Enterprise edition (VPC connections, Secrets Manager credentials and
 *    group permissions need it); subscribing is a billing decision left to the account owner.
 * 2. Users and groups: provision them (IAM Identity Center, SAML/IAM federation or invitations)
 *    and pass their ARNs as `owners` and `readers`.
 * 3. Manage QuickSight > Security & permissions: enable Secrets Manager access (this creates the
 *    role `aws-quicksight-secretsmanager-role-v0`, which must exist before deploying warehouses),
 *    and for lakes enable Amazon Athena and keep the service role `aws-quicksight-service-role-v0`
 *    (or pass your own as `serviceRole`). The grants on those roles are made here; the roles are not.
 * 4. SPICE capacity, if datasets import data instead of querying directly.
 * 5. Datasets, analyses and dashboards: authored in the QuickSight UI on these data sources.
 */
export class QuickSightAnalytics extends Construct implements IBiFrontEnd {
  public readonly engine = BiEngine.QUICKSIGHT;
  public readonly dataSourceNames: string[] = [];
  /** QuickSight ids of the data sources created, in creation order (for datasets built with the API). */
  public readonly dataSourceIds: string[] = [];
  /** The QuickSight account the data sources belong to. */
  public readonly awsAccountId: string;
  private readonly props: QuickSightAnalyticsProps;
  private readonly permissions: QuickSightPermission[];
  private readonly databaseUser: string;
  private readonly ids: DataSourceIds;
  private readonly name: string;
  private vpc?: QuickSightVpcConnection;
  private secretsRoleValue?: IIdentity;
  private serviceRoleValue?: IIdentity;

  constructor(scope: Construct, id: string, props: QuickSightAnalyticsProps = {}) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.props = props;
    this.name = kebab(id);
    this.ids = new DataSourceIds(this);
    this.awsAccountId = checkAccountId(this, props.awsAccountId ?? platform.accountId);
    this.permissions = quickSightPermissions(this, props.owners ?? [], props.readers ?? []);
    this.databaseUser = checkDatabaseUser(this, props.databaseUser ?? QUICKSIGHT_DATABASE_USER);
    if (this.permissions.length === 0) {
      Annotations.of(this).addWarning('no owners or readers: no QuickSight user or group can see the data sources (only the API can). Pass the ARNs of QuickSight users or groups.');
    }
    for (const warehouse of props.warehouses ?? []) this.addWarehouse(warehouse.node.id, warehouse);
    for (const lake of props.lakes ?? []) this.addLake(lake.node.id, lake);
  }

  /** ARN of the VPC connection; undefined until a warehouse is added. */
  public get vpcConnectionArn(): string | undefined {
    return this.vpc?.arn;
  }

  /** Id of the security group of the VPC connection's interfaces; undefined until a warehouse is added. */
  public get securityGroupId(): string | undefined {
    return this.vpc?.securityGroup.id;
  }

  /**
   * A `REDSHIFT` data source on `warehouse` over the VPC connection, as a read-only user the
   * warehouse creates, with the warehouse's port opened to the connection's security group.
   */
  public addWarehouse(id: string, warehouse: IWarehouse): void {
    if (!REDSHIFT_ENGINES.includes(warehouse.engine)) {
      throw invalidProp(this, `engine of warehouse "${id}"`, warehouse.engine,
        'QuickSight reads Amazon Redshift warehouses (REDSHIFT_SERVERLESS or REDSHIFT) over its VPC connection; read a PostgreSQL warehouse on Kubernetes with GrafanaAnalytics');
    }
    const key = this.ids.claim(id, warehouse, 'warehouse');
    const platform = AwsPlatform.ofAws(this);
    const credential = warehouse.addReadOnlyUser(`${this.node.id}-${id}`, this.databaseUser);
    if (!credential.secretArn) {
      throw invalidConfig(this, `the read-only credential of warehouse "${id}" (${credential.node.path}) has no Secrets Manager secret (backend "${credential.backend}"); QuickSight reads data source credentials from AWS Secrets Manager only.`);
    }
    const vpc = this.vpcConnection();
    vpc.allowPort(warehouse.port);
    warehouse.allowConnectionsFrom(`${this.node.id}-${id}`, { securityGroupId: vpc.securityGroup.id });
    const secretPolicy = grantSecretToQuickSight(this, `SecretAccess-${id}`, {
      role: this.secretsRole,
      credential,
      policyName: `${platform.namePrefix}-${this.name}-${key}-secret`,
      region: platform.region,
    });
    this.dataSource(id, key, {
      type: 'REDSHIFT',
      parameters: { redshift: { host: warehouse.endpoint, port: warehouse.port, database: warehouse.databaseName } },
      credentials: { secretArn: credential.secretArn },
      vpcConnectionProperties: { vpcConnectionArn: vpc.arn },
      sslProperties: { disableSsl: false },
      // QuickSight connects when it creates the data source: after the user, its secret and the network path.
      dependsOn: [secretPolicy, vpc.connection, ...resourcesUnder(credential), ...resourcesUnder(warehouse)],
    });
  }

  /** An `ATHENA` data source on the lake's workgroup; QuickSight's service role may read every zone. */
  public addLake(id: string, lake: IDataLake): void {
    const workgroup = athenaWorkgroup(lake);
    if (workgroup === undefined) {
      throw invalidProp(this, `lake "${id}"`, lake.node.path,
        'QuickSight reads lakes through Athena: use an AwsDataLake (it exposes workgroupName); a Kubernetes lake has no Athena workgroup and an imported AWS lake does not expose its workgroup');
    }
    const key = this.ids.claim(id, lake, 'lake');
    for (const zone of lake.zoneNames) lake.grantRead(this.serviceRole, zone);
    // After the lake (its workgroup, results bucket and the grants just made to QuickSight's role).
    this.dataSource(id, key, { type: 'ATHENA', parameters: { athena: { workGroup: workgroup } }, dependsOn: resourcesUnder(lake) });
  }

  private dataSource(id: string, key: string, config: Omit<QuicksightDataSourceConfig, 'dataSourceId' | 'name' | 'awsAccountId'>): void {
    const platform = AwsPlatform.ofAws(this);
    const dataSourceId = `${platform.namePrefix}-${this.name}-${key}`;
    new QuicksightDataSource(this, `DataSource-${id}`, {
      ...config,
      awsAccountId: this.awsAccountId,
      dataSourceId,
      name: id,
      permission: this.permissions.length > 0 ? this.permissions.map((p) => ({ principal: p.principal, actions: [...p.actions] })) : undefined,
    });
    this.dataSourceNames.push(id);
    this.dataSourceIds.push(dataSourceId);
  }

  private vpcConnection(): QuickSightVpcConnection {
    if (!this.vpc) {
      const network = this.props.network ?? AwsPlatform.ofAws(this).requireNetwork(this, 'QuickSight\'s VPC connection');
      this.vpc = new QuickSightVpcConnection(this, 'VpcConnection', { network, awsAccountId: this.awsAccountId, name: this.name });
    }
    return this.vpc;
  }

  private get secretsRole(): IIdentity {
    this.secretsRoleValue ??= this.props.secretsRole ?? this.quickSightRole('SecretsRole', QUICKSIGHT_SECRETS_ROLE_NAME);
    return this.secretsRoleValue;
  }

  private get serviceRole(): IIdentity {
    this.serviceRoleValue ??= this.props.serviceRole ?? this.quickSightRole('ServiceRole', QUICKSIGHT_SERVICE_ROLE_NAME);
    return this.serviceRoleValue;
  }

  /** A role QuickSight created in the platform's account. */
  private quickSightRole(id: string, roleName: string): IIdentity {
    const platform = AwsPlatform.ofAws(this);
    const roleArn = `arn:${platform.partition}:iam::${platform.accountId}:role${QUICKSIGHT_ROLE_PATH}${roleName}`;
    return Identity.fromAwsRole(this, id, { roleName, roleArn });
  }
}
