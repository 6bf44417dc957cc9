import { Construct, IConstruct } from 'constructs';
import { allowConnectSecretReads, allowConnectTraffic, connectPodLabels } from './connect-access';
import { checkConnectImage, ConnectImageOptions, connectImageSpec, ConnectOwner, ConnectPlugins } from './connect-image';
import { invalidConfig } from '../../../core/errors';
import { IIdentity, Identity } from '../../../identity/identity';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { NetworkRule } from '../../../platform/k8s/network';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { KafkaAclOperation, KafkaAclPatternType, KafkaAclResourceType, readAcls } from '../kafka-acl';
import { IKafkaCluster } from '../kafka-cluster-contract';
import { KafkaAuthentication, KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR } from '../kafka-cluster-options';
import { STRIMZI_API_VERSION, STRIMZI_CLUSTER_LABEL } from '../strimzi-constants';

/** Partitions of the Connect offsets topic. */
export const CONNECT_OFFSETS_PARTITIONS = 25;
/** Partitions of the Connect status topic. */
export const CONNECT_STATUS_PARTITIONS = 5;

/** Inputs of a {@link ConnectCluster}. @internal */
export interface ConnectClusterInput {
  /** Name of the KafkaConnect, its group, KafkaUser and internal topics (`<name>-configs`...). */
  readonly name: string;
  readonly kafka: IKafkaCluster;
  readonly replicas: number;
  readonly resources: ResourceRequirements;
  /** The prebuilt image, or the Strimzi build of one (an owner's `kafkaConnect` options). */
  readonly imageOptions: ConnectImageOptions;
  /** The connector plugin, or plugins (built into the image when there is no prebuilt image). */
  readonly plugin: ConnectPlugins;
  /** Name of the Role (and RoleBinding) letting the Connect service account read `secretNames`. */
  readonly secretReaderName: string;
  /** Secrets of the platform namespace the connectors read through `${secrets:<ns>/<name>:<key>}`. */
  readonly secretNames: string[];
  /**
   * Connections the Connect pods open besides Kafka, each other and the Kubernetes API.
   * @default - none
   */
  readonly egress?: NetworkRule[];
}

/**
 * Checks a connector binding of `owner`, which has one Connect cluster on one Kafka cluster: its
 * `existing` cluster must run on `kafka`; a first one needs an image the platform can run.
 * @internal
 */
export function checkConnectBinding(
  scope: IConstruct, existing: ConnectCluster | undefined, kafka: IKafkaCluster,
  image: ConnectImageOptions, plugin: ConnectPlugins, owner: ConnectOwner,
): void {
  if (!existing) {
    checkConnectImage(scope, image, plugin, owner);
  } else if (existing.kafka !== kafka) {
    throw invalidConfig(scope, `the ${owner.kind} ${owner.path} already ${owner.verb} from Kafka cluster "${existing.kafka.clusterName}"; one ${owner.kind} has one Kafka Connect cluster, so connect StreamingIngests of that cluster only.`);
  }
}

/**
 * A Strimzi Kafka Connect cluster on one Kafka cluster: the KafkaConnect (connectors managed as
 * KafkaConnector resources), its compacted internal topics, its KafkaUser (ACLs through the
 * cluster's grant path), Strimzi's KubernetesSecretConfigProvider with a Role on the Secrets it
 * reads, and its NetworkPolicies. Sink connectors are added per bound StreamingIngest, source
 * connectors (Debezium) per captured database.
 * @internal
 */
export class ConnectCluster extends Construct {
  public readonly connectName: string;
  public readonly kafka: IKafkaCluster;
  /** Labels of the Connect pods. */
  public readonly podLabels: Record<string, string>;
  /** Its Kafka identity (the KafkaUser `<connect>`): grant it what its source connectors write. */
  public readonly identity: IIdentity;

  constructor(scope: Construct, id: string, input: ConnectClusterInput) {
    super(scope, id);
    const name = input.name;
    const kafka = input.kafka;
    this.connectName = name;
    this.kafka = kafka;
    this.podLabels = connectPodLabels(name);
    const topics = { config: `${name}-configs`, offsets: `${name}-offsets`, status: `${name}-status` };
    this.addInternalTopics(topics);
    this.identity = Identity.fromServiceAccount(this, 'User', name);
    const rw = [KafkaAclOperation.READ, KafkaAclOperation.WRITE, KafkaAclOperation.DESCRIBE];
    kafka.grantAccess(this.identity, [
      ...Object.values(topics).map((t) => ({ resourceType: KafkaAclResourceType.TOPIC, resourceName: t, operations: rw })),
      { resourceType: KafkaAclResourceType.GROUP, resourceName: name, operations: [KafkaAclOperation.READ] },
      // Sink connectors consume as `connect-<connector>`; connectors are named `<connect>-...`.
      { resourceType: KafkaAclResourceType.GROUP, resourceName: `connect-${name}`, patternType: KafkaAclPatternType.PREFIX, operations: [KafkaAclOperation.READ] },
    ]);
    const authentication = kafka.authentication === KafkaAuthentication.TLS
      ? { type: 'tls', certificateAndKey: { secretName: name, certificate: 'user.crt', key: 'user.key' } }
      : { type: 'scram-sha-512', username: name, passwordSecret: { secretName: name, password: 'password' } };
    kafka.addResource({
      apiVersion: STRIMZI_API_VERSION,
      kind: 'KafkaConnect',
      metadata: { name, labels: KubernetesPlatform.ofKubernetes(this).labels('kafka-connect'), annotations: { 'strimzi.io/use-connector-resources': 'true' } },
      spec: {
        replicas: input.replicas,
        bootstrapServers: kafka.bootstrapServers,
        groupId: name,
        configStorageTopic: topics.config,
        offsetStorageTopic: topics.offsets,
        statusStorageTopic: topics.status,
        tls: { trustedCertificates: [{ secretName: `${kafka.clusterName}-cluster-ca-cert`, pattern: '*.crt' }] },
        authentication,
        config: {
          'config.storage.replication.factor': KAFKA_REPLICATION_FACTOR,
          'offset.storage.replication.factor': KAFKA_REPLICATION_FACTOR,
          'status.storage.replication.factor': KAFKA_REPLICATION_FACTOR,
          'config.providers': 'secrets',
          'config.providers.secrets.class': 'io.strimzi.kafka.KubernetesSecretConfigProvider',
        },
        resources: toK8sResources(input.resources),
        // Worker, connector and task metrics on port 9404 (`tcp-prometheus`) for Prometheus.
        metricsConfig: { type: 'strimziMetricsReporter' },
        ...connectImageSpec(input.imageOptions, input.plugin),
      },
    });
    allowConnectSecretReads(this, name, input.secretReaderName, input.secretNames);
    allowConnectTraffic(this, name, input.egress ?? []);
  }

  /** Adds a sink connector `<connect>-<suffix>` reading `topicName` (its topic ACLs go to the Connect user). */
  public addSinkConnector(connectorSuffix: string, topicName: string, className: string, tasksMax: number, config: Record<string, any>): void {
    const platform = KubernetesPlatform.ofKubernetes(this);
    // The source topic (its group ACL is the `connect-<connect>` prefix above, not readAcls' one).
    this.kafka.grantAccess(this.identity, readAcls(topicName, this.connectName).filter((a) => a.resourceType === KafkaAclResourceType.TOPIC));
    this.kafka.addResource({
      apiVersion: STRIMZI_API_VERSION,
      kind: 'KafkaConnector',
      metadata: { name: `${this.connectName}-${connectorSuffix}`, labels: { ...platform.labels('kafka-connector'), [STRIMZI_CLUSTER_LABEL]: this.connectName } },
      spec: { class: className, tasksMax, autoRestart: { enabled: true }, config: { topics: topicName, ...config } },
    });
  }

  /**
   * Adds a source connector `name` (its topic ACLs are the caller's: grant them to `identity`).
   * Strimzi sets `name`, `connector.class` and `tasks.max` from the resource, so `config` has none.
   */
  public addSourceConnector(name: string, className: string, tasksMax: number, config: Record<string, any>): void {
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.kafka.addResource({
      apiVersion: STRIMZI_API_VERSION,
      kind: 'KafkaConnector',
      metadata: { name, labels: { ...platform.labels('kafka-connector'), [STRIMZI_CLUSTER_LABEL]: this.connectName } },
      spec: { class: className, tasksMax, autoRestart: { enabled: true }, config },
    });
  }

  /** The compacted topics Connect keeps its configs, offsets and status in. */
  private addInternalTopics(topics: { config: string; offsets: string; status: string }): void {
    const labels = { ...KubernetesPlatform.ofKubernetes(this).labels('kafka-topic'), [STRIMZI_CLUSTER_LABEL]: this.kafka.clusterName };
    const partitions = [[topics.config, 1], [topics.offsets, CONNECT_OFFSETS_PARTITIONS], [topics.status, CONNECT_STATUS_PARTITIONS]] as const;
    for (const [topic, count] of partitions) {
      this.kafka.addResource({
        apiVersion: STRIMZI_API_VERSION,
        kind: 'KafkaTopic',
        metadata: { name: topic, labels },
        spec: { partitions: count, replicas: KAFKA_REPLICATION_FACTOR, config: { 'cleanup.policy': 'compact', 'min.insync.replicas': KAFKA_MIN_INSYNC_REPLICAS } },
      });
    }
  }
}
