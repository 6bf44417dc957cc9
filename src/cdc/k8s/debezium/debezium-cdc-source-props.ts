import { ResourceRequirements } from '../../../platform/k8s/resources';
import { CdcSourceBaseProps } from '../../cdc-contract';

/**
 * Kafka Connect replicas of the CDC Connect cluster. Each Debezium connector runs one task; with two
 * replicas Connect moves the task to the other replica when one fails or is drained.
 */
export const DEFAULT_DEBEZIUM_CONNECT_REPLICAS = 2;
/** Most Kafka Connect replicas accepted. */
export const MAX_DEBEZIUM_CONNECT_REPLICAS = 100;
/** CPU and memory of each Kafka Connect replica of the CDC Connect cluster. */
export const DEFAULT_DEBEZIUM_CONNECT_RESOURCES: ResourceRequirements = { cpuRequest: '500m', memoryRequest: '2Gi', memoryLimit: '2Gi' };

/**
 * Tasks of each Debezium connector: MySQL (one binlog reader), PostgreSQL (one replication slot)
 * and MongoDB (one change stream per replica set) each run exactly one task.
 */
export const DEBEZIUM_TASKS_MAX = 1;
/**
 * Milliseconds between heartbeat records (`heartbeat.interval.ms`): they let the connector commit
 * its position while the captured tables are quiet, so PostgreSQL can recycle WAL and a restart
 * does not find its binlog or oplog position purged.
 */
export const DEBEZIUM_HEARTBEAT_INTERVAL_MS = 10_000;
/**
 * `topic.heartbeat.prefix` (Debezium's default, set explicitly): heartbeats go to
 * `__debezium-heartbeat.<topic.prefix>`, a name no captured table's topic can take.
 */
export const DEBEZIUM_HEARTBEAT_TOPIC_PREFIX = '__debezium-heartbeat';
/**
 * `tombstones.on.delete`: off. A delete is one event (`op: "d"`, the row's key and `before`); the
 * StreamingIngest topic is not compacted, so tombstones would only be null records every consumer
 * has to skip.
 */
export const DEBEZIUM_TOMBSTONES_ON_DELETE = false;
/** Suffix of the MySQL schema history topic: `<capture>-schema-history`. */
export const SCHEMA_HISTORY_TOPIC_SUFFIX = 'schema-history';
/** Suffix Debezium gives the schema history consumer group: `<topic.prefix>-schemahistory`. */
export const SCHEMA_HISTORY_GROUP_SUFFIX = 'schemahistory';

/** The Kafka Connect cluster Debezium runs on: one per Kafka cluster, shared by its DebeziumCdcSources. */
export interface DebeziumKafkaConnectOptions {
  /**
   * A Kafka Connect image (Strimzi 1.2.0, Kafka 4.3.1) that already contains the Debezium MySQL,
   * PostgreSQL and MongoDB connector plugins (`DEBEZIUM_MYSQL_CONNECTOR_URL`,
   * `DEBEZIUM_POSTGRES_CONNECTOR_URL`, `DEBEZIUM_MONGODB_CONNECTOR_URL`). Required under Pod
   * Security "restricted".
   * @default - none: set this or `buildOutputImage` on the first DebeziumCdcSource of the Kafka cluster
   */
  readonly image?: string;
  /**
   * Registry image a Strimzi build (Kaniko) pushes the Connect image with the three plugins to.
   * Strimzi's "restricted" pod security provider rejects builds (Kaniko runs as root), so this
   * needs a platform with `podSecurity: PodSecurityLevel.BASELINE`.
   * @default - no build
   */
  readonly buildOutputImage?: string;
  /**
   * Secret (`kubernetes.io/dockerconfigjson`) with credentials to push `buildOutputImage`.
   * @default - none (a registry that accepts anonymous pushes)
   */
  readonly buildPushSecret?: string;
  /**
   * Replicas (1 to 100).
   * @default DEFAULT_DEBEZIUM_CONNECT_REPLICAS (2)
   */
  readonly replicas?: number;
  /**
   * CPU and memory of each replica.
   * @default DEFAULT_DEBEZIUM_CONNECT_RESOURCES
   */
  readonly resources?: ResourceRequirements;
}

/** Props of {@link DebeziumCdcSource}. */
export interface DebeziumCdcSourceProps extends CdcSourceBaseProps {
  /**
   * The Kafka Connect cluster of the target's Kafka cluster. It is created by the first
   * DebeziumCdcSource of that Kafka cluster; later ones may omit this or repeat the same options.
   * @default - none; the first DebeziumCdcSource of a Kafka cluster then fails with a message saying what to set
   */
  readonly kafkaConnect?: DebeziumKafkaConnectOptions;
}
