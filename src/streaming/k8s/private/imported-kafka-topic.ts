import { Construct } from 'constructs';
import { invalidProp } from '../../../core/errors';
import { checkName, KubernetesNameRules } from '../../../core/naming';
import { integerInRange } from '../../../core/validate';
import { IIdentity } from '../../../identity/identity';
import { MAX_KAFKA_PARTITIONS } from '../../capacity';
import {
  DEFAULT_RETENTION_HOURS, IStreamingIngest, MAX_RETENTION_HOURS, MIN_RETENTION_HOURS, StreamingEngine,
} from '../../streaming-ingest-contract';
import { readAcls, writeAcls } from '../kafka-acl';
import { KafkaCluster } from '../kafka-cluster';
import { IKafkaCluster } from '../kafka-cluster-contract';
import { KafkaTopicAttributes } from '../kafka-topic-attributes';

/**
 * An existing topic; grants add KafkaUsers (ACLs) on its cluster.
 * @internal
 */
export class ImportedKafkaTopic extends Construct implements IStreamingIngest {
  public readonly engine: StreamingEngine = StreamingEngine.KAFKA;
  public readonly streamName: string;
  public readonly partitions?: number;
  public readonly retentionHours: number;
  public readonly streamArn?: string;
  public readonly bootstrapServers?: string;
  /** The cluster of the topic. */
  public readonly cluster: IKafkaCluster;

  constructor(scope: Construct, id: string, attrs: KafkaTopicAttributes) {
    super(scope, id);
    this.streamName = checkName(this, 'topicName', attrs.topicName, KubernetesNameRules.KAFKA_TOPIC);
    if (attrs.partitions !== undefined) {
      this.partitions = integerInRange(this, 'partitions', attrs.partitions, 1, MAX_KAFKA_PARTITIONS, 1);
    }
    this.retentionHours = integerInRange(this, 'retentionHours', attrs.retentionHours, MIN_RETENTION_HOURS, MAX_RETENTION_HOURS, DEFAULT_RETENTION_HOURS);
    this.cluster = KafkaCluster.fromClusterAttributes(this, 'Cluster', attrs);
    if (this.cluster.bootstrapServers !== attrs.bootstrapServers) {
      throw invalidProp(this, 'bootstrapServers', attrs.bootstrapServers, `cluster "${attrs.clusterName}" is this stack's own cluster, reachable at ${this.cluster.bootstrapServers}`);
    }
    this.bootstrapServers = this.cluster.bootstrapServers;
  }

  public grantWrite(identity: IIdentity): void {
    this.cluster.grantAccess(identity, writeAcls(this.streamName));
  }

  public grantRead(identity: IIdentity): void {
    this.cluster.grantAccess(identity, readAcls(this.streamName, identity.identityName));
  }
}
