/*
 * Default thresholds, periods and evaluation periods of the CloudWatch alarm catalog. Thresholds are
 * in the unit of the watched metric; every one can be changed per resource with
 * `overrideAlarm({ scope, alarm, threshold })`.
 */

// ---- Shared ------------------------------------------------------------------------------------

/** Period of alarms on failure events (EventBridge rule TriggeredRules), seconds: one minute, so a failure pages at once. */
export const EVENT_ALARM_PERIOD_SECONDS = 60;
/** Evaluation periods of event alarms: one event is enough (a failed task or crawler does not heal by itself). */
export const EVENT_ALARM_EVALUATION_PERIODS = 1;
/** Matched events per period that fire an event alarm: any. */
export const EVENT_ALARM_THRESHOLD = 1;

// ---- Kinesis Data Streams ----------------------------------------------------------------------

/** Age of the oldest record a consumer reads, ms: a minute behind for five minutes means a stuck or under-sized consumer, long before retention drops data. */
export const KINESIS_ITERATOR_AGE_THRESHOLD_MS = 60_000;
/** Period of the iterator-age alarm, seconds (Kinesis publishes it every minute). */
export const KINESIS_ITERATOR_AGE_PERIOD_SECONDS = 60;
/** Evaluation periods of the iterator-age alarm: five minutes, so a retried batch (bisect on error) does not page. */
export const KINESIS_ITERATOR_AGE_EVALUATION_PERIODS = 5;
/** Fraction of GetRecords or PutRecord(s) calls throttled (Average of the throughput-exceeded metrics): 1 %, above the odd throttle of two consumers polling one shard. */
export const KINESIS_THROTTLED_FRACTION_THRESHOLD = 0.01;
/** Records rejected by internal failures in PutRecords per period: AWS expects occasional ones (producers retry), so only sustained failures fire. */
export const KINESIS_PUT_RECORDS_FAILED_THRESHOLD = 0;
/** Period of the Kinesis throttling and failed-records alarms, seconds: five minutes smooth bursts. */
export const KINESIS_ERROR_PERIOD_SECONDS = 300;
/** Evaluation periods of the Kinesis throttling and failed-records alarms: fifteen minutes of it means the stream needs capacity. */
export const KINESIS_ERROR_EVALUATION_PERIODS = 3;

// ---- Amazon Data Firehose ----------------------------------------------------------------------

/** Age of the oldest undelivered record, seconds: AWS recommends alarming past the longest buffer interval (15 minutes). */
export const FIREHOSE_DATA_FRESHNESS_THRESHOLD_SECONDS = 900;
/** Margin over a delivery stream's own buffer interval, seconds: with a long buffer the freshness threshold is interval + 10 minutes, never below the default. */
export const FIREHOSE_DATA_FRESHNESS_BUFFER_MARGIN_SECONDS = 600;
/** Buffer interval Firehose uses when a destination sets none, seconds (for the freshness threshold). */
export const FIREHOSE_DEFAULT_BUFFER_INTERVAL_SECONDS = 300;
/** Period of the data-freshness alarms, seconds. */
export const FIREHOSE_DATA_FRESHNESS_PERIOD_SECONDS = 300;
/** Evaluation periods of the data-freshness alarms: the threshold already includes the buffer, one period over it is a stall. */
export const FIREHOSE_DATA_FRESHNESS_EVALUATION_PERIODS = 1;
/** Ratio of successful deliveries (DeliveryTo*.Success, Average) below which the alarm fires: any failure, sustained (Firehose retries single ones). */
export const FIREHOSE_DELIVERY_SUCCESS_THRESHOLD = 1;
/** Period of the delivery-success alarms, seconds. */
export const FIREHOSE_DELIVERY_SUCCESS_PERIOD_SECONDS = 300;
/** Evaluation periods of the delivery-success alarms: fifteen minutes of failed puts or COPYs is a broken destination, not a blip. */
export const FIREHOSE_DELIVERY_SUCCESS_EVALUATION_PERIODS = 3;
/** Throttled records (direct PUT) or throttled GetRecords calls (Kinesis source) per period above which the alarm fires: any, sustained. */
export const FIREHOSE_THROTTLING_THRESHOLD = 0;
/** Period of the Firehose throttling alarms, seconds. */
export const FIREHOSE_THROTTLING_PERIOD_SECONDS = 300;
/** Evaluation periods of the Firehose throttling alarms: two periods, so a burst absorbed by producer retries does not page. */
export const FIREHOSE_THROTTLING_EVALUATION_PERIODS = 2;

// ---- AWS Lambda (stream transform) and its dead-letter queue -----------------------------------

/** Function errors per period above which the alarm fires: any, sustained (a failed batch is retried and bisected first). */
export const LAMBDA_ERRORS_THRESHOLD = 0;
/** Throttled invocations per period above which the alarm fires: any, sustained (the reserved concurrency is too low for the shards). */
export const LAMBDA_THROTTLES_THRESHOLD = 0;
/** Period of the Lambda errors and throttles alarms, seconds. */
export const LAMBDA_ERROR_PERIOD_SECONDS = 300;
/** Evaluation periods of the Lambda errors and throttles alarms: fifteen minutes means a poison record or a broken destination. */
export const LAMBDA_ERROR_EVALUATION_PERIODS = 3;
/** Age of the last record of a batch when the function received it, ms: the transform is a minute behind the stream (lowered to half the record age limit when that is shorter). */
export const LAMBDA_ITERATOR_AGE_THRESHOLD_MS = 60_000;
/** Period of the Lambda iterator-age alarm, seconds. */
export const LAMBDA_ITERATOR_AGE_PERIOD_SECONDS = 60;
/** Evaluation periods of the Lambda iterator-age alarm: five minutes behind. */
export const LAMBDA_ITERATOR_AGE_EVALUATION_PERIODS = 5;
/** Messages in the dead-letter queue that fire the alarm: one, since each is a batch of records the pipeline gave up on. */
export const DLQ_DEPTH_THRESHOLD = 1;
/** Period of the dead-letter queue alarm, seconds (SQS publishes queue depth every few minutes). */
export const DLQ_DEPTH_PERIOD_SECONDS = 300;
/** Evaluation periods of the dead-letter queue alarm: the first message pages. */
export const DLQ_DEPTH_EVALUATION_PERIODS = 1;

// ---- Amazon MSK --------------------------------------------------------------------------------

/** Offline partitions above which the alarm fires: any, since an offline partition can be neither written nor read. */
export const MSK_OFFLINE_PARTITIONS_THRESHOLD = 0;
/** Period of the offline-partitions alarm, seconds. */
export const MSK_OFFLINE_PARTITIONS_PERIOD_SECONDS = 60;
/** Evaluation periods of the offline-partitions alarm: one minute (an outage). */
export const MSK_OFFLINE_PARTITIONS_EVALUATION_PERIODS = 1;
/** Active controllers below which the alarm fires (Maximum over the brokers): a cluster must always have one. */
export const MSK_ACTIVE_CONTROLLER_THRESHOLD = 1;
/** Period of the active-controller alarm, seconds. */
export const MSK_ACTIVE_CONTROLLER_PERIOD_SECONDS = 60;
/** Evaluation periods of the active-controller alarm: five minutes, longer than a controller election. */
export const MSK_ACTIVE_CONTROLLER_EVALUATION_PERIODS = 5;
/** Under-replicated partitions (worst broker) above which the alarm fires: any, sustained. */
export const MSK_UNDER_REPLICATED_PARTITIONS_THRESHOLD = 0;
/** Period of the under-replicated-partitions alarm, seconds. */
export const MSK_UNDER_REPLICATED_PARTITIONS_PERIOD_SECONDS = 300;
/** Evaluation periods of the under-replicated-partitions alarm: fifteen minutes, longer than a broker restart of a rolling patch. */
export const MSK_UNDER_REPLICATED_PARTITIONS_EVALUATION_PERIODS = 3;
/** Data disk used on the fullest broker, percent: AWS's recommended alarm level, leaving time to expand storage before a broker stops. */
export const MSK_DATA_LOGS_DISK_USED_THRESHOLD_PERCENT = 85;
/** Period of the data-disk alarm, seconds. */
export const MSK_DATA_LOGS_DISK_USED_PERIOD_SECONDS = 300;
/** Evaluation periods of the data-disk alarm: ten minutes (disk use moves slowly; log segment deletion can lower it). */
export const MSK_DATA_LOGS_DISK_USED_EVALUATION_PERIODS = 2;
/** Messages a consumer group is behind on its worst partition of the topic: ten thousand, a stuck or under-sized consumer for most topics (raise it for high-volume topics). */
export const MSK_CONSUMER_OFFSET_LAG_THRESHOLD = 10_000;
/** Period of the consumer offset-lag alarm, seconds. */
export const MSK_CONSUMER_OFFSET_LAG_PERIOD_SECONDS = 300;
/** Evaluation periods of the consumer offset-lag alarm: fifteen minutes, so a rebalance or a burst does not page. */
export const MSK_CONSUMER_OFFSET_LAG_EVALUATION_PERIODS = 3;
/** Seconds a consumer group needs to drain its lag (EstimatedMaxTimeLag, provisioned clusters): five minutes, independent of the topic's volume. */
export const MSK_CONSUMER_TIME_LAG_THRESHOLD_SECONDS = 300;
/** Period of the consumer time-lag alarm, seconds. */
export const MSK_CONSUMER_TIME_LAG_PERIOD_SECONDS = 60;
/** Evaluation periods of the consumer time-lag alarm: five minutes. */
export const MSK_CONSUMER_TIME_LAG_EVALUATION_PERIODS = 5;

// ---- Amazon Redshift ---------------------------------------------------------------------------

/** Disk space used, percent: Redshift needs free space for sorts, vacuums and intermediate results; past 80 % queries start failing on large joins. */
export const REDSHIFT_DISK_USED_THRESHOLD_PERCENT = 80;
/** Period of the disk alarm, seconds. */
export const REDSHIFT_DISK_USED_PERIOD_SECONDS = 300;
/** Evaluation periods of the disk alarm: ten minutes (a large load's temporary space shrinks again). */
export const REDSHIFT_DISK_USED_EVALUATION_PERIODS = 2;
/** CPU utilization, percent (Average over the nodes): loads and vacuums peak, fifteen minutes above 90 % means queries queue. */
export const REDSHIFT_CPU_THRESHOLD_PERCENT = 90;
/** Period of the CPU alarm, seconds. */
export const REDSHIFT_CPU_PERIOD_SECONDS = 300;
/** Evaluation periods of the CPU alarm: fifteen minutes. */
export const REDSHIFT_CPU_EVALUATION_PERIODS = 3;
/** HealthStatus below which the alarm fires (1 healthy, 0 unhealthy); missing data counts as unhealthy. */
export const REDSHIFT_HEALTH_THRESHOLD = 1;
/** Period of the health alarm, seconds (Redshift checks every minute). */
export const REDSHIFT_HEALTH_PERIOD_SECONDS = 60;
/** Evaluation periods of the health alarm: five minutes, so a single failed health query under load does not page. */
export const REDSHIFT_HEALTH_EVALUATION_PERIODS = 5;
/** Average duration of completed queries, microseconds (the metric's unit): 30 minutes, far beyond a pipeline's loads and dashboards. */
export const REDSHIFT_LONG_QUERY_THRESHOLD_MICROSECONDS = 1_800_000_000;
/** Period of the long-query alarm, seconds (Redshift reports query durations every five minutes). */
export const REDSHIFT_LONG_QUERY_PERIOD_SECONDS = 300;
/** Evaluation periods of the long-query alarm: one report. */
export const REDSHIFT_LONG_QUERY_EVALUATION_PERIODS = 1;
/** Period of the Serverless capacity alarm (ComputeCapacity at the workgroup's max RPUs), seconds. */
export const REDSHIFT_COMPUTE_CAPACITY_PERIOD_SECONDS = 300;
/** Evaluation periods of the Serverless capacity alarm: fifteen minutes at the cost ceiling means queries wait for capacity. */
export const REDSHIFT_COMPUTE_CAPACITY_EVALUATION_PERIODS = 3;

// ---- Source databases: Amazon RDS and Amazon DocumentDB ------------------------------------------

/** CPU utilization of a source database, percent: fifteen minutes above 90 % slows the application and the change capture reading its log. */
export const SOURCE_DB_CPU_THRESHOLD_PERCENT = 90;
/** Period of the source database CPU alarms, seconds. */
export const SOURCE_DB_CPU_PERIOD_SECONDS = 300;
/** Evaluation periods of the source database CPU alarms: fifteen minutes. */
export const SOURCE_DB_CPU_EVALUATION_PERIODS = 3;
/**
 * Free storage below which the RDS alarm fires, as a fraction of the storage allocated at creation:
 * storage autoscaling grows the volume when less than 10 % of the current size is free, so this fires
 * only when autoscaling could not keep up (its six-hour cooldown) or reached its ceiling.
 */
export const RDS_FREE_STORAGE_THRESHOLD_FRACTION = 0.1;
/** Free storage threshold when the allocated storage is a token (unknown at synth), GiB. */
export const RDS_FREE_STORAGE_FALLBACK_THRESHOLD_GIB = 10;
/** Period of the free-storage alarm, seconds. */
export const RDS_FREE_STORAGE_PERIOD_SECONDS = 300;
/** Evaluation periods of the free-storage alarm: ten minutes. */
export const RDS_FREE_STORAGE_EVALUATION_PERIODS = 2;
/**
 * Log held back for change capture, as a fraction of the storage allocated at creation: the WAL a
 * logical replication slot retains (PostgreSQL, OldestReplicationSlotLag) or the binary logs kept
 * (MySQL, BinLogDiskUsage). A stopped or slow capture task makes it grow until the disk is full, which
 * stops the source database itself.
 */
export const RDS_CAPTURE_LOG_THRESHOLD_FRACTION = 0.2;
/** Capture-log threshold when the allocated storage is a token (unknown at synth), GiB. */
export const RDS_CAPTURE_LOG_FALLBACK_THRESHOLD_GIB = 20;
/** Period of the capture-log alarm, seconds. */
export const RDS_CAPTURE_LOG_PERIOD_SECONDS = 300;
/** Evaluation periods of the capture-log alarm: fifteen minutes, so a large transaction being read does not page. */
export const RDS_CAPTURE_LOG_EVALUATION_PERIODS = 3;
