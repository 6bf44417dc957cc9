import { IConstruct } from 'constructs';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';
import {
  OPENSEARCH_CPU_UTILIZATION_PERCENT, OPENSEARCH_EVENT_ALARM_THRESHOLD, OPENSEARCH_FREE_STORAGE_FRACTION, OPENSEARCH_JVM_MEMORY_PRESSURE_PERCENT,
  OPENSEARCH_MASTER_CPU_UTILIZATION_PERCENT, OPENSEARCH_MASTER_JVM_MEMORY_PRESSURE_PERCENT,
} from '../../../search/aws/opensearch-alarm-defaults';
import { OpenSearchSearchCluster } from '../../../search/aws/opensearch-search-cluster';
import { AlarmComparison } from '../../alarm-contract';

/** MiB in a GiB (FreeStorageSpace is reported in MiB). */
const MIB_PER_GIB = 1024;
const ONE_MINUTE = 60;
const FIVE_MINUTES = 300;
const FIFTEEN_MINUTES = 900;

/**
 * Alarms of an OpenSearchSearchCluster (namespace AWS/ES, dimensions DomainName and ClientId, the
 * account id), after Amazon OpenSearch Service's recommended alarms: cluster status red and yellow,
 * free storage, blocked index writes, failed automated snapshots, data node CPU and JVM memory
 * pressure, the same for dedicated masters when there are some, and KMS key errors.
 * @internal
 */
export function opensearchAlarms(node: IConstruct, context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof OpenSearchSearchCluster)) return [];
  const name = node.domainName;
  const dimensions = { DomainName: name, ClientId: context.accountId };
  const metric = (metricName: string, statistic: string) => ({ namespace: 'AWS/ES', metricName, dimensions, statistic });
  const common = { resource: node, resourceName: name, treatMissingData: 'notBreaching' as const };
  const event = (key: string, metricName: string, periodSeconds: number, description: string): CloudWatchAlarmSpec => ({
    ...common,
    key,
    metric: metric(metricName, 'Maximum'),
    threshold: OPENSEARCH_EVENT_ALARM_THRESHOLD,
    comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
    periodSeconds,
    evaluationPeriods: 1,
    range: { min: 1, max: 1, integer: true, unit: 'count' },
    description: `OpenSearch domain ${name}: ${description}`,
  });
  const percent = (key: string, metricName: string, threshold: number, periodSeconds: number, evaluationPeriods: number, description: string) => ({
    ...common,
    key,
    metric: metric(metricName, 'Maximum'),
    threshold,
    comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
    periodSeconds,
    evaluationPeriods,
    range: { min: 1, max: 100, unit: '%' },
    description: `OpenSearch domain ${name}: ${description}`,
  });
  const volumeMiB = node.volumeSizeGiB * MIB_PER_GIB;
  const specs: CloudWatchAlarmSpec[] = [
    event('opensearch-cluster-red', 'ClusterStatus.red', ONE_MINUTE, 'at least one primary shard is unassigned (ClusterStatus.red); its '
      + 'documents cannot be searched or written. Check first: GET _cluster/allocation/explain and free storage, then node health.'),
    event('opensearch-cluster-yellow', 'ClusterStatus.yellow', ONE_MINUTE, 'at least one replica shard is unassigned (ClusterStatus.yellow); '
      + 'losing a node could lose data. Check first: GET _cluster/allocation/explain, free storage and whether there are enough nodes for the replicas.'),
    {
      ...common,
      key: 'opensearch-free-storage',
      metric: metric('FreeStorageSpace', 'Minimum'),
      threshold: Math.floor(volumeMiB * OPENSEARCH_FREE_STORAGE_FRACTION),
      comparison: AlarmComparison.LESS_THAN_OR_EQUAL,
      periodSeconds: ONE_MINUTE,
      evaluationPeriods: 1,
      range: { min: 1, max: volumeMiB, integer: true, unit: 'MiB' },
      description: `OpenSearch domain ${name}: a data node has less free storage than the threshold (FreeStorageSpace, MiB); near the disk `
        + 'watermarks OpenSearch stops allocating shards, then blocks writes. Check first: GET _cat/indices sorted by size, delete or shrink old rotated indexes, then add storage.',
    },
    event('opensearch-index-writes-blocked', 'ClusterIndexWritesBlocked', FIVE_MINUTES, 'the cluster blocks writes (ClusterIndexWritesBlocked); '
      + 'Firehose backs documents up to S3 instead of indexing them. Check first: FreeStorageSpace and JVMMemoryPressure, then GET _cluster/settings for blocks.'),
    event('opensearch-snapshot-failure', 'AutomatedSnapshotFailure', ONE_MINUTE, 'an automated snapshot failed (AutomatedSnapshotFailure); '
      + 'the domain cannot be restored to that point. Check first: the cluster status (red clusters are not snapshotted) and the domain\'s events.'),
    percent('opensearch-cpu', 'CPUUtilization', OPENSEARCH_CPU_UTILIZATION_PERCENT, FIFTEEN_MINUTES, 3, 'data node CPU above the threshold for 45 minutes '
      + '(CPUUtilization); indexing and search slow down. Check first: GET _nodes/hot_threads and the search and indexing rates, then the instance type or count.'),
    percent('opensearch-jvm-memory-pressure', 'JVMMemoryPressure', OPENSEARCH_JVM_MEMORY_PRESSURE_PERCENT, ONE_MINUTE, 3, 'data node JVM memory '
      + 'pressure above the threshold for 3 minutes (JVMMemoryPressure); circuit breakers reject requests and nodes may run out of memory. Check '
      + 'first: shard count per node, large aggregations and fielddata, then the instance type.'),
  ];
  if (node.dedicatedMasterCount > 0) {
    specs.push(
      percent('opensearch-master-cpu', 'MasterCPUUtilization', OPENSEARCH_MASTER_CPU_UTILIZATION_PERCENT, FIFTEEN_MINUTES, 3, 'dedicated master CPU '
        + 'above the threshold for 45 minutes (MasterCPUUtilization); cluster state updates lag. Check first: the number of indexes and shards, then a larger master type.'),
      percent('opensearch-master-jvm-memory-pressure', 'MasterJVMMemoryPressure', OPENSEARCH_MASTER_JVM_MEMORY_PRESSURE_PERCENT, ONE_MINUTE, 1,
        'dedicated master JVM memory pressure above the threshold (MasterJVMMemoryPressure); the master may leave the cluster. Check first: the '
        + 'number of indexes and shards (rotation creates new ones), then a larger master type.'),
    );
  }
  specs.push(
    event('opensearch-kms-key-error', 'KMSKeyError', ONE_MINUTE, 'the KMS key encrypting the domain is disabled (KMSKeyError); the domain '
      + 'cannot read or write data. Check first: the key\'s state in KMS and re-enable it.'),
    event('opensearch-kms-key-inaccessible', 'KMSKeyInaccessible', ONE_MINUTE, 'the KMS key encrypting the domain was deleted or its grants '
      + 'revoked (KMSKeyInaccessible); the domain cannot recover without it. Check first: the key\'s state and pending deletion, then the key policy.'),
  );
  return specs;
}
