import { CDC_CONNECT_IMAGE, inspect, platformStack, sourceDatabase } from './debezium-fixture';
import { CdcMode, CdcTarget, SourceEngine } from '../../../../../src/cdc';
import {
  DEBEZIUM_HEARTBEAT_INTERVAL_MS, DEBEZIUM_TASKS_MAX, DebeziumCdcSource, DEFAULT_DEBEZIUM_CONNECT_REPLICAS,
} from '../../../../../src/cdc/k8s/debezium';
import { DEBEZIUM_POSTGRES_CONNECTOR_CLASS, DEBEZIUM_TOPIC_ROUTER_CLASS } from '../../../../../src/platform/k8s/cdc-versions';
import { KafkaStreamingIngest, STRIMZI_API_VERSION } from '../../../../../src/streaming/k8s';
import { StreamingIngest } from '../../../../../src/streaming/streaming-ingest';

function postgresCapture() {
  const stack = platformStack();
  const changes = new KafkaStreamingIngest(stack, 'OrderChanges');
  const capture = new DebeziumCdcSource(stack, 'Orders', {
    source: sourceDatabase(stack, 'OrdersDb', SourceEngine.POSTGRESQL),
    include: ['public.orders', 'public.order_*'],
    exclude: ['public.order_audit'],
    target: CdcTarget.stream(changes),
    kafkaConnect: { image: CDC_CONNECT_IMAGE },
  });
  return { stack, capture };
}

describe('DebeziumCdcSource: a PostgreSQL source into a Kafka StreamingIngest', () => {
  test('the ICdcSource attributes', () => {
    const { capture } = postgresCapture();
    expect(capture).toMatchObject({
      engine: SourceEngine.POSTGRESQL,
      captureName: 'acme-orders',
      include: ['public.orders', 'public.order_*'],
      exclude: ['public.order_audit'],
      mode: CdcMode.SNAPSHOT_THEN_STREAM,
      topicName: 'acme-order-changes',
      connectClusterName: 'acme-kafka-cdc',
      heartbeatTopicName: '__debezium-heartbeat.acme-orders',
    });
    expect(capture.schemaHistoryTopicName).toBeUndefined();
  });

  test('a KafkaConnector with the PostgreSQL configuration, routing every table to the one topic', () => {
    const { stack } = postgresCapture();
    const { ofKind } = inspect(stack);
    const [connector] = ofKind('KafkaConnector');
    expect(connector.apiVersion).toBe(STRIMZI_API_VERSION);
    expect(connector.metadata).toMatchObject({ name: 'acme-orders', namespace: 'acme' });
    expect(connector.metadata.labels['strimzi.io/cluster']).toBe('acme-kafka-cdc');
    expect(connector.spec).toEqual({
      class: DEBEZIUM_POSTGRES_CONNECTOR_CLASS,
      tasksMax: DEBEZIUM_TASKS_MAX,
      autoRestart: { enabled: true },
      config: {
        'topic.prefix': 'acme-orders',
        'snapshot.mode': 'initial',
        'tombstones.on.delete': false,
        'heartbeat.interval.ms': DEBEZIUM_HEARTBEAT_INTERVAL_MS,
        'topic.heartbeat.prefix': '__debezium-heartbeat',
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': true,
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': true,
        'transforms': 'route',
        'transforms.route.type': DEBEZIUM_TOPIC_ROUTER_CLASS,
        'transforms.route.topic.regex': 'acme-orders\\..+',
        'transforms.route.topic.replacement': 'acme-order-changes',
        'transforms.route.key.enforce.uniqueness': true,
        'database.hostname': 'orders-pg-rw.shop.svc',
        'database.port': 5432,
        'database.user': '$${secrets:acme/acme-ordersdb-cdc:username}',
        'database.password': '$${secrets:acme/acme-ordersdb-cdc:password}',
        'database.dbname': 'orders',
        'database.sslmode': 'require',
        'plugin.name': 'pgoutput',
        'slot.name': 'acme_orders',
        'publication.name': 'acme_orders',
        'publication.autocreate.mode': 'filtered',
        'table.include.list': '(?!(?:public\\.order_audit)$)(?:public\\.orders),(?!(?:public\\.order_audit)$)(?:public\\.order_.*)',
      },
    });
    expect(DEBEZIUM_POSTGRES_CONNECTOR_CLASS).toBe('io.debezium.connector.postgresql.PostgresConnector');
    expect(DEBEZIUM_TOPIC_ROUTER_CLASS).toBe('io.debezium.transforms.ByLogicalTableRouter');
  });

  test('the Connect cluster <kafka>-cdc: its KafkaConnect, internal topics and the heartbeat topic', () => {
    const { stack } = postgresCapture();
    const { ofKind, named } = inspect(stack);
    const [connect] = ofKind('KafkaConnect');
    expect(connect.metadata).toMatchObject({ name: 'acme-kafka-cdc', annotations: { 'strimzi.io/use-connector-resources': 'true' } });
    expect(connect.spec).toMatchObject({
      replicas: DEFAULT_DEBEZIUM_CONNECT_REPLICAS,
      image: CDC_CONNECT_IMAGE,
      bootstrapServers: 'acme-kafka-kafka-bootstrap.acme.svc:9093',
      groupId: 'acme-kafka-cdc',
      configStorageTopic: 'acme-kafka-cdc-configs',
      offsetStorageTopic: 'acme-kafka-cdc-offsets',
      statusStorageTopic: 'acme-kafka-cdc-status',
      authentication: { type: 'tls', certificateAndKey: { secretName: 'acme-kafka-cdc', certificate: 'user.crt', key: 'user.key' } },
      config: { 'config.providers': 'secrets', 'config.providers.secrets.class': 'io.strimzi.kafka.KubernetesSecretConfigProvider' },
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } },
    });
    expect(connect.spec.build).toBeUndefined();
    const heartbeat = ofKind('KafkaTopic').find((t) => t.spec.topicName === '__debezium-heartbeat.acme-orders');
    expect(heartbeat.metadata.name).toMatch(/^debezium-heartbeat\.acme-orders-[0-9a-f]{8}$/);
    expect(heartbeat.metadata.labels['strimzi.io/cluster']).toBe('acme-kafka');
    expect(heartbeat.spec).toEqual({
      topicName: '__debezium-heartbeat.acme-orders', partitions: 1, replicas: 3, config: { 'cleanup.policy': 'compact', 'min.insync.replicas': 2 },
    });
    expect(named('KafkaTopic', 'acme-orders-schema-history')).toBeUndefined();
    expect(ofKind('KafkaTopic').map((t) => t.metadata.name).filter((n) => n.startsWith('acme-kafka-cdc'))).toEqual([
      'acme-kafka-cdc-configs', 'acme-kafka-cdc-offsets', 'acme-kafka-cdc-status',
    ]);
  });

  test('ACLs of the Connect user: its internal topics, Write/Describe on the target and heartbeat topics, nothing more', () => {
    const { stack } = postgresCapture();
    expect(inspect(stack).acls('acme-kafka-cdc')).toEqual([
      'topic:acme-kafka-cdc-configs:literal:Read+Write+Describe',
      'topic:acme-kafka-cdc-offsets:literal:Read+Write+Describe',
      'topic:acme-kafka-cdc-status:literal:Read+Write+Describe',
      'group:acme-kafka-cdc:literal:Read',
      'group:connect-acme-kafka-cdc:prefix:Read',
      'topic:acme-order-changes:literal:Write+Describe',
      'topic:__debezium-heartbeat.acme-orders:literal:Write+Describe',
    ]);
  });

  test('RBAC: the Connect service account may get its Kafka user Secret, the cluster CA and the CDC credential only', () => {
    const { stack } = postgresCapture();
    const { role, binding } = inspect(stack);
    expect(role('acme-kafka-cdc-secrets').rule).toEqual([
      { api_groups: [''], resources: ['secrets'], resource_names: ['acme-kafka-cdc', 'acme-kafka-cluster-ca-cert'], verbs: ['get'] },
    ]);
    expect(role('acme-orders-cdc-credential').rule).toEqual([
      { api_groups: [''], resources: ['secrets'], resource_names: ['acme-ordersdb-cdc'], verbs: ['get'] },
    ]);
    for (const name of ['acme-kafka-cdc-secrets', 'acme-orders-cdc-credential']) {
      expect(binding(name).subject).toEqual([{ kind: 'ServiceAccount', name: 'acme-kafka-cdc-connect', namespace: 'acme' }]);
      expect(binding(name).role_ref).toEqual({ api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: expect.stringContaining('kubernetes_role_v1') });
    }
  });

  test('NetworkPolicies: Connect REST and the Kubernetes API, and egress to the database port in its namespace', () => {
    const { stack } = postgresCapture();
    const { policy } = inspect(stack);
    const connectPods = { 'strimzi.io/cluster': 'acme-kafka-cdc', 'strimzi.io/kind': 'KafkaConnect' };
    expect(policy('allow-acme-kafka-cdc').spec).toMatchObject({
      pod_selector: { match_labels: connectPods },
      ingress: [{ from: [{ pod_selector: { match_labels: { 'strimzi.io/kind': 'cluster-operator' } } }, { pod_selector: { match_labels: connectPods } }], ports: [{ port: '8083', protocol: 'TCP' }] }],
    });
    expect(policy('allow-acme-kafka-cdc-to-acme-orders').spec).toEqual({
      pod_selector: { match_labels: connectPods },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{
        to: [{ pod_selector: { match_labels: {} }, namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'shop' } } }],
        ports: [{ port: '5432', protocol: 'TCP' }],
      }],
    });
  });

  test('a StreamingIngest on Kubernetes and an imported topic are targets too', () => {
    const stack = platformStack();
    const facade = new StreamingIngest(stack, 'Changes');
    const imported = KafkaStreamingIngest.fromTopicAttributes(stack, 'Imported', {
      topicName: 'acme-legacy-changes', clusterName: 'acme-kafka', bootstrapServers: 'acme-kafka-kafka-bootstrap.acme.svc:9093',
    });
    new DebeziumCdcSource(stack, 'Orders', {
      source: sourceDatabase(stack, 'OrdersDb', SourceEngine.POSTGRESQL),
      include: ['public.orders'],
      target: CdcTarget.stream(facade),
      kafkaConnect: { image: CDC_CONNECT_IMAGE },
    });
    new DebeziumCdcSource(stack, 'Legacy', {
      source: sourceDatabase(stack, 'LegacyDb', SourceEngine.POSTGRESQL), include: ['public.customers'], target: CdcTarget.stream(imported),
    });
    const { ofKind, acls } = inspect(stack);
    expect(ofKind('KafkaConnect')).toHaveLength(1);
    expect(ofKind('KafkaConnector').map((c) => `${c.metadata.name} -> ${c.spec.config['transforms.route.topic.replacement']}`)).toEqual([
      'acme-orders -> acme-changes', 'acme-legacy -> acme-legacy-changes',
    ]);
    expect(acls('acme-kafka-cdc').filter((a: string) => a.endsWith(':Write+Describe'))).toEqual([
      'topic:acme-changes:literal:Write+Describe',
      'topic:__debezium-heartbeat.acme-orders:literal:Write+Describe',
      'topic:acme-legacy-changes:literal:Write+Describe',
      'topic:__debezium-heartbeat.acme-legacy:literal:Write+Describe',
    ]);
  });
});
