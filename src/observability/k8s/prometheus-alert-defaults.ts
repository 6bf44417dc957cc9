import { ResourceRequirements } from '../../platform/k8s/resources';

/**
 * Default thresholds, durations, retention and sizes of the Kubernetes observability stack. Every
 * value says why it is what it is; code, tests and the README tables all read these constants.
 */

// --- Prometheus, Alertmanager, Grafana ---------------------------------------------------------

/**
 * Days Prometheus keeps samples: two weeks covers a weekly pattern plus the week before it, enough
 * to compare an incident with "normal"; longer history belongs in a remote store.
 */
export const DEFAULT_PROMETHEUS_RETENTION_DAYS = 15;
/**
 * Size of Prometheus's volume, GiB: a pipeline stack's few thousand series at a 30 s interval take
 * about 1-2 GiB a day compressed, so 15 days fit with room for growth and WAL replay.
 */
export const DEFAULT_PROMETHEUS_STORAGE_GI = 50;
/**
 * Share of the volume Prometheus may fill before it deletes the oldest blocks (`retentionSize`),
 * so a sample burst shortens history instead of filling the disk and stopping ingestion.
 */
export const PROMETHEUS_RETENTION_SIZE_PERCENT = 85;
/** Size of Alertmanager's volume, GiB: silences and the notification log only. */
export const DEFAULT_ALERTMANAGER_STORAGE_GI = 2;
/** Hours Alertmanager keeps silences and notification state (its `retention`): one week. */
export const ALERTMANAGER_RETENTION_HOURS = 168;
/** Seconds between scrapes (and rule evaluations): the rules' shortest `for` holds four evaluations. */
export const PROMETHEUS_SCRAPE_INTERVAL_SECONDS = 30;

/** CPU and memory of Prometheus: a few thousand series need well under a gigabyte; queries need headroom. */
export const DEFAULT_PROMETHEUS_RESOURCES: ResourceRequirements = { cpuRequest: '500m', memoryRequest: '2Gi', memoryLimit: '4Gi' };
/** CPU and memory of Alertmanager. */
export const DEFAULT_ALERTMANAGER_RESOURCES: ResourceRequirements = { cpuRequest: '50m', memoryRequest: '128Mi', memoryLimit: '256Mi' };
/** CPU and memory of the monitoring Grafana (dashboards from code, no plugins). */
export const DEFAULT_MONITORING_GRAFANA_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '256Mi', memoryLimit: '512Mi' };
/** CPU and memory of the Prometheus Operator. */
export const DEFAULT_PROMETHEUS_OPERATOR_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '128Mi', memoryLimit: '256Mi' };
/** CPU and memory of kube-state-metrics (one namespace's objects). */
export const DEFAULT_KUBE_STATE_METRICS_RESOURCES: ResourceRequirements = { cpuRequest: '50m', memoryRequest: '128Mi', memoryLimit: '256Mi' };

// --- Alertmanager routing ---------------------------------------------------------------------

/** Labels alerts are grouped by into one notification: the same alert of the same resource. */
export const DEFAULT_ALERT_GROUP_BY: string[] = ['alertname', 'namespace', 'resource'];
/** Minutes before a critical alert is notified again while it fires: someone should be on it within the hour. */
export const CRITICAL_REPEAT_INTERVAL_MINUTES = 60;
/** Minutes before a warning is notified again while it fires: twice a working day. */
export const WARNING_REPEAT_INTERVAL_MINUTES = 720;
/** Key of the webhook URL in its Secret. */
export const DEFAULT_ALERT_WEBHOOK_SECRET_KEY = 'url';
/** Port the webhook receiver listens on (HTTPS). */
export const DEFAULT_ALERT_WEBHOOK_PORT = 443;

// --- Kafka (Strimzi) --------------------------------------------------------------------------

/**
 * Messages a consumer group may lag behind on one topic: at a few thousand messages a second this is
 * seconds of delay; a group stuck above it for `KAFKA_CONSUMER_LAG_FOR_SECONDS` is not catching up.
 */
export const KAFKA_CONSUMER_LAG_THRESHOLD = 10_000;
/** Seconds the lag must stay above the threshold (ten minutes: longer than a rebalance or a restart). */
export const KAFKA_CONSUMER_LAG_FOR_SECONDS = 600;
/** Under-replicated partitions tolerated: none (replication 3 and min ISR 2 leave one replica of slack). */
export const KAFKA_UNDER_REPLICATED_THRESHOLD = 0;
/** Seconds partitions may stay under-replicated: five minutes covers a rolling restart of one broker. */
export const KAFKA_UNDER_REPLICATED_FOR_SECONDS = 300;
/** Partitions under min ISR tolerated: none (producers with acks=all fail on them). */
export const KAFKA_UNDER_MIN_ISR_THRESHOLD = 0;
/** Seconds partitions may stay under min ISR before paging. */
export const KAFKA_UNDER_MIN_ISR_FOR_SECONDS = 60;
/** Offline partitions tolerated: none (no leader: reads and writes fail). */
export const KAFKA_OFFLINE_PARTITIONS_THRESHOLD = 0;
/** Seconds partitions may stay offline before paging. */
export const KAFKA_OFFLINE_PARTITIONS_FOR_SECONDS = 60;
/** Active KRaft controllers needed: exactly one; fewer than this means no controller. */
export const KAFKA_ACTIVE_CONTROLLER_MIN = 1;
/** Seconds without an active controller before paging (an election takes seconds). */
export const KAFKA_ACTIVE_CONTROLLER_FOR_SECONDS = 60;
/** Seconds a broker or controller may be down (not scraped) before paging: a pod restart takes about two minutes. */
export const KAFKA_NODE_DOWN_FOR_SECONDS = 300;
/** Percent of a broker's volume in use that warns: time to add storage or shorten retention. */
export const KAFKA_DISK_USAGE_PERCENT = 80;

// --- Kafka Connect ----------------------------------------------------------------------------

/** Failed connector tasks tolerated: none (a failed task stops its share of the data until restarted). */
export const KAFKA_CONNECT_FAILED_TASKS_THRESHOLD = 0;
/** Failed connectors tolerated: none. */
export const KAFKA_CONNECT_FAILED_CONNECTORS_THRESHOLD = 0;
/** Seconds a task or connector may stay failed: Strimzi's auto-restart retries within this window first. */
export const KAFKA_CONNECT_FAILED_FOR_SECONDS = 300;
/** Seconds Connect workers may be down before paging. */
export const KAFKA_CONNECT_WORKERS_DOWN_FOR_SECONDS = 300;

// --- PostgreSQL (CloudNativePG) ---------------------------------------------------------------

/** Seconds instances may be down (metrics exporter not up) before paging: a failover completes in under a minute. */
export const POSTGRES_INSTANCES_DOWN_FOR_SECONDS = 300;
/** Seconds of replay lag of a standby that warn: reads from `-ro` are that stale and a failover loses no data but waits. */
export const POSTGRES_REPLICATION_LAG_SECONDS = 30;
/** Seconds the replication lag must last. */
export const POSTGRES_REPLICATION_LAG_FOR_SECONDS = 300;
/** Seconds fewer standbys than expected may stream before warning. */
export const POSTGRES_REPLICAS_NOT_STREAMING_FOR_SECONDS = 300;
/**
 * Hours since the last successful base backup that warn: the daily schedule plus a margin for a
 * slow backup (a missed night is the signal).
 */
export const POSTGRES_BACKUP_AGE_HOURS = 30;
/** Seconds a failed base backup (newer than the last good one) or an old backup must last before warning. */
export const POSTGRES_BACKUP_FOR_SECONDS = 600;
/** Seconds connections must stay near the maximum before warning. */
export const POSTGRES_CONNECTIONS_FOR_SECONDS = 300;
/** Seconds the newest WAL archiving attempt may stay failed: WAL piles up on the volume meanwhile. */
export const POSTGRES_WAL_ARCHIVING_FOR_SECONDS = 600;
/** Percent of `max_connections` in use that warns: new sessions are refused at 100. */
export const POSTGRES_CONNECTIONS_PERCENT = 80;
/** Percent of an instance's volume in use that warns: PostgreSQL stops when the volume is full. */
export const POSTGRES_DISK_USAGE_PERCENT = 80;

// --- CDC source databases without a metrics exporter (kube-state-metrics and kubelet) ----------

/** Seconds a source database's pods may be unready before paging: CDC stops while they are. */
export const SOURCE_DATABASE_DOWN_FOR_SECONDS = 300;
/** Percent of a source database's volume in use that warns (binary logs and the oplog grow with change volume). */
export const SOURCE_DATABASE_DISK_USAGE_PERCENT = 80;

/** Seconds a disk usage condition must last (volume stats come every kubelet scrape). */
export const DISK_USAGE_FOR_SECONDS = 300;
