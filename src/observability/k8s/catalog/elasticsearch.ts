import { IConstruct } from 'constructs';
import { PrometheusCatalogResult, ScrapeTargetSpec } from './prometheus-alert-spec';
import { AlertInput, alertsOf, COUNT_RANGE, NO_RESULT, selector } from './promql';
import {
  DEFAULT_ELASTICSEARCH_DISK_FREE_PERCENT, DEFAULT_ELASTICSEARCH_JVM_HEAP_USED_PERCENT, DEFAULT_ELASTICSEARCH_PENDING_TASKS,
  DEFAULT_ELASTICSEARCH_UNASSIGNED_SHARDS, ELASTICSEARCH_ALERT_FOR_SECONDS, ELASTICSEARCH_EXPORTER_DOWN_FOR_SECONDS, ELASTICSEARCH_RED_FOR_SECONDS,
  ELASTICSEARCH_YELLOW_FOR_SECONDS,
} from '../../../search/k8s/elasticsearch-alert-defaults';
import { ElasticsearchSearchCluster } from '../../../search/k8s/elasticsearch-search-cluster';
import { AlarmComparison } from '../../alarm-contract';

/** Rule group of every Elasticsearch alert. @internal */
export const ELASTICSEARCH_ALERT_GROUP = 'elasticsearch';
/** How often Prometheus scrapes the exporter (each scrape queries the cluster). @internal */
export const ELASTICSEARCH_SCRAPE_INTERVAL = '30s';

/**
 * Alerts and the scrape target of an ElasticsearchSearchCluster, from the metrics of its
 * elasticsearch_exporter (v1.11): `elasticsearch_cluster_health_status{cluster,color}`,
 * `elasticsearch_cluster_health_unassigned_shards` and `..._number_of_pending_tasks{cluster}`,
 * `elasticsearch_filesystem_data_available_bytes` / `..._size_bytes` and
 * `elasticsearch_jvm_memory_used_bytes` / `..._max_bytes{area="heap"}` per node. The exporter sets
 * `cluster` (the cluster name); the ServiceMonitor adds `namespace` and `service`, which pin each
 * expression to this cluster's exporter. `up` of that target watches the exporter itself.
 * @internal
 */
export function elasticsearchCatalog(node: IConstruct): PrometheusCatalogResult {
  if (!(node instanceof ElasticsearchSearchCluster)) return NO_RESULT;
  const target = { namespace: node.namespace, service: node.exporterName };
  const matchers = { ...target, cluster: node.clusterName };
  const m = (extra: Record<string, string> = {}) => selector({ ...matchers, ...extra });
  const status = (color: string) => `max(elasticsearch_cluster_health_status${m({ color })})`;
  const inputs: AlertInput[] = [
    {
      key: 'elasticsearch-cluster-red',
      alert: 'ElasticsearchClusterRed',
      expr: status('red'),
      matchers,
      threshold: 1,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      range: { min: 1, max: 1, integer: true, unit: 'status (1 = red)' },
      forSeconds: ELASTICSEARCH_RED_FOR_SECONDS,
      severity: 'critical',
      description: 'At least one primary shard is unassigned: some data cannot be searched or written. Check GET _cluster/allocation/explain and the nodes\' disk and pods.',
    },
    {
      key: 'elasticsearch-cluster-yellow',
      alert: 'ElasticsearchClusterYellow',
      expr: status('yellow'),
      matchers,
      threshold: 1,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      range: { min: 1, max: 1, integer: true, unit: 'status (1 = yellow)' },
      forSeconds: ELASTICSEARCH_YELLOW_FOR_SECONDS,
      severity: 'warning',
      description: 'Replica shards are unassigned for longer than a restart takes: one more node loss can lose data. Check node count, disk watermarks and GET _cluster/allocation/explain.',
    },
    {
      key: 'elasticsearch-disk-free-low',
      alert: 'ElasticsearchDiskFreeLow',
      expr: `min(elasticsearch_filesystem_data_available_bytes${m()} / elasticsearch_filesystem_data_size_bytes${m()}) * 100`,
      matchers,
      threshold: DEFAULT_ELASTICSEARCH_DISK_FREE_PERCENT,
      comparison: AlarmComparison.LESS_THAN,
      range: { min: 1, max: 50, unit: '%' },
      forSeconds: ELASTICSEARCH_ALERT_FOR_SECONDS,
      severity: 'warning',
      description: 'The fullest node is past the low disk watermark: no new shards go to it; at 10% free shards move away and at 5% indices turn read-only. Grow storageSizeGiB or delete old indices.',
    },
    {
      key: 'elasticsearch-jvm-heap-high',
      alert: 'ElasticsearchJvmHeapHigh',
      expr: `max(elasticsearch_jvm_memory_used_bytes${m({ area: 'heap' })} / elasticsearch_jvm_memory_max_bytes${m({ area: 'heap' })}) * 100`,
      matchers,
      threshold: DEFAULT_ELASTICSEARCH_JVM_HEAP_USED_PERCENT,
      comparison: AlarmComparison.GREATER_THAN,
      range: { min: 50, max: 99, unit: '%' },
      forSeconds: ELASTICSEARCH_ALERT_FOR_SECONDS,
      severity: 'warning',
      description: 'A node\'s JVM heap stays nearly full: long garbage collections and circuit breaker errors follow. Raise the nodes\' memory (heap is half the limit) or reduce shards and heavy aggregations.',
    },
    {
      key: 'elasticsearch-unassigned-shards',
      alert: 'ElasticsearchUnassignedShards',
      expr: `max(elasticsearch_cluster_health_unassigned_shards${m()})`,
      matchers,
      threshold: DEFAULT_ELASTICSEARCH_UNASSIGNED_SHARDS,
      comparison: AlarmComparison.GREATER_THAN,
      range: COUNT_RANGE,
      forSeconds: ELASTICSEARCH_ALERT_FOR_SECONDS,
      severity: 'warning',
      description: 'Shards stay unassigned: replicas (or primaries) have no node to live on. Check GET _cluster/allocation/explain, disk watermarks and node count against index replicas.',
    },
    {
      key: 'elasticsearch-pending-tasks',
      alert: 'ElasticsearchPendingTasks',
      expr: `max(elasticsearch_cluster_health_number_of_pending_tasks${m()})`,
      matchers,
      threshold: DEFAULT_ELASTICSEARCH_PENDING_TASKS,
      comparison: AlarmComparison.GREATER_THAN,
      range: COUNT_RANGE,
      forSeconds: ELASTICSEARCH_ALERT_FOR_SECONDS,
      severity: 'warning',
      description: 'Cluster state updates queue up on the master: mapping explosions, too many shards or an overloaded master. Check GET _cluster/pending_tasks.',
    },
    {
      key: 'elasticsearch-exporter-down',
      alert: 'ElasticsearchExporterDown',
      expr: `(max(up${selector(target)}) or vector(0))`,
      matchers: target,
      threshold: 1,
      comparison: AlarmComparison.LESS_THAN,
      range: { min: 1, max: 1, integer: true, unit: 'up (1 = scraped)' },
      forSeconds: ELASTICSEARCH_EXPORTER_DOWN_FOR_SECONDS,
      severity: 'warning',
      description: 'Prometheus cannot scrape the Elasticsearch exporter: the other Elasticsearch alerts are blind. Check the exporter pod and its NetworkPolicy.',
    },
  ];
  const scrapeTargets: ScrapeTargetSpec[] = [{
    kind: 'ServiceMonitor',
    name: node.exporterName,
    namespace: node.namespace,
    selector: node.exporterLabels,
    endpoints: [{ port: node.exporterPortName, path: '/metrics', interval: ELASTICSEARCH_SCRAPE_INTERVAL }],
    podLabels: node.exporterLabels,
    port: node.exporterPort,
    resource: node,
  }];
  return { alerts: alertsOf(node, node.clusterName, ELASTICSEARCH_ALERT_GROUP, inputs), scrapeTargets };
}
