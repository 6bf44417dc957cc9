import { Construct } from 'constructs';
import { CaCertificateKind, IKubernetesSourceDatabase, SourceCaCertificate, SourceClientPeer } from './kubernetes-source-database';
import {
  DEFAULT_MONGO_ADMIN_USER, DEFAULT_MONGO_AGENT_RESOURCES, DEFAULT_MONGO_CDC_USER, DEFAULT_MONGO_DATABASE, DEFAULT_MONGO_LOGS_STORAGE_SIZE_GIB,
  DEFAULT_MONGO_MEMBERS, DEFAULT_MONGO_OPLOG_MIN_RETENTION_HOURS, DEFAULT_MONGO_RESOURCES, DEFAULT_MONGO_STORAGE_SIZE_GIB,
  MAX_MONGO_LOGS_STORAGE_SIZE_GIB, MAX_MONGO_OPLOG_MIN_RETENTION_HOURS, MAX_MONGO_STORAGE_SIZE_GIB, MONGO_MEMBER_COUNTS, MongoSourceDatabaseProps,
} from './mongo-source-database-props';
import { MongoTls } from './mongo-tls';
import { allowMongoClients, allowMongoMemberTraffic, mongoMemberPods } from './private/mongo-network';
import { MongoOperator } from './private/mongo-operator';
import { MONGO_PORT, replicaSetResource } from './private/mongo-replica-set';
import { generateSourceCredential, resolveSourceStore } from './private/source-credentials';
import { checkClientLabels, checkUserName, SOURCE_COMPONENT, SOURCE_DATABASE_NAME_RULE } from './private/source-names';
import { Annotations } from '../../../core/cdktf';
import { invalidProp } from '../../../core/errors';
import { checkName, kebab, NameRule } from '../../../core/naming';
import { integerInRange } from '../../../core/validate';
import { CustomResources } from '../../../platform/k8s/custom-resources';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { checkResources } from '../../../platform/k8s/resources';
import { MONGODB_VERSION } from '../../../platform/k8s/source-versions';
import { RemovalPolicy } from '../../../platform/platform';
import { ICredential } from '../../../secrets/secret-store-contract';
import { SourceEngine } from '../../cdc-contract';

/** Warning left on a replica set without TLS. */
export const MONGO_TLS_DISABLED_WARNING =
  'TLS is disabled (MongoTls.disabled()): clients, CDC included, and replica set members talk in plain text. Use MongoTls.fromSecrets({...}) outside development.';

/** Names MongoDB or the operator use for their own users. */
export const RESERVED_MONGO_USERS = ['root', 'admin', 'mms-automation', '__system'];

/** The cluster domain the operator writes into member host names. */
const CLUSTER_DOMAIN = 'cluster.local';
/** Oldest MongoDB major version accepted. */
const MIN_MONGO_MAJOR = 7;
/** Longest MongoDB user name this construct accepts (they also name Secrets). */
const MAX_MONGO_USER_LENGTH = 32;

/** A Secret or ConfigMap name (DNS subdomain). */
const OBJECT_NAME_RULE: NameRule = {
  kind: 'Kubernetes object name',
  minLength: 1,
  maxLength: 253,
  pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
  allowed: 'lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
};

/**
 * A MongoDB source for change data capture: a replica set (change streams need one) run by MongoDB
 * Controllers for Kubernetes (`mongodb-kubernetes`, installed once per stack, watching this
 * namespace only).
 *
 * - A `MongoDBCommunity` of `members` (default 3) at a pinned version, SCRAM authentication, TLS
 *   required with your CA ConfigMap and certificate Secret (`MongoTls.fromSecrets`), or explicitly
 *   off (`MongoTls.disabled()`, with a warning).
 * - Users whose passwords the SecretStore generates (never in Terraform state; the operator reads
 *   the Secrets' `password` key): an administrator (clusterAdmin, userAdminAnyDatabase,
 *   readWriteAnyDatabase) and the CDC user (`read` on `databaseName`, what Debezium needs with
 *   `capture.scope: database`). The operator writes each user's connection strings into
 *   `<name>-<user>-connection` (keys `connectionString.standard`, `connectionString.standardSrv`).
 * - `storage.oplogMinRetentionHours` (default 24) so a stopped connector can resume.
 * - Persistent data and log volumes, resources and restricted security contexts through the
 *   StatefulSet overrides of the resource; NetworkPolicies for the operator and the members.
 *
 * The MongoDBCommunity carries `helm.sh/resource-policy: keep` unless the effective removal policy
 * is DESTROY.
 */
export class MongoSourceDatabase extends Construct implements IKubernetesSourceDatabase {
  public readonly engine = SourceEngine.MONGODB;
  /**
   * Host name of the replica set's headless Service (`<name>-svc.<namespace>.svc.cluster.local`);
   * its SRV records list the members. Drivers then connect to each member (`memberHosts`).
   */
  public readonly host: string;
  public readonly port: number = MONGO_PORT;
  public readonly databaseName: string;
  public readonly cdcCredential: ICredential;
  public readonly tlsRequired: boolean;
  /** The CA ConfigMap given to `MongoTls.fromSecrets` (key `ca.crt`); undefined without TLS. */
  public readonly caCertificate?: SourceCaCertificate;
  /** The members (`app: <name>-svc`, set by the operator). */
  public readonly podLabels: Record<string, string>;
  /** Name of the MongoDBCommunity resource and of the replica set. */
  public readonly replicaSetName: string;
  /** `host:port` of every member. */
  public readonly memberHosts: string[];
  /** Connection string without credentials (`mongodb://<members>/?replicaSet=<name>&tls=...`). */
  public readonly connectionString: string;
  /** The administrator's credential. */
  public readonly adminCredential: ICredential;
  /** Secret the operator writes the CDC user's connection strings into (with the password). */
  public readonly cdcConnectionStringSecretName: string;
  /** The removal policy in effect. */
  public readonly removalPolicy: RemovalPolicy;
  /** The Helm release delivering the MongoDBCommunity (after the operator). */
  public readonly customResources: CustomResources;

  constructor(scope: Construct, id: string, props: MongoSourceDatabaseProps) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    const tls = this.checkTls(props.tls);
    const shortName = props.name ?? kebab(id);
    this.replicaSetName = checkName(this, 'name', `${platform.namePrefix}-${shortName}`, SOURCE_DATABASE_NAME_RULE);
    const members = this.checkMembers(props.members);
    const version = this.checkVersion(props.version ?? MONGODB_VERSION);
    this.databaseName = this.checkDatabaseName(props.databaseName ?? DEFAULT_MONGO_DATABASE);
    const adminUser = checkUserName(this, 'adminUsername', props.adminUsername ?? DEFAULT_MONGO_ADMIN_USER, MAX_MONGO_USER_LENGTH, RESERVED_MONGO_USERS);
    const cdcUser = checkUserName(this, 'cdcUsername', props.cdcUsername ?? DEFAULT_MONGO_CDC_USER, MAX_MONGO_USER_LENGTH, [...RESERVED_MONGO_USERS, adminUser]);
    const oplogMinRetentionHours = integerInRange(
      this, 'oplogMinRetentionHours', props.oplogMinRetentionHours, 1, MAX_MONGO_OPLOG_MIN_RETENTION_HOURS, DEFAULT_MONGO_OPLOG_MIN_RETENTION_HOURS,
    );
    const storageSizeGiB = integerInRange(this, 'storageSizeGiB', props.storageSizeGiB, 1, MAX_MONGO_STORAGE_SIZE_GIB, DEFAULT_MONGO_STORAGE_SIZE_GIB);
    const logsStorageSizeGiB = integerInRange(
      this, 'logsStorageSizeGiB', props.logsStorageSizeGiB, 1, MAX_MONGO_LOGS_STORAGE_SIZE_GIB, DEFAULT_MONGO_LOGS_STORAGE_SIZE_GIB,
    );
    const resources = checkResources(this, 'resources', props.resources ?? DEFAULT_MONGO_RESOURCES);
    const agentResources = checkResources(this, 'agentResources', props.agentResources ?? DEFAULT_MONGO_AGENT_RESOURCES);
    const store = resolveSourceStore(this, props.secretStore);
    this.removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);

    const name = this.replicaSetName;
    const service = `${name}-svc.${platform.namespace}.svc.${CLUSTER_DOMAIN}`;
    this.host = service;
    this.memberHosts = Array.from({ length: members }, (_, i) => `${name}-${i}.${service}:${MONGO_PORT}`);
    this.tlsRequired = tls.enabled;
    this.connectionString = `mongodb://${this.memberHosts.join(',')}/?replicaSet=${name}&tls=${tls.enabled}&authSource=admin`;
    this.podLabels = mongoMemberPods(name);
    if (tls.enabled) {
      this.caCertificate = { kind: CaCertificateKind.CONFIG_MAP, name: tls.caConfigMapName!, key: 'ca.crt' };
    } else {
      Annotations.of(this).addWarning(MONGO_TLS_DISABLED_WARNING);
    }

    const user = (suffix: string, username: string, purpose: string) => generateSourceCredential(this, store, {
      id: `${name}-${username}`, database: name, shortName, suffix, username, purpose,
    });
    this.adminCredential = user('admin', adminUser, 'MongoDB administrator');
    this.cdcCredential = user('cdc', cdcUser, 'MongoDB CDC user');
    const connectionSecret = (username: string) => `${name}-${username.replace(/_/g, '-')}-connection`;
    this.cdcConnectionStringSecretName = connectionSecret(cdcUser);

    const operator = MongoOperator.of(this);
    this.customResources = new CustomResources(this, 'Resources', { releaseName: `${name}-db`, dependsOn: [operator.release] });
    this.customResources.add(replicaSetResource({
      name,
      labels: platform.labels(SOURCE_COMPONENT),
      members,
      version,
      tls: tls.enabled ? { caConfigMapName: tls.caConfigMapName!, certificateKeySecretName: tls.certificateKeySecretName! } : undefined,
      users: [
        {
          name: adminUser,
          passwordSecret: this.adminCredential.kubernetesSecretName!,
          roles: [
            { name: 'clusterAdmin', db: 'admin' }, { name: 'userAdminAnyDatabase', db: 'admin' }, { name: 'readWriteAnyDatabase', db: 'admin' },
          ],
          connectionStringSecret: connectionSecret(adminUser),
        },
        {
          name: cdcUser,
          passwordSecret: this.cdcCredential.kubernetesSecretName!,
          roles: [{ name: 'read', db: this.databaseName }],
          connectionStringSecret: this.cdcConnectionStringSecretName,
        },
      ],
      oplogMinRetentionHours,
      storageSizeGiB,
      logsStorageSizeGiB,
      storageClassName: props.storageClassName ?? platform.storageClassName,
      resources,
      agentResources,
      retain: this.removalPolicy === RemovalPolicy.RETAIN,
    }));
    allowMongoMemberTraffic(this, name);
  }

  /** Lets the pods labelled `peer.podLabels` connect to every member on 27017. */
  public allowConnectionsFrom(id: string, peer: SourceClientPeer): void {
    allowMongoClients(this, this.replicaSetName, kebab(id), checkClientLabels(this, peer));
  }

  private checkTls(tls: MongoTls): MongoTls {
    if (!(tls instanceof MongoTls)) {
      throw invalidProp(this, 'tls', tls, 'choose MongoTls.fromSecrets({ caConfigMapName, certificateKeySecretName }) or, explicitly, MongoTls.disabled()');
    }
    if (tls.enabled) {
      checkName(this, 'tls.caConfigMapName', tls.caConfigMapName!, OBJECT_NAME_RULE);
      checkName(this, 'tls.certificateKeySecretName', tls.certificateKeySecretName!, OBJECT_NAME_RULE);
    }
    return tls;
  }

  private checkMembers(members: number | undefined): number {
    if (members === undefined) return DEFAULT_MONGO_MEMBERS;
    if (!MONGO_MEMBER_COUNTS.includes(members)) {
      throw invalidProp(this, 'members', members,
        `use ${MONGO_MEMBER_COUNTS.join(', ')} (an odd number of voting members; an even one adds no fault tolerance, and at most 7 members vote)`);
    }
    return members;
  }

  private checkVersion(version: string): string {
    const match = typeof version === 'string' ? /^(\d+)\.(\d+)\.(\d+)$/.exec(version) : null;
    if (!match || Number(match[1]) < MIN_MONGO_MAJOR) {
      throw invalidProp(this, 'version', version,
        `use a MongoDB Community Server release ${MIN_MONGO_MAJOR}.0 or later as major.minor.patch, such as "${MONGODB_VERSION}"`);
    }
    return version;
  }

  private checkDatabaseName(name: string): string {
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,63}$/.test(name) || ['admin', 'local', 'config'].includes(name)) {
      throw invalidProp(this, 'databaseName', name,
        'use 1 to 63 letters, digits, "_" and "-", not one of MongoDB\'s own databases (admin, local, config)');
    }
    return name;
  }
}
