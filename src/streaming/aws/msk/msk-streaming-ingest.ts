import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { MskServerlessCluster } from '@cdktf/provider-aws/lib/msk-serverless-cluster';
import { Construct } from 'constructs';
import { ImportedMskStreamingIngest } from './imported-msk-streaming-ingest';
import { MskClusterAttributes, MskStreamingIngestAttributes } from './msk-attributes';
import { grantMsk, MskClusterArnParts, MskGrantTarget, mskGrantTarget, mskReadStatements, mskWriteStatements } from './msk-grants';
import { DEFAULT_MSK_CLUSTER_TYPE, MskClusterType, MskOptions } from './msk-options';
import { provisionedCluster } from './provisioned-cluster';
import { serverlessCluster } from './serverless-cluster';
import { invalidConfig } from '../../../core/errors';
import { AwsNameRules, checkName, KubernetesNameRules } from '../../../core/naming';
import { exclusive, integerInRange } from '../../../core/validate';
import { IIdentity } from '../../../identity/identity';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { KAFKA_LIMITS, MIN_KAFKA_PARTITIONS, StreamCapacity, unitsFor } from '../../capacity';
import {
  DEFAULT_RETENTION_HOURS,
  IStreamingIngest,
  kebab,
  MAX_RETENTION_HOURS,
  MIN_RETENTION_HOURS,
  StreamingEngine,
  StreamingIngestBaseProps,
} from '../../streaming-ingest-contract';

/** Props of {@link MskStreamingIngest}. */
export interface MskStreamingIngestProps extends StreamingIngestBaseProps {
  /**
   * MSK options: cluster type, brokers, storage, Kafka version, or an existing cluster.
   * @default - a provisioned cluster with the DEFAULT_MSK_* settings
   */
  readonly msk?: MskOptions;
}

/** The cluster a stream's topic lives on. */
interface ClusterRef {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly bootstrapServers: string;
  readonly clusterType?: MskClusterType;
  readonly arnParts?: MskClusterArnParts;
}

/** Options that shape a new cluster (not allowed with an existing one; some provisioned only). */
const PROVISIONED_ONLY: (keyof MskOptions)[] = ['instanceType', 'brokers', 'volumeSizeGib', 'kafkaVersion'];

/**
 * A Kafka topic on Amazon MSK behind the StreamingIngest contract.
 *
 * Creates a private MSK cluster (provisioned by default, or Serverless) in the platform's network,
 * reachable only through the IAM listener (SASL/IAM over TLS, port 9098) from inside the VPC.
 *
 * The topic itself is not a Terraform resource (the AWS provider has none): create it with the
 * Kafka Admin API, e.g. `kafka-topics.sh --create --topic <streamName> --partitions <partitions>
 * --replication-factor 3`, as an identity given `grantWrite` (it includes
 * `kafka-cluster:CreateTopic`). `auto.create.topics.enable` is false, so producers do not create it
 * implicitly. Consumers granted `grantRead` use consumer group ids starting with their identity name.
 *
 * Clients need no KMS permissions: MSK encrypts at rest on the server side.
 */
export class MskStreamingIngest extends Construct implements IStreamingIngest {
  /** An existing topic on an existing cluster (grants only; nothing is created). */
  public static fromClusterAttributes(scope: Construct, id: string, attrs: MskStreamingIngestAttributes): IStreamingIngest {
    return new ImportedMskStreamingIngest(scope, id, attrs);
  }

  public readonly engine: StreamingEngine = StreamingEngine.MSK;
  /** Topic name, `<namePrefix>-<streamName>`. */
  public readonly streamName: string;
  /**
   * Partitions to create the topic with (from `capacity`; {@link MIN_KAFKA_PARTITIONS} for
   * on-demand), also the cluster's `num.partitions` on a provisioned cluster.
   */
  public readonly partitions?: number;
  /** Retention, hours (`log.retention.hours` of a provisioned cluster). */
  public readonly retentionHours: number;
  /** ARN of the cluster (always set; optional only in the contract). */
  public readonly streamArn?: string;
  /** Bootstrap servers of the IAM listener (always set; optional only in the contract). */
  public readonly bootstrapServers?: string;
  /** ARN of the cluster. */
  public readonly clusterArn: string;
  /** Name of the cluster. */
  public readonly clusterName: string;
  /** ARN of the topic (for IAM policies). */
  public readonly topicArn: string;
  /** The cluster type, undefined for an existing cluster. */
  public readonly clusterType?: MskClusterType;
  private readonly grantTarget: MskGrantTarget;

  constructor(scope: Construct, id: string, props: MskStreamingIngestProps = {}) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    if (props.destinations?.length) {
      throw invalidConfig(this,
        `destinations are not supported on MSK (received ${props.destinations.length}): Firehose delivery from MSK is out of scope. Remove destinations and consume the topic, or use a Kinesis StreamingIngest for Firehose delivery.`);
    }
    const msk = props.msk ?? {};
    this.retentionHours = integerInRange(this, 'retentionHours', props.retentionHours, MIN_RETENTION_HOURS, MAX_RETENTION_HOURS, DEFAULT_RETENTION_HOURS);
    const partitions = unitsFor(this, props.capacity ?? StreamCapacity.onDemand(), KAFKA_LIMITS) ?? MIN_KAFKA_PARTITIONS;
    this.partitions = partitions;
    this.streamName = checkName(this, 'streamName', `${platform.namePrefix}-${props.streamName ?? kebab(id)}`, KubernetesNameRules.KAFKA_TOPIC);

    const cluster = msk.existingCluster ? this.existingCluster(msk) : this.newCluster(platform, msk, props, id, partitions);
    this.clusterName = cluster.clusterName;
    this.clusterType = cluster.clusterType;
    this.clusterArn = cluster.clusterArn;
    this.streamArn = cluster.clusterArn;
    this.bootstrapServers = cluster.bootstrapServers;
    this.grantTarget = mskGrantTarget(cluster.clusterArn, this.streamName, cluster.arnParts);
    this.topicArn = `${this.grantTarget.topicArnPrefix}/${this.streamName}`;
  }

  /** Lets `identity` connect, create and describe the topic, and write to it (idempotently). */
  public grantWrite(identity: IIdentity): void {
    grantMsk(this, 'write', this.streamName, identity, mskWriteStatements(this.grantTarget));
  }

  /** Lets `identity` connect, read the topic, and use consumer groups named `<identityName>*`. */
  public grantRead(identity: IIdentity): void {
    grantMsk(this, 'read', this.streamName, identity, mskReadStatements(this.grantTarget, identity));
  }

  private existingCluster(msk: MskOptions): ClusterRef {
    for (const option of ['clusterType', ...PROVISIONED_ONLY] as (keyof MskOptions)[]) {
      exclusive(this, 'msk.existingCluster', true, `msk.${option}`, msk[option] !== undefined);
    }
    const existing: MskClusterAttributes = msk.existingCluster!;
    return { clusterName: existing.clusterName, clusterArn: existing.clusterArn, bootstrapServers: existing.bootstrapServers };
  }

  private newCluster(platform: AwsPlatform, msk: MskOptions, props: MskStreamingIngestProps, id: string, partitions: number): ClusterRef {
    const network = platform.requireNetwork(this, 'MSK');
    const removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    // Named after the stream, not the construct id: the StreamingIngest facade always uses one id.
    const name = kebab(props.streamName ?? id);
    const clusterName = platform.physicalName(this, AwsNameRules.MSK_CLUSTER, [name]);
    const clusterType = msk.clusterType ?? DEFAULT_MSK_CLUSTER_TYPE;
    let cluster: MskCluster | MskServerlessCluster;
    if (clusterType === MskClusterType.SERVERLESS) {
      const option = PROVISIONED_ONLY.find((o) => msk[o] !== undefined);
      if (option) throw invalidConfig(this, `msk.${option} applies to provisioned clusters only; remove it or use MskClusterType.PROVISIONED.`);
      cluster = serverlessCluster(this, { platform, network, clusterName, name });
      platform.protect(cluster, removalPolicy);
    } else {
      const retentionHours = this.retentionHours;
      cluster = provisionedCluster(this, { platform, network, name, clusterName, options: msk, retentionHours, partitions, removalPolicy });
    }
    return {
      clusterName,
      clusterType,
      clusterArn: cluster.arn,
      bootstrapServers: cluster.bootstrapBrokersSaslIam,
      arnParts: {
        partition: platform.partition,
        region: platform.region,
        accountId: platform.accountId,
        clusterName,
        clusterUuid: cluster.clusterUuid,
      },
    };
  }
}
