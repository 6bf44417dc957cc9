import { CDC_CONNECT_IMAGE, inspect, platformStack } from './debezium-fixture';
import { CdcTarget, ISourceDatabase } from '../../../../../src/cdc';
import { DebeziumCdcSource } from '../../../../../src/cdc/k8s/debezium';
import { MongoSourceDatabase, MongoTls, MySqlSourceDatabase, PostgresSourceDatabase } from '../../../../../src/cdc/k8s/source';
import { KafkaStreamingIngest } from '../../../../../src/streaming/k8s';

const CONNECT_PODS = { 'strimzi.io/cluster': 'acme-kafka-cdc', 'strimzi.io/kind': 'KafkaConnect' };

function captureFrom(make: (stack: ReturnType<typeof platformStack>) => ISourceDatabase, include: string[]) {
  const stack = platformStack();
  const source = make(stack);
  new DebeziumCdcSource(stack, 'Capture', {
    source, include, target: CdcTarget.stream(new KafkaStreamingIngest(stack, 'Changes')), kafkaConnect: { image: CDC_CONNECT_IMAGE },
  });
  const found = inspect(stack);
  return { source, config: found.ofKind('KafkaConnector')[0].spec.config, ...found };
}

describe('DebeziumCdcSource on the library\'s own source databases', () => {
  test('PostgresSourceDatabase: its publication as it is (autocreate disabled), a failover slot, the network opened by the database', () => {
    const { config, policy, policies, role } = captureFrom((stack) => new PostgresSourceDatabase(stack, 'Orders'), ['public.orders']);
    expect(config).toMatchObject({
      'database.hostname': 'acme-orders-rw.acme.svc',
      'database.dbname': 'app',
      'database.sslmode': 'require',
      'plugin.name': 'pgoutput',
      'slot.name': 'acme_capture',
      'slot.failover': true,
      'publication.name': 'dbz_publication',
      'publication.autocreate.mode': 'disabled',
      'table.include.list': 'public\\.orders',
    });
    expect(role('acme-capture-cdc-credential').rule[0].resource_names).toHaveLength(1);
    // The database's own policies (ingress on its pods, egress from Connect); no generic egress policy.
    expect(policy('allow-acme-orders-from-cdc-acme-capture').spec.ingress[0].from).toEqual([{ pod_selector: { match_labels: CONNECT_PODS } }]);
    expect(policy('allow-cdc-acme-capture-to-acme-orders').spec.pod_selector).toEqual({ match_labels: CONNECT_PODS });
    expect(policies.filter((p) => p.metadata.name === 'allow-acme-kafka-cdc-to-acme-capture')).toEqual([]);
  });

  test('MongoSourceDatabase: TLS, and a change stream on its database only when every pattern names it', () => {
    const tls = MongoTls.fromSecrets({ caConfigMapName: 'catalog-ca', certificateKeySecretName: 'catalog-tls' });
    const scoped = captureFrom((stack) => new MongoSourceDatabase(stack, 'Catalog', { tls }), ['app.products', 'app.reviews_*']);
    expect(scoped.config).toMatchObject({
      'mongodb.ssl.enabled': true,
      'capture.scope': 'database',
      'capture.target': 'app',
      'collection.include.list': 'app\\.products,app\\.reviews_.*',
    });
    expect(scoped.config['mongodb.connection.string']).toBe(`mongodb://${scoped.source.host}:27017/`);
    const wide = captureFrom((stack) => new MongoSourceDatabase(stack, 'Catalog', { tls }), ['app.products', 'legacy.*']);
    expect(wide.config['capture.scope']).toBeUndefined();
    expect(wide.config['capture.target']).toBeUndefined();
  });

  test('MySqlSourceDatabase: TLS required, schema history, the network opened by the database', () => {
    const { config, policy } = captureFrom((stack) => new MySqlSourceDatabase(stack, 'Shop'), ['app.orders']);
    expect(config).toMatchObject({
      'database.port': 3306,
      'database.ssl.mode': 'required',
      'table.include.list': 'app\\.orders',
      'schema.history.internal.kafka.topic': 'acme-capture-schema-history',
    });
    expect(policy('allow-acme-shop-from-cdc-acme-capture').spec.ingress[0].from).toEqual([{ pod_selector: { match_labels: CONNECT_PODS } }]);
  });
});
