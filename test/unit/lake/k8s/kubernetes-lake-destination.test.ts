import { KubernetesPlatform, PodSecurityLevel, S3Destination } from '../../../../src';
import { KubernetesDataLake, KubernetesDataLakeProps, KubernetesLakeDestination } from '../../../../src/lake/k8s';
import { AIVEN_S3_SINK_CLASS, AIVEN_S3_SINK_URL } from '../../../../src/platform/k8s/lake-versions';
import { KafkaAuthentication, KafkaCluster, KafkaStreamingIngest, STRIMZI_API_VERSION } from '../../../../src/streaming/k8s';
import { synthesizedCustomResources } from '../../../support/schemas';
import { newStack, ref, synth } from '../../../support/synth';

const IMAGE = 'registry.example.com/acme/lake-connect:1';

function pipeline(props: KubernetesDataLakeProps = { kafkaConnect: { image: IMAGE } }, authentication?: KafkaAuthentication) {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
  const lake = new KubernetesDataLake(stack, 'Lake', props);
  new KafkaStreamingIngest(stack, 'Clicks', {
    cluster: authentication ? { authentication } : undefined,
    destinations: [lake.destination({ zone: 'raw' })],
  });
  const out = synth(stack);
  const resources = synthesizedCustomResources(out.json);
  return { stack, lake, out, resources, ofKind: (kind: string) => resources.filter((r) => r.kind === kind) };
}

describe('KubernetesDataLake.destination on a Kafka StreamingIngest', () => {
  test('a KafkaConnect (TLS to the cluster, its own KafkaUser) and a KafkaConnector into the zone bucket', () => {
    const { ofKind, out } = pipeline();
    const [connect] = ofKind('KafkaConnect');
    expect(connect.apiVersion).toBe(STRIMZI_API_VERSION);
    expect(connect.metadata).toMatchObject({ name: 'acme-lake-connect', annotations: { 'strimzi.io/use-connector-resources': 'true' } });
    expect(connect.spec).toMatchObject({
      replicas: 2,
      image: IMAGE,
      bootstrapServers: 'acme-kafka-kafka-bootstrap.acme.svc:9093',
      groupId: 'acme-lake-connect',
      configStorageTopic: 'acme-lake-connect-configs',
      offsetStorageTopic: 'acme-lake-connect-offsets',
      statusStorageTopic: 'acme-lake-connect-status',
      tls: { trustedCertificates: [{ secretName: 'acme-kafka-cluster-ca-cert', pattern: '*.crt' }] },
      authentication: { type: 'tls', certificateAndKey: { secretName: 'acme-lake-connect', certificate: 'user.crt', key: 'user.key' } },
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } },
    });
    expect(connect.spec.build).toBeUndefined();
    const [connector] = ofKind('KafkaConnector');
    expect(connector.metadata).toMatchObject({ name: 'acme-lake-connect-clicks-lake-raw', labels: { 'strimzi.io/cluster': 'acme-lake-connect' } });
    expect(connector.spec.class).toBe(AIVEN_S3_SINK_CLASS);
    expect(connector.spec.config).toMatchObject({
      'topics': 'acme-clicks',
      'aws.s3.bucket.name': 'acme-raw',
      'aws.s3.endpoint': 'http://acme-seaweedfs-s3.acme.svc:8333',
      'aws.access.key.id': '$${secrets:acme/acme-lake-s3-credentials:accessKey}',
      'aws.secret.access.key': '$${secrets:acme/acme-lake-s3-credentials:secretKey}',
      'file.name.prefix': 'acme-clicks/',
      'format.output.type': 'jsonl',
    });
    const user = ofKind('KafkaUser').find((u) => u.metadata.name === 'acme-lake-connect');
    expect(user.spec.authorization.acls.map((a: any) => `${a.resource.type}:${a.resource.name}:${a.resource.patternType}:${a.operations.join('+')}`)).toEqual([
      'topic:acme-lake-connect-configs:literal:Read+Write+Describe',
      'topic:acme-lake-connect-offsets:literal:Read+Write+Describe',
      'topic:acme-lake-connect-status:literal:Read+Write+Describe',
      'group:acme-lake-connect:literal:Read',
      'group:connect-acme-lake-connect:prefix:Read',
      'topic:acme-clicks:literal:Read+Describe',
    ]);
    expect(ofKind('KafkaTopic').map((t) => `${t.metadata.name}/${t.spec.partitions}/${t.spec.config['cleanup.policy'] ?? 'delete'}`)).toEqual([
      'acme-clicks/3/delete', 'acme-lake-connect-configs/1/compact', 'acme-lake-connect-offsets/25/compact', 'acme-lake-connect-status/5/compact',
    ]);
    // Strimzi's KubernetesSecretConfigProvider reads the lake's S3 keys through the Role `<connect>-s3-keys`.
    const role = out.only('kubernetes_role_v1');
    expect(role.metadata).toMatchObject({ name: 'acme-lake-connect-s3-keys', namespace: 'acme' });
    expect(role.rule).toEqual([{ api_groups: [''], resources: ['secrets'], resource_names: ['acme-lake-s3-credentials'], verbs: ['get'] }]);
    const binding = out.only('kubernetes_role_binding_v1');
    expect(binding.metadata).toMatchObject({ name: 'acme-lake-connect-s3-keys', namespace: 'acme' });
    expect(binding.role_ref).toEqual({ api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: ref(out, 'kubernetes_role_v1', 'Lake_KafkaConnect_SecretReader', 'metadata[0].name') });
    expect(binding.subject).toEqual([{ kind: 'ServiceAccount', name: 'acme-lake-connect-connect', namespace: 'acme' }]);
    const policies = Object.values<any>(out.resources('kubernetes_network_policy_v1')).map((p) => p.metadata.name);
    expect(policies).toEqual(expect.arrayContaining(['allow-acme-lake-connect', 'allow-acme-lake-connect-operator']));
  });

  test('SCRAM clusters: Connect authenticates with SCRAM-SHA-512; a Strimzi build on a baseline platform', () => {
    expect(pipeline(undefined, KafkaAuthentication.SCRAM_SHA_512).ofKind('KafkaConnect')[0].spec.authentication).toEqual({
      type: 'scram-sha-512', username: 'acme-lake-connect', passwordSecret: { secretName: 'acme-lake-connect', password: 'password' },
    });
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', podSecurity: PodSecurityLevel.BASELINE });
    const lake = new KubernetesDataLake(stack, 'Lake', { kafkaConnect: { buildOutputImage: IMAGE } });
    new KafkaStreamingIngest(stack, 'Clicks', { destinations: [lake.destination({ zone: 'raw' })] });
    const [connect] = synthesizedCustomResources(synth(stack).json).filter((r) => r.kind === 'KafkaConnect');
    expect(connect.spec.build).toEqual({
      output: { type: 'docker', image: IMAGE },
      plugins: [{ name: 'aiven-s3-sink', artifacts: [{ type: 'zip', url: AIVEN_S3_SINK_URL }] }],
    });
  });

  describe('errors', () => {
    const ingest = (props: KubernetesDataLakeProps, options: any = { zone: 'raw' }, podSecurity?: PodSecurityLevel) => () => {
      const stack = newStack();
      new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', podSecurity });
      const lake = new KubernetesDataLake(stack, 'Lake', props);
      new KafkaStreamingIngest(stack, 'Clicks', { destinations: [lake.destination(options)] });
    };

    test('no Connect image; a build under restricted; partitionField; parquetTable; unknown zone', () => {
      expect(ingest({})).toThrow(
        `test/Clicks: delivering to the lake needs a Kafka Connect image with the Aiven S3 sink connector (${AIVEN_S3_SINK_URL}); set kafkaConnect.image on the KubernetesDataLake (or kafkaConnect.buildOutputImage with a "baseline" platform).`,
      );
      expect(ingest({ kafkaConnect: { buildOutputImage: IMAGE } })).toThrow(
        'test/Clicks: kafkaConnect.buildOutputImage needs Strimzi\'s Kaniko build, which Pod Security "restricted" forbids (it runs as root); set kafkaConnect.image to a prebuilt image with the Aiven S3 sink connector instead.',
      );
      expect(ingest({ kafkaConnect: { image: IMAGE } }, { zone: 'raw', partitionField: 'country' })).toThrow(
        'test/Clicks: invalid partitionField: received "country"; the Kubernetes lake destination partitions by topic, date and hour only (the Aiven S3 sink cannot partition by a record field); remove partitionField.',
      );
      expect(ingest({ kafkaConnect: { image: IMAGE } }, { zone: 'raw', parquetTable: 'clicks' })).toThrow(
        'test/Clicks: invalid parquetTable: received "clicks"; the Kubernetes lake destination writes gzipped JSON lines; convert to Iceberg/Parquet with Trino or Spark; remove parquetTable.',
      );
      expect(ingest({ kafkaConnect: { image: IMAGE } }, { zone: 'gold' })).toThrow('test/Lake: invalid zone: received "gold"; use one of raw, curated, analytics.');
    });

    test('Firehose binding, S3Destination on Kubernetes, a second Kafka cluster', () => {
      const stack = newStack();
      new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
      const lake = new KubernetesDataLake(stack, 'Lake', { kafkaConnect: { image: IMAGE } });
      const destination = lake.destination({ zone: 'raw' });
      expect(destination).toBeInstanceOf(KubernetesLakeDestination);
      expect(destination.destinationName).toBe('lake-raw');
      expect(() => destination.bindFirehose(lake, {} as any)).toThrow(
        'test/Lake: the KubernetesDataLake destination "lake-raw" delivers through Kafka Connect on Kubernetes; use a Kafka StreamingIngest, or DataLake.destination on AWS.',
      );
      expect(() => new KafkaStreamingIngest(stack, 'Orders', { destinations: [new S3Destination()] })).toThrow(
        'test/Orders: S3Destination "s3" is AWS-only (Kinesis Data Firehose); on Kubernetes use KubernetesDataLake.destination({ zone }) instead.',
      );
      new KafkaStreamingIngest(stack, 'Clicks', { destinations: [destination] });
      const other = KafkaCluster.fromClusterAttributes(stack, 'Other', { clusterName: 'other', bootstrapServers: 'other:9093' });
      expect(() => new KafkaStreamingIngest(stack, 'Payments', { existingCluster: other, destinations: [destination] })).toThrow(
        'test/Payments: the lake test/Lake already delivers from Kafka cluster "acme-kafka"; one lake has one Kafka Connect cluster, so connect StreamingIngests of that cluster only.',
      );
    });
  });
});
