/**
 * Default thresholds of the Prometheus alerts an observability stack creates for an
 * ElasticsearchSearchCluster (metrics of the Prometheus community's elasticsearch_exporter). Every
 * one can be changed per cluster with `overrideAlarm`.
 */

/**
 * Free disk of the fullest node, percent (`elasticsearch-disk-free-low`, warning). 15% free is
 * Elasticsearch's low disk watermark (85% used): below it no new shards are allocated to the node;
 * at 10% (high watermark) shards move away, at 5% (flood stage) its indices become read-only.
 */
export const DEFAULT_ELASTICSEARCH_DISK_FREE_PERCENT = 15;
/** JVM heap used on the busiest node, percent (`elasticsearch-jvm-heap-high`, warning). */
export const DEFAULT_ELASTICSEARCH_JVM_HEAP_USED_PERCENT = 85;
/** Unassigned shards (`elasticsearch-unassigned-shards`, warning: fires above this count). */
export const DEFAULT_ELASTICSEARCH_UNASSIGNED_SHARDS = 0;
/** Pending cluster state tasks (`elasticsearch-pending-tasks`, warning: fires above this count). */
export const DEFAULT_ELASTICSEARCH_PENDING_TASKS = 10;
/** Seconds the cluster may be red before `elasticsearch-cluster-red` (critical) fires. */
export const ELASTICSEARCH_RED_FOR_SECONDS = 300;
/**
 * Seconds the cluster may be yellow before `elasticsearch-cluster-yellow` (warning) fires: a
 * rolling restart or a node replacement is yellow for a few minutes while replicas recover.
 */
export const ELASTICSEARCH_YELLOW_FOR_SECONDS = 1800;
/** Seconds the disk, heap, shard and task conditions must hold before their alerts fire. */
export const ELASTICSEARCH_ALERT_FOR_SECONDS = 900;
/** Seconds the exporter may be unreachable before `elasticsearch-exporter-down` (warning) fires. */
export const ELASTICSEARCH_EXPORTER_DOWN_FOR_SECONDS = 300;
