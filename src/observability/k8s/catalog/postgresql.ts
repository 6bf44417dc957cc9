import { IConstruct } from 'constructs';
import { CustomResources, KubernetesObject } from '../../../platform/k8s/custom-resources';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { BARMAN_CLOUD_PLUGIN_NAME } from '../../../platform/k8s/warehouse-versions';
import { AlarmComparison } from '../../alarm-contract';
import {
  DISK_USAGE_FOR_SECONDS, POSTGRES_BACKUP_AGE_HOURS, POSTGRES_BACKUP_FOR_SECONDS, POSTGRES_CONNECTIONS_FOR_SECONDS,
  POSTGRES_CONNECTIONS_PERCENT, POSTGRES_DISK_USAGE_PERCENT,
  POSTGRES_INSTANCES_DOWN_FOR_SECONDS, POSTGRES_REPLICAS_NOT_STREAMING_FOR_SECONDS, POSTGRES_REPLICATION_LAG_FOR_SECONDS,
  POSTGRES_REPLICATION_LAG_SECONDS, POSTGRES_WAL_ARCHIVING_FOR_SECONDS,
} from '../prometheus-alert-defaults';
import { PrometheusCatalogResult, ScrapeTargetSpec } from './prometheus-alert-spec';
import { AlertInput, alertsOf, instancesRange, NO_RESULT, PERCENT_RANGE, REGEX_MATCHER, selector, volumeUsagePercent } from './promql';

/** Rule group of PostgreSQL's alerts. */
export const POSTGRESQL_RULE_GROUP = 'postgresql';
/** Port of CloudNativePG's metrics exporter on every instance (named `metrics`). */
export const CNPG_METRICS_PORT = 9187;
/** API version of CloudNativePG's resources. */
const CNPG_API_VERSION = 'postgresql.cnpg.io/v1';

/** Pods of the instances of a CloudNativePG cluster. @internal */
export function cnpgInstancePods(cluster: string): Record<string, string> {
  return { 'cnpg.io/cluster': cluster, 'cnpg.io/podRole': 'instance' };
}

/** Whether another release under `owner` already has a PodMonitor of the cluster's instances (the warehouse's own). */
function hasOwnPodMonitor(owner: IConstruct, cluster: string): boolean {
  return owner.node.findAll().some((c) => c instanceof CustomResources && c.resources.some((r) =>
    r.kind === 'PodMonitor' && r.spec?.selector?.matchLabels?.['cnpg.io/cluster'] === cluster));
}

function podMonitor(cluster: KubernetesObject, namespace: string, resource: IConstruct): ScrapeTargetSpec {
  const name = cluster.metadata.name as string;
  const tls = cluster.spec?.monitoring?.tls?.enabled === true;
  return {
    kind: 'PodMonitor',
    name,
    namespace,
    selector: cnpgInstancePods(name),
    endpoints: [{
      port: 'metrics',
      ...(tls ? { scheme: 'https', tlsConfig: { ca: { secret: { name: `${name}-ca`, key: 'ca.crt' } }, serverName: `${name}-rw` } } : {}),
    }],
    podLabels: cnpgInstancePods(name),
    port: CNPG_METRICS_PORT,
    resource,
  };
}

/** Alerts of one CloudNativePG cluster (`pod=~"<cluster>-<n>"`, CloudNativePG's instance pod names). */
function clusterAlerts(cluster: KubernetesObject, namespace: string): AlertInput[] {
  const name = cluster.metadata.name as string;
  const instances = Number(cluster.spec?.instances ?? 1);
  const matchers = { namespace, [`pod${REGEX_MATCHER}`]: `${name}-[0-9]+` };
  const s = selector(matchers);
  const archives = (cluster.spec?.plugins ?? []).some((p: any) => p.name === BARMAN_CLOUD_PLUGIN_NAME && p.isWALArchiver === true);
  const disk = volumeUsagePercent(namespace, `${name}-[0-9]+(-wal)?`);
  const inputs: AlertInput[] = [{
    key: 'postgres-instances-down',
    alert: 'PostgresInstancesDown',
    expr: `(sum(cnpg_collector_up${s}) or vector(0))`,
    matchers,
    threshold: instances,
    comparison: AlarmComparison.LESS_THAN,
    range: instancesRange(instances),
    forSeconds: POSTGRES_INSTANCES_DOWN_FOR_SECONDS,
    severity: 'critical',
    description: 'Fewer PostgreSQL instances than configured are up: check `kubectl cnpg status` and the instance pods.',
  }];
  if (instances > 1) {
    inputs.push({
      key: 'postgres-replication-lag',
      alert: 'PostgresReplicationLagHigh',
      expr: `max(cnpg_pg_replication_lag${s})`,
      matchers,
      threshold: POSTGRES_REPLICATION_LAG_SECONDS,
      comparison: AlarmComparison.GREATER_THAN,
      range: { min: 1, max: 86_400, unit: 's' },
      forSeconds: POSTGRES_REPLICATION_LAG_FOR_SECONDS,
      severity: 'warning',
      description: 'A standby replays WAL far behind the primary: reads from -ro are stale and a failover waits. Check the standby\'s I/O and the network.',
    }, {
      key: 'postgres-replicas-not-streaming',
      alert: 'PostgresReplicasNotStreaming',
      expr: `(max(cnpg_pg_replication_streaming_replicas${s}) or vector(0))`,
      matchers,
      threshold: instances - 1,
      comparison: AlarmComparison.LESS_THAN,
      range: instancesRange(instances - 1),
      forSeconds: POSTGRES_REPLICAS_NOT_STREAMING_FOR_SECONDS,
      severity: 'warning',
      description: 'Fewer standbys than expected stream from the primary: high availability is reduced.',
    });
  }
  if (archives) {
    inputs.push({
      key: 'postgres-wal-archiving-failing',
      alert: 'PostgresWalArchivingFailing',
      expr: `(max(cnpg_pg_stat_archiver_last_failed_time${s}) - max(cnpg_pg_stat_archiver_last_archived_time${s}))`,
      matchers,
      threshold: 0,
      comparison: AlarmComparison.GREATER_THAN,
      range: { min: 0, max: 86_400, unit: 's' },
      forSeconds: POSTGRES_WAL_ARCHIVING_FOR_SECONDS,
      severity: 'critical',
      description: 'The newest WAL archiving attempt failed: point-in-time recovery stops and WAL piles up on the volume. Check the object store and its credentials.',
    }, {
      key: 'postgres-backup-failed',
      alert: 'PostgresBackupFailed',
      expr: `(max(barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp${s}) - max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp${s}))`,
      matchers,
      threshold: 0,
      comparison: AlarmComparison.GREATER_THAN,
      range: { min: 0, max: 604_800, unit: 's' },
      forSeconds: POSTGRES_BACKUP_FOR_SECONDS,
      severity: 'warning',
      description: 'The last base backup failed after the last good one (Barman Cloud plugin metrics): check `kubectl get backups` and the plugin\'s logs.',
    }, {
      key: 'postgres-backup-age',
      alert: 'PostgresBackupTooOld',
      expr: `((time() - max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp${s})) / 3600)`,
      matchers,
      threshold: POSTGRES_BACKUP_AGE_HOURS,
      comparison: AlarmComparison.GREATER_THAN,
      range: { min: 1, max: 8_760, unit: 'h' },
      forSeconds: POSTGRES_BACKUP_FOR_SECONDS,
      severity: 'warning',
      description: 'No base backup succeeded recently: the scheduled backup is not running or keeps failing.',
    });
  }
  inputs.push({
    key: 'postgres-connections',
    alert: 'PostgresConnectionsNearMax',
    expr: `(max(sum by (pod) (cnpg_backends_total${s}) / max by (pod) (cnpg_pg_settings_setting${selector({ ...matchers, name: 'max_connections' })})) * 100)`,
    matchers,
    threshold: POSTGRES_CONNECTIONS_PERCENT,
    comparison: AlarmComparison.GREATER_THAN,
    range: PERCENT_RANGE,
    forSeconds: POSTGRES_CONNECTIONS_FOR_SECONDS,
    severity: 'warning',
    description: 'An instance uses most of max_connections: new sessions will be refused. Pool connections (PgBouncer) or find the leak.',
  }, {
    key: 'postgres-disk-usage',
    alert: 'PostgresDiskUsageHigh',
    expr: disk.expr,
    matchers: disk.matchers,
    threshold: POSTGRES_DISK_USAGE_PERCENT,
    comparison: AlarmComparison.GREATER_THAN,
    range: PERCENT_RANGE,
    forSeconds: DISK_USAGE_FOR_SECONDS,
    severity: 'warning',
    description: 'An instance volume is filling up (data or WAL): grow the storage or check WAL archiving and replication slots.',
  });
  return inputs;
}

/**
 * PostgreSQL run by CloudNativePG, found as the `Cluster` objects of a CustomResources release: the
 * warehouse, the PostgreSQL CDC sources and the lake's metastore database. The alerts belong to the
 * construct owning the release. No PodMonitor is added for a cluster that already has one (a
 * warehouse with `WarehouseMonitoring.podMonitor()`).
 */
export function postgresqlCatalog(node: IConstruct): PrometheusCatalogResult {
  if (!(node instanceof CustomResources)) return NO_RESULT;
  const clusters = node.resources.filter((r) => r.apiVersion === CNPG_API_VERSION && r.kind === 'Cluster');
  if (clusters.length === 0) return NO_RESULT;
  const owner = node.node.scope ?? node;
  const namespace = KubernetesPlatform.ofKubernetes(node).namespace;
  return {
    alerts: clusters.flatMap((c) => alertsOf(owner, c.metadata.name, POSTGRESQL_RULE_GROUP, clusterAlerts(c, namespace))),
    scrapeTargets: clusters.filter((c) => !hasOwnPodMonitor(owner, c.metadata.name)).map((c) => podMonitor(c, namespace, owner)),
  };
}
