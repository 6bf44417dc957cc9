import { IConstruct } from 'constructs';
import { invalidProp } from '../../../../core/errors';
import { IKafkaCluster } from '../../../../streaming/k8s/kafka-cluster-contract';
import { StreamingIngest } from '../../../../streaming/streaming-ingest';
import { IStreamingIngest, StreamingEngine } from '../../../../streaming/streaming-ingest-contract';
import { CdcTarget, CdcTargetKind } from '../../../cdc-contract';

/** The Kafka topic a DebeziumCdcSource publishes to, and its cluster. @internal */
export interface KafkaTarget {
  /** The StreamingIngest (grants go through it). */
  readonly stream: IStreamingIngest;
  readonly topicName: string;
  readonly kafka: IKafkaCluster;
}

function isKafkaCluster(value: unknown): value is IKafkaCluster {
  const cluster = value as Partial<IKafkaCluster> | undefined;
  return typeof cluster === 'object' && cluster !== null && typeof cluster.clusterName === 'string'
    && typeof cluster.addResource === 'function' && typeof cluster.grantAccess === 'function';
}

/**
 * The Kafka StreamingIngest of `target` and its Strimzi cluster (a KafkaStreamingIngest, its import,
 * or a StreamingIngest on Kubernetes); a clear error for a lake or a Kinesis/MSK stream.
 * @internal
 */
export function resolveKafkaTarget(scope: IConstruct, target: CdcTarget): KafkaTarget {
  if (!(target instanceof CdcTarget)) {
    throw invalidProp(scope, 'target', target, 'use CdcTarget.stream(stream) with a Kafka StreamingIngest');
  }
  if (target.kind === CdcTargetKind.LAKE || !target.targetStream) {
    throw invalidProp(scope, 'target', target.kind, 'Debezium on Kubernetes publishes to a Kafka StreamingIngest: use CdcTarget.stream(stream) and deliver that stream into the lake with destinations: [lake.destination({ zone })]');
  }
  const stream = target.targetStream;
  if (stream.engine !== StreamingEngine.KAFKA) {
    throw invalidProp(scope, 'target', stream.engine, 'Debezium on Kubernetes publishes to a Kafka topic on Strimzi: use a StreamingIngest (or KafkaStreamingIngest) on the Kubernetes platform; Kinesis and MSK streams are targets of the AWS CdcSource');
  }
  const backend = stream instanceof StreamingIngest ? stream.backend : stream;
  const cluster = (backend as unknown as { cluster?: unknown }).cluster;
  if (!isKafkaCluster(cluster)) {
    throw invalidProp(scope, 'target', stream.node.path, 'use a KafkaStreamingIngest, KafkaStreamingIngest.fromTopicAttributes(...) or a StreamingIngest on Kubernetes: the connector\'s KafkaUser and topics go to that topic\'s Strimzi cluster');
  }
  return { stream, topicName: stream.streamName, kafka: cluster };
}
