import { CDC_CONNECT_IMAGE, inspect, platformStack, sourceDatabase } from './debezium-fixture';
import { CdcMode, CdcTarget, SourceEngine } from '../../../../../src/cdc';
import { DebeziumCdcSource } from '../../../../../src/cdc/k8s/debezium';
import { MYSQL_SERVER_ID_MAX, MYSQL_SERVER_ID_MIN, mysqlServerId } from '../../../../../src/cdc/k8s/debezium/private/capture-names';
import { debeziumIncludeList } from '../../../../../src/cdc/k8s/debezium/private/include-list';
import { parseTablePatterns } from '../../../../../src/cdc/table-pattern';
import { DEBEZIUM_MONGODB_CONNECTOR_CLASS, DEBEZIUM_MYSQL_CONNECTOR_CLASS } from '../../../../../src/platform/k8s/cdc-versions';
import { KafkaAuthentication, KafkaStreamingIngest } from '../../../../../src/streaming/k8s';
import { warnings } from '../../../../support/annotations';

/** What every engine's connector has (the topic `acme-changes`, capture `acme-<id>`). */
function common(captureName: string, snapshotMode = 'initial') {
  return {
    'topic.prefix': captureName,
    'snapshot.mode': snapshotMode,
    'tombstones.on.delete': false,
    'heartbeat.interval.ms': 10000,
    'topic.heartbeat.prefix': '__debezium-heartbeat',
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable': true,
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': true,
    'transforms': 'route',
    'transforms.route.type': 'io.debezium.transforms.ByLogicalTableRouter',
    'transforms.route.topic.regex': `${captureName}\\..+`,
    'transforms.route.topic.replacement': 'acme-changes',
    'transforms.route.key.enforce.uniqueness': true,
  };
}

interface CaptureOptions {
  readonly include: string[];
  readonly exclude?: string[];
  readonly mode?: CdcMode;
  readonly tlsRequired?: boolean;
  readonly host?: string;
  readonly scram?: boolean;
}

function capture(engine: SourceEngine, options: CaptureOptions) {
  const stack = platformStack();
  const changes = new KafkaStreamingIngest(stack, 'Changes', { cluster: options.scram ? { authentication: KafkaAuthentication.SCRAM_SHA_512 } : undefined });
  const source = new DebeziumCdcSource(stack, 'Shop', {
    source: sourceDatabase(stack, 'ShopDb', engine, { tlsRequired: options.tlsRequired, host: options.host }),
    include: options.include,
    exclude: options.exclude,
    mode: options.mode,
    target: CdcTarget.stream(changes),
    kafkaConnect: { image: CDC_CONNECT_IMAGE },
  });
  return { stack, source, ...inspect(stack) };
}

describe('Debezium connector configuration per engine', () => {
  test('MySQL: TLS required, a server id from the name, no schema change topic, schema history as the Connect user (mTLS)', () => {
    const { ofKind, source, acls, named } = capture(SourceEngine.MYSQL, { include: ['shop.orders', 'shop.customers'] });
    const [connector] = ofKind('KafkaConnector');
    expect(connector.spec.class).toBe(DEBEZIUM_MYSQL_CONNECTOR_CLASS);
    expect(DEBEZIUM_MYSQL_CONNECTOR_CLASS).toBe('io.debezium.connector.mysql.MySqlConnector');
    const tls = (prefix: string) => ({
      [`${prefix}security.protocol`]: 'SSL',
      [`${prefix}ssl.truststore.type`]: 'PEM',
      [`${prefix}ssl.truststore.certificates`]: '$${secrets:acme/acme-kafka-cluster-ca-cert:ca.crt}',
      [`${prefix}ssl.keystore.type`]: 'PEM',
      [`${prefix}ssl.keystore.certificate.chain`]: '$${secrets:acme/acme-kafka-cdc:user.crt}',
      [`${prefix}ssl.keystore.key`]: '$${secrets:acme/acme-kafka-cdc:user.key}',
    });
    expect(connector.spec.config).toEqual({
      ...common('acme-shop'),
      'database.hostname': 'orders-mysql.shop.svc',
      'database.port': 3306,
      'database.user': '$${secrets:acme/acme-shopdb-cdc:username}',
      'database.password': '$${secrets:acme/acme-shopdb-cdc:password}',
      'database.server.id': mysqlServerId('acme-shop'),
      'database.ssl.mode': 'required',
      'table.include.list': 'shop\\.orders,shop\\.customers',
      'include.schema.changes': false,
      'schema.history.internal.kafka.topic': 'acme-shop-schema-history',
      'schema.history.internal.kafka.bootstrap.servers': 'acme-kafka-kafka-bootstrap.acme.svc:9093',
      ...tls('schema.history.internal.producer.'),
      ...tls('schema.history.internal.consumer.'),
    });
    expect(source.schemaHistoryTopicName).toBe('acme-shop-schema-history');
    expect(named('KafkaTopic', 'acme-shop-schema-history').spec).toEqual({
      partitions: 1, replicas: 3, config: { 'cleanup.policy': 'delete', 'retention.ms': -1, 'retention.bytes': -1, 'min.insync.replicas': 2 },
    });
    expect(acls('acme-kafka-cdc').slice(5)).toEqual([
      'topic:acme-changes:literal:Write+Describe',
      'topic:__debezium-heartbeat.acme-shop:literal:Write+Describe',
      'topic:acme-shop-schema-history:literal:Read+Write+Describe',
      'group:acme-shop-schemahistory:literal:Read',
    ]);
  });

  test('MySQL on a SCRAM-SHA-512 cluster: the schema history clients use the Connect user\'s JAAS line', () => {
    const { ofKind } = capture(SourceEngine.MYSQL, { include: ['shop.orders'], scram: true });
    const config = ofKind('KafkaConnector')[0].spec.config;
    const historyKeys = Object.fromEntries(Object.entries(config).filter(([k]) => k.startsWith('schema.history.internal.producer.')));
    expect(historyKeys).toEqual({
      'schema.history.internal.producer.security.protocol': 'SASL_SSL',
      'schema.history.internal.producer.ssl.truststore.type': 'PEM',
      'schema.history.internal.producer.ssl.truststore.certificates': '$${secrets:acme/acme-kafka-cluster-ca-cert:ca.crt}',
      'schema.history.internal.producer.sasl.mechanism': 'SCRAM-SHA-512',
      'schema.history.internal.producer.sasl.jaas.config': '$${secrets:acme/acme-kafka-cdc:sasl.jaas.config}',
    });
    expect(config['schema.history.internal.consumer.sasl.jaas.config']).toBe('$${secrets:acme/acme-kafka-cdc:sasl.jaas.config}');
    expect(ofKind('KafkaConnect')[0].spec.authentication).toEqual({ type: 'scram-sha-512', username: 'acme-kafka-cdc', passwordSecret: { secretName: 'acme-kafka-cdc', password: 'password' } });
  });

  test('MongoDB: a connection string, TLS on, collection.include.list', () => {
    const { ofKind, policy } = capture(SourceEngine.MONGODB, { include: ['shop.*'], exclude: ['shop.sessions'] });
    const [connector] = ofKind('KafkaConnector');
    expect(connector.spec.class).toBe(DEBEZIUM_MONGODB_CONNECTOR_CLASS);
    expect(DEBEZIUM_MONGODB_CONNECTOR_CLASS).toBe('io.debezium.connector.mongodb.MongoDbConnector');
    expect(connector.spec.config).toEqual({
      ...common('acme-shop'),
      'mongodb.connection.string': 'mongodb://orders-mongo-svc.shop.svc.cluster.local:27017/',
      'mongodb.user': '$${secrets:acme/acme-shopdb-cdc:username}',
      'mongodb.password': '$${secrets:acme/acme-shopdb-cdc:password}',
      'mongodb.ssl.enabled': true,
      'collection.include.list': '(?!(?:shop\\.sessions)$)(?:shop\\..*)',
    });
    expect(ofKind('KafkaTopic').some((t) => t.metadata.name.includes('schema-history'))).toBe(false);
    expect(policy('allow-acme-kafka-cdc-to-acme-shop').spec.egress[0].ports).toEqual([{ port: '27017', protocol: 'TCP' }]);
  });

  test('stream only: snapshot.mode no_data on every engine', () => {
    for (const engine of Object.values(SourceEngine)) {
      const { ofKind } = capture(engine, { include: ['shop.orders'], mode: CdcMode.STREAM_ONLY });
      expect(ofKind('KafkaConnector')[0].spec.config['snapshot.mode']).toBe('no_data');
    }
  });

  test('a database that does not require TLS: preferred/prefer, and no TLS for MongoDB', () => {
    const config = (engine: SourceEngine) => capture(engine, { include: ['shop.orders'], tlsRequired: false }).ofKind('KafkaConnector')[0].spec.config;
    expect(config(SourceEngine.MYSQL)['database.ssl.mode']).toBe('preferred');
    expect(config(SourceEngine.POSTGRESQL)['database.sslmode']).toBe('prefer');
    expect(config(SourceEngine.MONGODB)['mongodb.ssl.enabled']).toBe(false);
  });

  test('egress to an IPv4 address or an external host (with a warning); same-namespace Services', () => {
    const ip = capture(SourceEngine.POSTGRESQL, { include: ['public.orders'], host: '10.20.30.40' });
    expect(ip.policy('allow-acme-kafka-cdc-to-acme-shop').spec.egress[0].to).toEqual([{ ip_block: { cidr: '10.20.30.40/32' } }]);
    const external = capture(SourceEngine.POSTGRESQL, { include: ['public.orders'], host: 'orders.db.example.com' });
    expect(external.policy('allow-acme-kafka-cdc-to-acme-shop').spec.egress[0].to).toEqual([{ ip_block: { cidr: '0.0.0.0/0' } }]);
    expect(warnings(external.source).map((w) => w.message)).toEqual(['the source database is at "orders.db.example.com", outside the cluster\'s Services: the Kafka Connect pods may reach port 5432 of any address.']);
    const local = capture(SourceEngine.POSTGRESQL, { include: ['public.orders'], host: 'orders-rw' });
    expect(local.policy('allow-acme-kafka-cdc-to-acme-shop').spec.egress[0].to).toEqual([{ pod_selector: { match_labels: {} } }]);
  });
});

describe('include/exclude lists and names', () => {
  const parse = (prop: string, patterns: string[]) => parseTablePatterns(platformStack(), prop, patterns, SourceEngine.POSTGRESQL, prop === 'include');
  /** Debezium matches each entry against the whole name, case-insensitively (Java and JavaScript agree on these constructs). */
  const matches = (list: string, name: string) => list.split(',').some((entry) => new RegExp(`^(?:${entry})$`, 'i').test(name));

  test('without exclusions: the pattern regexes; with exclusions: each include guarded by a lookahead', () => {
    expect(debeziumIncludeList(parse('include', ['public.orders', 'sales.*']), [])).toBe('public\\.orders,sales\\..*');
    const list = debeziumIncludeList(parse('include', ['sales.*', 'public.orders']), parse('exclude', ['sales.*_tmp', 'sales.audit']));
    expect(list).toBe('(?!(?:sales\\..*_tmp|sales\\.audit)$)(?:sales\\..*),(?!(?:sales\\..*_tmp|sales\\.audit)$)(?:public\\.orders)');
    expect(list).not.toMatch(/,.*,.*,/); // one entry per include, no stray comma
    expect(['sales.orders', 'sales.order_lines', 'public.orders', 'SALES.Orders'].every((n) => matches(list, n))).toBe(true);
    expect(['sales.orders_tmp', 'sales.audit', 'public.customers', 'sales.orders.x'].some((n) => matches(list, n) && n !== 'sales.orders.x')).toBe(false);
    expect(matches(list, 'sales.auditing')).toBe(true); // exclusions match whole names only
  });

  test('the MySQL server id is a stable hash of the capture name within its range', () => {
    expect(mysqlServerId('acme-shop')).toBe(mysqlServerId('acme-shop'));
    expect(mysqlServerId('acme-shop')).not.toBe(mysqlServerId('acme-shop2'));
    for (const name of ['a', 'acme-shop', 'x'.repeat(63)]) {
      expect(Number.isInteger(mysqlServerId(name))).toBe(true);
      expect(mysqlServerId(name)).toBeGreaterThanOrEqual(MYSQL_SERVER_ID_MIN);
      expect(mysqlServerId(name)).toBeLessThanOrEqual(MYSQL_SERVER_ID_MAX);
    }
  });
});
