import { App, TerraformStack } from 'cdktf';
import { GrafanaAnalytics, KubernetesDataLake, KubernetesPlatform, PostgresWarehouse, StreamingIngest, WarehouseBackup } from '../src';

/**
 * The warehouse on Kubernetes: PostgreSQL on CloudNativePG (3 instances, TLS only, backups to the
 * lake's object store through the Barman Cloud plugin), loaded near-real-time from a Kafka topic by
 * the Debezium JDBC sink and nightly from the lake through Trino, read by Grafana with a read-only
 * user whose password is generated into a Secret.
 */
export function warehouseKubernetes(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'example-warehouse-kubernetes');
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'example-wh' });
  // Strimzi Kafka base + the Aiven S3 sink and Debezium JDBC sink plugins, built by your CI
  const connectImage = 'registry.example.com/data/kafka-connect:4.3.1';
  const lake = new KubernetesDataLake(stack, 'Lake', { kafkaConnect: { image: connectImage } });

  // #region usage
  const warehouse = new PostgresWarehouse(stack, 'Warehouse', {
    tables: [{
      name: 'orders',
      columns: [
        { name: 'order_id', type: 'bigint', nullable: false },
        { name: 'status', type: 'varchar(32)' },
        { name: 'amount', type: 'numeric(12,2)' },
      ],
    }],
    backup: WarehouseBackup.toLake(lake), // nightly base backups + WAL archive, 30 days
    kafkaConnect: { image: connectImage },
  });
  new StreamingIngest(stack, 'Orders', {
    destinations: [warehouse.destination({ table: 'orders' })], // Debezium JDBC sink
  });
  warehouse.loadFromLake('Backfill', { lake, zone: 'curated', prefix: 'orders', table: 'orders' });
  new GrafanaAnalytics(stack, 'Bi', { warehouses: [warehouse], lakes: [lake] });
  // #endregion
  return stack;
}
