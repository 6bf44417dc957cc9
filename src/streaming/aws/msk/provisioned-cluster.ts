import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { MskConfiguration } from '@cdktf/provider-aws/lib/msk-configuration';
import { Construct } from 'constructs';
import {
  DEFAULT_MSK_BROKERS,
  DEFAULT_MSK_INSTANCE_TYPE,
  DEFAULT_MSK_KAFKA_VERSION,
  DEFAULT_MSK_VOLUME_GIB,
  MAX_MSK_BROKER_SUBNETS,
  MAX_MSK_VOLUME_GIB,
  MIN_MSK_BROKERS,
  MIN_MSK_VOLUME_GIB,
  MSK_BROKER_LOG_RETENTION_DAYS,
  MSK_ENHANCED_MONITORING,
  MSK_INSTANCE_TYPE_PREFIX,
  MSK_MIN_INSYNC_REPLICAS,
  MSK_REPLICATION_FACTOR,
  MskOptions,
} from './msk-options';
import { mskSecurityGroup } from './msk-security-group';
import { Token } from '../../../core/cdktf';
import { invalidProp } from '../../../core/errors';
import { AwsNameRules } from '../../../core/naming';
import { integerInRange, isUnresolved } from '../../../core/validate';
import { EncryptedLogGroup } from '../../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../../platform/aws/network';
import { RemovalPolicy } from '../../../platform/platform';

/** What a provisioned cluster needs. @internal */
export interface ProvisionedClusterInput {
  readonly platform: AwsPlatform;
  readonly network: IAwsNetwork;
  readonly clusterName: string;
  readonly name: string;
  readonly options: MskOptions;
  readonly retentionHours: number;
  readonly partitions: number;
  /** The effective removal policy (already through the platform's second opt-in). */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The subnets brokers go in: the network's first {@link MAX_MSK_BROKER_SUBNETS} (MSK accepts 2 or 3).
 * @internal
 */
export function brokerSubnets(network: IAwsNetwork): string[] {
  const ids = network.privateSubnetIds;
  return Token.isUnresolved(ids) ? ids : ids.slice(0, MAX_MSK_BROKER_SUBNETS);
}

/**
 * Broker count, checked: at least 3 (RF 3, min ISR 2) and a multiple of the broker subnets.
 * @internal
 */
export function brokerCount(scope: Construct, brokers: number | undefined, subnets: string[]): number {
  const count = brokers ?? DEFAULT_MSK_BROKERS;
  if (isUnresolved(count)) return count;
  if (!Number.isInteger(count) || count < MIN_MSK_BROKERS) {
    throw invalidProp(scope, 'msk.brokers', count,
      `must be an integer of at least ${MIN_MSK_BROKERS}: replication factor ${MSK_REPLICATION_FACTOR} with min.insync.replicas ${MSK_MIN_INSYNC_REPLICAS} needs ${MIN_MSK_BROKERS} brokers`);
  }
  if (!Token.isUnresolved(subnets) && count % subnets.length !== 0) {
    throw invalidProp(scope, 'msk.brokers', count,
      `must be a multiple of the ${subnets.length} broker subnets (MSK spreads brokers evenly across availability zones)`);
  }
  return count;
}

/** The Kafka broker configuration of a provisioned cluster. @internal */
export function serverProperties(retentionHours: number, partitions: number): string {
  return [
    'auto.create.topics.enable=false',
    `default.replication.factor=${MSK_REPLICATION_FACTOR}`,
    `min.insync.replicas=${MSK_MIN_INSYNC_REPLICAS}`,
    'unclean.leader.election.enable=false',
    `num.partitions=${partitions}`,
    `log.retention.hours=${retentionHours}`,
  ].join('\n');
}

/**
 * A provisioned MSK cluster: CMK encryption at rest, TLS in transit (client-broker and in-cluster),
 * SASL/IAM as the only authentication, no public access, broker logs to a KMS-encrypted log group,
 * per-topic-per-broker monitoring and a durable broker configuration.
 * @internal
 */
export function provisionedCluster(scope: Construct, input: ProvisionedClusterInput): MskCluster {
  const { platform, options } = input;
  const instanceType = options.instanceType ?? DEFAULT_MSK_INSTANCE_TYPE;
  if (!isUnresolved(instanceType) && !instanceType.startsWith(MSK_INSTANCE_TYPE_PREFIX)) {
    throw invalidProp(scope, 'msk.instanceType', instanceType, `use an MSK broker instance type starting with "${MSK_INSTANCE_TYPE_PREFIX}", such as "${DEFAULT_MSK_INSTANCE_TYPE}"`);
  }
  const volumeSize = integerInRange(scope, 'msk.volumeSizeGib', options.volumeSizeGib, MIN_MSK_VOLUME_GIB, MAX_MSK_VOLUME_GIB, DEFAULT_MSK_VOLUME_GIB);
  const subnets = brokerSubnets(input.network);
  const brokers = brokerCount(scope, options.brokers, subnets);
  const kafkaVersion = options.kafkaVersion ?? DEFAULT_MSK_KAFKA_VERSION;

  const key = platform.encryptionKey(scope, 'msk', input.removalPolicy);
  const group = mskSecurityGroup(scope, platform, input.network, input.name);
  const logGroup = new EncryptedLogGroup(scope, 'BrokerLogs', {
    name: platform.physicalName(scope, AwsNameRules.LOG_GROUP, [input.name, 'msk-broker-logs']),
    kmsKeyArn: key.keyArn,
    retentionDays: MSK_BROKER_LOG_RETENTION_DAYS,
  });
  const configuration = new MskConfiguration(scope, 'Configuration', {
    name: input.clusterName,
    description: `Durable broker configuration of ${input.clusterName} (cdktf-data-pipelines)`,
    kafkaVersions: [kafkaVersion],
    serverProperties: serverProperties(input.retentionHours, input.partitions),
  });
  const cluster = new MskCluster(scope, 'Cluster', {
    clusterName: input.clusterName,
    kafkaVersion,
    numberOfBrokerNodes: brokers,
    enhancedMonitoring: MSK_ENHANCED_MONITORING,
    brokerNodeGroupInfo: {
      instanceType,
      clientSubnets: subnets,
      securityGroups: [group.id],
      storageInfo: { ebsStorageInfo: { volumeSize } },
      connectivityInfo: { publicAccess: { type: 'DISABLED' } },
    },
    clientAuthentication: { unauthenticated: false, sasl: { iam: true, scram: false } },
    encryptionInfo: {
      encryptionAtRestKmsKeyArn: key.keyArn,
      encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
    },
    configurationInfo: { arn: configuration.arn, revision: configuration.latestRevision },
    loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: logGroup.name } } },
  });
  platform.protect(cluster, input.removalPolicy);
  return cluster;
}
