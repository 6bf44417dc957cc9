import { Construct } from 'constructs';
import {
  DEBEZIUM_HEARTBEAT_TOPIC_PREFIX, DEBEZIUM_TASKS_MAX, DebeziumCdcSourceProps, SCHEMA_HISTORY_GROUP_SUFFIX, SCHEMA_HISTORY_TOPIC_SUFFIX,
} from './debezium-cdc-source-props';
import { connectorTopicResource, HEARTBEAT_TOPIC_CONFIG, SCHEMA_HISTORY_TOPIC_CONFIG } from './private/capture-topics';
import { debeziumConnectorConfig } from './private/connector-config';
import { DebeziumConnect } from './private/debezium-connect';
import { DEBEZIUM_CONNECTOR_CLASSES } from './private/debezium-plugins';
import { resolveKafkaTarget } from './private/kafka-target';
import { allowCaptureTraffic } from './private/source-network';
import { invalidProp } from '../../../core/errors';
import { checkName, kebab, KubernetesNameRules } from '../../../core/naming';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { allowConnectSecretReads } from '../../../streaming/k8s/connect/connect-access';
import { KafkaAclOperation, KafkaAclResourceType, writeAcls } from '../../../streaming/k8s/kafka-acl';
import { CdcMode, DEFAULT_CDC_MODE, ICdcSource, ISourceDatabase, SourceEngine } from '../../cdc-contract';
import { parseTablePatterns } from '../../table-pattern';
import { PostgresSourceDatabase } from '../source/postgres-source-database';

/**
 * Change data capture on Kubernetes: a Debezium source connector (a Strimzi KafkaConnector) per
 * source database, publishing every insert, update and delete of the selected tables (collections)
 * to one Kafka StreamingIngest topic, keyed by table and primary key so that changes of a row keep
 * their commit order.
 *
 * - Runs on the Kafka Connect cluster `<kafka>-cdc` of the topic's Kafka cluster (one per Kafka
 *   cluster, created by its first DebeziumCdcSource from `kafkaConnect`): its own KafkaUser, with
 *   Write/Describe on the target topic and on each capture's heartbeat topic and, for MySQL,
 *   Read/Write/Describe on the schema history topic and Read on its consumer group
 *   (`<capture>-schemahistory`). The library creates those topics; the Connect user creates none.
 *   Exactly-once source delivery is not enabled, so no transactional ids are granted: a Connect
 *   restart can publish a change twice (consumers deduplicate by key and source position).
 * - The CDC user's name and password are read at run time from the credential's Kubernetes Secret
 *   by Strimzi's KubernetesSecretConfigProvider (a Role lets the Connect service account `get` that
 *   Secret only): credentials of a KubernetesSecretStore, or of a VaultSecretStore (which mirrors
 *   them into a Secret), or `Credential.fromAttributes` with `kubernetesSecretName`.
 * - Records: key and value are JSON with an embedded Kafka Connect schema (JsonConverter,
 *   `schemas.enable=true`), the Debezium envelope (`before`, `after`, `source`, `op`, `ts_ms`),
 *   which the warehouse's Debezium JDBC sink consumes as it is (it writes `after`); the key adds
 *   `__dbz__physicalTableIdentifier` (`<capture>.<schema or database>.<table>`). Events of tables
 *   with different columns share the topic, each with its own schema. Deletes emit no tombstone.
 * - Network: a database this library runs (PostgresSourceDatabase, MySqlSourceDatabase,
 *   MongoSourceDatabase) opens itself to the Connect pods; for any other, a NetworkPolicy lets the
 *   Connect pods reach its port (a cluster Service's namespace, an IPv4 address, or any address for
 *   external hosts, with a warning).
 * - TLS is required when the database requires it (MySQL `required`, PostgreSQL `require`,
 *   MongoDB `mongodb.ssl.enabled`): encrypted, but MySQL and PostgreSQL do not verify the server
 *   certificate, and MongoDB verifies it against the Connect image's Java truststore.
 *
 * Database prerequisites of an existing database (see the README): MySQL with
 * `binlog_format=ROW` and `binlog_row_image=FULL`, a user with SELECT, RELOAD, SHOW DATABASES,
 * REPLICATION SLAVE and REPLICATION CLIENT; PostgreSQL with `wal_level=logical`, a user with
 * REPLICATION that owns the captured tables (the connector creates and updates its publication,
 * `<capture>` with hyphens as underscores); MongoDB as a replica set, a user authenticating against
 * `admin` with `read` on the database (when every pattern names `databaseName`) or cluster-wide
 * `find` and `changeStream`. A PostgresSourceDatabase's publication is used as it is.
 */
export class DebeziumCdcSource extends Construct implements ICdcSource {
  public readonly engine: SourceEngine;
  /** Name of the capture: `<namePrefix>-<captureName>`, the KafkaConnector's name and Debezium's `topic.prefix`. */
  public readonly captureName: string;
  public readonly include: string[];
  public readonly exclude: string[];
  public readonly mode: CdcMode;
  /** The StreamingIngest topic the changes go to. */
  public readonly topicName: string;
  /** Name of the Kafka Connect cluster running the connector. */
  public readonly connectClusterName: string;
  /** Topic of the connector's heartbeats. */
  public readonly heartbeatTopicName: string;
  /** MySQL: topic of the schema history; undefined for other engines. */
  public readonly schemaHistoryTopicName?: string;

  constructor(scope: Construct, id: string, props: DebeziumCdcSourceProps) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    const source = props.source;
    this.engine = checkEngine(this, source);
    this.mode = props.mode ?? DEFAULT_CDC_MODE;
    if (!Object.values(CdcMode).includes(this.mode)) {
      throw invalidProp(this, 'mode', this.mode, `use one of ${Object.values(CdcMode).join(', ')}`);
    }
    const include = parseTablePatterns(this, 'include', props.include ?? [], this.engine, true);
    const exclude = parseTablePatterns(this, 'exclude', props.exclude ?? [], this.engine, false);
    this.include = [...props.include];
    this.exclude = [...(props.exclude ?? [])];
    this.captureName = checkName(this, 'captureName', `${platform.namePrefix}-${props.captureName ?? kebab(id)}`, KubernetesNameRules.DNS_LABEL);
    const credentialSecret = credentialSecretOf(this, source);
    const target = resolveKafkaTarget(this, props.target);
    this.topicName = target.topicName;

    const connect = DebeziumConnect.of(this, target.kafka, props.kafkaConnect);
    connect.register(this, this.captureName);
    this.connectClusterName = connect.connectName;
    const identity = connect.cluster.identity;
    const kafka = target.kafka;
    const topicLabels = platform.labels('kafka-topic');

    // Topics of the connector, created here (the Connect user may not create topics), and its ACLs.
    target.stream.grantWrite(identity);
    this.heartbeatTopicName = `${DEBEZIUM_HEARTBEAT_TOPIC_PREFIX}.${this.captureName}`;
    kafka.addResource(connectorTopicResource(this.heartbeatTopicName, kafka.clusterName, topicLabels, HEARTBEAT_TOPIC_CONFIG));
    kafka.grantAccess(identity, writeAcls(this.heartbeatTopicName));
    if (this.engine === SourceEngine.MYSQL) {
      this.schemaHistoryTopicName = `${this.captureName}-${SCHEMA_HISTORY_TOPIC_SUFFIX}`;
      kafka.addResource(connectorTopicResource(this.schemaHistoryTopicName, kafka.clusterName, topicLabels, SCHEMA_HISTORY_TOPIC_CONFIG));
      const readWrite = [KafkaAclOperation.READ, KafkaAclOperation.WRITE, KafkaAclOperation.DESCRIBE];
      kafka.grantAccess(identity, [
        { resourceType: KafkaAclResourceType.TOPIC, resourceName: this.schemaHistoryTopicName, operations: readWrite },
        { resourceType: KafkaAclResourceType.GROUP, resourceName: `${this.captureName}-${SCHEMA_HISTORY_GROUP_SUFFIX}`, operations: [KafkaAclOperation.READ] },
      ]);
    }

    // The CDC user's Secret, readable by the Connect service account; the path to the database.
    allowConnectSecretReads(this, connect.connectName, `${this.captureName}-cdc-credential`, [credentialSecret]);
    allowCaptureTraffic(this, source, connect.connectName, connect.cluster.podLabels, this.captureName);

    connect.cluster.addSourceConnector(this.captureName, DEBEZIUM_CONNECTOR_CLASSES[this.engine], DEBEZIUM_TASKS_MAX, debeziumConnectorConfig({
      engine: this.engine,
      namespace: platform.namespace,
      captureName: this.captureName,
      host: source.host,
      port: source.port,
      databaseName: source.databaseName,
      tlsRequired: source.tlsRequired,
      credentialSecret,
      include,
      exclude,
      mode: this.mode,
      topicName: this.topicName,
      schemaHistoryTopic: this.schemaHistoryTopicName ?? '',
      existingPublication: source instanceof PostgresSourceDatabase ? source.publicationName : undefined,
      slotFailover: source instanceof PostgresSourceDatabase ? source.logicalSlotFailover : undefined,
      kafka: {
        bootstrapServers: kafka.bootstrapServers,
        authentication: kafka.authentication,
        userSecret: connect.connectName,
        clusterCaSecret: connect.clusterCaSecret,
      },
    }));
  }
}

function checkEngine(scope: Construct, source: ISourceDatabase): SourceEngine {
  if (!source || !Object.values(SourceEngine).includes(source.engine)) {
    throw invalidProp(scope, 'source.engine', source?.engine, `use one of ${Object.values(SourceEngine).join(', ')}`);
  }
  return source.engine;
}

/** The Kubernetes Secret of the source's CDC credential (Strimzi's config provider reads only Secrets). */
function credentialSecretOf(scope: Construct, source: ISourceDatabase): string {
  const credential = source.cdcCredential;
  const secret = credential?.kubernetesSecretName;
  if (typeof secret !== 'string' || secret.length === 0) {
    throw invalidProp(
      scope,
      'source.cdcCredential',
      credential?.credentialName,
      `Debezium reads the CDC user's password from a Kubernetes Secret through Strimzi's KubernetesSecretConfigProvider, and this ${credential?.backend ?? 'missing'} credential has none (kubernetesSecretName); use a credential of a KubernetesSecretStore or VaultSecretStore, or Credential.fromAttributes with kubernetesSecretName`,
    );
  }
  return secret;
}
