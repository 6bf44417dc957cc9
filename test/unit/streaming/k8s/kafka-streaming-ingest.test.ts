import { TerraformStack } from 'cdktf';
import {
  AwsPlatform, DEFAULT_HEADROOM_PERCENT, DEFAULT_RETENTION_HOURS, Identity, IStreamDestination, KAFKA_PARTITION_WRITE_BYTES_PER_SECOND,
  KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND, KubernetesPlatform, MIN_KAFKA_PARTITIONS, RemovalPolicy, StreamCapacity, StreamingEngine,
} from '../../../../src';
import {
  KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR, KafkaAuthentication, KafkaCluster, KafkaStreamingIngest, KafkaStreamingIngestProps,
  MILLISECONDS_PER_HOUR, STRIMZI_API_VERSION,
} from '../../../../src/streaming/k8s';
import { synthesizedCustomResources } from '../../../support/schemas';
import { newStack, synth } from '../../../support/synth';

function k8sStack(): TerraformStack {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
  return stack;
}

function resourcesOf(stack: TerraformStack, kind: string): any[] {
  return synthesizedCustomResources(synth(stack).json).filter((r) => r.kind === kind);
}

const topicAcl = (name: string, operations: string[]) => ({ resource: { type: 'topic', name, patternType: 'literal' }, operations, host: '*' });
const groupAcl = (name: string) => ({ resource: { type: 'group', name, patternType: 'prefix' }, operations: ['Read'], host: '*' });

describe('KafkaStreamingIngest', () => {
  test('a KafkaTopic with partitions from the declared load, replicas 3, min ISR 2 and retention', () => {
    const stack = k8sStack();
    const load = { recordsPerSecond: 20_000, averageRecordSizeBytes: 1_000 };
    const ingest = new KafkaStreamingIngest(stack, 'ClickEvents', { capacity: StreamCapacity.fromLoad(load), retentionHours: 48 });
    const expected = Math.max(
      MIN_KAFKA_PARTITIONS,
      Math.ceil(Math.max(
        (load.recordsPerSecond * load.averageRecordSizeBytes) / KAFKA_PARTITION_WRITE_BYTES_PER_SECOND,
        load.recordsPerSecond / KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND,
      ) * (1 + DEFAULT_HEADROOM_PERCENT / 100)),
    );
    expect(expected).toBe(5);
    expect(ingest.partitions).toBe(expected);
    expect(ingest.engine).toBe(StreamingEngine.KAFKA);
    expect(ingest.streamName).toBe('acme-click-events');
    expect(ingest.retentionHours).toBe(48);
    expect(ingest.streamArn).toBeUndefined();
    expect(ingest.bootstrapServers).toBe('acme-kafka-kafka-bootstrap.acme.svc:9093');

    const [topic] = resourcesOf(stack, 'KafkaTopic');
    expect(topic.apiVersion).toBe(STRIMZI_API_VERSION);
    expect(topic.metadata).toMatchObject({ name: 'acme-click-events', namespace: 'acme', labels: { 'strimzi.io/cluster': 'acme-kafka' } });
    expect(topic.metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(topic.spec).toEqual({
      partitions: expected,
      replicas: KAFKA_REPLICATION_FACTOR,
      config: { 'retention.ms': 48 * MILLISECONDS_PER_HOUR, 'min.insync.replicas': KAFKA_MIN_INSYNC_REPLICAS, 'cleanup.policy': 'delete' },
    });
    expect(topic.spec.config['retention.ms']).toBe(172_800_000);
  });

  test('defaults: on-demand = 3 partitions, 168 hours, kept on removal unless DESTROY is allowed', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', allowDataDestruction: true });
    new KafkaStreamingIngest(stack, 'Orders');
    new KafkaStreamingIngest(stack, 'Scratch', { removalPolicy: RemovalPolicy.DESTROY, capacity: StreamCapacity.provisioned(12) });
    const [orders, scratch] = resourcesOf(stack, 'KafkaTopic');
    expect(orders.spec.partitions).toBe(MIN_KAFKA_PARTITIONS);
    expect(orders.spec.config['retention.ms']).toBe(DEFAULT_RETENTION_HOURS * MILLISECONDS_PER_HOUR);
    expect(scratch.metadata.annotations).toBeUndefined();
    expect(scratch.spec.partitions).toBe(12);
  });

  test('a topic name that is not a Kubernetes name goes into spec.topicName', () => {
    const stack = k8sStack();
    const ingest = new KafkaStreamingIngest(stack, 'Orders', { streamName: 'Orders_V1' });
    const [topic] = resourcesOf(stack, 'KafkaTopic');
    expect(ingest.streamName).toBe('acme-Orders_V1');
    expect(topic.spec.topicName).toBe('acme-Orders_V1');
    expect(topic.metadata.name).toMatch(/^acme-orders-v1-[0-9a-f]{8}$/);
  });

  test('two ingests share one cluster, operator and release; grants accumulate ACLs on one KafkaUser', () => {
    const stack = k8sStack();
    const clicks = new KafkaStreamingIngest(stack, 'Clicks');
    const orders = new KafkaStreamingIngest(stack, 'Orders', { cluster: { brokers: 3 } });
    expect(orders.cluster).toBe(clicks.cluster);
    const app = new Identity(stack, 'App', { name: 'app' });
    const reader = new Identity(stack, 'Reader', { name: 'reader' });
    clicks.grantWrite(app);
    clicks.grantRead(app);
    orders.grantWrite(app);
    orders.grantRead(reader);
    orders.grantRead(reader);

    const out = synth(stack);
    expect(Object.values<any>(out.resources('helm_release')).map((r) => r.name).sort()).toEqual(['acme-kafka-resources', 'acme-strimzi']);
    const resources = synthesizedCustomResources(out.json);
    expect(resources.filter((r) => r.kind === 'Kafka')).toHaveLength(1);
    expect(resources.filter((r) => r.kind === 'KafkaTopic').map((t) => t.metadata.name)).toEqual(['acme-clicks', 'acme-orders']);
    const users = resources.filter((r) => r.kind === 'KafkaUser');
    expect(users.map((u) => u.metadata.name)).toEqual(['acme-app', 'acme-reader']);
    const [appUser, readerUser] = users;
    expect(appUser.metadata.labels['strimzi.io/cluster']).toBe('acme-kafka');
    expect(appUser.spec.authentication).toEqual({ type: 'tls' });
    expect(appUser.spec.authorization).toEqual({
      type: 'simple',
      acls: [topicAcl('acme-clicks', ['Read', 'Write', 'Describe']), groupAcl('acme-app'), topicAcl('acme-orders', ['Write', 'Describe'])],
    });
    expect(readerUser.spec.authorization.acls).toEqual([topicAcl('acme-orders', ['Read', 'Describe']), groupAcl('acme-reader')]);
  });

  test('SCRAM clusters get SCRAM users', () => {
    const stack = k8sStack();
    const ingest = new KafkaStreamingIngest(stack, 'Events', { cluster: { authentication: KafkaAuthentication.SCRAM_SHA_512 } });
    ingest.grantWrite(new Identity(stack, 'App', { name: 'app' }));
    expect(resourcesOf(stack, 'KafkaUser')[0].spec.authentication).toEqual({ type: 'scram-sha-512' });
  });

  test('fromTopicAttributes: grants create KafkaUsers on that cluster, one release per cluster', () => {
    const stack = k8sStack();
    const attrs = { clusterName: 'shared', bootstrapServers: 'shared-kafka-bootstrap.kafka.svc:9093' };
    const a = KafkaStreamingIngest.fromTopicAttributes(stack, 'A', { ...attrs, topicName: 'payments', partitions: 6 });
    const b = KafkaStreamingIngest.fromTopicAttributes(stack, 'B', { ...attrs, topicName: 'refunds' });
    expect(a.streamName).toBe('payments');
    expect(a.partitions).toBe(6);
    expect(a.retentionHours).toBe(DEFAULT_RETENTION_HOURS);
    expect(a.bootstrapServers).toBe(attrs.bootstrapServers);
    const app = new Identity(stack, 'App', { name: 'app' });
    a.grantWrite(app);
    b.grantRead(app);

    const out = synth(stack);
    const releases = Object.values<any>(out.resources('helm_release'));
    expect(releases.map((r) => r.name)).toEqual(['shared-resources']);
    const resources = synthesizedCustomResources(out.json);
    expect(resources).toHaveLength(1);
    expect(resources[0].metadata.labels['strimzi.io/cluster']).toBe('shared');
    expect(resources[0].spec.authorization.acls).toEqual([topicAcl('payments', ['Write', 'Describe']), topicAcl('refunds', ['Read', 'Describe']), groupAcl('acme-app')]);
    expect(() => KafkaStreamingIngest.fromTopicAttributes(stack, 'C', { ...attrs, bootstrapServers: 'other:9093', topicName: 'x' })).toThrow(
      'test/C: invalid bootstrapServers/authentication: received {"bootstrapServers":"other:9093","authentication":"tls"}; Kafka cluster "shared" is already imported at test/A/Cluster with {"bootstrapServers":"shared-kafka-bootstrap.kafka.svc:9093","authentication":"tls"}; use the same attributes.',
    );
  });

  test('existingCluster puts the topic on that cluster', () => {
    const stack = k8sStack();
    const existing = KafkaCluster.fromClusterAttributes(stack, 'Shared', { clusterName: 'shared', bootstrapServers: 'shared:9093' });
    const ingest = new KafkaStreamingIngest(stack, 'Events', { existingCluster: existing });
    expect(ingest.cluster).toBe(existing);
    expect(ingest.bootstrapServers).toBe('shared:9093');
    const out = synth(stack);
    expect(Object.values<any>(out.resources('helm_release')).map((r) => r.name)).toEqual(['shared-resources']);
    expect(synthesizedCustomResources(out.json).map((r) => `${r.kind}/${r.metadata.labels['strimzi.io/cluster']}`)).toEqual(['KafkaTopic/shared']);
  });

  describe('errors name the construct, prop, value and what is allowed', () => {
    const create = (props: KafkaStreamingIngestProps, id = 'Events') => () => new KafkaStreamingIngest(k8sStack(), id, props);

    test('fewer than 3 brokers', () => {
      expect(create({ cluster: { brokers: 1 } })).toThrow(
        'test/Events: invalid cluster.brokers: received 1; must be an integer from 3 to 100: topics keep 3 replicas with min.insync.replicas 2, which fewer than 3 brokers cannot hold.',
      );
    });

    test('bad topic name', () => {
      expect(create({ streamName: 'bad name!' })).toThrow(
        'test/Events: invalid streamName: received "acme-bad name!"; Kafka topic names have 1 to 249 characters of letters, digits, ".", "_" and "-"; this one has 14.',
      );
    });

    test('retention out of range', () => {
      expect(create({ retentionHours: 12 })).toThrow('test/Events: invalid retentionHours: received 12; must be an integer from 24 to 8760.');
      expect(create({ retentionHours: 9000 })).toThrow('test/Events: invalid retentionHours: received 9000; must be an integer from 24 to 8760.');
    });

    test('impossible load', () => {
      expect(create({ capacity: StreamCapacity.fromLoad({ recordsPerSecond: 10_000_000, averageRecordSizeBytes: 1_000 }) })).toThrow(
        'test/Events: invalid capacity.load: received {"recordsPerSecond":10000000,"averageRecordSizeBytes":1000}; it needs 2500 partitions with 25% headroom, above the maximum of 1000; lower the load or headroom, or use StreamCapacity.onDemand().',
      );
    });

    test('destinations are bound through Kafka Connect; bad destination names are rejected', () => {
      const bound: any[] = [];
      const lake = { destinationName: 'lake-raw', bindFirehose: () => ({ destination: 'x' }), bindKafkaConnect: (_s: any, o: any) => bound.push(o) } as IStreamDestination;
      create({ streamName: 'Clicks', destinations: [lake] })();
      expect(bound).toHaveLength(1);
      expect(bound[0]).toMatchObject({ topicName: 'acme-Clicks', namespace: 'acme', resourceSuffix: 'clicks-lake-raw' });
      expect(bound[0].cluster.clusterName).toBe('acme-kafka');
      const bad = { ...lake, destinationName: 'Bad Name' } as IStreamDestination;
      expect(create({ destinations: [bad] })).toThrow(
        'test/Events: invalid destinationName: received "Bad Name"; use 1 to 31 lowercase letters, digits and hyphens.',
      );
    });

    test('conflicting cluster options', () => {
      const stack = k8sStack();
      new KafkaStreamingIngest(stack, 'A', { cluster: { brokers: 5 } });
      expect(() => new KafkaStreamingIngest(stack, 'B', { cluster: { brokers: 3, brokerStorageSizeGiB: 200 } })).toThrow(
        'test/B: invalid cluster: received {"brokers":3,"brokerStorageSizeGiB":200}; the stack\'s Kafka StreamingIngests share one Kafka cluster, test/KafkaCluster, whose options differ: brokers is 5 there (3 here), brokerStorageSizeGiB is 100 there (200 here); give the cluster options on one StreamingIngest only, or identical options on each.',
      );
      expect(new KafkaStreamingIngest(stack, 'C').cluster.clusterName).toBe('acme-kafka');
    });

    test('cluster and existingCluster together, duplicate topic, wrong platform', () => {
      const stack = k8sStack();
      const existing = KafkaCluster.fromClusterAttributes(stack, 'Shared', { clusterName: 'shared', bootstrapServers: 'shared:9093' });
      expect(() => new KafkaStreamingIngest(stack, 'X', { cluster: {}, existingCluster: existing })).toThrow(
        'test/X: cluster and existingCluster cannot be used together; set one of them.',
      );
      new KafkaStreamingIngest(stack, 'Orders');
      expect(() => new KafkaStreamingIngest(stack, 'Orders2', { streamName: 'orders' })).toThrow(
        'test/Orders2: invalid streamName: received "acme-orders"; topic already declared by test/Orders on cluster "acme-kafka"; give each StreamingIngest its own streamName.',
      );
      const aws = newStack();
      new AwsPlatform(aws, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
      expect(() => new KafkaStreamingIngest(aws, 'Events')).toThrow(
        "test/Events: this construct deploys to Kubernetes but the stack's platform (test/Platform) is aws.",
      );
    });
  });
});
