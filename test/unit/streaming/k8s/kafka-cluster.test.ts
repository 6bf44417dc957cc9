import { Testing } from 'cdktf';
import { Identity, KAFKA_VERSION, KubernetesPlatform, KubernetesPlatformProps, RemovalPolicy } from '../../../../src';
import {
  DEFAULT_KAFKA_BROKER_RESOURCES, DEFAULT_KAFKA_BROKER_STORAGE_SIZE_GIB, DEFAULT_KAFKA_BROKERS, DEFAULT_KAFKA_CONTROLLER_STORAGE_SIZE_GIB,
  DEFAULT_KAFKA_CONTROLLERS, DEFAULT_KAFKA_ENTITY_OPERATOR_RESOURCES, KAFKA_AGENT_PORT, KAFKA_BROKER_POOL_NAME, KAFKA_CONTROL_PLANE_PORT,
  KAFKA_CONTROLLER_POOL_NAME, KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR, KAFKA_REPLICATION_PORT, KAFKA_TLS_LISTENER_PORT,
  KafkaAclOperation, KafkaAclResourceType, KafkaAuthentication, KafkaCluster, KafkaClusterOptions, KafkaStreamingIngest, STRIMZI_API_VERSION,
} from '../../../../src/streaming/k8s';
import { synthesizedCustomResources } from '../../../support/schemas';
import { newStack, synth } from '../../../support/synth';

function clusterStack(options?: KafkaClusterOptions, platform: Partial<KubernetesPlatformProps> = {}) {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', ...platform });
  const cluster = new KafkaCluster(stack, 'KafkaCluster', options);
  const out = synth(stack);
  const resources = synthesizedCustomResources(out.json);
  const ofKind = (kind: string) => resources.filter((r) => r.kind === kind);
  const pool = (name: string) => ofKind('KafkaNodePool').find((r) => r.metadata.name === name);
  const policy = (name: string) => Object.values<any>(out.resources('kubernetes_network_policy_v1')).find((p) => p.metadata.name === name);
  return { stack, cluster, out, resources, kafka: ofKind('Kafka')[0], pool, policy };
}

const ports = (...numbers: number[]) => numbers.map((p) => ({ port: String(p), protocol: 'TCP' }));

describe('KafkaCluster', () => {
  test('Kafka CR: KRaft, TLS listener, simple authorization and durable config', () => {
    const { kafka, cluster } = clusterStack();
    expect(kafka.apiVersion).toBe(STRIMZI_API_VERSION);
    expect(kafka.metadata).toMatchObject({ name: 'acme-kafka', namespace: 'acme', labels: { 'app.kubernetes.io/component': 'kafka', 'managed-by': 'cdktf-data-pipelines' } });
    expect(cluster.clusterName).toBe('acme-kafka');
    expect(cluster.bootstrapServers).toBe('acme-kafka-kafka-bootstrap.acme.svc:9093');
    const spec = kafka.spec.kafka;
    expect(spec.version).toBe(KAFKA_VERSION);
    expect(spec.listeners).toEqual([{
      name: 'tls', port: KAFKA_TLS_LISTENER_PORT, type: 'internal', tls: true, authentication: { type: 'tls' }, networkPolicyPeers: [{ podSelector: {} }],
    }]);
    expect(spec.authorization).toEqual({ type: 'simple' });
    expect(spec.config).toEqual({
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
      'unclean.leader.election.enable': false,
      'auto.create.topics.enable': false,
    });
    expect(spec.config['default.replication.factor']).toBe(KAFKA_REPLICATION_FACTOR);
    expect(spec.config['min.insync.replicas']).toBe(KAFKA_MIN_INSYNC_REPLICAS);
    expect(spec.metricsConfig).toEqual({ type: 'strimziMetricsReporter' });
    const r = DEFAULT_KAFKA_ENTITY_OPERATOR_RESOURCES;
    const eo = { requests: { cpu: r.cpuRequest, memory: r.memoryRequest }, limits: { memory: r.memoryLimit } };
    expect(kafka.spec.entityOperator).toEqual({ topicOperator: { resources: eo }, userOperator: { resources: eo } });
  });

  test('node pools: controllers and brokers with roles, sizes, resources; volumes kept by default', () => {
    const { pool, kafka } = clusterStack();
    const controller = pool(KAFKA_CONTROLLER_POOL_NAME);
    const broker = pool(KAFKA_BROKER_POOL_NAME);
    expect(controller.metadata.labels['strimzi.io/cluster']).toBe('acme-kafka');
    expect(controller.spec.roles).toEqual(['controller']);
    expect(controller.spec.replicas).toBe(DEFAULT_KAFKA_CONTROLLERS);
    expect(controller.spec.storage.volumes).toEqual([
      { id: 0, type: 'persistent-claim', size: `${DEFAULT_KAFKA_CONTROLLER_STORAGE_SIZE_GIB}Gi`, deleteClaim: false, kraftMetadata: 'shared' },
    ]);
    expect(broker.spec.roles).toEqual(['broker']);
    expect(broker.spec.replicas).toBe(DEFAULT_KAFKA_BROKERS);
    expect(broker.spec.storage.volumes[0].size).toBe(`${DEFAULT_KAFKA_BROKER_STORAGE_SIZE_GIB}Gi`);
    expect(broker.spec.storage.volumes[0].deleteClaim).toBe(false);
    expect(broker.spec.resources).toEqual({
      requests: { cpu: DEFAULT_KAFKA_BROKER_RESOURCES.cpuRequest, memory: DEFAULT_KAFKA_BROKER_RESOURCES.memoryRequest },
      limits: { memory: DEFAULT_KAFKA_BROKER_RESOURCES.memoryLimit },
    });
    for (const r of [controller, broker, kafka]) expect(r.metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
  });

  test('options: sizes, storage class (platform default or override), version, SCRAM', () => {
    const a = clusterStack({ brokers: 5, controllers: 5, brokerStorageSizeGiB: 500, kafkaVersion: '4.2.0', authentication: KafkaAuthentication.SCRAM_SHA_512 }, { storageClassName: 'gp3' });
    expect(a.pool(KAFKA_BROKER_POOL_NAME).spec.replicas).toBe(5);
    expect(a.pool(KAFKA_CONTROLLER_POOL_NAME).spec.replicas).toBe(5);
    expect(a.pool(KAFKA_BROKER_POOL_NAME).spec.storage.volumes[0]).toMatchObject({ size: '500Gi', class: 'gp3' });
    expect(a.pool(KAFKA_CONTROLLER_POOL_NAME).spec.storage.volumes[0].class).toBe('gp3');
    expect(a.kafka.spec.kafka.version).toBe('4.2.0');
    expect(a.kafka.spec.kafka.listeners[0].authentication).toEqual({ type: 'scram-sha-512' });
    expect(a.cluster.authentication).toBe(KafkaAuthentication.SCRAM_SHA_512);
    const b = clusterStack({ storageClassName: 'local-nvme' }, { storageClassName: 'gp3' });
    expect(b.pool(KAFKA_BROKER_POOL_NAME).spec.storage.volumes[0].class).toBe('local-nvme');
  });

  test('RemovalPolicy.DESTROY deletes claims only with the platform opt-in', () => {
    const destroy = clusterStack({ removalPolicy: RemovalPolicy.DESTROY }, { allowDataDestruction: true });
    expect(destroy.cluster.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(destroy.pool(KAFKA_BROKER_POOL_NAME).spec.storage.volumes[0].deleteClaim).toBe(true);
    expect(destroy.kafka.metadata.annotations).toBeUndefined();
    const refused = clusterStack({ removalPolicy: RemovalPolicy.DESTROY });
    expect(refused.cluster.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(refused.pool(KAFKA_BROKER_POOL_NAME).spec.storage.volumes[0].deleteClaim).toBe(false);
    expect(Testing.synth(refused.stack)).toBeDefined();
    expect(refused.cluster.node.metadata.map((m) => m.data)).toContainEqual(expect.stringContaining('removalPolicy DESTROY ignored'));
  });

  test('custom resources are released after the Strimzi operator', () => {
    const { out, cluster } = clusterStack();
    const releases = out.resources('helm_release');
    const crRelease = Object.values<any>(releases).find((r) => r.name === 'acme-kafka-resources');
    expect(crRelease.depends_on).toContain('helm_release.StrimziOperator_Chart_Release_C0124B0C');
    expect(crRelease.namespace).toBe('acme');
    expect(cluster.customResources.resources.map((r) => r.kind)).toEqual(['KafkaNodePool', 'KafkaNodePool', 'Kafka']);
  });

  test('network policies: clients -> brokers on 9093, Kafka internal traffic, entity operator', () => {
    const { policy } = clusterStack();
    const kafkaPods = { 'strimzi.io/cluster': 'acme-kafka', 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': 'acme-kafka-kafka' };
    const brokers = { ...kafkaPods, 'strimzi.io/broker-role': 'true' };
    const entityOperator = { 'strimzi.io/cluster': 'acme-kafka', 'strimzi.io/name': 'acme-kafka-entity-operator' };

    const clients = policy('allow-acme-kafka-kafka-clients').spec;
    expect(clients.pod_selector.match_labels).toEqual(brokers);
    expect(clients.ingress).toEqual([{ from: [{ pod_selector: { match_labels: {} } }], ports: ports(KAFKA_TLS_LISTENER_PORT) }]);
    const clientEgress = policy('allow-acme-kafka-kafka-client-egress').spec;
    expect(clientEgress.pod_selector.match_labels).toEqual({});
    expect(clientEgress.egress).toEqual([{ to: [{ pod_selector: { match_labels: brokers } }], ports: ports(KAFKA_TLS_LISTENER_PORT) }]);

    const internal = policy('allow-acme-kafka-kafka-internal').spec;
    expect(internal.pod_selector.match_labels).toEqual(kafkaPods);
    expect(internal.ingress).toEqual([
      { from: [{ pod_selector: { match_labels: kafkaPods } }], ports: ports(KAFKA_CONTROL_PLANE_PORT, KAFKA_REPLICATION_PORT) },
      {
        from: [{ pod_selector: { match_labels: { 'strimzi.io/kind': 'cluster-operator' } } }],
        ports: ports(KAFKA_CONTROL_PLANE_PORT, KAFKA_REPLICATION_PORT, KAFKA_AGENT_PORT),
      },
      { from: [{ pod_selector: { match_labels: entityOperator } }], ports: ports(KAFKA_REPLICATION_PORT) },
    ]);
    const internalPorts = ports(KAFKA_CONTROL_PLANE_PORT, KAFKA_REPLICATION_PORT);
    expect(internal.egress).toEqual([{ to: [{ pod_selector: { match_labels: kafkaPods } }], ports: internalPorts }]);

    const eo = policy('allow-acme-kafka-entity-operator').spec;
    expect(eo.pod_selector.match_labels).toEqual(entityOperator);
    expect(eo.egress).toEqual([
      { to: [{ pod_selector: { match_labels: kafkaPods } }], ports: ports(KAFKA_REPLICATION_PORT) },
      { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: ports(443, 6443) },
    ]);
  });

  test('grantAccess: one KafkaUser per identity, custom ACLs merged', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    const cluster = KafkaCluster.of(stack);
    const app = new Identity(stack, 'App', { name: 'app' });
    cluster.grantAccess(app, [{ resourceType: KafkaAclResourceType.TOPIC, resourceName: 'audit', operations: [KafkaAclOperation.DESCRIBE] }]);
    cluster.grantAccess(app, [{ resourceType: KafkaAclResourceType.TOPIC, resourceName: 'audit', operations: [KafkaAclOperation.WRITE, KafkaAclOperation.IDEMPOTENT_WRITE] }]);
    const users = cluster.customResources.resources.filter((r) => r.kind === 'KafkaUser');
    expect(users).toHaveLength(1);
    expect(users[0].spec!.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 'audit', patternType: 'literal' }, operations: ['Write', 'Describe', 'IdempotentWrite'], host: '*' },
    ]);
    expect(() => cluster.grantAccess(app, [{ resourceType: KafkaAclResourceType.GROUP, resourceName: 'g', operations: [] }])).toThrow(
      'test/KafkaCluster: invalid acls[0].operations: received []; use one or more of Read, Write, Describe, IdempotentWrite.',
    );
  });

  test('errors: fewer than 3 brokers, even controllers, bad sizes, second cluster', () => {
    expect(() => clusterStack({ brokers: 1 })).toThrow(
      'test/KafkaCluster: invalid brokers: received 1; must be an integer from 3 to 100: topics keep 3 replicas with min.insync.replicas 2, which fewer than 3 brokers cannot hold.',
    );
    expect(() => clusterStack({ controllers: 4 })).toThrow(
      'test/KafkaCluster: invalid controllers: received 4; must be an odd integer from 3 to 9 (a KRaft quorum of 3 survives one failure, 5 survive two).',
    );
    expect(() => clusterStack({ brokerStorageSizeGiB: 0 })).toThrow('test/KafkaCluster: invalid brokerStorageSizeGiB: received 0; must be an integer from 1 to 65536.');
    expect(() => clusterStack({ brokerResources: { cpuRequest: '1', memoryRequest: 'two gigs', memoryLimit: '2Gi' } })).toThrow(
      'test/KafkaCluster: invalid brokerResources.memoryRequest: received "two gigs"; use a Kubernetes quantity such as "500m" or "2Gi".',
    );
    expect(() => clusterStack({ kafkaVersion: 'latest' })).toThrow(
      'test/KafkaCluster: invalid kafkaVersion: received "latest"; use a Kafka version such as "4.3.1" that the pinned Strimzi operator supports.',
    );
    const { stack } = clusterStack();
    expect(() => new KafkaCluster(stack, 'Second')).toThrow(
      'test/Second: stack "test" already has a Kafka cluster at test/KafkaCluster; use KafkaCluster.of(scope) to share it.',
    );
  });

  test('of() shares the stack cluster with StreamingIngests', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    const cluster = new KafkaCluster(stack, 'KafkaCluster', { brokers: 4 });
    const ingest = new KafkaStreamingIngest(stack, 'Events');
    expect(ingest.cluster).toBe(cluster);
    expect(KafkaCluster.of(stack, { brokers: 4 })).toBe(cluster);
  });
});
