import { Construct } from 'constructs';
import { checkName, KubernetesNameRules } from '../../core/naming';
import { exclusive, integerInRange } from '../../core/validate';
import { IIdentity } from '../../identity/identity';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { RemovalPolicy } from '../../platform/platform';
import { KAFKA_LIMITS, MIN_KAFKA_PARTITIONS, StreamCapacity, unitsFor } from '../capacity';
import {
  DEFAULT_RETENTION_HOURS, IStreamingIngest, kebab, MAX_RETENTION_HOURS, MIN_RETENTION_HOURS, StreamingEngine, StreamingIngestBaseProps,
} from '../streaming-ingest-contract';
import { readAcls, writeAcls } from './kafka-acl';
import { KafkaCluster } from './kafka-cluster';
import { IKafkaCluster } from './kafka-cluster-contract';
import { KafkaClusterOptions } from './kafka-cluster-options';
import { kafkaTopicResource } from './kafka-topic';
import { KafkaTopicAttributes } from './kafka-topic-attributes';
import { ImportedKafkaTopic } from './private/imported-kafka-topic';
import { invalidProp } from '../../core/errors';
import { checkDestinationName } from '../destination';

/** Props of {@link KafkaStreamingIngest}. */
export interface KafkaStreamingIngestProps extends StreamingIngestBaseProps {
  /**
   * Options of the stack's shared Kafka cluster (created by the first Kafka StreamingIngest).
   * @default - the defaults of KafkaClusterOptions, or the options the cluster was created with
   */
  readonly cluster?: KafkaClusterOptions;
  /**
   * An existing cluster to create the topic on instead of the stack's own.
   * @default - the stack's own cluster
   */
  readonly existingCluster?: IKafkaCluster;
}

const TOPICS = new WeakMap<IKafkaCluster, Map<string, string>>();

/**
 * StreamingIngest on Kubernetes: a topic (KafkaTopic) on a Strimzi Kafka cluster in KRaft mode,
 * replication 3 and min ISR 2; grants are KafkaUsers with ACLs (mTLS or SCRAM-SHA-512).
 */
export class KafkaStreamingIngest extends Construct implements IStreamingIngest {
  /** An existing topic of a Strimzi cluster; grants create KafkaUsers on that cluster. */
  public static fromTopicAttributes(scope: Construct, id: string, attrs: KafkaTopicAttributes): IStreamingIngest {
    return new ImportedKafkaTopic(scope, id, attrs);
  }

  public readonly engine: StreamingEngine = StreamingEngine.KAFKA;
  /** The topic name. */
  public readonly streamName: string;
  public readonly partitions?: number;
  public readonly retentionHours: number;
  /** Undefined on Kubernetes. */
  public readonly streamArn?: string;
  public readonly bootstrapServers?: string;
  /** The cluster of the topic. */
  public readonly cluster: IKafkaCluster;
  /** The removal policy in effect for the topic. */
  public readonly removalPolicy: RemovalPolicy;

  constructor(scope: Construct, id: string, props: KafkaStreamingIngestProps = {}) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    exclusive(this, 'cluster', props.cluster !== undefined, 'existingCluster', props.existingCluster !== undefined);
    this.streamName = checkName(this, 'streamName', `${platform.namePrefix}-${props.streamName ?? kebab(id)}`, KubernetesNameRules.KAFKA_TOPIC);
    this.retentionHours = integerInRange(this, 'retentionHours', props.retentionHours, MIN_RETENTION_HOURS, MAX_RETENTION_HOURS, DEFAULT_RETENTION_HOURS);
    const partitions = unitsFor(this, props.capacity ?? StreamCapacity.onDemand(), KAFKA_LIMITS) ?? MIN_KAFKA_PARTITIONS;
    this.partitions = partitions;
    this.removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);

    this.cluster = props.existingCluster ?? KafkaCluster.of(this, props.cluster);
    const topics = TOPICS.get(this.cluster) ?? new Map<string, string>();
    TOPICS.set(this.cluster, topics);
    const owner = topics.get(this.streamName);
    if (owner) {
      throw invalidProp(this, 'streamName', this.streamName, `topic already declared by ${owner} on cluster "${this.cluster.clusterName}"; give each StreamingIngest its own streamName`);
    }
    topics.set(this.streamName, this.node.path);
    this.bootstrapServers = this.cluster.bootstrapServers;
    this.cluster.addResource(kafkaTopicResource({
      topicName: this.streamName,
      clusterName: this.cluster.clusterName,
      partitions,
      retentionHours: this.retentionHours,
      retain: this.removalPolicy === RemovalPolicy.RETAIN,
      labels: platform.labels('kafka-topic'),
    }));
    // Each destination gets its Kafka Connect resources (for example KubernetesDataLake.destination).
    for (const destination of props.destinations ?? []) {
      checkDestinationName(this, destination);
      destination.bindKafkaConnect(this, {
        topicName: this.streamName,
        cluster: this.cluster,
        namespace: platform.namespace,
        resourceSuffix: `${props.streamName ?? kebab(id)}-${destination.destinationName}`.toLowerCase(),
      });
    }
  }

  public grantWrite(identity: IIdentity): void {
    this.cluster.grantAccess(identity, writeAcls(this.streamName));
  }

  public grantRead(identity: IIdentity): void {
    this.cluster.grantAccess(identity, readAcls(this.streamName, identity.identityName));
  }
}
