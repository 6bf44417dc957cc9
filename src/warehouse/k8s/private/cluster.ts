import { ResolvedTable, tablesSql } from './sql';
import { WarehouseNames } from './warehouse-names';
import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { POSTGRES_IMAGE } from '../../../platform/k8s/warehouse-versions';
import { POOLER_POOL_MODE } from '../postgres-warehouse-props';

/** Built-in role granting SELECT on every table and USAGE on every schema (PostgreSQL 14+). */
export const READ_ALL_DATA_ROLE = 'pg_read_all_data';
/** Built-in role granting INSERT, UPDATE and DELETE on every table (PostgreSQL 14+). */
export const WRITE_ALL_DATA_ROLE = 'pg_write_all_data';

/** A login role the Cluster manages (`spec.managed.roles`). @internal */
export interface ManagedRole {
  readonly name: string;
  readonly write: boolean;
  /** `kubernetes.io/basic-auth` Secret with the role's password (its `username` is the role name). */
  readonly passwordSecret: string;
  readonly comment: string;
}

/** Inputs of the Cluster. @internal */
export interface ClusterInput {
  readonly names: WarehouseNames;
  readonly labels: Record<string, string>;
  readonly instances: number;
  readonly storageSizeGiB: number;
  readonly storageClassName?: string;
  readonly resources: ResourceRequirements;
  readonly database: string;
  readonly owner: string;
  readonly tables: ResolvedTable[];
  readonly roles: ManagedRole[];
  /** The Barman Cloud plugin entry, when backups are on. */
  readonly plugin?: Record<string, any>;
  readonly retain: boolean;
}

/** `spec.managed.roles` entries: login roles in pg_read_all_data (and pg_write_all_data). @internal */
export function managedRoles(roles: ManagedRole[]): Record<string, any>[] {
  return [...roles].sort((a, b) => a.name.localeCompare(b.name)).map((r) => ({
    name: r.name,
    ensure: 'present',
    comment: r.comment,
    login: true,
    inRoles: r.write ? [READ_ALL_DATA_ROLE, WRITE_ALL_DATA_ROLE] : [READ_ALL_DATA_ROLE],
    passwordSecret: { name: r.passwordSecret },
  }));
}

/**
 * The CloudNativePG Cluster: pinned image, TLS-only client access, no superuser access, the
 * database and its owner bootstrapped by initdb (with the tables created once, at bootstrap),
 * managed login roles for grants, metrics over TLS, and the backup plugin.
 * @internal
 */
export function clusterResource(input: ClusterInput): KubernetesObject {
  const { names } = input;
  const sql = tablesSql(input.tables, input.owner);
  const roles = managedRoles(input.roles);
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: names.cluster, labels: input.labels, ...(input.retain ? { annotations: { 'helm.sh/resource-policy': 'keep' } } : {}) },
    spec: {
      instances: input.instances,
      imageName: POSTGRES_IMAGE,
      storage: { size: `${input.storageSizeGiB}Gi`, ...(input.storageClassName ? { storageClass: input.storageClassName } : {}) },
      resources: toK8sResources(input.resources),
      enableSuperuserAccess: false,
      // The operator issues the server certificate; clients without TLS are refused.
      postgresql: { pg_hba: ['hostnossl all all all reject'] },
      bootstrap: {
        initdb: {
          database: input.database,
          owner: input.owner,
          dataChecksums: true,
          ...(sql.length > 0 ? { postInitApplicationSQL: sql } : {}),
        },
      },
      ...(roles.length > 0 ? { managed: { roles } } : {}),
      monitoring: { tls: { enabled: true } },
      ...(input.plugin ? { plugins: [input.plugin] } : {}),
    },
  };
}

/** Inputs of the Pooler. @internal */
export interface PoolerInput {
  readonly names: WarehouseNames;
  readonly labels: Record<string, string>;
  readonly instances: number;
  readonly maxClientConnections: number;
  readonly defaultPoolSize: number;
  readonly resources: ResourceRequirements;
}

/** A PgBouncer Pooler in front of the primary (`rw`), transaction pooling, TLS on both sides. @internal */
export function poolerResource(input: PoolerInput): KubernetesObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Pooler',
    metadata: { name: input.names.pooler, labels: input.labels },
    spec: {
      cluster: { name: input.names.cluster },
      instances: input.instances,
      type: 'rw',
      pgbouncer: {
        poolMode: POOLER_POOL_MODE,
        parameters: { max_client_conn: String(input.maxClientConnections), default_pool_size: String(input.defaultPoolSize) },
      },
      template: {
        metadata: { labels: input.labels },
        spec: { containers: [{ name: 'pgbouncer', resources: toK8sResources(input.resources) }] },
      },
    },
  };
}

/**
 * A PodMonitor scraping the instances' `metrics` port over TLS, verified with the cluster's CA
 * against the server certificate's `<cluster>-rw` name.
 * @internal
 */
export function podMonitorResource(names: WarehouseNames, labels: Record<string, string>): KubernetesObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name: names.cluster, labels },
    spec: {
      selector: { matchLabels: names.instancePods },
      podMetricsEndpoints: [{
        port: 'metrics',
        scheme: 'https',
        tlsConfig: { ca: { secret: { name: names.caSecret, key: 'ca.crt' } }, serverName: `${names.cluster}-rw` },
      }],
    },
  };
}
