import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { MskServerlessCluster } from '@cdktf/provider-aws/lib/msk-serverless-cluster';
import { IConstruct } from 'constructs';
import { ImportedMskStreamingIngest } from '../../../streaming/aws/msk/imported-msk-streaming-ingest';
import { MskClusterType } from '../../../streaming/aws/msk/msk-options';
import { MskStreamingIngest } from '../../../streaming/aws/msk/msk-streaming-ingest';
import { AlarmComparison } from '../../alarm-contract';
import {
  MSK_ACTIVE_CONTROLLER_EVALUATION_PERIODS, MSK_ACTIVE_CONTROLLER_PERIOD_SECONDS, MSK_ACTIVE_CONTROLLER_THRESHOLD,
  MSK_CONSUMER_OFFSET_LAG_EVALUATION_PERIODS, MSK_CONSUMER_OFFSET_LAG_PERIOD_SECONDS, MSK_CONSUMER_OFFSET_LAG_THRESHOLD,
  MSK_CONSUMER_TIME_LAG_EVALUATION_PERIODS, MSK_CONSUMER_TIME_LAG_PERIOD_SECONDS, MSK_CONSUMER_TIME_LAG_THRESHOLD_SECONDS,
  MSK_DATA_LOGS_DISK_USED_EVALUATION_PERIODS, MSK_DATA_LOGS_DISK_USED_PERIOD_SECONDS, MSK_DATA_LOGS_DISK_USED_THRESHOLD_PERCENT,
  MSK_OFFLINE_PARTITIONS_EVALUATION_PERIODS, MSK_OFFLINE_PARTITIONS_PERIOD_SECONDS, MSK_OFFLINE_PARTITIONS_THRESHOLD,
  MSK_UNDER_REPLICATED_PARTITIONS_EVALUATION_PERIODS, MSK_UNDER_REPLICATED_PARTITIONS_PERIOD_SECONDS, MSK_UNDER_REPLICATED_PARTITIONS_THRESHOLD,
} from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

const NAMESPACE = 'AWS/Kafka';
/** Dimension names of AWS/Kafka (with spaces: double-quoted in Metrics Insights). */
const CLUSTER = 'Cluster Name';
const BROKER = 'Broker ID';
const GROUP = 'Consumer Group';
const TOPIC = 'Topic';
/** Longest consumer time lag accepted, seconds (the longest topic retention). */
const MAX_TIME_LAG_SECONDS = 8_760 * 3_600;

/**
 * A Metrics Insights query: `SELECT MAX(<metric>) FROM SCHEMA("AWS/Kafka", <dimensions>) WHERE ...`,
 * one aggregated series over the dimensions not known at synth (broker ids, consumer groups).
 */
function insights(metricName: string, schema: string[], where: Record<string, string>): string {
  const dims = schema.map((d) => `"${d}"`).join(', ');
  const filter = Object.entries(where).map(([d, v]) => `"${d}" = '${v}'`).join(' AND ');
  return `SELECT MAX(${metricName}) FROM SCHEMA("${NAMESPACE}", ${dims}) WHERE ${filter}`;
}

/** The consumer-lag alarms of one topic (every consumer group): offset lag always, time lag on provisioned clusters. */
function consumerLag(node: IConstruct, clusterName: string, topic: string, provisioned: boolean): CloudWatchAlarmSpec[] {
  const where = { [CLUSTER]: clusterName, [TOPIC]: topic };
  const schema = [CLUSTER, GROUP, TOPIC];
  const common = { resource: node, resourceName: topic, treatMissingData: 'notBreaching' as const };
  const check = 'Check first: the consumer group (kafka-consumer-groups.sh --describe) for stopped or rebalancing members, then its throughput.';
  const specs: CloudWatchAlarmSpec[] = [{
    ...common,
    key: 'msk-consumer-offset-lag',
    query: insights('MaxOffsetLag', schema, where),
    threshold: MSK_CONSUMER_OFFSET_LAG_THRESHOLD,
    comparison: AlarmComparison.GREATER_THAN,
    periodSeconds: MSK_CONSUMER_OFFSET_LAG_PERIOD_SECONDS,
    evaluationPeriods: MSK_CONSUMER_OFFSET_LAG_EVALUATION_PERIODS,
    range: { min: 1, max: 1_000_000_000, integer: true, unit: 'messages' },
    description: `MSK topic ${topic}: a consumer group is more messages behind than the threshold on a partition (MaxOffsetLag) for 15 minutes. ${check}`,
  }];
  if (provisioned) {
    specs.push({
      ...common,
      key: 'msk-consumer-time-lag',
      query: insights('EstimatedMaxTimeLag', schema, where),
      threshold: MSK_CONSUMER_TIME_LAG_THRESHOLD_SECONDS,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: MSK_CONSUMER_TIME_LAG_PERIOD_SECONDS,
      evaluationPeriods: MSK_CONSUMER_TIME_LAG_EVALUATION_PERIODS,
      range: { min: 10, max: MAX_TIME_LAG_SECONDS, integer: true, unit: 'seconds' },
      description: `MSK topic ${topic}: a consumer group needs longer than the threshold to drain its lag (EstimatedMaxTimeLag) for 5 minutes. ${check}`,
    });
  }
  return specs;
}

/** Cluster and broker alarms of a provisioned cluster created by this construct. */
function provisionedCluster(node: MskStreamingIngest, cluster: MskCluster): CloudWatchAlarmSpec[] {
  const name = node.clusterName;
  // The attribute (not the literal) ties the alarms to the cluster: they are created once it is ACTIVE.
  const clusterRef = cluster.clusterName;
  const common = { resource: node, resourceName: name };
  const perBroker = (metricName: string) => insights(metricName, [BROKER, CLUSTER], { [CLUSTER]: clusterRef });
  const clusterMetric = (metricName: string) => ({ namespace: NAMESPACE, metricName, dimensions: { [CLUSTER]: clusterRef }, statistic: 'Maximum' });
  return [
    {
      ...common,
      key: 'msk-offline-partitions',
      metric: clusterMetric('OfflinePartitionsCount'),
      threshold: MSK_OFFLINE_PARTITIONS_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: MSK_OFFLINE_PARTITIONS_PERIOD_SECONDS,
      evaluationPeriods: MSK_OFFLINE_PARTITIONS_EVALUATION_PERIODS,
      treatMissingData: 'notBreaching',
      range: { min: 0, max: 100_000, integer: true, unit: 'partitions' },
      description: `MSK cluster ${name}: partitions are offline (OfflinePartitionsCount), with no leader: producers and consumers of them fail. `
        + 'Check first: the cluster state and broker health in the MSK console, then the broker logs.',
    },
    {
      ...common,
      key: 'msk-active-controller',
      metric: clusterMetric('ActiveControllerCount'),
      threshold: MSK_ACTIVE_CONTROLLER_THRESHOLD,
      comparison: AlarmComparison.LESS_THAN,
      periodSeconds: MSK_ACTIVE_CONTROLLER_PERIOD_SECONDS,
      evaluationPeriods: MSK_ACTIVE_CONTROLLER_EVALUATION_PERIODS,
      // No broker reporting a controller (or no data at all) means the cluster cannot elect leaders.
      treatMissingData: 'breaching',
      range: { min: 1, max: 1, integer: true, unit: 'controllers' },
      description: `MSK cluster ${name}: no broker has been the active controller (ActiveControllerCount) for 5 minutes, or the cluster stopped `
        + 'reporting; partition leadership cannot change. Check first: the cluster state and the broker logs, then open an AWS support case.',
    },
    {
      ...common,
      key: 'msk-under-replicated-partitions',
      query: perBroker('UnderReplicatedPartitions'),
      threshold: MSK_UNDER_REPLICATED_PARTITIONS_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: MSK_UNDER_REPLICATED_PARTITIONS_PERIOD_SECONDS,
      evaluationPeriods: MSK_UNDER_REPLICATED_PARTITIONS_EVALUATION_PERIODS,
      treatMissingData: 'notBreaching',
      range: { min: 0, max: 100_000, integer: true, unit: 'partitions' },
      description: `MSK cluster ${name}: a broker has had under-replicated partitions (UnderReplicatedPartitions) for 15 minutes, longer than a rolling `
        + 'restart; one more broker failure can make them unavailable. Check first: broker CPU, disk and network throughput, and a pending maintenance.',
    },
    {
      ...common,
      key: 'msk-data-disk-used',
      query: perBroker('KafkaDataLogsDiskUsed'),
      threshold: MSK_DATA_LOGS_DISK_USED_THRESHOLD_PERCENT,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      periodSeconds: MSK_DATA_LOGS_DISK_USED_PERIOD_SECONDS,
      evaluationPeriods: MSK_DATA_LOGS_DISK_USED_EVALUATION_PERIODS,
      treatMissingData: 'notBreaching',
      range: { min: 1, max: 100, unit: '%' },
      description: `MSK cluster ${name}: a broker's data disk is fuller than the threshold (KafkaDataLogsDiskUsed); a full disk stops the broker. `
        + 'Check first: topic retention against the volume (msk.volumeSizeGib), then expand the storage.',
    },
  ];
}

/**
 * Alarms of an MSK StreamingIngest (Metrics Insights for per-broker and per-consumer-group metrics,
 * filtered by "Cluster Name"):
 * - every topic (created, existing cluster or imported): consumer offset lag; on a provisioned
 *   cluster also the estimated time lag (MSK Serverless publishes no EstimatedMaxTimeLag);
 * - a provisioned cluster this construct created: offline partitions and active controller (cluster
 *   level), under-replicated partitions and data disk use (worst broker). Each created cluster belongs
 *   to exactly one construct, so these appear once however many streams use the cluster through
 *   `msk.existingCluster`; a cluster given by attributes belongs to whoever created it.
 * @internal
 */
export function mskAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (node instanceof ImportedMskStreamingIngest) {
    return consumerLag(node, node.clusterName, node.streamName, false);
  }
  if (!(node instanceof MskStreamingIngest)) return [];
  const provisioned = node.node.tryFindChild('Cluster');
  const serverless = node.node.tryFindChild('ServerlessCluster');
  if (node.clusterType === MskClusterType.PROVISIONED && provisioned instanceof MskCluster) {
    return [...provisionedCluster(node, provisioned), ...consumerLag(node, provisioned.clusterName, node.streamName, true)];
  }
  if (node.clusterType === MskClusterType.SERVERLESS && serverless instanceof MskServerlessCluster) {
    return consumerLag(node, serverless.clusterName, node.streamName, false);
  }
  return consumerLag(node, node.clusterName, node.streamName, false);
}
