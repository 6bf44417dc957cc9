import { DEBEZIUM_VERSION } from './warehouse-versions';

/**
 * Pinned connector artifacts of change data capture on Kubernetes (Debezium source connectors on
 * Strimzi Kafka Connect). The Debezium release is `DEBEZIUM_VERSION` in `warehouse-versions.ts`,
 * shared with the warehouse's JDBC sink: one place to bump both.
 */

/** Maven Central directory of Debezium's artifacts. */
const DEBEZIUM_MAVEN = 'https://repo1.maven.org/maven2/io/debezium';

/** Maven Central plugin archive (`<artifact>-<version>-plugin.tar.gz`) of one Debezium connector. */
function debeziumPluginUrl(artifact: string): string {
  return `${DEBEZIUM_MAVEN}/${artifact}/${DEBEZIUM_VERSION}/${artifact}-${DEBEZIUM_VERSION}-plugin.tar.gz`;
}

/** Debezium MySQL source connector plugin (Apache-2.0; bundles MySQL Connector/J and the ByLogicalTableRouter SMT). */
export const DEBEZIUM_MYSQL_CONNECTOR_URL = debeziumPluginUrl('debezium-connector-mysql');
/** Debezium PostgreSQL source connector plugin (Apache-2.0; bundles the PostgreSQL JDBC driver and the SMTs). */
export const DEBEZIUM_POSTGRES_CONNECTOR_URL = debeziumPluginUrl('debezium-connector-postgres');
/** Debezium MongoDB source connector plugin (Apache-2.0; bundles the MongoDB Java driver and the SMTs). */
export const DEBEZIUM_MONGODB_CONNECTOR_URL = debeziumPluginUrl('debezium-connector-mongodb');

/** Connector class of the Debezium MySQL source. */
export const DEBEZIUM_MYSQL_CONNECTOR_CLASS = 'io.debezium.connector.mysql.MySqlConnector';
/** Connector class of the Debezium PostgreSQL source. */
export const DEBEZIUM_POSTGRES_CONNECTOR_CLASS = 'io.debezium.connector.postgresql.PostgresConnector';
/** Connector class of the Debezium MongoDB source. */
export const DEBEZIUM_MONGODB_CONNECTOR_CLASS = 'io.debezium.connector.mongodb.MongoDbConnector';
/** Debezium's topic routing SMT (in `debezium-connect-plugins`, which every connector plugin above bundles). */
export const DEBEZIUM_TOPIC_ROUTER_CLASS = 'io.debezium.transforms.ByLogicalTableRouter';
