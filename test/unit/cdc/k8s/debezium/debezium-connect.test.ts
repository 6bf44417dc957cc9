import { CDC_CONNECT_IMAGE, inspect, platformStack, sourceDatabase } from './debezium-fixture';
import { PodSecurityLevel } from '../../../../../src';
import { CdcTarget, SourceEngine } from '../../../../../src/cdc';
import { DebeziumCdcSource, DebeziumKafkaConnectOptions } from '../../../../../src/cdc/k8s/debezium';
import {
  DEBEZIUM_MONGODB_CONNECTOR_URL, DEBEZIUM_MYSQL_CONNECTOR_URL, DEBEZIUM_POSTGRES_CONNECTOR_URL,
} from '../../../../../src/platform/k8s/cdc-versions';
import { KafkaCluster, KafkaStreamingIngest } from '../../../../../src/streaming/k8s';

const URLS = `${DEBEZIUM_MYSQL_CONNECTOR_URL}, ${DEBEZIUM_POSTGRES_CONNECTOR_URL}, ${DEBEZIUM_MONGODB_CONNECTOR_URL}`;
const PLUGINS = 'the Debezium MySQL connector, the Debezium PostgreSQL connector and the Debezium MongoDB connector';

describe('the CDC Kafka Connect cluster: one per Kafka cluster, shared by its DebeziumCdcSources', () => {
  test('two sources of two engines share one KafkaConnect; each has its connector, topics, ACLs, Role and policy', () => {
    const stack = platformStack();
    const changes = new KafkaStreamingIngest(stack, 'Changes');
    const audit = new KafkaStreamingIngest(stack, 'Audit');
    new DebeziumCdcSource(stack, 'Orders', {
      source: sourceDatabase(stack, 'OrdersDb', SourceEngine.MYSQL),
      include: ['shop.orders'],
      target: CdcTarget.stream(changes),
      kafkaConnect: { image: CDC_CONNECT_IMAGE },
    });
    new DebeziumCdcSource(stack, 'Customers', {
      source: sourceDatabase(stack, 'CustomersDb', SourceEngine.POSTGRESQL),
      include: ['public.customers'],
      target: CdcTarget.stream(audit),
      captureName: 'crm',
      kafkaConnect: { image: CDC_CONNECT_IMAGE },
    });
    const { ofKind, acls, role, policy } = inspect(stack);
    expect(ofKind('KafkaConnect').map((c) => c.metadata.name)).toEqual(['acme-kafka-cdc']);
    expect(ofKind('KafkaConnector').map((c) => `${c.metadata.name}:${c.metadata.labels['strimzi.io/cluster']}`)).toEqual([
      'acme-orders:acme-kafka-cdc', 'acme-crm:acme-kafka-cdc',
    ]);
    expect(acls('acme-kafka-cdc').slice(5)).toEqual([
      'topic:acme-changes:literal:Write+Describe',
      'topic:__debezium-heartbeat.acme-orders:literal:Write+Describe',
      'topic:acme-orders-schema-history:literal:Read+Write+Describe',
      'group:acme-orders-schemahistory:literal:Read',
      'topic:acme-audit:literal:Write+Describe',
      'topic:__debezium-heartbeat.acme-crm:literal:Write+Describe',
    ]);
    expect(role('acme-orders-cdc-credential').rule[0].resource_names).toEqual(['acme-ordersdb-cdc']);
    expect(role('acme-crm-cdc-credential').rule[0].resource_names).toEqual(['acme-customersdb-cdc']);
    expect(policy('allow-acme-kafka-cdc-to-acme-orders').spec.egress[0].ports).toEqual([{ port: '3306', protocol: 'TCP' }]);
    expect(policy('allow-acme-kafka-cdc-to-acme-crm').spec.egress[0].ports).toEqual([{ port: '5432', protocol: 'TCP' }]);
  });

  test('a topic of another Kafka cluster gets that cluster\'s own CDC Connect cluster', () => {
    const stack = platformStack();
    const other = KafkaCluster.fromClusterAttributes(stack, 'Other', { clusterName: 'events', bootstrapServers: 'events-kafka-bootstrap.acme.svc:9093' });
    new DebeziumCdcSource(stack, 'Orders', {
      source: sourceDatabase(stack, 'OrdersDb', SourceEngine.POSTGRESQL),
      include: ['public.orders'],
      target: CdcTarget.stream(new KafkaStreamingIngest(stack, 'Changes')),
      kafkaConnect: { image: CDC_CONNECT_IMAGE },
    });
    new DebeziumCdcSource(stack, 'Events', {
      source: sourceDatabase(stack, 'EventsDb', SourceEngine.MONGODB),
      include: ['app.events'],
      target: CdcTarget.stream(new KafkaStreamingIngest(stack, 'Raw', { existingCluster: other })),
      kafkaConnect: { image: CDC_CONNECT_IMAGE },
    });
    const { ofKind } = inspect(stack);
    expect(ofKind('KafkaConnect').map((c) => `${c.metadata.name}@${c.spec.bootstrapServers}`)).toEqual([
      'acme-kafka-cdc@acme-kafka-kafka-bootstrap.acme.svc:9093', 'events-cdc@events-kafka-bootstrap.acme.svc:9093',
    ]);
    expect(ofKind('KafkaConnector').find((c) => c.metadata.name === 'acme-events').metadata.labels['strimzi.io/cluster']).toBe('events-cdc');
  });

  test('a Strimzi build adds the three Debezium plugins (baseline platform); replicas and resources', () => {
    const stack = platformStack({ podSecurity: PodSecurityLevel.BASELINE });
    new DebeziumCdcSource(stack, 'Orders', {
      source: sourceDatabase(stack, 'OrdersDb', SourceEngine.POSTGRESQL),
      include: ['public.orders'],
      target: CdcTarget.stream(new KafkaStreamingIngest(stack, 'Changes')),
      kafkaConnect: { buildOutputImage: CDC_CONNECT_IMAGE, buildPushSecret: 'push', replicas: 3, resources: { cpuRequest: '1', memoryRequest: '3Gi', memoryLimit: '3Gi' } },
    });
    const [connect] = inspect(stack).ofKind('KafkaConnect');
    expect(connect.spec).toMatchObject({ replicas: 3, resources: { requests: { cpu: '1', memory: '3Gi' }, limits: { memory: '3Gi' } } });
    expect(connect.spec.image).toBeUndefined();
    expect(connect.spec.build).toEqual({
      output: { type: 'docker', image: CDC_CONNECT_IMAGE, pushSecret: 'push' },
      plugins: [
        { name: 'debezium-mysql', artifacts: [{ type: 'tgz', url: DEBEZIUM_MYSQL_CONNECTOR_URL }] },
        { name: 'debezium-postgres', artifacts: [{ type: 'tgz', url: DEBEZIUM_POSTGRES_CONNECTOR_URL }] },
        { name: 'debezium-mongodb', artifacts: [{ type: 'tgz', url: DEBEZIUM_MONGODB_CONNECTOR_URL }] },
      ],
    });
    expect(DEBEZIUM_MYSQL_CONNECTOR_URL).toBe('https://repo1.maven.org/maven2/io/debezium/debezium-connector-mysql/3.6.1.Final/debezium-connector-mysql-3.6.1.Final-plugin.tar.gz');
    expect(DEBEZIUM_POSTGRES_CONNECTOR_URL).toBe('https://repo1.maven.org/maven2/io/debezium/debezium-connector-postgres/3.6.1.Final/debezium-connector-postgres-3.6.1.Final-plugin.tar.gz');
    expect(DEBEZIUM_MONGODB_CONNECTOR_URL).toBe('https://repo1.maven.org/maven2/io/debezium/debezium-connector-mongodb/3.6.1.Final/debezium-connector-mongodb-3.6.1.Final-plugin.tar.gz');
  });

  describe('errors', () => {
    function first(options: DebeziumKafkaConnectOptions | undefined, podSecurity?: PodSecurityLevel) {
      const stack = platformStack({ podSecurity });
      const changes = new KafkaStreamingIngest(stack, 'Changes');
      const add = (id: string, opts: DebeziumKafkaConnectOptions | undefined, captureName?: string) => new DebeziumCdcSource(stack, id, {
        source: sourceDatabase(stack, `${id}Db`, SourceEngine.POSTGRESQL), include: ['public.orders'], target: CdcTarget.stream(changes), kafkaConnect: opts, captureName,
      });
      return { stack, add, create: () => add('Orders', options) };
    }

    test('no image, or a build under Pod Security "restricted"', () => {
      expect(first(undefined).create).toThrow(
        `test/Orders: capturing changes with Debezium needs a Kafka Connect image with ${PLUGINS} (${URLS}); set kafkaConnect.image on the DebeziumCdcSource (or kafkaConnect.buildOutputImage with a "baseline" platform).`,
      );
      expect(first({ buildOutputImage: CDC_CONNECT_IMAGE }).create).toThrow(
        `test/Orders: kafkaConnect.buildOutputImage needs Strimzi's Kaniko build, which Pod Security "restricted" forbids (it runs as root); set kafkaConnect.image to a prebuilt image with ${PLUGINS} instead.`,
      );
    });

    test('later sources: no options is fine, different options are not; capture names are unique per Connect cluster', () => {
      const { add } = first({ image: CDC_CONNECT_IMAGE });
      add('Orders', { image: CDC_CONNECT_IMAGE });
      expect(() => add('Invoices', undefined)).not.toThrow();
      expect(() => add('Payments', { image: CDC_CONNECT_IMAGE, replicas: 3 })).toThrow(
        'test/Payments: invalid kafkaConnect: received {"image":"registry.example.com/acme/cdc-connect:1","replicas":3}; the Debezium Kafka Connect cluster "acme-kafka-cdc" is shared by every DebeziumCdcSource of its Kafka cluster and was created by test/Orders with {"image":"registry.example.com/acme/cdc-connect:1"}; give kafkaConnect on one DebeziumCdcSource only, or identical options on each.',
      );
      expect(() => add('OrdersAgain', undefined, 'orders')).toThrow(
        'test/OrdersAgain: invalid captureName: received "acme-orders"; already used by test/Orders on the Kafka Connect cluster "acme-kafka-cdc" (it names the connector and its topics); give each DebeziumCdcSource its own captureName.',
      );
    });

    test('replicas and resources', () => {
      expect(first({ image: CDC_CONNECT_IMAGE, replicas: 0 }).create).toThrow('test/Orders: invalid kafkaConnect.replicas: received 0; must be an integer from 1 to 100.');
      expect(first({ image: CDC_CONNECT_IMAGE, resources: { cpuRequest: 'lots', memoryRequest: '1Gi', memoryLimit: '1Gi' } }).create).toThrow(
        'test/Orders: invalid kafkaConnect.resources.cpuRequest: received "lots"; use a Kubernetes quantity such as "500m" or "2Gi".',
      );
    });
  });
});
