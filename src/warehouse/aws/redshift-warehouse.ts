import { Construct } from 'constructs';
import { AuditLogDestination, AuditLogDestinationKind } from './audit-log-destination';
import { FIREHOSE_REDSHIFT_CIDR_BLOCKS, FirehoseAccess, FirehoseAccessKind } from './firehose-access';
import { deploymentKind, provisionedSizing, serverlessSizing } from './private/deployment-validation';
import { ImportedRedshiftWarehouse } from './private/imported-redshift-warehouse';
import { LakeLoad } from './private/lake-load';
import { ManagedAdminCredential } from './private/managed-admin-credential';
import { ProvisionedWarehouse } from './private/provisioned-warehouse';
import { RedshiftOperations } from './private/redshift-operations';
import { RedshiftTarget } from './private/redshift-target';
import { ServerlessWarehouse } from './private/serverless-warehouse';
import { checkUsername } from './private/sql';
import { warehouseRole } from './private/warehouse-role';
import { WarehouseSecurityGroup } from './private/warehouse-security-group';
import { checkAuditLogs, checkDatabaseName, checkPort, checkWarehouseName, validateTables } from './private/warehouse-validation';
import { RedshiftDeployment, RedshiftDeploymentKind } from './redshift-deployment';
import {
  RedshiftFirehoseDestinationOptions, RedshiftLakeLoadOptions, RedshiftStreamingIngestionOptions,
} from './redshift-load-options';
import {
  DEFAULT_ADMIN_USERNAME, DEFAULT_REDSHIFT_PORT, DEFAULT_SNAPSHOT_RETENTION_DAYS, MAX_SNAPSHOT_RETENTION_DAYS, MIN_SNAPSHOT_RETENTION_DAYS,
  RedshiftWarehouseAttributes, RedshiftWarehouseProps,
} from './redshift-warehouse-props';
import { ITerraformDependable, Token } from '../../core/cdktf';
import { invalidConfig, invalidProp } from '../../core/errors';
import { kebab } from '../../core/naming';
import { integerInRange } from '../../core/validate';
import { IIdentity } from '../../identity/identity';
import { IDataLake } from '../../lake/data-lake-contract';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';
import { defaultSecretStore } from '../../secrets/default-secret-store';
import { DEFAULT_CREDENTIAL_REVISION, ICredential, ISecretStore, SecretStoreBackend } from '../../secrets/secret-store-contract';
import { IStreamDestination } from '../../streaming/destination';
import { IStreamingIngest } from '../../streaming/streaming-ingest-contract';
import {
  DEFAULT_WAREHOUSE_DATABASE, IWarehouse, WarehouseClientPeer, WarehouseDestinationOptions, WarehouseEngine, WarehouseLakeLoadOptions,
} from '../warehouse-contract';

/** Fewest subnets a Redshift Serverless workgroup accepts (in three availability zones). */
export const MIN_SERVERLESS_SUBNETS = 3;

/** Options of `RedshiftWarehouse.addReadOnlyUserWithOptions`. */
export interface RedshiftUserOptions {
  /** Database user name (lowercase letters, digits, underscores). */
  readonly username: string;
  /**
   * Revision of the password: bump it to generate a new password and set it on the user.
   * @default DEFAULT_CREDENTIAL_REVISION (1)
   */
  readonly revision?: number;
  /**
   * Length of the generated password.
   * @default DEFAULT_PASSWORD_LENGTH (32)
   */
  readonly passwordLength?: number;
}

/**
 * A Warehouse on Amazon Redshift, Serverless (the default) or a provisioned RA3 cluster.
 *
 * - Security: encrypted with the platform's customer-managed key; the administrator's password is
 *   generated, kept and rotated by Redshift in Secrets Manager (under the same key), never in state;
 *   `publicly_accessible = false`; TLS required (`require_ssl`); enhanced VPC routing; audit logs
 *   (connections, user changes, every query) to KMS-encrypted CloudWatch log groups with retention,
 *   or to S3 (provisioned).
 * - Network: the platform's private subnets and a security group with no ingress except what
 *   `allowConnectionsFrom` adds; egress HTTPS to S3 (gateway endpoint) and inside the VPC only.
 * - Data protection: protected from deletion (`prevent_destroy`) unless DESTROY is in effect;
 *   provisioned clusters keep automated snapshots 7 to 35 days and take a final snapshot on
 *   deletion (skipped only under DESTROY).
 * - Access: an IAM role attached as default role for COPY, Spectrum and streaming ingestion, with no
 *   permission until a load, schema or stream grants one; tables created through the Redshift Data
 *   API; `grantRead`/`grantWrite` give IAM temporary credentials and SQL grants to the identity's
 *   IAM-mapped database user; `addReadOnlyUser` creates password users from the SecretStore through a
 *   small Lambda, so passwords stay out of Terraform state.
 * - Loading: `streamingIngestion` (private, Redshift reads Kinesis), `loadFromLake` (scheduled COPY
 *   from a lake zone), and `destination` (Firehose; needs `FirehoseAccess.publicEndpointForFirehoseCidrs`).
 */
export class RedshiftWarehouse extends Construct implements IWarehouse {
  /** An existing warehouse, by attributes: grants, users, loads and destinations; nothing else created. */
  public static fromRedshiftAttributes(scope: Construct, id: string, attrs: RedshiftWarehouseAttributes): IWarehouse {
    return new ImportedRedshiftWarehouse(scope, id, attrs);
  }

  public readonly engine: WarehouseEngine;
  public readonly endpoint: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly adminCredential: ICredential;
  /** Serverless: the namespace and workgroup name; provisioned: the cluster identifier. */
  public readonly identifier: string;
  /** ARN of the workgroup (serverless) or cluster (provisioned). */
  public readonly arn: string;
  /** The IAM role attached to the warehouse (COPY, Spectrum, streaming ingestion). */
  public readonly roleArn: string;
  /** Name of that role. */
  public readonly roleName: string;
  /** Security group of the warehouse. */
  public readonly securityGroupId: string;
  /** The key the warehouse, its secret and its logs are encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** Whether Firehose may reach the warehouse. */
  public readonly firehoseAccess: FirehoseAccess;
  private readonly ops: RedshiftOperations;

  constructor(scope: Construct, id: string, props: RedshiftWarehouseProps = {}) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const deployment = props.deployment ?? RedshiftDeployment.serverless();
    const kind = deploymentKind(this, deployment);
    const serverless = kind === RedshiftDeploymentKind.SERVERLESS;
    const name = checkWarehouseName(this, props.name ?? kebab(id));
    this.databaseName = checkDatabaseName(this, props.databaseName ?? DEFAULT_WAREHOUSE_DATABASE);
    const adminUsername = checkUsername(this, 'adminUsername', props.adminUsername ?? DEFAULT_ADMIN_USERNAME);
    this.port = checkPort(this, props.port ?? DEFAULT_REDSHIFT_PORT);
    const tables = validateTables(this, props.tables ?? []);
    const auditLogs = props.auditLogs ?? AuditLogDestination.cloudWatch();
    this.firehoseAccess = props.firehoseAccess ?? FirehoseAccess.none();
    if (serverless && props.snapshotRetentionDays !== undefined) {
      throw invalidConfig(this, 'snapshotRetentionDays applies to provisioned clusters only: Redshift Serverless keeps its own recovery points (24 hours). Remove it or use RedshiftDeployment.provisioned(...).');
    }
    if (serverless && auditLogs.kind === AuditLogDestinationKind.S3) {
      throw invalidConfig(this, 'auditLogs: AuditLogDestination.s3() applies to provisioned clusters only: Redshift Serverless exports audit logs to CloudWatch Logs. Use AuditLogDestination.cloudWatch().');
    }
    checkAuditLogs(this, auditLogs);
    const serverlessSize = serverless ? serverlessSizing(this, deployment) : undefined;
    const provisionedSize = serverless ? undefined : provisionedSizing(this, deployment);
    const snapshotRetentionDays = integerInRange(this, 'snapshotRetentionDays', props.snapshotRetentionDays,
      MIN_SNAPSHOT_RETENTION_DAYS, MAX_SNAPSHOT_RETENTION_DAYS, DEFAULT_SNAPSHOT_RETENTION_DAYS);
    const secretStore = props.secretStore;
    if (secretStore && secretStore.backend !== SecretStoreBackend.SECRETS_MANAGER) {
      throw invalidProp(this, 'secretStore', secretStore.backend, 'use a SecretsManagerStore: Redshift users are provisioned from Secrets Manager credentials');
    }

    const network = platform.requireNetwork(this, 'the Redshift warehouse');
    const publicEndpoint = this.firehoseAccess.kind === FirehoseAccessKind.PUBLIC_ENDPOINT_FOR_FIREHOSE;
    const firehoseCidr = publicEndpoint ? this.firehoseCidr(platform.region) : undefined;
    const subnetIds = publicEndpoint ? this.firehoseAccess.subnetIds ?? [] : network.privateSubnetIds;
    if (publicEndpoint && !Token.isUnresolved(subnetIds) && subnetIds.length === 0) {
      throw invalidProp(this, 'firehoseAccess.subnetIds', subnetIds, 'give the subnets routed to an internet gateway that the public endpoint runs in');
    }
    if (serverless && !Token.isUnresolved(subnetIds) && subnetIds.length < MIN_SERVERLESS_SUBNETS) {
      throw invalidProp(this, publicEndpoint ? 'firehoseAccess.subnetIds' : 'network.privateSubnetIds', subnetIds,
        `Redshift Serverless needs at least ${MIN_SERVERLESS_SUBNETS} subnets in ${MIN_SERVERLESS_SUBNETS} availability zones`);
    }

    this.encryptionKey = platform.encryptionKey(this, `redshift-${name}`, props.removalPolicy);
    const keyArn = this.encryptionKey.keyArn;
    const role = warehouseRole(this, name);
    this.roleArn = role.arn;
    this.roleName = role.name;
    this.securityGroupId = new WarehouseSecurityGroup(this, 'Network', { name, network, port: this.port, firehoseCidr }).group.id;
    const common = {
      name,
      databaseName: this.databaseName,
      adminUsername,
      keyArn,
      roleArn: role.arn,
      securityGroupId: this.securityGroupId,
      subnetIds,
      port: this.port,
      publiclyAccessible: publicEndpoint,
      removalPolicy: props.removalPolicy,
    };

    let adminSecretArn: string;
    let dataApiArn: string;
    let credentialsArn: string;
    let ready: ITerraformDependable[];
    if (serverless) {
      const warehouse = new ServerlessWarehouse(this, 'Serverless', { ...common, sizing: serverlessSize!, auditLogRetentionDays: auditLogs.retentionDays });
      this.engine = WarehouseEngine.REDSHIFT_SERVERLESS;
      this.identifier = warehouse.identifier;
      this.endpoint = warehouse.workgroup.endpoint.get(0).address;
      this.arn = warehouse.workgroup.arn;
      adminSecretArn = warehouse.namespace.adminPasswordSecretArn;
      dataApiArn = warehouse.workgroup.arn;
      credentialsArn = warehouse.workgroup.arn;
      ready = [warehouse.workgroup];
    } else {
      const warehouse = new ProvisionedWarehouse(this, 'Provisioned', {
        ...common, sizing: provisionedSize!, snapshotRetentionDays, auditLogs,
      });
      this.engine = WarehouseEngine.REDSHIFT;
      this.identifier = warehouse.identifier;
      this.endpoint = warehouse.cluster.dnsName;
      this.arn = warehouse.cluster.arn;
      adminSecretArn = warehouse.cluster.masterPasswordSecretArn;
      dataApiArn = warehouse.cluster.arn;
      credentialsArn = `arn:${platform.partition}:redshift:${platform.region}:${platform.accountId}:dbname:${this.identifier}/${this.databaseName}`;
      ready = [warehouse.cluster];
    }
    this.adminCredential = new ManagedAdminCredential(this, 'AdminCredential', {
      credentialName: `${this.identifier}-admin`,
      username: adminUsername,
      secretArn: adminSecretArn,
      kmsKeyArn: keyArn,
    });
    let store: ISecretStore | undefined = secretStore;
    const target: RedshiftTarget = {
      engine: this.engine,
      databaseName: this.databaseName,
      clusterIdentifier: serverless ? undefined : this.identifier,
      workgroupName: serverless ? this.identifier : undefined,
      dataApiArn,
      credentialsArn,
      adminCredential: this.adminCredential,
      endpoint: this.endpoint,
      port: this.port,
      roleArn: role.arn,
      roleName: role.name,
      securityGroupId: this.securityGroupId,
      tables,
      firehoseAccess: this.firehoseAccess,
      keyArn,
      name,
      secretStore: () => {
        store ??= defaultSecretStore(this);
        return store;
      },
    };
    this.ops = new RedshiftOperations(this, target, ready);
    this.ops.createTables();
  }

  /** Read on every table: IAM temporary credentials and Data API access, and SELECT for the identity's database user. */
  public grantRead(identity: IIdentity): void {
    this.ops.grant(identity, false);
  }

  /** Read and write on every table: as grantRead, with INSERT, UPDATE and DELETE. */
  public grantWrite(identity: IIdentity): void {
    this.ops.grant(identity, true);
  }

  /** A read-only password user (BI tools); its credential is generated in the SecretStore. */
  public addReadOnlyUser(id: string, username: string): ICredential {
    return this.ops.addReadOnlyUser(id, username);
  }

  /** As addReadOnlyUser, with the password's revision (bump to rotate) and length. */
  public addReadOnlyUserWithOptions(id: string, options: RedshiftUserOptions): ICredential {
    return this.ops.addReadOnlyUser(id, options.username, options.revision ?? DEFAULT_CREDENTIAL_REVISION, options.passwordLength);
  }

  /** Opens the warehouse port to the clients' security group. */
  public allowConnectionsFrom(id: string, peer: WarehouseClientPeer): void {
    this.ops.allowConnectionsFrom(id, peer);
  }

  /**
   * A Firehose destination into a table. Needs `firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs(...)`:
   * a private warehouse rejects it and names the private alternatives.
   */
  public destination(options: WarehouseDestinationOptions): IStreamDestination {
    return this.ops.firehoseDestination(options);
  }

  /** As destination, with the COPY, retry, buffering and credential options. */
  public firehoseDestination(options: RedshiftFirehoseDestinationOptions): IStreamDestination {
    return this.ops.firehoseDestination(options);
  }

  /** A scheduled COPY (hourly, JSON GZIP) from a lake zone into a table; see addLakeLoad for the options. */
  public loadFromLake(id: string, options: WarehouseLakeLoadOptions): void {
    this.ops.addLakeLoad(id, options);
  }

  /**
   * A COPY from a lake zone into a table, run on a schedule by an EventBridge rule through the
   * Redshift Data API. Returns the COPY statement.
   */
  public addLakeLoad(id: string, options: RedshiftLakeLoadOptions): string {
    const load: LakeLoad = this.ops.addLakeLoad(id, options);
    return load.sql;
  }

  /**
   * Redshift streaming ingestion from a Kinesis StreamingIngest: no public endpoint. Returns the
   * materialized view (`schema.view`).
   */
  public streamingIngestion(stream: IStreamingIngest, options: RedshiftStreamingIngestionOptions): string {
    return this.ops.streamingIngestion(stream, options);
  }

  /**
   * An external schema over a lake zone's catalog database (Redshift Spectrum). Returns its name.
   * @param schemaName the external schema's name (default `lake_<zone>`)
   */
  public addSpectrumSchema(lake: IDataLake, zone: string, schemaName?: string): string {
    return this.ops.addSpectrumSchema(lake, zone, schemaName);
  }

  private firehoseCidr(region: string): string {
    const cidr = FIREHOSE_REDSHIFT_CIDR_BLOCKS[region];
    if (!cidr) {
      throw invalidConfig(this, `firehoseAccess: Amazon Data Firehose publishes no Redshift CIDR block for region "${region}" `
        + `(known regions: ${Object.keys(FIREHOSE_REDSHIFT_CIDR_BLOCKS).sort().join(', ')}); use FirehoseAccess.none() and load with streamingIngestion or loadFromLake.`);
    }
    return cidr;
  }
}
