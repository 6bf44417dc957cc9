import { ChartPin } from './versions';

/**
 * Pinned Helm charts, images and connector artifacts of the Kubernetes warehouse (PostgreSQL on
 * CloudNativePG). The one place to bump them; the CloudNativePG operator chart itself is
 * `CLOUDNATIVE_PG_CHART` in `lake-versions.ts` (shared with the lake's metastore).
 */

/**
 * CloudNativePG's Barman Cloud plugin (CNPG-I), chart 0.7.0 = plugin v0.13.0. Needs CloudNativePG
 * 1.26 or later and cert-manager in the cluster (the chart issues its TLS certificates with it).
 */
export const BARMAN_CLOUD_PLUGIN_CHART: ChartPin = { repository: 'https://cloudnative-pg.github.io/charts', chart: 'plugin-barman-cloud', version: '0.7.0' };
/** Name under which the Barman Cloud plugin registers with CloudNativePG. */
export const BARMAN_CLOUD_PLUGIN_NAME = 'barman-cloud.cloudnative-pg.io';
/** API version of the plugin's ObjectStore. */
export const BARMAN_CLOUD_API_VERSION = 'barmancloud.cnpg.io/v1';

/** PostgreSQL major version of the warehouse. */
export const POSTGRES_MAJOR_VERSION = 18;
/**
 * CloudNativePG PostgreSQL image ("standard" flavour: no in-image Barman Cloud, meant for backup
 * plugins; Debian trixie). The `<major>.<minor>-standard-trixie` tag rolls to weekly rebuilds of
 * that minor release.
 */
export const POSTGRES_IMAGE = `ghcr.io/cloudnative-pg/postgresql:${POSTGRES_MAJOR_VERSION}.6-standard-trixie`;
/** User id of the `postgres` user in the CloudNativePG images (runs `psql` in lake load jobs). */
export const POSTGRES_IMAGE_USER_ID = 26;

/** Debezium release of the JDBC sink connector. */
export const DEBEZIUM_VERSION = '3.6.1.Final';
/** Maven Central archive of the Debezium JDBC sink connector plugin (Apache-2.0; bundles the PostgreSQL driver). */
export const DEBEZIUM_JDBC_SINK_URL = `https://repo1.maven.org/maven2/io/debezium/debezium-connector-jdbc/${DEBEZIUM_VERSION}/debezium-connector-jdbc-${DEBEZIUM_VERSION}-plugin.tar.gz`;
/** Connector class of the Debezium JDBC sink. */
export const DEBEZIUM_JDBC_SINK_CLASS = 'io.debezium.connector.jdbc.JdbcSinkConnector';

/** Trino image whose CLI exports lake tables for `loadFromLake` (same release as the lake's Trino chart, Trino 480). */
export const TRINO_CLI_IMAGE = 'trinodb/trino:480';
/** User id of the `trino` user in the Trino image. */
export const TRINO_IMAGE_USER_ID = 1000;
