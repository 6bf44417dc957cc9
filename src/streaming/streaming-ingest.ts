import { Construct } from 'constructs';
import { invalidConfig } from '../core/errors';
import { IIdentity } from '../identity/identity';
import { PipelinePlatform, PlatformKind } from '../platform/platform';
import { KinesisStreamingIngest } from './aws/kinesis-streaming-ingest';
import { MskOptions } from './aws/msk/msk-options';
import { MskStreamingIngest } from './aws/msk/msk-streaming-ingest';
import { StreamTransformOptions } from './aws/transform-options';
import { IKafkaCluster } from './k8s/kafka-cluster-contract';
import { KafkaClusterOptions } from './k8s/kafka-cluster-options';
import { KafkaStreamingIngest } from './k8s/kafka-streaming-ingest';
import { IStreamingIngest, kebab, StreamingEngine, StreamingIngestBaseProps } from './streaming-ingest-contract';

/** AWS-only options of a StreamingIngest. */
export interface AwsStreamingOptions {
  /**
   * KINESIS or MSK.
   * @default StreamingEngine.KINESIS
   */
  readonly engine?: StreamingEngine;
  /**
   * Kinesis only: a Lambda between the stream and its destinations.
   * @default - none
   */
  readonly transform?: StreamTransformOptions;
  /**
   * MSK only: the cluster (type, brokers, storage, or an existing cluster).
   * @default - a provisioned 3-broker cluster with the MskOptions defaults
   */
  readonly msk?: MskOptions;
}

/** Kubernetes-only options of a StreamingIngest. */
export interface KubernetesStreamingOptions {
  /**
   * Options of the stack's shared Strimzi Kafka cluster.
   * @default - the KafkaClusterOptions defaults (3 brokers, 3 controllers, TLS, RF 3 / min ISR 2)
   */
  readonly cluster?: KafkaClusterOptions;
  /**
   * An existing Strimzi cluster to create the topic on.
   * @default - the stack's own cluster
   */
  readonly existingCluster?: IKafkaCluster;
}

/** Props of {@link StreamingIngest}: backend-neutral, plus options per backend. */
export interface StreamingIngestProps extends StreamingIngestBaseProps {
  /**
   * Options used when the stack's platform is AWS.
   * @default - Kinesis, no transform
   */
  readonly aws?: AwsStreamingOptions;
  /**
   * Options used when the stack's platform is Kubernetes.
   * @default - a topic on the stack's shared Kafka cluster with default options
   */
  readonly kubernetes?: KubernetesStreamingOptions;
}

/** Default engine of a StreamingIngest on AWS. */
export const DEFAULT_AWS_STREAMING_ENGINE = StreamingEngine.KINESIS;

/**
 * A durable stream that producers write to and destinations read from, on whatever platform the
 * stack has: Kinesis (or MSK) on AWS, Strimzi Kafka on Kubernetes. The same declaration deploys to
 * both; `backend` is the engine-specific construct for anything beyond the contract.
 */
export class StreamingIngest extends Construct implements IStreamingIngest {
  /** The engine-specific implementation. */
  public readonly backend: IStreamingIngest;

  constructor(scope: Construct, id: string, props: StreamingIngestProps = {}) {
    super(scope, id);
    const platform = PipelinePlatform.of(this);
    const base: StreamingIngestBaseProps = {
      streamName: props.streamName ?? kebab(id),
      capacity: props.capacity,
      retentionHours: props.retentionHours,
      destinations: props.destinations,
      removalPolicy: props.removalPolicy,
    };
    if (platform.kind === PlatformKind.AWS) {
      const engine = props.aws?.engine ?? DEFAULT_AWS_STREAMING_ENGINE;
      switch (engine) {
        case StreamingEngine.KINESIS:
          if (props.aws?.msk) throw invalidConfig(this, 'aws.msk is set but aws.engine is KINESIS; set aws.engine: StreamingEngine.MSK or remove aws.msk.');
          this.backend = new KinesisStreamingIngest(this, 'Kinesis', { ...base, transform: props.aws?.transform });
          break;
        case StreamingEngine.MSK:
          if (props.aws?.transform) throw invalidConfig(this, 'aws.transform applies to Kinesis only; remove it or use StreamingEngine.KINESIS.');
          this.backend = new MskStreamingIngest(this, 'Msk', { ...base, msk: props.aws?.msk });
          break;
        default:
          throw invalidConfig(this, `invalid aws.engine: received "${engine}"; use StreamingEngine.KINESIS or StreamingEngine.MSK.`);
      }
    } else {
      this.backend = new KafkaStreamingIngest(this, 'Kafka', {
        ...base,
        cluster: props.kubernetes?.cluster,
        existingCluster: props.kubernetes?.existingCluster,
      });
    }
  }

  public get engine(): StreamingEngine { return this.backend.engine; }
  public get streamName(): string { return this.backend.streamName; }
  public get partitions(): number | undefined { return this.backend.partitions; }
  public get retentionHours(): number { return this.backend.retentionHours; }
  public get streamArn(): string | undefined { return this.backend.streamArn; }
  public get bootstrapServers(): string | undefined { return this.backend.bootstrapServers; }
  public grantWrite(identity: IIdentity): void { this.backend.grantWrite(identity); }
  public grantRead(identity: IIdentity): void { this.backend.grantRead(identity); }
}
