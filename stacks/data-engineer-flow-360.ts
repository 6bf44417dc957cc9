import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { DEF360_NAMESPACE } from './data-engineer-flow-360-vault';
import {
  CdcTarget, DebeziumCdcSource, ElasticsearchSearchCluster, GrafanaAnalytics, Identity, KubernetesDataLake, KubernetesPlatform,
  MongoSourceDatabase, MongoTls, MySqlSourceDatabase, ObservabilityStack, PostgresSourceDatabase, PostgresWarehouse, StreamCapacity,
  StreamingIngest, VaultSecretStore, WarehouseBackup,
} from '../src';

/**
 * Reference architecture 4, DataEngineerFlow360, on Kubernetes, part 2 of 2 (Vault is part 1). Today:
 * the Kafka platform (Strimzi operator, a KRaft cluster, topics for the CDC and clickstream feeds,
 * users with ACLs); the lake (SeaweedFS object store with raw/curated/analytics buckets, Hive
 * Metastore on CloudNativePG, Trino with an Iceberg catalog, the Spark operator) fed by Kafka
 * Connect S3 sinks from both topics into the raw zone; the PostgreSQL warehouse (CloudNativePG,
 * backups into the lake's object store) loaded from the orders topic by the Debezium JDBC sink and
 * nightly from the curated zone; Grafana on the warehouse and Trino; generated credentials kept in
 * Vault (and mirrored into Secrets for the in-cluster consumers); the OLTP sources (PostgreSQL on
 * CloudNativePG, a MySQL StatefulSet with GTID binlogs, a MongoDB replica set) captured by Debezium
 * on Strimzi Kafka Connect into the CDC topics; an ObservabilityStack (kube-prometheus-stack with
 * rules, monitors and Grafana dashboards for Kafka, Kafka Connect, every PostgreSQL cluster, the
 * MySQL and MongoDB sources and Elasticsearch; Alertmanager paging a webhook) and ELK (ECK
 * Elasticsearch + Kibana, Filebeat shipping the namespace's container logs). Airflow is still to come.
 */
export class DataEngineerFlow360Stack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubernetesPlatform(this, 'Platform', { namePrefix: 'def360', namespace: DEF360_NAMESPACE });
    // The Vault of data-engineer-flow-360-vault, initialised and unsealed; the address and token
    // come from VAULT_ADDR and VAULT_TOKEN.
    new VaultProvider(this, 'Vault', {});
    const secrets = new VaultSecretStore(this, 'Secrets', {
      createKubernetesAuth: { kubernetesHost: 'https://kubernetes.default.svc' },
    });
    // Kafka Connect runs an image with the connector plugins built by your CI (Strimzi cannot build
    // one under Pod Security "restricted"); see the README.
    const connectImage = new TerraformVariable(this, 'kafka_connect_image', {
      type: 'string',
      description: 'Kafka Connect image (Strimzi Kafka base + the Aiven S3 sink, Debezium JDBC sink and Debezium MySQL/PostgreSQL/MongoDB connectors)',
    });
    const connect = { image: connectImage.stringValue };
    const lake = new KubernetesDataLake(this, 'Lake', { kafkaConnect: connect });
    const warehouse = new PostgresWarehouse(this, 'Warehouse', {
      secretStore: secrets,
      tables: [{
        name: 'orders',
        columns: [
          { name: 'order_id', type: 'bigint', nullable: false },
          { name: 'customer_id', type: 'bigint' },
          { name: 'status', type: 'varchar(32)' },
          { name: 'amount', type: 'numeric(12,2)' },
          { name: 'updated_at', type: 'timestamp' },
        ],
      }],
      backup: WarehouseBackup.toLake(lake),
      pooler: {},
      kafkaConnect: connect,
    });
    warehouse.loadFromLake('OrdersBackfill', { lake, zone: 'curated', prefix: 'orders', table: 'orders' });
    const orders = new StreamingIngest(this, 'OrdersCdc', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 3_000, averageRecordSizeBytes: 2_048 }),
      retentionHours: 168,
      destinations: [lake.destination({ zone: 'raw' }), warehouse.destination({ table: 'orders' })],
    });
    const clicks = new StreamingIngest(this, 'Clickstream', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 20_000, averageRecordSizeBytes: 600 }),
      retentionHours: 72,
      destinations: [lake.destination({ zone: 'raw' })],
    });
    // The OLTP sources and their change capture (credentials from Vault, mirrored into Secrets).
    const ordersDb = new PostgresSourceDatabase(this, 'OrdersDb', { secretStore: secrets, databaseName: 'shop' });
    new DebeziumCdcSource(this, 'OrdersCapture', {
      source: ordersDb, include: ['public.orders'], target: CdcTarget.stream(orders), kafkaConnect: connect,
    });
    const customersDb = new MySqlSourceDatabase(this, 'CustomersDb', { secretStore: secrets, databaseName: 'crm' });
    const customers = new StreamingIngest(this, 'CustomersCdc', { destinations: [lake.destination({ zone: 'raw' })] });
    new DebeziumCdcSource(this, 'CustomersCapture', {
      source: customersDb, include: ['crm.customers', 'crm.addresses'], target: CdcTarget.stream(customers), kafkaConnect: connect,
    });
    const catalogDb = new MongoSourceDatabase(this, 'CatalogDb', {
      secretStore: secrets,
      databaseName: 'catalog',
      // CA ConfigMap and server certificate Secret, issued by cert-manager before the first apply.
      tls: MongoTls.fromSecrets({ caConfigMapName: 'catalog-mongo-ca', certificateKeySecretName: 'catalog-mongo-tls' }),
    });
    const products = new StreamingIngest(this, 'CatalogCdc', { destinations: [lake.destination({ zone: 'raw' })] });
    new DebeziumCdcSource(this, 'CatalogCapture', {
      source: catalogDb, include: ['catalog.products'], target: CdcTarget.stream(products), kafkaConnect: connect,
    });

    const producers = new Identity(this, 'KafkaConnect', { name: 'kafka-connect' });
    orders.grantWrite(producers);
    clicks.grantWrite(producers);
    const spark = new Identity(this, 'Spark', { name: 'spark' });
    orders.grantRead(spark);
    clicks.grantRead(spark);
    new GrafanaAnalytics(this, 'Bi', { secretStore: secrets, warehouses: [warehouse], lakes: [lake] });

    // Operations: metrics, alerts and dashboards; container logs into Elasticsearch (Kibana).
    const logs = new ElasticsearchSearchCluster(this, 'Logs', { storageSizeGiB: 200, secretStore: secrets });
    new ObservabilityStack(this, 'Observability', {
      searchCluster: logs,
      kubernetes: {
        secretStore: secrets,
        // kubectl -n data-platform create secret generic def360-alert-webhook --from-literal=url=https://...
        alertWebhook: { secretName: 'def360-alert-webhook' },
      },
    });
  }
}
