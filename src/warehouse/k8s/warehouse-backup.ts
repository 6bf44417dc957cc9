import { KubernetesDataLake } from '../../lake/k8s/kubernetes-data-lake';
import { NetworkPeer } from '../../platform/k8s/network';

/** Compression of base backups and WAL files (barman-cloud). */
export enum BackupCompression {
  /** gzip: a good ratio, slow to compress, fast to restore. */
  GZIP = 'gzip',
  /** bzip2: the best ratio, the slowest. */
  BZIP2 = 'bzip2',
  /** lz4: fast, a lower ratio. */
  LZ4 = 'lz4',
  /** snappy: the fastest, the lowest ratio. */
  SNAPPY = 'snappy',
  /** No compression (an explicit opt-out). */
  NONE = 'none',
}

/** Server-side encryption barman-cloud asks the object store for (the `x-amz-server-side-encryption` header). */
export enum BackupEncryption {
  /** SSE-S3 (AES-256 with keys the store manages). */
  AES256 = 'AES256',
  /** SSE-KMS (AWS S3 with a KMS key). */
  AWS_KMS = 'aws:kms',
}

/** How the Barman Cloud plugin gets into the cluster. */
export enum BarmanCloudPluginInstall {
  /** The stack installs the pinned `plugin-barman-cloud` chart (needs cert-manager in the cluster). */
  HELM_CHART = 'helm-chart',
  /** The plugin already runs in the CloudNativePG operator's namespace (installed by someone else). */
  PREINSTALLED = 'preinstalled',
}

/**
 * The Barman Cloud plugin (CNPG-I) that takes the backups. It must run in the CloudNativePG
 * operator's namespace, and its chart issues the TLS certificates between operator and plugin with
 * cert-manager: **cert-manager is a prerequisite** of {@link BarmanCloudPlugin.install}.
 */
export class BarmanCloudPlugin {
  /**
   * The stack installs the pinned plugin chart (`BARMAN_CLOUD_PLUGIN_CHART`) after the operator.
   * Prerequisite: cert-manager runs in the cluster (the chart creates a cert-manager Issuer and two
   * Certificates; without cert-manager its release fails).
   */
  public static install(): BarmanCloudPlugin {
    return new BarmanCloudPlugin(BarmanCloudPluginInstall.HELM_CHART);
  }

  /** The plugin already runs in the operator's namespace; the stack installs nothing. */
  public static preinstalled(): BarmanCloudPlugin {
    return new BarmanCloudPlugin(BarmanCloudPluginInstall.PREINSTALLED);
  }

  private constructor(
    /** How the plugin is installed. */
    public readonly installation: BarmanCloudPluginInstall,
  ) {}
}

/** When base backups are taken: 02:00:00 every day (six fields, seconds first, as CloudNativePG requires). */
export const DEFAULT_BACKUP_SCHEDULE = '0 0 2 * * *';
/** How long backups are kept (a recovery window: any point in the last 30 days can be restored). */
export const DEFAULT_BACKUP_RETENTION = '30d';
/** Compression of base backups and WAL files. */
export const DEFAULT_BACKUP_COMPRESSION = BackupCompression.GZIP;
/** Key prefix of the backups inside the bucket (barman-cloud adds the cluster name below it). */
export const DEFAULT_BACKUP_PATH_PREFIX = 'postgres-backups';
/** Key of the access key id in the credentials Secret (the lake's convention). */
export const DEFAULT_BACKUP_ACCESS_KEY_ID_KEY = 'accessKey';
/** Key of the secret access key in the credentials Secret (the lake's convention). */
export const DEFAULT_BACKUP_SECRET_ACCESS_KEY_KEY = 'secretKey';

/** Options of every backup target. */
export interface WarehouseBackupOptions {
  /**
   * When base backups are taken: a six-field cron expression, seconds first (CloudNativePG's
   * format; a five-field Kubernetes CronJob expression would be read as seconds-first and is rejected).
   * @default DEFAULT_BACKUP_SCHEDULE ("0 0 2 * * *", 02:00:00 every day)
   */
  readonly schedule?: string;
  /**
   * Recovery window kept in the object store: a number and `d` (days), `w` (weeks) or `m` (months).
   * @default DEFAULT_BACKUP_RETENTION ("30d")
   */
  readonly retention?: string;
  /**
   * Compression of base backups and WAL files.
   * @default DEFAULT_BACKUP_COMPRESSION (BackupCompression.GZIP)
   */
  readonly compression?: BackupCompression;
  /**
   * How the Barman Cloud plugin gets into the cluster.
   * @default BarmanCloudPlugin.install() (prerequisite: cert-manager in the cluster)
   */
  readonly barmanCloudPlugin?: BarmanCloudPlugin;
}

/** Options of backups into a KubernetesDataLake's object store (SeaweedFS). */
export interface LakeBackupOptions extends WarehouseBackupOptions {
  /**
   * Zone whose bucket holds the backups.
   * @default - the lake's first zone ("raw" with the default zones)
   */
  readonly zone?: string;
  /**
   * Key prefix of the backups inside the bucket.
   * @default DEFAULT_BACKUP_PATH_PREFIX ("postgres-backups")
   */
  readonly pathPrefix?: string;
}

/** Options of backups into an S3-compatible object store. */
export interface ObjectStoreBackupOptions extends WarehouseBackupOptions {
  /** URL of the S3 endpoint, for example `https://s3.eu-west-1.amazonaws.com` or `http://minio.storage.svc:9000`. */
  readonly endpointUrl: string;
  /** Bucket (it must exist). */
  readonly bucket: string;
  /**
   * Key prefix of the backups inside the bucket.
   * @default DEFAULT_BACKUP_PATH_PREFIX ("postgres-backups")
   */
  readonly pathPrefix?: string;
  /** Secret in the platform namespace holding the S3 keys. */
  readonly credentialsSecretName: string;
  /**
   * Key of the access key id in that Secret.
   * @default DEFAULT_BACKUP_ACCESS_KEY_ID_KEY ("accessKey")
   */
  readonly accessKeyIdKey?: string;
  /**
   * Key of the secret access key in that Secret.
   * @default DEFAULT_BACKUP_SECRET_ACCESS_KEY_KEY ("secretKey")
   */
  readonly secretAccessKeyKey?: string;
  /**
   * Server-side encryption requested from the store.
   * @default - none requested: the bucket's default encryption applies (AWS S3 encrypts every new
   * object with SSE-S3); S3-compatible stores need their own key configuration for SSE
   */
  readonly encryption?: BackupEncryption;
  /**
   * Where the store is, for the instances' egress NetworkPolicy (the port comes from `endpointUrl`).
   * @default - any address (`0.0.0.0/0`) on the endpoint's port: a store outside the cluster
   */
  readonly peer?: NetworkPeer;
}

/** Where a PostgresWarehouse's backups go. */
export enum WarehouseBackupKind {
  /** A zone bucket of a KubernetesDataLake. */
  LAKE = 'lake',
  /** An S3-compatible object store. */
  OBJECT_STORE = 'object-store',
  /** No backups (an explicit opt-out; synthesis warns). */
  NONE = 'none',
}

/**
 * Continuous backups of a PostgresWarehouse (WAL archiving plus scheduled base backups) through
 * CloudNativePG's Barman Cloud plugin, or an explicit opt-out.
 */
export class WarehouseBackup {
  /**
   * Into a zone bucket of a KubernetesDataLake (its SeaweedFS S3 gateway and S3 keys Secret).
   * @param lake the lake (created in the same stack)
   * @param options zone, prefix, schedule, retention
   */
  public static toLake(lake: KubernetesDataLake, options: LakeBackupOptions = {}): WarehouseBackup {
    return new WarehouseBackup(WarehouseBackupKind.LAKE, lake, options);
  }

  /** Into an S3-compatible object store. */
  public static toObjectStore(options: ObjectStoreBackupOptions): WarehouseBackup {
    return new WarehouseBackup(WarehouseBackupKind.OBJECT_STORE, undefined, undefined, options);
  }

  /**
   * No backups: no WAL archive and no base backups, so a lost volume or a bad write cannot be
   * recovered. Synthesis leaves a warning on the warehouse.
   */
  public static none(): WarehouseBackup {
    return new WarehouseBackup(WarehouseBackupKind.NONE);
  }

  private constructor(
    /** Where the backups go. */
    public readonly kind: WarehouseBackupKind,
    /** LAKE: the lake. */
    public readonly lake?: KubernetesDataLake,
    /** LAKE: its options. */
    public readonly lakeOptions?: LakeBackupOptions,
    /** OBJECT_STORE: its options. */
    public readonly objectStoreOptions?: ObjectStoreBackupOptions,
  ) {}
}
