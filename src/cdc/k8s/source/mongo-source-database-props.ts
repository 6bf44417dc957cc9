import { MongoTls } from './mongo-tls';
import { ResourceRequirements } from '../../../platform/k8s/resources';
import { RemovalPolicy } from '../../../platform/platform';
import { ISecretStore } from '../../../secrets/secret-store-contract';

/** Members of the replica set: three, so a majority survives the loss of one. */
export const DEFAULT_MONGO_MEMBERS = 3;
/** Accepted member counts (odd: an even number of voting members adds no fault tolerance; at most 7 vote). */
export const MONGO_MEMBER_COUNTS = [1, 3, 5, 7];
/** Data volume of each member, GiB. */
export const DEFAULT_MONGO_STORAGE_SIZE_GIB = 20;
/** Largest data volume accepted, GiB. */
export const MAX_MONGO_STORAGE_SIZE_GIB = 65_536;
/** Log volume of each member (mongod and agent logs), GiB. */
export const DEFAULT_MONGO_LOGS_STORAGE_SIZE_GIB = 2;
/** Largest log volume accepted, GiB. */
export const MAX_MONGO_LOGS_STORAGE_SIZE_GIB = 1024;
/** CPU and memory of the `mongod` container of each member. */
export const DEFAULT_MONGO_RESOURCES: ResourceRequirements = { cpuRequest: '500m', memoryRequest: '2Gi', memoryLimit: '2Gi' };
/** CPU and memory of the automation agent container of each member. */
export const DEFAULT_MONGO_AGENT_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '256Mi', memoryLimit: '512Mi' };
/** The application database (the CDC user may read it). */
export const DEFAULT_MONGO_DATABASE = 'app';
/** User with clusterAdmin, userAdminAnyDatabase and readWriteAnyDatabase (authenticates against `admin`). */
export const DEFAULT_MONGO_ADMIN_USER = 'mongo_admin';
/** User CDC connects as: `read` on the database (authenticates against `admin`). */
export const DEFAULT_MONGO_CDC_USER = 'cdc';
/**
 * Hours the oplog keeps every entry (`storage.oplogMinRetentionHours`): a CDC connector stopped for
 * less than this resumes without a new snapshot. The oplog grows past its size to honour it.
 */
export const DEFAULT_MONGO_OPLOG_MIN_RETENTION_HOURS = 24;
/** Longest oplog retention accepted, hours (30 days). */
export const MAX_MONGO_OPLOG_MIN_RETENTION_HOURS = 720;

/** Props of {@link MongoSourceDatabase}. */
export interface MongoSourceDatabaseProps {
  /**
   * TLS of the replica set. Required: certificates come from cert-manager or you
   * (`MongoTls.fromSecrets`), and going without TLS must be an explicit `MongoTls.disabled()`.
   */
  readonly tls: MongoTls;
  /**
   * Name of the MongoDBCommunity resource (and replica set), appended to the platform's namePrefix.
   * @default - the construct id in kebab case ("Catalog" -> "<namePrefix>-catalog")
   */
  readonly name?: string;
  /**
   * Members of the replica set: 1, 3, 5 or 7.
   * @default DEFAULT_MONGO_MEMBERS (3)
   */
  readonly members?: number;
  /**
   * MongoDB Community Server version (major.minor.patch, 7.0 or later).
   * @default MONGODB_VERSION
   */
  readonly version?: string;
  /**
   * The application database: the CDC user gets `read` on it (Debezium `capture.scope: database`).
   * @default DEFAULT_MONGO_DATABASE ("app")
   */
  readonly databaseName?: string;
  /**
   * Name of the administrator user.
   * @default DEFAULT_MONGO_ADMIN_USER ("mongo_admin")
   */
  readonly adminUsername?: string;
  /**
   * Name of the CDC user.
   * @default DEFAULT_MONGO_CDC_USER ("cdc")
   */
  readonly cdcUsername?: string;
  /**
   * Hours the oplog keeps every entry, 1 to 720.
   * @default DEFAULT_MONGO_OPLOG_MIN_RETENTION_HOURS (24)
   */
  readonly oplogMinRetentionHours?: number;
  /**
   * Data volume of each member, GiB.
   * @default DEFAULT_MONGO_STORAGE_SIZE_GIB (20)
   */
  readonly storageSizeGiB?: number;
  /**
   * Log volume of each member, GiB.
   * @default DEFAULT_MONGO_LOGS_STORAGE_SIZE_GIB (2)
   */
  readonly logsStorageSizeGiB?: number;
  /**
   * Storage class of the volumes.
   * @default - the platform's storageClassName, else the cluster's default storage class
   */
  readonly storageClassName?: string;
  /**
   * CPU and memory of the `mongod` container of each member.
   * @default DEFAULT_MONGO_RESOURCES
   */
  readonly resources?: ResourceRequirements;
  /**
   * CPU and memory of the automation agent container of each member.
   * @default DEFAULT_MONGO_AGENT_RESOURCES
   */
  readonly agentResources?: ResourceRequirements;
  /**
   * Store generating the users' passwords (must keep Kubernetes Secrets).
   * @default - the stack's default store (`defaultSecretStore`)
   */
  readonly secretStore?: ISecretStore;
  /**
   * What happens to the data when the database leaves the stack: RETAIN keeps the
   * MongoDBCommunity resource (`helm.sh/resource-policy: keep`); DESTROY needs the platform's
   * `allowDataDestruction`. The members' volumes outlive their StatefulSet either way.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
