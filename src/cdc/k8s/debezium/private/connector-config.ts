import { mysqlServerId, postgresSlotName } from './capture-names';
import { debeziumIncludeList } from './include-list';
import { DEBEZIUM_TOPIC_ROUTER_CLASS } from '../../../../platform/k8s/cdc-versions';
import { connectSecretRef } from '../../../../streaming/k8s/connect/connect-access';
import { KafkaAuthentication } from '../../../../streaming/k8s/kafka-cluster-options';
import { CdcMode, SourceEngine } from '../../../cdc-contract';
import { TablePattern } from '../../../table-pattern';
import {
  DEBEZIUM_HEARTBEAT_INTERVAL_MS, DEBEZIUM_HEARTBEAT_TOPIC_PREFIX, DEBEZIUM_TOMBSTONES_ON_DELETE,
} from '../debezium-cdc-source-props';

/** Kafka Connect's JSON converter (keys and values carry their schema: `{"schema": ..., "payload": ...}`). */
export const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';

/**
 * `snapshot.mode` per capture mode; Debezium 3.x uses the same values for MySQL, PostgreSQL and
 * MongoDB (`never` and `schema_only` are gone; `no_data` still records the schema, which MySQL's
 * schema history needs).
 */
export const DEBEZIUM_SNAPSHOT_MODES: Record<CdcMode, string> = {
  [CdcMode.SNAPSHOT_THEN_STREAM]: 'initial',
  [CdcMode.STREAM_ONLY]: 'no_data',
};

/** How the Kafka clients of a connector (MySQL's schema history) reach the cluster, as the Connect user. @internal */
export interface KafkaClientInput {
  readonly bootstrapServers: string;
  readonly authentication: KafkaAuthentication;
  /** Secret of the Connect cluster's KafkaUser (Strimzi: `user.crt`/`user.key`, or `sasl.jaas.config`). */
  readonly userSecret: string;
  /** Secret of the cluster CA certificate (`ca.crt`). */
  readonly clusterCaSecret: string;
}

/** What one Debezium connector's configuration is made of. @internal */
export interface ConnectorConfigInput {
  readonly engine: SourceEngine;
  readonly namespace: string;
  /** The capture name: `topic.prefix`, and the base of the slot, server id and topics. */
  readonly captureName: string;
  readonly host: string;
  readonly port: number;
  readonly databaseName: string;
  readonly tlsRequired: boolean;
  /** Secret (`username`, `password`) of the CDC user, read through Strimzi's KubernetesSecretConfigProvider. */
  readonly credentialSecret: string;
  readonly include: readonly TablePattern[];
  readonly exclude: readonly TablePattern[];
  readonly mode: CdcMode;
  /** The StreamingIngest topic every change goes to. */
  readonly topicName: string;
  /** MySQL: the schema history topic. */
  readonly schemaHistoryTopic: string;
  /**
   * PostgreSQL: a publication the database already has (a PostgresSourceDatabase's), used as it is
   * (`publication.autocreate.mode: disabled`); otherwise the connector creates its own.
   */
  readonly existingPublication?: string;
  /** PostgreSQL: create the slot as a failover slot (synchronized to standbys, PostgreSQL 17+). */
  readonly slotFailover?: boolean;
  readonly kafka: KafkaClientInput;
}

/**
 * Security settings of a Kafka client authenticating as the Connect user, under `prefix`: TLS with
 * the cluster CA as a PEM truststore, and the user's PEM certificate and key (mTLS) or its JAAS
 * line (SCRAM-SHA-512), all read from Strimzi's Secrets by the config provider.
 * @internal
 */
export function kafkaClientSecurity(prefix: string, namespace: string, kafka: KafkaClientInput): Record<string, string> {
  const user = (key: string) => connectSecretRef(namespace, kafka.userSecret, key);
  const trust = { 'ssl.truststore.type': 'PEM', 'ssl.truststore.certificates': connectSecretRef(namespace, kafka.clusterCaSecret, 'ca.crt') };
  const settings: Record<string, string> = kafka.authentication === KafkaAuthentication.TLS
    ? {
      'security.protocol': 'SSL',
      ...trust,
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.certificate.chain': user('user.crt'),
      'ssl.keystore.key': user('user.key'),
    }
    : {
      'security.protocol': 'SASL_SSL',
      ...trust,
      'sasl.mechanism': 'SCRAM-SHA-512',
      'sasl.jaas.config': user('sasl.jaas.config'),
    };
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [`${prefix}${k}`, v]));
}

/**
 * Settings of every engine: the topic prefix, snapshot mode, heartbeats, no tombstones, JSON with
 * schemas, and the routing of every captured table's events into the one StreamingIngest topic.
 *
 * Routing: Debezium names a table's topic `<topic.prefix>.<schema or database>.<table>`;
 * ByLogicalTableRouter rewrites every such name (`topic.regex` `<prefix>\..+`, which the heartbeat
 * topic `__debezium-heartbeat.<prefix>` never matches) to the StreamingIngest topic, and with
 * `key.enforce.uniqueness` adds the original topic (so the table) to the key as
 * `__dbz__physicalTableIdentifier`. Records of one row of one table have one key, so one partition:
 * their order holds. The tables' events differ in structure; each carries its own schema.
 */
function commonConfig(input: ConnectorConfigInput): Record<string, any> {
  return {
    'topic.prefix': input.captureName,
    'snapshot.mode': DEBEZIUM_SNAPSHOT_MODES[input.mode],
    'tombstones.on.delete': DEBEZIUM_TOMBSTONES_ON_DELETE,
    'heartbeat.interval.ms': DEBEZIUM_HEARTBEAT_INTERVAL_MS,
    'topic.heartbeat.prefix': DEBEZIUM_HEARTBEAT_TOPIC_PREFIX,
    'key.converter': JSON_CONVERTER,
    'key.converter.schemas.enable': true,
    'value.converter': JSON_CONVERTER,
    'value.converter.schemas.enable': true,
    'transforms': 'route',
    'transforms.route.type': DEBEZIUM_TOPIC_ROUTER_CLASS,
    'transforms.route.topic.regex': `${input.captureName}\\..+`,
    'transforms.route.topic.replacement': input.topicName,
    'transforms.route.key.enforce.uniqueness': true,
  };
}

function mysqlConfig(input: ConnectorConfigInput, secret: (key: string) => string): Record<string, any> {
  return {
    'database.hostname': input.host,
    'database.port': input.port,
    'database.user': secret('username'),
    'database.password': secret('password'),
    'database.server.id': mysqlServerId(input.captureName),
    'database.ssl.mode': input.tlsRequired ? 'required' : 'preferred',
    'table.include.list': debeziumIncludeList(input.include, input.exclude),
    'include.schema.changes': false,
    'schema.history.internal.kafka.topic': input.schemaHistoryTopic,
    'schema.history.internal.kafka.bootstrap.servers': input.kafka.bootstrapServers,
    ...kafkaClientSecurity('schema.history.internal.producer.', input.namespace, input.kafka),
    ...kafkaClientSecurity('schema.history.internal.consumer.', input.namespace, input.kafka),
  };
}

function postgresConfig(input: ConnectorConfigInput, secret: (key: string) => string): Record<string, any> {
  const slot = postgresSlotName(input.captureName);
  return {
    'database.hostname': input.host,
    'database.port': input.port,
    'database.user': secret('username'),
    'database.password': secret('password'),
    'database.dbname': input.databaseName,
    'database.sslmode': input.tlsRequired ? 'require' : 'prefer',
    'plugin.name': 'pgoutput',
    'slot.name': slot,
    ...(input.slotFailover ? { 'slot.failover': true } : {}),
    'publication.name': input.existingPublication ?? slot,
    'publication.autocreate.mode': input.existingPublication ? 'disabled' : 'filtered',
    'table.include.list': debeziumIncludeList(input.include, input.exclude),
  };
}

/**
 * The one database every include pattern names literally, when it is the source's database: the
 * connector then watches that database only (`capture.scope: database`), which needs `read` on it
 * alone; otherwise the whole deployment (cluster-wide `find` and `changeStream`).
 */
function mongodbCaptureDatabase(input: ConnectorConfigInput): string | undefined {
  const containers = new Set(input.include.map((p) => p.container));
  return containers.size === 1 && containers.has(input.databaseName) ? input.databaseName : undefined;
}

function mongodbConfig(input: ConnectorConfigInput, secret: (key: string) => string): Record<string, any> {
  const database = mongodbCaptureDatabase(input);
  return {
    'mongodb.connection.string': `mongodb://${input.host}:${input.port}/`,
    'mongodb.user': secret('username'),
    'mongodb.password': secret('password'),
    'mongodb.ssl.enabled': input.tlsRequired,
    ...(database ? { 'capture.scope': 'database', 'capture.target': database } : {}),
    'collection.include.list': debeziumIncludeList(input.include, input.exclude),
  };
}

/**
 * The KafkaConnector `config` of one capture (Strimzi sets `name`, `connector.class` and
 * `tasks.max` from the resource). The CDC user's name and password come from its Secret through
 * `${secrets:<namespace>/<secret>:username|password}`.
 *
 * - MySQL: TLS `required` (`preferred` when the server does not require it), a server id hashed
 *   from the capture name, no schema change topic, the schema history in its own topic through
 *   clients authenticated as the Connect user.
 * - PostgreSQL: TLS `require` (`prefer`), pgoutput, a slot named after the capture (a failover
 *   slot when the source says so); the publication of a PostgresSourceDatabase as it is, otherwise
 *   one named after the capture that the connector creates for the captured tables (`filtered`)
 *   and updates on restart.
 * - MongoDB: a connection string to the replica set (the driver discovers the members), TLS on
 *   (off when not required), the user authenticating against `admin`; the change stream watches
 *   the source's database only when every include pattern names that database.
 * @internal
 */
export function debeziumConnectorConfig(input: ConnectorConfigInput): Record<string, any> {
  const secret = (key: string) => connectSecretRef(input.namespace, input.credentialSecret, key);
  const engine = {
    [SourceEngine.MYSQL]: mysqlConfig,
    [SourceEngine.POSTGRESQL]: postgresConfig,
    [SourceEngine.MONGODB]: mongodbConfig,
  }[input.engine](input, secret);
  return { ...commonConfig(input), ...engine };
}
