import { Construct, IConstruct } from 'constructs';
import { POSTGRES_PORT, WarehouseNames } from './warehouse-names';
import { DEBEZIUM_JDBC_SINK_URL } from '../../../platform/k8s/warehouse-versions';
import { connectSecretRef } from '../../../streaming/k8s/connect/connect-access';
import { ConnectCluster } from '../../../streaming/k8s/connect/connect-cluster';
import { ConnectOwner, ConnectPlugin } from '../../../streaming/k8s/connect/connect-image';
import { IKafkaCluster } from '../../../streaming/k8s/kafka-cluster-contract';
import { DEFAULT_WAREHOUSE_CONNECT_REPLICAS, DEFAULT_WAREHOUSE_CONNECT_RESOURCES, WarehouseKafkaConnectOptions } from '../postgres-warehouse-props';

/** The Debezium JDBC sink plugin the warehouse's Connect image carries (or a Strimzi build adds). @internal */
export const DEBEZIUM_JDBC_SINK_PLUGIN: ConnectPlugin = {
  name: 'debezium-jdbc-sink', artifactType: 'tgz', url: DEBEZIUM_JDBC_SINK_URL, description: 'the Debezium JDBC sink connector',
};

/** The warehouse as the owner of its Connect cluster. @internal */
export function warehouseConnectOwner(warehouse: IConstruct): ConnectOwner {
  return { kind: 'warehouse', path: warehouse.node.path, verb: 'loads', purpose: 'loading into the warehouse', construct: 'PostgresWarehouse' };
}

/**
 * The warehouse's Kafka Connect cluster `<cluster>-connect` on one Kafka cluster; its Role
 * `<connect>-secrets` lets it read the loader role's Secret.
 * @internal
 */
export function warehouseKafkaConnect(
  scope: Construct, names: WarehouseNames, kafka: IKafkaCluster, options: WarehouseKafkaConnectOptions, loaderSecret: string,
): ConnectCluster {
  return new ConnectCluster(scope, 'KafkaConnect', {
    name: names.connect,
    kafka,
    replicas: options.replicas ?? DEFAULT_WAREHOUSE_CONNECT_REPLICAS,
    resources: options.resources ?? DEFAULT_WAREHOUSE_CONNECT_RESOURCES,
    imageOptions: options,
    plugin: DEBEZIUM_JDBC_SINK_PLUGIN,
    secretReaderName: `${names.connect}-secrets`,
    secretNames: [loaderSecret],
  });
}

/** Inputs of a Debezium JDBC sink connector's configuration. @internal */
export interface JdbcSinkInput {
  readonly namespace: string;
  readonly host: string;
  readonly database: string;
  /** Secret (basic-auth) of the loader role, read through Strimzi's KubernetesSecretConfigProvider. */
  readonly credentialSecret: string;
  readonly schema: string;
  readonly table: string;
}

/**
 * The Debezium JDBC sink configuration of one target table.
 *
 * - TLS to PostgreSQL (`sslmode=require`; the server's pg_hba refuses clients without TLS).
 * - `insert.mode: insert`, `primary.key.mode: none`: every record becomes one INSERT. Upserts need
 *   a primary key derived from the records, which this library does not know; `insert` never
 *   rewrites rows, and at-least-once delivery can duplicate a record after a Connect restart.
 * - `schema.evolution: none`: the table comes from the warehouse's `tables`; the sink never creates
 *   or alters it (a record field without a column fails the task).
 * - Records: the value must be JSON with an embedded Kafka Connect schema,
 *   `{"schema": {"type": "struct", "fields": [...]}, "payload": {...}}` (JsonConverter with
 *   `schemas.enable=true`): the sink maps a Struct's fields to columns and cannot use schemaless
 *   JSON. Keys are read as strings and not used.
 * @internal
 */
export function jdbcSinkConfig(input: JdbcSinkInput): Record<string, any> {
  const secret = (key: string) => connectSecretRef(input.namespace, input.credentialSecret, key);
  return {
    'connection.url': `jdbc:postgresql://${input.host}:${POSTGRES_PORT}/${input.database}?sslmode=require`,
    'connection.username': secret('username'),
    'connection.password': secret('password'),
    'insert.mode': 'insert',
    'primary.key.mode': 'none',
    'delete.enabled': false,
    'schema.evolution': 'none',
    'collection.name.format': `${input.schema}.${input.table}`,
    'quote.identifiers': true,
    'use.time.zone': 'UTC',
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': true,
  };
}
