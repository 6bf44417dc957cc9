import { WarehouseBackup } from './warehouse-backup';
import { WarehouseMonitoring } from './warehouse-monitoring';
import { ResourceRequirements } from '../../platform/k8s/resources';
import { WarehouseBaseProps } from '../warehouse-contract';

/**
 * PostgreSQL instances: one primary and two standbys. With two, draining the standby's node (or
 * losing it) leaves no failover target; with three, one standby can be down while the other can
 * still take over. CloudNativePG's own examples use three.
 */
export const DEFAULT_POSTGRES_INSTANCES = 3;
/** Most instances accepted. */
export const MAX_POSTGRES_INSTANCES = 9;
/** Volume of each instance, GiB. */
export const DEFAULT_POSTGRES_STORAGE_SIZE_GIB = 50;
/** Largest volume accepted, GiB. */
export const MAX_POSTGRES_STORAGE_SIZE_GIB = 65_536;
/** CPU and memory of each instance. */
export const DEFAULT_POSTGRES_RESOURCES: ResourceRequirements = { cpuRequest: '1', memoryRequest: '4Gi', memoryLimit: '4Gi' };
/** Owner of the database (CloudNativePG generates its password into the Secret `<cluster>-app`). */
export const DEFAULT_WAREHOUSE_OWNER = 'warehouse_owner';

/** PgBouncer pods of a pooler. */
export const DEFAULT_POOLER_INSTANCES = 2;
/** Client connections each PgBouncer pod accepts. */
export const DEFAULT_POOLER_MAX_CLIENT_CONNECTIONS = 1000;
/** Server connections per user and database of each PgBouncer pod. */
export const DEFAULT_POOLER_DEFAULT_POOL_SIZE = 20;
/** CPU and memory of each PgBouncer pod. */
export const DEFAULT_POOLER_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '128Mi', memoryLimit: '256Mi' };
/**
 * PgBouncer pool mode: `transaction` (a server connection per transaction). Session state (SET,
 * advisory locks, LISTEN, temporary tables) does not survive between transactions; the Kafka
 * Connect loader and lake loads connect to the primary directly, not through the pooler.
 */
export const POOLER_POOL_MODE = 'transaction';

/** Kafka Connect replicas of the warehouse's loader. */
export const DEFAULT_WAREHOUSE_CONNECT_REPLICAS = 2;
/** CPU and memory of each Kafka Connect replica. */
export const DEFAULT_WAREHOUSE_CONNECT_RESOURCES: ResourceRequirements = { cpuRequest: '500m', memoryRequest: '2Gi', memoryLimit: '2Gi' };
/** Tasks of each JDBC sink connector (one per bound StreamingIngest). */
export const DEFAULT_LOADER_TASKS = 2;

/** When `loadFromLake` reloads its tables: 03:00 every day (a Kubernetes CronJob schedule). */
export const DEFAULT_LAKE_LOAD_SCHEDULE = '0 3 * * *';
/** CPU and memory of each container of a lake load job. */
export const DEFAULT_LAKE_LOAD_RESOURCES: ResourceRequirements = { cpuRequest: '250m', memoryRequest: '512Mi', memoryLimit: '1Gi' };

/** The PgBouncer pooler in front of the primary (a CloudNativePG Pooler, type `rw`, pool mode `transaction`). */
export interface WarehousePoolerOptions {
  /**
   * PgBouncer pods.
   * @default DEFAULT_POOLER_INSTANCES (2)
   */
  readonly instances?: number;
  /**
   * Client connections each pod accepts (`max_client_conn`).
   * @default DEFAULT_POOLER_MAX_CLIENT_CONNECTIONS (1000)
   */
  readonly maxClientConnections?: number;
  /**
   * Server connections per user and database (`default_pool_size`).
   * @default DEFAULT_POOLER_DEFAULT_POOL_SIZE (20)
   */
  readonly defaultPoolSize?: number;
  /**
   * CPU and memory of each pod.
   * @default DEFAULT_POOLER_RESOURCES
   */
  readonly resources?: ResourceRequirements;
}

/** The Kafka Connect cluster that loads Kafka StreamingIngests into the warehouse (`destination()`). */
export interface WarehouseKafkaConnectOptions {
  /**
   * A Kafka Connect image (Strimzi 1.2.0, Kafka 4.3.1) that already contains the Debezium JDBC sink
   * connector plugin (`DEBEZIUM_JDBC_SINK_URL`). Required under Pod Security "restricted".
   * @default - none: set this or `buildOutputImage`
   */
  readonly image?: string;
  /**
   * Registry image a Strimzi build (Kaniko) pushes the Connect image with the plugin to. Strimzi's
   * "restricted" pod security provider rejects builds (Kaniko runs as root), so this needs a
   * platform with `podSecurity: PodSecurityLevel.BASELINE`.
   * @default - no build
   */
  readonly buildOutputImage?: string;
  /**
   * Secret (`kubernetes.io/dockerconfigjson`) with credentials to push `buildOutputImage`.
   * @default - none (a registry that accepts anonymous pushes)
   */
  readonly buildPushSecret?: string;
  /**
   * Replicas.
   * @default DEFAULT_WAREHOUSE_CONNECT_REPLICAS (2)
   */
  readonly replicas?: number;
  /**
   * CPU and memory of each replica.
   * @default DEFAULT_WAREHOUSE_CONNECT_RESOURCES
   */
  readonly resources?: ResourceRequirements;
  /**
   * Tasks of each JDBC sink connector.
   * @default DEFAULT_LOADER_TASKS (2)
   */
  readonly tasksPerConnector?: number;
}

/** Props of {@link PostgresWarehouse}. */
export interface PostgresWarehouseProps extends WarehouseBaseProps {
  /**
   * Where backups go. Required: there is no sensible default target, and going without backups
   * must be an explicit `WarehouseBackup.none()`.
   */
  readonly backup: WarehouseBackup;
  /**
   * Name of the CloudNativePG Cluster, appended to the platform's namePrefix.
   * @default - the construct id in kebab case ("Warehouse" -> "<namePrefix>-warehouse")
   */
  readonly name?: string;
  /**
   * PostgreSQL instances (one primary, the others streaming standbys), 1 to 9.
   * @default DEFAULT_POSTGRES_INSTANCES (3)
   */
  readonly instances?: number;
  /**
   * Volume of each instance, GiB.
   * @default DEFAULT_POSTGRES_STORAGE_SIZE_GIB (50)
   */
  readonly storageSizeGiB?: number;
  /**
   * Storage class of the volumes.
   * @default - the platform's storageClassName, else the cluster's default storage class
   */
  readonly storageClassName?: string;
  /**
   * CPU and memory of each instance.
   * @default DEFAULT_POSTGRES_RESOURCES
   */
  readonly resources?: ResourceRequirements;
  /**
   * Owner of the database (a PostgreSQL role name; its password is generated by CloudNativePG
   * into the Secret `<cluster>-app`, the warehouse's `adminCredential`).
   * @default DEFAULT_WAREHOUSE_OWNER ("warehouse_owner")
   */
  readonly ownerName?: string;
  /**
   * A PgBouncer pooler in front of the primary.
   * @default - no pooler
   */
  readonly pooler?: WarehousePoolerOptions;
  /**
   * Prometheus scraping of the instances.
   * @default DEFAULT_WAREHOUSE_MONITORING (WarehouseMonitoring.none(): the PodMonitor CRD only
   * exists where the Prometheus operator is installed)
   */
  readonly monitoring?: WarehouseMonitoring;
  /**
   * The Kafka Connect cluster of `destination()` loads.
   * @default - none; binding a destination then fails with a message saying what to set
   */
  readonly kafkaConnect?: WarehouseKafkaConnectOptions;
  /**
   * Schedule of the CronJobs `loadFromLake` creates (five fields, Kubernetes CronJob format).
   * @default DEFAULT_LAKE_LOAD_SCHEDULE ("0 3 * * *")
   */
  readonly lakeLoadSchedule?: string;
}
