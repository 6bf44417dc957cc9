import { DocdbCluster } from '@cdktf/provider-aws/lib/docdb-cluster';
import { DocdbClusterInstance } from '@cdktf/provider-aws/lib/docdb-cluster-instance';
import { DocdbClusterParameterGroup } from '@cdktf/provider-aws/lib/docdb-cluster-parameter-group';
import { DocdbSubnetGroup } from '@cdktf/provider-aws/lib/docdb-subnet-group';
import { Construct } from 'constructs';
import {
  DEFAULT_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS, DEFAULT_DOCUMENTDB_ENGINE_VERSION, DEFAULT_DOCUMENTDB_INSTANCE_CLASS,
  DEFAULT_DOCUMENTDB_INSTANCE_COUNT, documentDbClusterParameters, DocumentDbSourceDatabaseProps, DOCUMENTDB_ENGINE_FAMILIES,
  DOCUMENTDB_INSTANCE_CLASSES, DOCUMENTDB_LOG_EXPORTS, DOCUMENTDB_PORT, MAX_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS,
  MAX_DOCUMENTDB_INSTANCE_COUNT, MIN_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS,
} from './documentdb-source-database-props';
import { ConnectionSecret } from './private/connection-secret';
import { databaseLogGroups } from './private/database-log-groups';
import {
  checkDatabaseName, checkMasterUsername, checkOneOf, checkSourceName, DB_IDENTIFIER_RULE, DOCUMENTDB_RESERVED_USERNAMES,
} from './private/names';
import { snapshotSettings } from './private/snapshot-settings';
import { allowDatabasePort, sourceSecurityGroup } from './private/source-security-group';
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

/** Burstable classes, on which Performance Insights is left off. */
const BURSTABLE = /^db\.t\d/;

/**
 * An Amazon DocumentDB cluster set up as a MongoDB CDC source (change streams).
 *
 * - CDC: a cluster parameter group keeping the change stream log `changeStreamRetentionHours`.
 *   Change streams themselves are turned on per database or collection by a DBA
 *   (`modifyChangeStreams`), which Terraform cannot do: see the README.
 * - Security: storage, the master secret, Performance Insights and the log groups encrypted with
 *   the platform's customer-managed key; TLS required (`tls=enabled`); the master password generated
 *   by Secrets Manager and sent only through write-only attributes (the cluster's
 *   `master_password_wo` and the secret's value), never in plan or state (bump
 *   `masterPasswordRevision` to rotate); the secret also holds host and port, the form AWS DMS
 *   reads; in the platform's private subnets behind a security group with no inbound rule until
 *   `allowConnectionsFrom`.
 * - Durability: storage replicated across three availability zones, a replica to fail over to,
 *   automated backups (7 days by default); unless DESTROY is in effect: `prevent_destroy`, deletion
 *   protection and a final snapshot.
 * - Observability: audit and profiler (slow operation) logs exported to KMS-encrypted log groups
 *   with retention; Performance Insights on memory-optimized instances.
 */
export class DocumentDbSourceDatabase extends Construct implements ISourceDatabase {
  public readonly engine: SourceEngine = SourceEngine.MONGODB;
  public readonly host: string;
  public readonly port: number = DOCUMENTDB_PORT;
  public readonly databaseName: string;
  public readonly cdcCredential: ICredential;
  public readonly tlsRequired: boolean = true;
  /** The master user's credential: a generated secret with the connection details AWS DMS reads. */
  public readonly masterCredential: ICredential;
  /** Cluster identifier (`<namePrefix>-<name>`). */
  public readonly identifier: string;
  /** Engine version. */
  public readonly engineVersion: string;
  /** ARN of the cluster. */
  public readonly arn: string;
  /** Reader endpoint (load-balanced across the replicas). */
  public readonly readerHost: string;
  /** Security group of the cluster. */
  public readonly securityGroupId: string;
  /** The key the storage, the logs and Performance Insights are encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** The effective removal policy. */
  public readonly removalPolicy: RemovalPolicy;
  /** The cluster. */
  public readonly cluster: DocdbCluster;
  /** The instances, primary first. */
  public readonly instances: DocdbClusterInstance[];

  constructor(scope: Construct, id: string, props: DocumentDbSourceDatabaseProps = {}) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const versions = Object.keys(DOCUMENTDB_ENGINE_FAMILIES);
    this.engineVersion = checkOneOf(this, 'engineVersion', props.engineVersion ?? DEFAULT_DOCUMENTDB_ENGINE_VERSION, versions,
      `use one of ${versions.join(', ')}`);
    const instanceClass = checkOneOf(this, 'instanceClass', props.instanceClass ?? DEFAULT_DOCUMENTDB_INSTANCE_CLASS, DOCUMENTDB_INSTANCE_CLASSES,
      `use one of ${DOCUMENTDB_INSTANCE_CLASSES.join(', ')}`);
    const count = integerInRange(this, 'instanceCount', props.instanceCount, 1, MAX_DOCUMENTDB_INSTANCE_COUNT, DEFAULT_DOCUMENTDB_INSTANCE_COUNT);
    if (isUnresolved(count)) throw invalidProp(this, 'instanceCount', count, 'use a number known at synth time');
    const retentionHours = integerInRange(this, 'changeStreamRetentionHours', props.changeStreamRetentionHours,
      MIN_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS, MAX_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS, DEFAULT_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS);
    const backupDays = integerInRange(this, 'backupRetentionDays', props.backupRetentionDays, MIN_AWS_SOURCE_BACKUP_RETENTION_DAYS, MAX_AWS_SOURCE_BACKUP_RETENTION_DAYS, DEFAULT_AWS_SOURCE_BACKUP_RETENTION_DAYS);
    const name = checkSourceName(this, props.name ?? kebab(id));
    this.databaseName = checkDatabaseName(this, props.databaseName ?? DEFAULT_AWS_SOURCE_DATABASE_NAME);
    const username = checkMasterUsername(this, props.masterUsername ?? DEFAULT_AWS_SOURCE_MASTER_USERNAME, DOCUMENTDB_RESERVED_USERNAMES);
    const network = platform.requireNetwork(this, 'the DocumentDB source database');

    this.identifier = platform.physicalName(this, DB_IDENTIFIER_RULE, [name]);
    const instanceIds = Array.from({ length: count }, (_, i) => platform.physicalName(this, DB_IDENTIFIER_RULE, [name, String(i + 1)]));
    this.removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    this.encryptionKey = platform.encryptionKey(this, `docdb-${name}`, props.removalPolicy);
    const keyArn = this.encryptionKey.keyArn;

    const parameters = new DocdbClusterParameterGroup(this, 'ParameterGroup', {
      name: this.identifier,
      family: DOCUMENTDB_ENGINE_FAMILIES[this.engineVersion],
      description: `${this.identifier}: TLS required, audit and profiler logs, change stream log kept ${retentionHours} h`,
      parameter: documentDbClusterParameters(retentionHours).map((p) => ({ name: p.name, value: p.value, applyMethod: p.applyMethod })),
    });
    const subnets = new DocdbSubnetGroup(this, 'SubnetGroup', {
      name: this.identifier,
      description: `${this.identifier}: private subnets of the source database`,
      subnetIds: network.privateSubnetIds,
    });
    const group = sourceSecurityGroup(this, name, 'DocumentDB', this.port, network.vpcId);
    this.securityGroupId = group.id;
    const logs = databaseLogGroups(this, `/aws/docdb/${this.identifier}`, DOCUMENTDB_LOG_EXPORTS, keyArn, props.logRetentionDays, props.removalPolicy);
    const master = new ConnectionSecret(this, 'MasterCredential', {
      nameParts: [name, 'master'],
      description: `Master user of DocumentDB cluster ${this.identifier}`,
      keyArn,
      username,
      revisionProp: 'masterPasswordRevision',
      revision: props.masterPasswordRevision ?? DEFAULT_CREDENTIAL_REVISION,
      removalPolicy: props.removalPolicy,
    });
    this.masterCredential = master;
    const snapshots = snapshotSettings(this.identifier, this.removalPolicy);

    this.cluster = new DocdbCluster(this, 'Cluster', {
      clusterIdentifier: this.identifier,
      engine: 'docdb',
      engineVersion: this.engineVersion,
      allowMajorVersionUpgrade: false,
      port: this.port,
      masterUsername: username,
      masterPasswordWo: master.password,
      masterPasswordWoVersion: master.revision,
      storageEncrypted: true,
      kmsKeyId: keyArn,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [group.id],
      dbClusterParameterGroupName: parameters.name,
      backupRetentionPeriod: backupDays,
      ...snapshots,
      enabledCloudwatchLogsExports: DOCUMENTDB_LOG_EXPORTS,
      dependsOn: logs.map((l) => l.logGroup),
    });
    platform.protect(this.cluster, props.removalPolicy);
    const insights = !BURSTABLE.test(instanceClass);
    this.instances = instanceIds.map((identifier, i) => new DocdbClusterInstance(this, `Instance${i + 1}`, {
      identifier,
      clusterIdentifier: this.cluster.id,
      engine: 'docdb',
      instanceClass,
      autoMinorVersionUpgrade: true,
      copyTagsToSnapshot: true,
      enablePerformanceInsights: insights,
      performanceInsightsKmsKeyId: insights ? keyArn : undefined,
      promotionTier: i === 0 ? 0 : 1,
    }));
    this.host = this.cluster.endpoint;
    this.readerHost = this.cluster.readerEndpoint;
    this.arn = this.cluster.arn;
    master.writeValue({ engine: 'docdb', host: this.host, port: this.port, dbname: this.databaseName });
    this.cdcCredential = props.cdcCredential ?? this.masterCredential;
  }

  /** Opens the cluster port to a client security group (a DMS replication instance, an application). */
  public allowConnectionsFrom(id: string, securityGroupId: string): void {
    allowDatabasePort(this, id, this.securityGroupId, securityGroupId, this.port);
  }
}
