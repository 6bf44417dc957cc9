import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CdcTarget } from '../../../../src/cdc';
import { DebeziumCdcSource } from '../../../../src/cdc/k8s/debezium';
import { MySqlSourceDatabase, PostgresSourceDatabase } from '../../../../src/cdc/k8s/source';
import { PrometheusObservability, PrometheusObservabilityProps } from '../../../../src/observability/k8s';
import { KafkaStreamingIngest } from '../../../../src/streaming/k8s';
import { PostgresWarehouse, WarehouseBackup, WarehouseMonitoring } from '../../../../src/warehouse/k8s';
import { inspect, platformStack } from '../../../support/kubernetes';

/** Connect image with the Debezium plugins (the tests never pull it). */
export const CONNECT_IMAGE = 'registry.example.com/acme/connect-debezium:1';

/** One of each Kubernetes pipeline construct. */
export interface PipelineFixture {
  readonly stack: TerraformStack;
  readonly topic: KafkaStreamingIngest;
  readonly orders: PostgresSourceDatabase;
  readonly shop: MySqlSourceDatabase;
  readonly capture: DebeziumCdcSource;
  readonly warehouse: PostgresWarehouse;
  readonly observability: PrometheusObservability;
}

/**
 * A stack with a Kafka cluster and topic, a PostgreSQL and a MySQL source, Debezium capturing the
 * PostgreSQL source into the topic (a Kafka Connect cluster), and a single-instance warehouse
 * without backups; the observability stack is declared first (discovery sees what comes after).
 */
export function pipelineStack(
  props: PrometheusObservabilityProps = {},
  options: { warehouseMonitoring?: WarehouseMonitoring; observability?: (scope: Construct) => PrometheusObservability } = {},
): PipelineFixture {
  const stack = platformStack();
  const observability = options.observability?.(stack) ?? new PrometheusObservability(stack, 'Observability', props);
  const topic = new KafkaStreamingIngest(stack, 'Orders');
  const orders = new PostgresSourceDatabase(stack, 'OrdersDb', {});
  const shop = new MySqlSourceDatabase(stack, 'ShopDb', {});
  const capture = new DebeziumCdcSource(stack, 'OrdersCdc', {
    source: orders, include: ['public.orders'], target: CdcTarget.stream(topic), kafkaConnect: { image: CONNECT_IMAGE },
  });
  const warehouse = new PostgresWarehouse(stack, 'Warehouse', {
    instances: 1,
    backup: WarehouseBackup.none(),
    tables: [{ name: 'orders', columns: [{ name: 'id', type: 'bigint' }] }],
    monitoring: options.warehouseMonitoring,
  });
  return { stack, topic, orders, shop, capture, warehouse, observability };
}

export { inspect };
