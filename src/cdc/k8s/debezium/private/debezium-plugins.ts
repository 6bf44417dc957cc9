import { IConstruct } from 'constructs';
import {
  DEBEZIUM_MONGODB_CONNECTOR_CLASS, DEBEZIUM_MONGODB_CONNECTOR_URL, DEBEZIUM_MYSQL_CONNECTOR_CLASS, DEBEZIUM_MYSQL_CONNECTOR_URL,
  DEBEZIUM_POSTGRES_CONNECTOR_CLASS, DEBEZIUM_POSTGRES_CONNECTOR_URL,
} from '../../../../platform/k8s/cdc-versions';
import { ConnectOwner, ConnectPlugin } from '../../../../streaming/k8s/connect/connect-image';
import { SourceEngine } from '../../../cdc-contract';

/**
 * The Debezium source connector plugins every CDC Connect image carries (all three, whichever
 * engines the stack captures today, so adding a source of another engine needs no new image).
 * @internal
 */
export const DEBEZIUM_SOURCE_PLUGINS: readonly ConnectPlugin[] = [
  { name: 'debezium-mysql', artifactType: 'tgz', url: DEBEZIUM_MYSQL_CONNECTOR_URL, description: 'the Debezium MySQL connector' },
  { name: 'debezium-postgres', artifactType: 'tgz', url: DEBEZIUM_POSTGRES_CONNECTOR_URL, description: 'the Debezium PostgreSQL connector' },
  { name: 'debezium-mongodb', artifactType: 'tgz', url: DEBEZIUM_MONGODB_CONNECTOR_URL, description: 'the Debezium MongoDB connector' },
];

/** Connector class per engine. @internal */
export const DEBEZIUM_CONNECTOR_CLASSES: Record<SourceEngine, string> = {
  [SourceEngine.MYSQL]: DEBEZIUM_MYSQL_CONNECTOR_CLASS,
  [SourceEngine.POSTGRESQL]: DEBEZIUM_POSTGRES_CONNECTOR_CLASS,
  [SourceEngine.MONGODB]: DEBEZIUM_MONGODB_CONNECTOR_CLASS,
};

/** A DebeziumCdcSource as the owner of the CDC Connect cluster (for the shared image checks). @internal */
export function cdcConnectOwner(source: IConstruct): ConnectOwner {
  return { kind: 'CDC source', path: source.node.path, verb: 'captures into', purpose: 'capturing changes with Debezium', construct: 'DebeziumCdcSource' };
}
