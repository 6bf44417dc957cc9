import { NameRule } from '../../../core/naming';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';

/** Port of PostgreSQL (and of PgBouncer). */
export const POSTGRES_PORT = 5432;
/** Port of CloudNativePG's instance manager status endpoint (the operator polls it). */
export const CNPG_STATUS_PORT = 8000;
/** Port of the instances' metrics exporter (named `metrics`). */
export const CNPG_METRICS_PORT = 9187;

/**
 * A CloudNativePG Cluster name: a DNS label short enough for the names derived from it
 * (`<name>-connect-connect` is the longest, 16 characters more).
 */
export const POSTGRES_CLUSTER_NAME_RULE: NameRule = {
  kind: 'CloudNativePG cluster name',
  minLength: 1,
  maxLength: 40,
  pattern: '^[a-z]([a-z0-9-]*[a-z0-9])?$',
  allowed: 'lowercase letters, digits and hyphens, starting with a letter (names of Services, Secrets and the Kafka Connect cluster are derived from it)',
};

/** Names, addresses and pod labels of one warehouse, derived from its cluster name. @internal */
export class WarehouseNames {
  public readonly namespace: string;
  /** Service of the primary. */
  public readonly host: string;
  /** Service of the standbys. */
  public readonly readOnlyHost: string;
  /** Secret CloudNativePG generates for the database owner. */
  public readonly appSecret: string;
  /** Secret of the cluster's CA (its `ca.crt` verifies the server certificates). */
  public readonly caSecret: string;
  public readonly release: string;
  public readonly monitoringRelease: string;
  public readonly objectStore: string;
  public readonly scheduledBackup: string;
  public readonly pooler: string;
  public readonly poolerHost: string;
  public readonly connect: string;
  /** PostgreSQL role of the loaders (Kafka Connect and lake loads): `<cluster>_loader`, underscores only. */
  public readonly loaderRole: string;

  constructor(platform: KubernetesPlatform, public readonly cluster: string) {
    const svc = (name: string) => `${name}.${platform.namespace}.svc`;
    this.namespace = platform.namespace;
    this.host = svc(`${cluster}-rw`);
    this.readOnlyHost = svc(`${cluster}-ro`);
    this.appSecret = `${cluster}-app`;
    this.caSecret = `${cluster}-ca`;
    this.release = `${cluster}-db`;
    this.monitoringRelease = `${cluster}-monitoring`;
    this.objectStore = `${cluster}-backups`;
    this.scheduledBackup = `${cluster}-scheduled`;
    this.pooler = `${cluster}-pooler-rw`;
    this.poolerHost = svc(this.pooler);
    this.connect = `${cluster}-connect`;
    this.loaderRole = `${cluster.replace(/-/g, '_')}_loader`;
  }

  /** The instances (and CloudNativePG's jobs of this cluster: initdb, join). */
  public get databasePods(): Record<string, string> {
    return { 'cnpg.io/cluster': this.cluster, 'app.kubernetes.io/component': 'database' };
  }

  /** The instances only (what the PodMonitor scrapes). */
  public get instancePods(): Record<string, string> {
    return { 'cnpg.io/cluster': this.cluster, 'cnpg.io/podRole': 'instance' };
  }

  public get poolerPods(): Record<string, string> {
    return { 'cnpg.io/poolerName': this.pooler };
  }

  /** Pods of the lake load jobs. */
  public get lakeLoadPods(): Record<string, string> {
    return { 'app.kubernetes.io/name': `${this.cluster}-lake-load` };
  }
}
