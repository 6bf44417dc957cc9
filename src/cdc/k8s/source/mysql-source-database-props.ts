import { ResourceRequirements } from '../../../platform/k8s/resources';
import { RemovalPolicy } from '../../../platform/platform';
import { ISecretStore } from '../../../secrets/secret-store-contract';

/** Data volume of the server, GiB. */
export const DEFAULT_MYSQL_STORAGE_SIZE_GIB = 20;
/** Largest data volume accepted, GiB. */
export const MAX_MYSQL_STORAGE_SIZE_GIB = 65_536;
/** CPU and memory of the server. */
export const DEFAULT_MYSQL_RESOURCES: ResourceRequirements = { cpuRequest: '500m', memoryRequest: '2Gi', memoryLimit: '2Gi' };
/** The application database (created at first start). */
export const DEFAULT_MYSQL_DATABASE = 'app';
/** The application user (ALL on the application database; created at first start). */
export const DEFAULT_MYSQL_APP_USER = 'app';
/** User CDC connects as (SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT on *.*; created at first start). */
export const DEFAULT_MYSQL_CDC_USER = 'cdc';
/**
 * Seconds binary logs are kept (`binlog_expire_logs_seconds`): 7 days. A CDC connector stopped for
 * longer than this must snapshot again.
 */
export const DEFAULT_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS = 604_800;
/** Shortest binlog retention accepted, seconds (1 hour). */
export const MIN_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS = 3_600;
/** Longest binlog retention accepted, seconds (90 days). */
export const MAX_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS = 7_776_000;
/** `server_id` of the server; every replication client (each Debezium connector's `database.server.id`) needs another. */
export const MYSQL_SERVER_ID = 1;
/** Longest MySQL user name. */
export const MAX_MYSQL_USER_LENGTH = 32;

/** Props of {@link MySqlSourceDatabase}. */
export interface MySqlSourceDatabaseProps {
  /**
   * Name of the StatefulSet and Service, appended to the platform's namePrefix.
   * @default - the construct id in kebab case ("Shop" -> "<namePrefix>-shop")
   */
  readonly name?: string;
  /**
   * The application database, created at first start.
   * @default DEFAULT_MYSQL_DATABASE ("app")
   */
  readonly databaseName?: string;
  /**
   * The application user (ALL on the application database), created at first start with the
   * password the SecretStore generates.
   * @default DEFAULT_MYSQL_APP_USER ("app")
   */
  readonly appUsername?: string;
  /**
   * The CDC user, created at first start with the password the SecretStore generates.
   * @default DEFAULT_MYSQL_CDC_USER ("cdc")
   */
  readonly cdcUsername?: string;
  /**
   * Seconds binary logs are kept, 3600 to 7776000.
   * @default DEFAULT_MYSQL_BINLOG_EXPIRE_LOGS_SECONDS (604800, 7 days)
   */
  readonly binlogExpireLogsSeconds?: number;
  /**
   * A `kubernetes.io/tls` Secret (`tls.crt`, `tls.key`, `ca.crt`; for example a cert-manager
   * Certificate's) for the server, covering `<name>.<namespace>.svc`. Clients can then verify it.
   * @default - the self-signed certificate MySQL generates at first start: connections are
   * encrypted (TLS is required either way) but clients cannot verify the server
   */
  readonly tlsSecretName?: string;
  /**
   * Digest (`sha256:...`) pinning the image `MYSQL_IMAGE` beyond its tag.
   * @default - the tag only
   */
  readonly imageDigest?: string;
  /**
   * Data volume, GiB.
   * @default DEFAULT_MYSQL_STORAGE_SIZE_GIB (20)
   */
  readonly storageSizeGiB?: number;
  /**
   * Storage class of the volume.
   * @default - the platform's storageClassName, else the cluster's default storage class
   */
  readonly storageClassName?: string;
  /**
   * CPU and memory of the server.
   * @default DEFAULT_MYSQL_RESOURCES
   */
  readonly resources?: ResourceRequirements;
  /**
   * Whether node drains may evict the server. By default a PodDisruptionBudget (`minAvailable: 1`)
   * makes a drain wait until you move the database deliberately: there is no second replica to take
   * over, so an eviction is downtime.
   * @default false
   */
  readonly allowEviction?: boolean;
  /**
   * Store generating the root, application and CDC passwords (must keep Kubernetes Secrets).
   * @default - the stack's default store (`defaultSecretStore`)
   */
  readonly secretStore?: ISecretStore;
  /**
   * What happens to the data when the database leaves the stack: RETAIN sets `prevent_destroy` on
   * the StatefulSet and keeps its volume; DESTROY (with the platform's `allowDataDestruction`)
   * deletes the volume with the StatefulSet.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
