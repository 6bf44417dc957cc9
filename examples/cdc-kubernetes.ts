import { App, TerraformStack } from 'cdktf';
import { Credential, KubernetesPlatform, SecretStoreBackend, StreamingIngest } from '../src';
import { CdcTarget, SourceDatabase, SourceEngine } from '../src/cdc';
import { DebeziumCdcSource } from '../src/cdc/k8s/debezium';

/**
 * Change data capture on Kubernetes: Debezium on Strimzi Kafka Connect captures the orders tables of
 * an existing PostgreSQL database (logical replication, pgoutput, TLS) into one Kafka topic, keyed
 * by table and primary key. The CDC user's password stays in its Kubernetes Secret; Kafka Connect
 * reads it at run time through Strimzi's secret config provider.
 */
export function cdcKubernetes(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'example-cdc-kubernetes');
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'example-cdc' });
  // Strimzi Kafka Connect base + the Debezium MySQL, PostgreSQL and MongoDB plugins, built by your CI
  const connectImage = 'registry.example.com/data/kafka-connect-debezium:4.3.1';

  // #region usage
  const orders = SourceDatabase.fromAttributes(stack, 'OrdersDb', {
    engine: SourceEngine.POSTGRESQL, // wal_level=logical; the user has REPLICATION and owns the tables
    host: 'orders-rw.shop.svc',
    port: 5432,
    databaseName: 'orders',
    cdcCredential: Credential.fromAttributes(stack, 'OrdersCdcUser', {
      backend: SecretStoreBackend.KUBERNETES, credentialName: 'orders-cdc', username: 'debezium', kubernetesSecretName: 'orders-cdc',
    }),
  });
  const changes = new StreamingIngest(stack, 'OrderChanges');
  new DebeziumCdcSource(stack, 'OrdersCdc', {
    source: orders,
    include: ['public.orders', 'public.order_*'],
    exclude: ['public.order_audit'],
    target: CdcTarget.stream(changes), // every table into one topic, keyed by table + primary key
    kafkaConnect: { image: connectImage },
  });
  // #endregion
  return stack;
}
