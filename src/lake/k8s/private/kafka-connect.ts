import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1';
import { Construct, IConstruct } from 'constructs';
import { KAFKA_CONNECT_REST_PORT, LAKE_S3_REGION, LakeNames } from './lake-names';
import { invalidConfig } from '../../../core/errors';
import { IIdentity, Identity } from '../../../identity/identity';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { AIVEN_S3_SINK_CLASS, AIVEN_S3_SINK_URL } from '../../../platform/k8s/lake-versions';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../../platform/k8s/network';
import { PodSecurityLevel } from '../../../platform/k8s/pod-security';
import { toK8sResources } from '../../../platform/k8s/resources';
import { KafkaAclOperation, KafkaAclPatternType, KafkaAclResourceType, readAcls } from '../../../streaming/k8s/kafka-acl';
import { IKafkaCluster } from '../../../streaming/k8s/kafka-cluster-contract';
import { KafkaAuthentication, KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR } from '../../../streaming/k8s/kafka-cluster-options';
import { OPERATOR_POD_LABELS, STRIMZI_API_VERSION, STRIMZI_CLUSTER_LABEL } from '../../../streaming/k8s/strimzi-constants';
import { DEFAULT_KAFKA_CONNECT_REPLICAS, DEFAULT_KAFKA_CONNECT_RESOURCES, LakeKafkaConnectOptions } from '../kubernetes-data-lake-options';

/** Tasks of each lake connector. */
export const LAKE_CONNECTOR_TASKS = 2;
/** Partitions of the Connect offsets topic. */
export const CONNECT_OFFSETS_PARTITIONS = 25;
/** Partitions of the Connect status topic. */
export const CONNECT_STATUS_PARTITIONS = 5;

/** Checks that the Connect options give an image the platform can run. @internal */
export function checkConnectImage(scope: IConstruct, options: LakeKafkaConnectOptions): void {
  if (!options.image && !options.buildOutputImage) {
    throw invalidConfig(scope, `delivering to the lake needs a Kafka Connect image with the Aiven S3 sink connector (${AIVEN_S3_SINK_URL}); set kafkaConnect.image on the KubernetesDataLake (or kafkaConnect.buildOutputImage with a "baseline" platform).`);
  }
  if (!options.image && KubernetesPlatform.ofKubernetes(scope).podSecurity === PodSecurityLevel.RESTRICTED) {
    throw invalidConfig(scope, 'kafkaConnect.buildOutputImage needs Strimzi\'s Kaniko build, which Pod Security "restricted" forbids (it runs as root); set kafkaConnect.image to a prebuilt image with the Aiven S3 sink connector instead.');
  }
}

/**
 * One lake's Kafka Connect cluster on one Kafka cluster: the KafkaConnect, its compacted internal
 * topics, its KafkaUser (ACLs through the cluster's grant path) and the Role that lets it read the
 * lake's S3 key Secret. Connectors are added per bound StreamingIngest.
 * @internal
 */
export class LakeKafkaConnect extends Construct {
  public readonly connectName: string;
  private readonly identity: IIdentity;

  constructor(
    scope: Construct, id: string, private readonly names: LakeNames, public readonly cluster: IKafkaCluster, options: LakeKafkaConnectOptions,
  ) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.connectName = `${names.prefix}-lake-connect`;
    const name = this.connectName;
    const topics = { config: `${name}-configs`, offsets: `${name}-offsets`, status: `${name}-status` };
    const topicLabels = { ...platform.labels('kafka-topic'), [STRIMZI_CLUSTER_LABEL]: cluster.clusterName };
    const internalTopics = [[topics.config, 1], [topics.offsets, CONNECT_OFFSETS_PARTITIONS], [topics.status, CONNECT_STATUS_PARTITIONS]] as const;
    for (const [topic, partitions] of internalTopics) {
      cluster.addResource({
        apiVersion: STRIMZI_API_VERSION,
        kind: 'KafkaTopic',
        metadata: { name: topic, labels: topicLabels },
        spec: { partitions, replicas: KAFKA_REPLICATION_FACTOR, config: { 'cleanup.policy': 'compact', 'min.insync.replicas': KAFKA_MIN_INSYNC_REPLICAS } },
      });
    }
    const identity = Identity.fromServiceAccount(this, 'User', name);
    this.identity = identity;
    const rw = [KafkaAclOperation.READ, KafkaAclOperation.WRITE, KafkaAclOperation.DESCRIBE];
    cluster.grantAccess(identity, [
      ...Object.values(topics).map((t) => ({ resourceType: KafkaAclResourceType.TOPIC, resourceName: t, operations: rw })),
      { resourceType: KafkaAclResourceType.GROUP, resourceName: name, operations: [KafkaAclOperation.READ] },
      // Sink connectors consume as `connect-<connector>`; connectors are named `<connect>-...`.
      { resourceType: KafkaAclResourceType.GROUP, resourceName: `connect-${name}`, patternType: KafkaAclPatternType.PREFIX, operations: [KafkaAclOperation.READ] },
    ]);
    const authentication = cluster.authentication === KafkaAuthentication.TLS
      ? { type: 'tls', certificateAndKey: { secretName: name, certificate: 'user.crt', key: 'user.key' } }
      : { type: 'scram-sha-512', username: name, passwordSecret: { secretName: name, password: 'password' } };
    const replication = { 'config.storage.replication.factor': KAFKA_REPLICATION_FACTOR, 'offset.storage.replication.factor': KAFKA_REPLICATION_FACTOR, 'status.storage.replication.factor': KAFKA_REPLICATION_FACTOR };
    cluster.addResource({
      apiVersion: STRIMZI_API_VERSION,
      kind: 'KafkaConnect',
      metadata: { name, labels: platform.labels('kafka-connect'), annotations: { 'strimzi.io/use-connector-resources': 'true' } },
      spec: {
        replicas: options.replicas ?? DEFAULT_KAFKA_CONNECT_REPLICAS,
        bootstrapServers: cluster.bootstrapServers,
        groupId: name,
        configStorageTopic: topics.config,
        offsetStorageTopic: topics.offsets,
        statusStorageTopic: topics.status,
        tls: { trustedCertificates: [{ secretName: `${cluster.clusterName}-cluster-ca-cert`, pattern: '*.crt' }] },
        authentication,
        config: {
          ...replication,
          'config.providers': 'secrets',
          'config.providers.secrets.class': 'io.strimzi.kafka.KubernetesSecretConfigProvider',
        },
        resources: toK8sResources(options.resources ?? DEFAULT_KAFKA_CONNECT_RESOURCES),
        ...(options.image ? { image: options.image } : {
          build: {
            output: { type: 'docker', image: options.buildOutputImage, ...(options.buildPushSecret ? { pushSecret: options.buildPushSecret } : {}) },
            plugins: [{ name: 'aiven-s3-sink', artifacts: [{ type: 'zip', url: AIVEN_S3_SINK_URL }] }],
          },
        }),
      },
    });

    // Strimzi's KubernetesSecretConfigProvider reads the S3 keys with the Connect service account.
    const role = new RoleV1(this, 'SecretReader', {
      metadata: { name: `${name}-s3-keys`, namespace: names.namespace, labels: platform.labels('kafka-connect') },
      rule: [{ apiGroups: [''], resources: ['secrets'], resourceNames: [names.credentialsSecret], verbs: ['get'] }],
      dependsOn: platform.baseline,
    });
    new RoleBindingV1(this, 'SecretReaderBinding', {
      metadata: { name: `${name}-s3-keys`, namespace: names.namespace, labels: platform.labels('kafka-connect') },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
      subject: [{ kind: 'ServiceAccount', name: `${name}-connect`, namespace: names.namespace }],
    });
    const connectPods = { [STRIMZI_CLUSTER_LABEL]: name, 'strimzi.io/kind': 'KafkaConnect' };
    platform.allowTraffic(this, `allow-${name}`, {
      podLabels: connectPods,
      ingress: [{ peers: [{ podLabels: OPERATOR_POD_LABELS }, { podLabels: connectPods }], ports: [{ port: KAFKA_CONNECT_REST_PORT }] }],
      egress: [
        { peers: [{ podLabels: connectPods }], ports: [{ port: KAFKA_CONNECT_REST_PORT }] },
        { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS },
      ],
    });
    platform.allowTraffic(this, `allow-${name}-operator`, {
      podLabels: OPERATOR_POD_LABELS,
      egress: [{ peers: [{ podLabels: connectPods }], ports: [{ port: KAFKA_CONNECT_REST_PORT }] }],
    });
  }

  /** Adds a connector delivering `topicName` into `bucket` under `keyPrefix`. */
  public addConnector(connectorSuffix: string, topicName: string, bucket: string, keyPrefix: string): void {
    const secret = (key: string) => `\${secrets:${this.names.namespace}/${this.names.credentialsSecret}:${key}}`;
    const platform = KubernetesPlatform.ofKubernetes(this);
    // The source topic (its group ACL is the `connect-<connect>` prefix above, not readAcls' one).
    this.cluster.grantAccess(this.identity, readAcls(topicName, this.connectName).filter((a) => a.resourceType === KafkaAclResourceType.TOPIC));
    this.cluster.addResource({
      apiVersion: STRIMZI_API_VERSION,
      kind: 'KafkaConnector',
      metadata: { name: `${this.connectName}-${connectorSuffix}`, labels: { ...platform.labels('kafka-connector'), [STRIMZI_CLUSTER_LABEL]: this.connectName } },
      spec: {
        class: AIVEN_S3_SINK_CLASS,
        tasksMax: LAKE_CONNECTOR_TASKS,
        autoRestart: { enabled: true },
        config: {
          'topics': topicName,
          'aws.access.key.id': secret('accessKey'),
          'aws.secret.access.key': secret('secretKey'),
          'aws.s3.bucket.name': bucket,
          'aws.s3.endpoint': this.names.s3Endpoint,
          'aws.s3.region': LAKE_S3_REGION,
          'file.name.prefix': keyPrefix,
          'file.name.template': '{{topic}}/{{timestamp:unit=yyyy}}/{{timestamp:unit=MM}}/{{timestamp:unit=dd}}/{{timestamp:unit=HH}}/{{partition:padding=true}}-{{start_offset:padding=true}}.jsonl.gz',
          'file.compression.type': 'gzip',
          'format.output.type': 'jsonl',
          'format.output.fields': 'value',
          'format.output.fields.value.encoding': 'none',
          'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
          'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
          'value.converter.schemas.enable': false,
        },
      },
    });
  }
}
