import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';

/** Port of the SeaweedFS S3 gateway. */
export const SEAWEEDFS_S3_PORT = 8333;
/** Port of the Hive Metastore (Thrift). */
export const HIVE_METASTORE_PORT = 9083;
/** Port of PostgreSQL. */
export const POSTGRES_PORT = 5432;
/** Port of CloudNativePG's instance manager (status endpoint the operator polls). */
export const CNPG_STATUS_PORT = 8000;
/** Port of the Trino HTTP service. */
export const TRINO_PORT = 8080;
/** Port of the Spark operator's admission webhook. */
export const SPARK_WEBHOOK_PORT = 9443;
/** Region name given to S3 clients (SeaweedFS ignores it; SDKs need one). */
export const LAKE_S3_REGION = 'us-east-1';
/** Catalog database of the lake's zones: one Hive database per zone. */
export const TRINO_CATALOG_NAME = 'lake';

/**
 * Names, addresses and pod labels of one lake's components, derived from the platform.
 * @internal
 */
export class LakeNames {
  public readonly prefix: string;
  public readonly namespace: string;
  public readonly seaweedfsRelease: string;
  public readonly s3Endpoint: string;
  public readonly credentialsSecret: string;
  /** Secret of the SeaweedFS identities config (key `seaweedfs_s3_config`). */
  public readonly s3ConfigSecret: string;
  public readonly secretClass: string;
  public readonly s3Connection: string;
  public readonly databaseCluster: string;
  public readonly databaseHost: string;
  public readonly databaseSecret: string;
  public readonly hiveCluster: string;
  public readonly metastoreUri: string;
  public readonly trinoRelease: string;
  public readonly sqlEndpoint: string;
  public readonly sparkRelease: string;

  constructor(platform: KubernetesPlatform) {
    const p = platform.namePrefix;
    const svc = (name: string, port: number) => `${name}.${platform.namespace}.svc:${port}`;
    this.prefix = p;
    this.namespace = platform.namespace;
    this.seaweedfsRelease = `${p}-seaweedfs`;
    this.s3Endpoint = `http://${svc(`${this.seaweedfsRelease}-s3`, SEAWEEDFS_S3_PORT)}`;
    this.credentialsSecret = `${p}-lake-s3-credentials`;
    this.s3ConfigSecret = `${p}-lake-s3-config`;
    // SecretClasses are cluster-scoped: the namespace keeps two stacks' classes apart.
    this.secretClass = `${platform.namespace}-${p}-lake-s3`;
    this.s3Connection = `${p}-lake-s3`;
    this.databaseCluster = `${p}-metastore-db`;
    this.databaseHost = `${this.databaseCluster}-rw.${platform.namespace}.svc`;
    this.databaseSecret = `${this.databaseCluster}-app`;
    this.hiveCluster = `${p}-hive`;
    this.metastoreUri = `thrift://${svc(`${this.hiveCluster}-metastore`, HIVE_METASTORE_PORT)}`;
    this.trinoRelease = `${p}-trino`;
    this.sqlEndpoint = `http://${svc(this.trinoRelease, TRINO_PORT)}`;
    this.sparkRelease = `${p}-spark-operator`;
  }

  public bucket(zone: string): string {
    return `${this.prefix}-${zone}`;
  }

  /** Secret of the S3 keys of a granted identity. */
  public identityS3Secret(identityName: string): string {
    return `${identityName}-lake-s3`;
  }

  public seaweedfsPods(component?: string): Record<string, string> {
    return {
      'app.kubernetes.io/name': 'seaweedfs',
      'app.kubernetes.io/instance': this.seaweedfsRelease,
      ...(component ? { 'app.kubernetes.io/component': component } : {}),
    };
  }

  public get hivePods(): Record<string, string> {
    return { 'app.kubernetes.io/name': 'hive', 'app.kubernetes.io/instance': this.hiveCluster };
  }

  public get databasePods(): Record<string, string> {
    return { 'cnpg.io/cluster': this.databaseCluster };
  }

  public get trinoPods(): Record<string, string> {
    return { 'app.kubernetes.io/name': 'trino', 'app.kubernetes.io/instance': this.trinoRelease };
  }

  /** Pods of SparkApplications launched by the operator. */
  public get sparkPods(): Record<string, string> {
    return { 'sparkoperator.k8s.io/launched-by-spark-operator': 'true' };
  }

  public operatorPods(chart: string): Record<string, string> {
    return { 'app.kubernetes.io/name': chart };
  }
}
