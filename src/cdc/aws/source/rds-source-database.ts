import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { Construct } from 'constructs';
import { ConnectionSecret } from './private/connection-secret';
import { databaseLogGroups } from './private/database-log-groups';
import { enhancedMonitoringRole } from './private/monitoring-role';
import {
  checkDatabaseName, checkMasterUsername, checkOneOf, checkSourceName, DB_IDENTIFIER_RULE, RDS_RESERVED_USERNAMES,
} from './private/names';
import { snapshotSettings } from './private/snapshot-settings';
import { allowDatabasePort, sourceSecurityGroup } from './private/source-security-group';
import {
  RDS_DATABASE_INSIGHTS_MODE, DEFAULT_RDS_ALLOCATED_STORAGE_GIB, DEFAULT_RDS_ENHANCED_MONITORING_INTERVAL_SECONDS, DEFAULT_RDS_MULTI_AZ,
  DEFAULT_RDS_MYSQL_ENGINE_VERSION, DEFAULT_RDS_POSTGRESQL_ENGINE_VERSION, DEFAULT_RDS_INSTANCE_CLASS,
  RDS_ENHANCED_MONITORING_INTERVALS_SECONDS, MAX_RDS_ALLOCATED_STORAGE_GIB, MIN_RDS_ALLOCATED_STORAGE_GIB, RDS_MYSQL_SOURCE_PARAMETERS,
  RDS_PERFORMANCE_INSIGHTS_RETENTION_DAYS, RDS_POSTGRESQL_SOURCE_PARAMETERS, RDS_ENGINE_NAMES, RDS_ENGINE_VERSIONS, RDS_LOG_EXPORTS,
  RDS_PORTS, RDS_SOURCE_INSTANCE_CLASSES, RDS_STORAGE_TYPE, RdsSourceDatabaseProps, RDS_STORAGE_AUTOSCALING_FACTOR,
} from './rds-source-database-props';
import {
  DEFAULT_AWS_SOURCE_BACKUP_RETENTION_DAYS, DEFAULT_AWS_SOURCE_MASTER_USERNAME, DEFAULT_AWS_SOURCE_DATABASE_NAME,
  MAX_AWS_SOURCE_BACKUP_RETENTION_DAYS, MIN_AWS_SOURCE_BACKUP_RETENTION_DAYS,
} from './source-database-props';
import { invalidProp } from '../../../core/errors';
import { kebab } from '../../../core/naming';
import { integerInRange, isUnresolved } from '../../../core/validate';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../../platform/aws/encryption-key';
import { RemovalPolicy } from '../../../platform/platform';
import { DEFAULT_CREDENTIAL_REVISION, ICredential } from '../../../secrets/secret-store-contract';
import { ISourceDatabase, SourceEngine } from '../../cdc-contract';

/**
 * An Amazon RDS for MySQL or PostgreSQL instance set up as a CDC source.
 *
 * - CDC: a parameter group with the row-based binlog and full row images (MySQL) or logical
 *   replication (PostgreSQL). The master credential, whose secret also holds the connection
 *   details AWS DMS reads (`engine`, `host`, `port`, `dbname`), is the default `cdcCredential`: the
 *   master user has the replication privileges CDC needs. RDS-managed master secrets cannot be used
 *   by DMS (they hold no host or port), so the password is generated instead. Not doable by
 *   Terraform, see the README: a least-privilege CDC user, and MySQL's binlog retention
 *   (`mysql.rds_set_configuration`).
 * - Security: storage, the master secret, Performance Insights and the log groups encrypted with
 *   the platform's customer-managed key; the master password drawn from an ephemeral random
 *   password and sent to RDS (`password_wo`) and to its secret (`secret_string_wo`) in the same
 *   apply, never in plan or state (`masterPasswordRevision` rotates it); IAM database authentication on; TLS required by the parameter
 *   group; not publicly accessible, in the platform's private subnets, behind a security group with
 *   no inbound rule until `allowConnectionsFrom`.
 * - Durability: Multi-AZ, automated backups (7 days by default), gp3 storage with autoscaling,
 *   tags copied to snapshots, minor versions upgraded automatically; unless DESTROY is in effect:
 *   `prevent_destroy`, deletion protection, a final snapshot and the automated backups kept after
 *   deletion.
 * - Observability: error, slow query (MySQL) or PostgreSQL and upgrade logs, and IAM authentication
 *   errors exported to KMS-encrypted log groups with retention; Database Insights (Standard) with
 *   Performance Insights; enhanced monitoring on request.
 */
export class RdsSourceDatabase extends Construct implements ISourceDatabase {
  public readonly engine: SourceEngine;
  public readonly host: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly cdcCredential: ICredential;
  public readonly tlsRequired: boolean = true;
  /**
   * The master user's credential: the secret RDS manages and rotates (`master_user_secret`), under
   * the database's key. It holds no host or port, so AWS DMS cannot use it.
   */
  public readonly masterCredential: ICredential;
  /** Instance identifier (`<namePrefix>-<name>`). */
  public readonly identifier: string;
  /** Major engine version. */
  public readonly engineVersion: string;
  /** ARN of the instance. */
  public readonly arn: string;
  /** Resource id of the instance (`db-...`), for IAM database authentication policies (`rds-db:connect`). */
  public readonly resourceId: string;
  /** Security group of the database. */
  public readonly securityGroupId: string;
  /** The key the storage, the master secret, Performance Insights and the logs are encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** The effective removal policy. */
  public readonly removalPolicy: RemovalPolicy;
  /** The DB instance. */
  public readonly instance: DbInstance;
  /** The parameter group. */
  public readonly parameterGroup: DbParameterGroup;

  constructor(scope: Construct, id: string, props: RdsSourceDatabaseProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    if (props.engine !== SourceEngine.MYSQL && props.engine !== SourceEngine.POSTGRESQL) {
      throw invalidProp(this, 'engine', props.engine,
        'use SourceEngine.MYSQL or SourceEngine.POSTGRESQL (for MongoDB use DocumentDbSourceDatabase, or SourceDatabase.fromAttributes for an existing one)');
    }
    this.engine = props.engine;
    const mysql = this.engine === SourceEngine.MYSQL;
    const versions = RDS_ENGINE_VERSIONS[this.engine];
    this.engineVersion = checkOneOf(this, 'engineVersion', props.engineVersion ?? (mysql ? DEFAULT_RDS_MYSQL_ENGINE_VERSION : DEFAULT_RDS_POSTGRESQL_ENGINE_VERSION),
      versions, `use a major version in RDS standard support for ${this.engine}: ${versions.join(', ')}`);
    const instanceClass = checkOneOf(this, 'instanceClass', props.instanceClass ?? DEFAULT_RDS_INSTANCE_CLASS, RDS_SOURCE_INSTANCE_CLASSES,
      `use a class of RDS_SOURCE_INSTANCE_CLASSES (db.t4g.medium to 2xlarge, db.m6g/m7g/m6i or db.r6g/r7g/r6i large and up), for example "${DEFAULT_RDS_INSTANCE_CLASS}"`);
    const storage = integerInRange(this, 'allocatedStorageGiB', props.allocatedStorageGiB, MIN_RDS_ALLOCATED_STORAGE_GIB, MAX_RDS_ALLOCATED_STORAGE_GIB, DEFAULT_RDS_ALLOCATED_STORAGE_GIB);
    const maxStorage = this.maxStorage(storage, props.maxAllocatedStorageGiB);
    const backupDays = integerInRange(this, 'backupRetentionDays', props.backupRetentionDays, MIN_AWS_SOURCE_BACKUP_RETENTION_DAYS, MAX_AWS_SOURCE_BACKUP_RETENTION_DAYS, DEFAULT_AWS_SOURCE_BACKUP_RETENTION_DAYS);
    const monitoring = props.enhancedMonitoringIntervalSeconds ?? DEFAULT_RDS_ENHANCED_MONITORING_INTERVAL_SECONDS;
    if (!isUnresolved(monitoring) && !RDS_ENHANCED_MONITORING_INTERVALS_SECONDS.includes(monitoring)) {
      throw invalidProp(this, 'enhancedMonitoringIntervalSeconds', monitoring, `use one of ${RDS_ENHANCED_MONITORING_INTERVALS_SECONDS.join(', ')} (0 turns enhanced monitoring off)`);
    }
    const name = checkSourceName(this, props.name ?? kebab(id));
    this.databaseName = checkDatabaseName(this, props.databaseName ?? DEFAULT_AWS_SOURCE_DATABASE_NAME);
    const username = checkMasterUsername(this, props.masterUsername ?? DEFAULT_AWS_SOURCE_MASTER_USERNAME, RDS_RESERVED_USERNAMES);
    const network = platform.requireNetwork(this, `the RDS ${this.engine} source database`);

    this.identifier = platform.physicalName(this, DB_IDENTIFIER_RULE, [name]);
    this.port = RDS_PORTS[this.engine];
    this.removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    this.encryptionKey = platform.encryptionKey(this, `rds-${name}`, props.removalPolicy);
    const keyArn = this.encryptionKey.keyArn;
    const engineName = RDS_ENGINE_NAMES[this.engine];

    this.parameterGroup = new DbParameterGroup(this, 'ParameterGroup', {
      name: this.identifier,
      family: `${engineName}${this.engineVersion}`,
      description: `${this.identifier}: ${mysql ? 'row-based binlog with full row images' : 'logical replication'} for CDC, TLS required`,
      parameter: (mysql ? RDS_MYSQL_SOURCE_PARAMETERS : RDS_POSTGRESQL_SOURCE_PARAMETERS)
        .map((p) => ({ name: p.name, value: p.value, applyMethod: p.applyMethod })),
    });
    const subnets = new DbSubnetGroup(this, 'SubnetGroup', {
      name: this.identifier,
      description: `${this.identifier}: private subnets of the source database`,
      subnetIds: network.privateSubnetIds,
    });
    const group = sourceSecurityGroup(this, name, `RDS ${this.engine}`, this.port, network.vpcId);
    this.securityGroupId = group.id;
    const logExports = RDS_LOG_EXPORTS[this.engine];
    const logs = databaseLogGroups(this, `/aws/rds/instance/${this.identifier}`, logExports, keyArn, props.logRetentionDays, props.removalPolicy);
    const monitor = monitoring > 0 ? enhancedMonitoringRole(this, name) : undefined;
    const snapshots = snapshotSettings(this.identifier, this.removalPolicy);
    const master = new ConnectionSecret(this, 'MasterCredential', {
      nameParts: [name, 'master'],
      description: `master user ${username} of ${this.identifier}`,
      keyArn,
      username,
      revisionProp: 'masterPasswordRevision',
      revision: props.masterPasswordRevision ?? DEFAULT_CREDENTIAL_REVISION,
      removalPolicy: props.removalPolicy,
    });

    this.instance = new DbInstance(this, 'Instance', {
      identifier: this.identifier,
      engine: engineName,
      engineVersion: this.engineVersion,
      autoMinorVersionUpgrade: true,
      allowMajorVersionUpgrade: false,
      instanceClass,
      storageType: RDS_STORAGE_TYPE,
      allocatedStorage: storage,
      maxAllocatedStorage: maxStorage,
      storageEncrypted: true,
      kmsKeyId: keyArn,
      dbName: this.databaseName,
      port: this.port,
      username,
      passwordWo: master.password,
      passwordWoVersion: master.revision,
      iamDatabaseAuthenticationEnabled: true,
      publiclyAccessible: false,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [group.id],
      parameterGroupName: this.parameterGroup.name,
      multiAz: props.multiAz ?? DEFAULT_RDS_MULTI_AZ,
      backupRetentionPeriod: backupDays,
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: this.removalPolicy === RemovalPolicy.DESTROY,
      ...snapshots,
      databaseInsightsMode: RDS_DATABASE_INSIGHTS_MODE,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: keyArn,
      performanceInsightsRetentionPeriod: RDS_PERFORMANCE_INSIGHTS_RETENTION_DAYS,
      enabledCloudwatchLogsExports: logExports,
      monitoringInterval: monitoring,
      monitoringRoleArn: monitor?.role.arn,
      dependsOn: [...logs.map((l) => l.logGroup), ...(monitor ? [monitor.attachment] : [])],
    });
    platform.protect(this.instance, props.removalPolicy);
    this.host = this.instance.address;
    this.arn = this.instance.arn;
    this.resourceId = this.instance.resourceId;

    master.writeValue({ engine: engineName, host: this.host, port: this.port, dbname: this.databaseName });
    this.masterCredential = master;
    this.cdcCredential = props.cdcCredential ?? master;
  }

  /** Opens the database port to a client security group (a DMS replication instance, an application). */
  public allowConnectionsFrom(id: string, securityGroupId: string): void {
    allowDatabasePort(this, id, this.securityGroupId, securityGroupId, this.port);
  }

  /** The autoscaling ceiling; undefined (no autoscaling) when the storage is already the largest. */
  private maxStorage(storage: number, requested: number | undefined): number | undefined {
    if (requested === undefined) {
      if (isUnresolved(storage)) return undefined;
      const ceiling = Math.min(storage * RDS_STORAGE_AUTOSCALING_FACTOR, MAX_RDS_ALLOCATED_STORAGE_GIB);
      return ceiling > storage ? ceiling : undefined;
    }
    if (isUnresolved(requested) || isUnresolved(storage)) return requested;
    if (!Number.isInteger(requested) || requested <= storage || requested > MAX_RDS_ALLOCATED_STORAGE_GIB) {
      throw invalidProp(this, 'maxAllocatedStorageGiB', requested, `must be an integer above allocatedStorageGiB (${storage}) and at most ${MAX_RDS_ALLOCATED_STORAGE_GIB}`);
    }
    return requested;
  }
}
