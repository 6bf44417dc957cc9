import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { FIREHOSE_PRIVATE_WAREHOUSE_PROBLEM } from './firehose-messages';
import { LakeLoad } from './lake-load';
import { snake } from './names';
import { ConditionalStatement, DATA_API_EXECUTE_ACTIONS, DATA_API_STATEMENT_ACTIONS, policyDocument, rolePoliciesIn } from './policies';
import { RedshiftFirehoseDestination } from './redshift-firehose-destination';
import { isServerless, RedshiftTarget } from './redshift-target';
import {
  checkIdentifier, checkUsername, createSchemaSql, createTableSql, externalCatalogSchemaSql, externalKinesisSchemaSql, iamRoleUser,
  schemaGrantSql, streamingViewSql,
} from './sql';
import { UserGrant, WarehouseUserFunction } from './user-function';
import { allowWarehousePort } from './warehouse-security-group';
import { WarehouseStatements } from './warehouse-statements';
import { findTable, schemasOf, tableKey } from './warehouse-validation';
import { ITerraformDependable } from '../../../core/cdktf';
import { invalidConfig, invalidProp } from '../../../core/errors';
import { kebab } from '../../../core/naming';
import { integerInRange, isUnresolved } from '../../../core/validate';
import { boundedPolicyName } from '../../../identity/aws-grant';
import { Identity, IIdentity } from '../../../identity/identity';
import { IDataLake } from '../../../lake/data-lake-contract';
import { DEFAULT_CREDENTIAL_REVISION, ICredential } from '../../../secrets/secret-store-contract';
import { IStreamDestination } from '../../../streaming/destination';
import { IStreamingIngest, StreamingEngine } from '../../../streaming/streaming-ingest-contract';
import { DEFAULT_WAREHOUSE_SCHEMA, WarehouseClientPeer } from '../../warehouse-contract';
import { FirehoseAccessKind } from '../firehose-access';
import {
  DEFAULT_FIREHOSE_COPY_OPTIONS, DEFAULT_FIREHOSE_RETRY_DURATION_SECONDS, DEFAULT_LAKE_FILE_FORMAT, DEFAULT_REDSHIFT_LAKE_LOAD_SCHEDULE,
  DEFAULT_STREAMING_SCHEMA_PREFIX, FirehoseCredentialKind, LakeFileFormat, MAX_FIREHOSE_RETRY_DURATION_SECONDS,
  RedshiftFirehoseDestinationOptions, RedshiftLakeLoadOptions, RedshiftStreamingIngestionOptions,
} from '../redshift-load-options';

/** Destination names (they become part of physical names). */
const DESTINATION_NAME = /^[a-z0-9][a-z0-9-]{0,30}$/;
/** Key prefixes of lake loads: S3 key characters that need no quoting, not starting with "/". */
const LAKE_PREFIX = /^[A-Za-z0-9!_.*()=-][A-Za-z0-9!_.*()=/-]*$/;
/** EventBridge schedule expressions: `rate(n unit)` or a six-field `cron(...)`. */
const SCHEDULE = /^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\(\S+( \S+){5}\))$/;

/**
 * What a RedshiftWarehouse does after it exists, shared by the warehouses the stack creates and
 * those it imports: tables, grants, users, Firehose destinations, lake loads, streaming ingestion
 * and Spectrum schemas. Construct ids are created under `scope` (the warehouse).
 * @internal
 */
export class RedshiftOperations {
  public readonly statements: WarehouseStatements;
  private userFunction?: WarehouseUserFunction;
  private roleIdentity?: IIdentity;

  constructor(private readonly scope: Construct, public readonly target: RedshiftTarget, ready: ITerraformDependable[]) {
    this.statements = new WarehouseStatements(scope, target, ready);
  }

  /** Creates the schemas (other than `public`) and the tables, if they do not exist. */
  public createTables(): void {
    for (const schema of schemasOf(this.target.tables).filter((s) => s !== DEFAULT_WAREHOUSE_SCHEMA)) {
      this.statements.run(`Schema-${schema}`, createSchemaSql(schema));
    }
    for (const table of this.target.tables) {
      this.statements.run(`Table-${table.schema}-${table.name}`, createTableSql(table.definition, table.schema));
    }
  }

  /**
   * IAM: temporary database credentials for the identity's role and the Data API on this warehouse
   * (statements it ran only). SQL: the role's database user (`IAMR:<role>`, password disabled) gets
   * usage and SELECT (read) or SELECT, INSERT, UPDATE, DELETE (write) on every table of every schema,
   * including tables created later by the administrator.
   */
  public grant(identity: IIdentity, write: boolean): void {
    const mode = write ? 'write' : 'read';
    if (!identity.awsRoleName) {
      throw invalidConfig(this.scope, `cannot grant ${mode} to identity "${identity.identityName}" (${identity.node.path}): it has no IAM role. Use an identity created on an AWS platform or Identity.fromAwsRole().`);
    }
    const key = identity.node.addr.slice(0, 12);
    const id = `Grant-${mode}-${key}`;
    if (this.scope.node.tryFindChild(id)) return;
    new IamRolePolicy(this.scope, id, {
      role: identity.awsRoleName,
      name: boundedPolicyName(`redshift-${this.target.name}-${mode}`),
      policy: policyDocument(this.iamStatements()),
    });
    const user = iamRoleUser(identity.awsRoleName);
    this.statements.ensureUser(user, `iam-${key}`);
    for (const schema of schemasOf(this.target.tables)) {
      schemaGrantSql(schema, user, write).forEach((sql, i) => this.statements.run(`Grant-${key}-${mode}-${schema}-${i + 1}`, sql));
    }
  }

  /** The IAM statements of a grant. */
  public iamStatements(): ConditionalStatement[] {
    const t = this.target;
    return [
      isServerless(t)
        ? { actions: ['redshift-serverless:GetCredentials'], resources: [t.credentialsArn] }
        : { actions: ['redshift:GetClusterCredentialsWithIAM'], resources: [t.credentialsArn] },
      { actions: DATA_API_EXECUTE_ACTIONS, resources: [t.dataApiArn] },
      {
        actions: DATA_API_STATEMENT_ACTIONS,
        resources: ['*'],
        condition: { StringEquals: { 'redshift-data:statement-owner-iam-userid': '$${aws:userid}' } },
      },
    ];
  }

  /** A read-only password user whose credential the SecretStore generates. */
  public addReadOnlyUser(id: string, username: string, revision = DEFAULT_CREDENTIAL_REVISION, passwordLength?: number): ICredential {
    checkUsername(this.scope, 'username', username);
    const credential = this.target.secretStore().generateCredential(`${this.target.name}-ReadOnly-${id}`, {
      name: `${this.target.name}-${kebab(id)}`,
      username,
      revision,
      passwordLength,
      description: `Read-only user ${username} of the ${this.target.name} Redshift warehouse`,
    });
    const grants: UserGrant[] = schemasOf(this.target.tables).map((schema) => ({ schema, privilege: 'SELECT' }));
    this.users().ensureUser(`ReadOnly-${id}`, credential, grants, revision, this.statements);
    return credential;
  }

  /** Opens the warehouse port to a client security group. */
  public allowConnectionsFrom(id: string, peer: WarehouseClientPeer): void {
    if (peer.podLabels !== undefined) {
      throw invalidProp(this.scope, 'peer.podLabels', peer.podLabels, 'pod labels select Kubernetes clients; on AWS give the clients\' securityGroupId');
    }
    if (!peer.securityGroupId) throw invalidProp(this.scope, 'peer.securityGroupId', peer.securityGroupId, 'give the security group of the clients');
    if (!this.target.securityGroupId) {
      throw invalidConfig(this.scope, 'allowConnectionsFrom needs the warehouse\'s security group; import the warehouse with securityGroupId.');
    }
    allowWarehousePort(this.scope, id, this.target.securityGroupId, peer.securityGroupId, this.target.port);
  }

  /** A Firehose destination into a table (only when the warehouse is open to Firehose). */
  public firehoseDestination(options: RedshiftFirehoseDestinationOptions): IStreamDestination {
    const t = this.target;
    if (t.firehoseAccess.kind !== FirehoseAccessKind.PUBLIC_ENDPOINT_FOR_FIREHOSE) {
      throw invalidConfig(this.scope, FIREHOSE_PRIVATE_WAREHOUSE_PROBLEM);
    }
    const table = findTable(this.scope, 'table', t.tables, options.table, options.schema);
    const names = table.columns.map((c) => c.name);
    const columns = options.columns ?? names;
    if (columns.length === 0) throw invalidProp(this.scope, 'columns', columns, 'list at least one column');
    for (const column of columns) {
      if (!names.includes(column)) throw invalidProp(this.scope, 'columns', column, `use columns of ${tableKey(table.schema, table.name)}: ${names.join(', ')}`);
    }
    const destinationName = options.destinationName ?? `redshift-${table.name.replace(/_/g, '-')}`;
    if (!DESTINATION_NAME.test(destinationName)) {
      throw invalidProp(this.scope, 'destinationName', destinationName, 'use 1 to 31 lowercase letters, digits and hyphens (set destinationName when the table name is long)');
    }
    const copyOptions = options.copyOptions ?? DEFAULT_FIREHOSE_COPY_OPTIONS;
    if (typeof copyOptions !== 'string' || copyOptions.trim() === '' || copyOptions.includes(';')) {
      throw invalidProp(this.scope, 'copyOptions', copyOptions, 'give COPY options such as "JSON \'auto\' GZIP", without ";"');
    }
    const kind = options.credential?.kind ?? FirehoseCredentialKind.LOADER_USER;
    if (!Object.values(FirehoseCredentialKind).includes(kind)) {
      throw invalidProp(this.scope, 'credential', kind, 'use FirehoseCredential.loaderUser() or FirehoseCredential.administrator()');
    }
    return new RedshiftFirehoseDestination({
      destinationName,
      target: t,
      table,
      columns,
      copyOptions,
      retryDurationSeconds: integerInRange(this.scope, 'retryDurationSeconds', options.retryDurationSeconds, 0,
        MAX_FIREHOSE_RETRY_DURATION_SECONDS, DEFAULT_FIREHOSE_RETRY_DURATION_SECONDS),
      bufferingIntervalSeconds: options.bufferingIntervalSeconds,
      bufferingSizeMiB: options.bufferingSizeMiB,
      credential: kind === FirehoseCredentialKind.ADMIN ? t.adminCredential : this.loaderCredential(table.schema, table.name),
      stagingBucket: options.stagingBucket,
    });
  }

  /** A scheduled COPY from a lake zone into a table. */
  public addLakeLoad(id: string, options: RedshiftLakeLoadOptions): LakeLoad {
    if (this.scope.node.tryFindChild(`LakeLoad-${id}`)) throw invalidConfig(this.scope, `two lake loads are named "${id}"; give each load its own id.`);
    const role = this.requireRole('loadFromLake');
    const table = findTable(this.scope, 'table', this.target.tables, options.table, options.schema);
    const prefix = options.prefix;
    if (typeof prefix !== 'string' || isUnresolved(prefix) || !LAKE_PREFIX.test(prefix)) {
      throw invalidProp(this.scope, 'prefix', prefix, 'use a key prefix of letters, digits and !_.*()=/- that does not start with "/"');
    }
    const format = options.format ?? DEFAULT_LAKE_FILE_FORMAT;
    if (!Object.values(LakeFileFormat).includes(format)) {
      throw invalidProp(this.scope, 'format', format, `use one of ${Object.values(LakeFileFormat).join(', ')}`);
    }
    const schedule = options.schedule ?? DEFAULT_REDSHIFT_LAKE_LOAD_SCHEDULE;
    if (!SCHEDULE.test(schedule)) {
      throw invalidProp(this.scope, 'schedule', schedule, 'use an EventBridge schedule expression such as "rate(1 hour)" or "cron(0 2 * * ? *)"');
    }
    const location = `${options.lake.zoneLocation(options.zone)}${prefix}`;
    options.lake.grantRead(role, options.zone);
    return new LakeLoad(this.scope, `LakeLoad-${id}`, { name: id, target: this.target, statements: this.statements, table, location, format, schedule });
  }

  /**
   * Redshift streaming ingestion from a Kinesis stream: an external schema mapped to Kinesis with
   * the warehouse's role (granted read on the stream) and a materialized view refreshed
   * automatically. Private: Redshift reads the stream itself, no public endpoint.
   */
  public streamingIngestion(stream: IStreamingIngest, options: RedshiftStreamingIngestionOptions): string {
    if (stream.engine !== StreamingEngine.KINESIS) {
      throw invalidProp(this.scope, 'stream', stream.engine, 'streaming ingestion reads Kinesis streams here; for MSK use a Kinesis StreamingIngest or load through the lake');
    }
    const role = this.requireRole('streamingIngestion');
    const view = checkIdentifier(this.scope, 'materializedViewName', options.materializedViewName);
    const schema = checkIdentifier(this.scope, 'schema', options.schema ?? DEFAULT_WAREHOUSE_SCHEMA);
    const external = checkIdentifier(this.scope, 'externalSchemaName', options.externalSchemaName ?? `${DEFAULT_STREAMING_SCHEMA_PREFIX}${view}`.slice(0, 127));
    stream.grantRead(role);
    const policies = rolePoliciesIn(stream, role.awsRoleName!);
    if (schema !== DEFAULT_WAREHOUSE_SCHEMA) this.statements.run(`Schema-${schema}`, createSchemaSql(schema));
    this.statements.run(`Stream-${external}`, externalKinesisSchemaSql(external, this.target.roleArn!), policies);
    this.statements.run(`Stream-${schema}-${view}`, streamingViewSql(schema, view, external, stream.streamName));
    return `${schema}.${view}`;
  }

  /** An external schema over a lake zone's catalog database (Redshift Spectrum). */
  public addSpectrumSchema(lake: IDataLake, zone: string, schemaName?: string): string {
    const role = this.requireRole('addSpectrumSchema');
    const schema = checkIdentifier(this.scope, 'schemaName', schemaName ?? `lake_${snake(zone)}`);
    const database = lake.databaseName(zone);
    lake.grantRead(role, zone);
    this.statements.run(`Spectrum-${schema}`, externalCatalogSchemaSql(schema, database, this.target.roleArn!), rolePoliciesIn(lake, role.awsRoleName!));
    return schema;
  }

  private requireRole(what: string): IIdentity {
    const t = this.target;
    if (!t.roleArn || !t.roleName) {
      throw invalidConfig(this.scope, `${what} needs an IAM role attached to the warehouse; import the warehouse with roleArn (a role attached to it that Redshift can assume).`);
    }
    this.roleIdentity ??= Identity.fromAwsRole(this.scope, 'RoleIdentity', { roleName: t.roleName, roleArn: t.roleArn });
    return this.roleIdentity;
  }

  private users(): WarehouseUserFunction {
    this.userFunction ??= new WarehouseUserFunction(this.scope, 'UserFunction', this.target);
    return this.userFunction;
  }

  /** The loader user of a table (generated once per table): INSERT on that table only. */
  private loaderCredential(schema: string, table: string): ICredential {
    const id = `Loader-${schema}-${table}`;
    const store = this.target.secretStore();
    const existing = store.node.tryFindChild(`${this.target.name}-${id}`) as ICredential | undefined;
    if (existing) return existing;
    const username = (schema === DEFAULT_WAREHOUSE_SCHEMA ? `loader_${table}` : `loader_${schema}_${table}`).slice(0, 127);
    const credential = store.generateCredential(`${this.target.name}-${id}`, {
      name: `${this.target.name}-loader-${kebab(schema === DEFAULT_WAREHOUSE_SCHEMA ? table : `${schema}-${table}`)}`,
      username,
      description: `Firehose loader of ${schema}.${table} in the ${this.target.name} Redshift warehouse (INSERT only)`,
    });
    this.users().ensureUser(id, credential, [{ schema, table, privilege: 'INSERT' }], DEFAULT_CREDENTIAL_REVISION, this.statements);
    return credential;
  }
}
