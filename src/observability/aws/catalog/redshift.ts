import { IConstruct } from 'constructs';
import { isUnresolved } from '../../../core/validate';
import { ProvisionedWarehouse } from '../../../warehouse/aws/private/provisioned-warehouse';
import { ServerlessWarehouse } from '../../../warehouse/aws/private/serverless-warehouse';
import { MAX_SERVERLESS_MAX_CAPACITY_RPUS, MIN_SERVERLESS_CAPACITY_RPUS } from '../../../warehouse/aws/redshift-deployment';
import { RedshiftWarehouse } from '../../../warehouse/aws/redshift-warehouse';
import { AlarmComparison } from '../../alarm-contract';
import {
  REDSHIFT_COMPUTE_CAPACITY_EVALUATION_PERIODS, REDSHIFT_COMPUTE_CAPACITY_PERIOD_SECONDS, REDSHIFT_CPU_EVALUATION_PERIODS,
  REDSHIFT_CPU_PERIOD_SECONDS, REDSHIFT_CPU_THRESHOLD_PERCENT, REDSHIFT_DISK_USED_EVALUATION_PERIODS, REDSHIFT_DISK_USED_PERIOD_SECONDS,
  REDSHIFT_DISK_USED_THRESHOLD_PERCENT,
  REDSHIFT_HEALTH_EVALUATION_PERIODS, REDSHIFT_HEALTH_PERIOD_SECONDS, REDSHIFT_HEALTH_THRESHOLD, REDSHIFT_LONG_QUERY_EVALUATION_PERIODS,
  REDSHIFT_LONG_QUERY_PERIOD_SECONDS, REDSHIFT_LONG_QUERY_THRESHOLD_MICROSECONDS,
} from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

/** Shortest and longest long-query thresholds accepted, microseconds (one minute to one day). */
const MIN_QUERY_MICROSECONDS = 60_000_000;
const MAX_QUERY_MICROSECONDS = 86_400_000_000;

/**
 * The long-query alarm: QueryDuration (average duration of the queries completed in each 5-minute
 * report, microseconds) through Metrics Insights, so every latency class (`latency` on provisioned
 * clusters, `LatencyRange` on Serverless), database and queue dimension is covered by one query
 * filtered to the warehouse.
 */
function longQueries(node: RedshiftWarehouse, namespace: string, dimension: string, ref: string, what: string): CloudWatchAlarmSpec {
  return {
    key: 'redshift-long-queries',
    resource: node,
    resourceName: node.identifier,
    query: `SELECT MAX(QueryDuration) FROM "${namespace}" WHERE ${dimension} = '${ref}'`,
    threshold: REDSHIFT_LONG_QUERY_THRESHOLD_MICROSECONDS,
    comparison: AlarmComparison.GREATER_THAN,
    periodSeconds: REDSHIFT_LONG_QUERY_PERIOD_SECONDS,
    evaluationPeriods: REDSHIFT_LONG_QUERY_EVALUATION_PERIODS,
    treatMissingData: 'notBreaching',
    range: { min: MIN_QUERY_MICROSECONDS, max: MAX_QUERY_MICROSECONDS, integer: true, unit: 'microseconds' },
    description: `Redshift ${what} ${node.identifier}: queries took longer than the threshold on average (QueryDuration). Check first: SYS_QUERY_HISTORY `
      + 'ordered by elapsed_time for the statements and users, then their plans (missing sort/distribution keys, spilled steps).',
  };
}

/** A provisioned cluster: disk, CPU, health (AWS/Redshift, ClusterIdentifier) and long queries. */
function provisionedAlarms(node: RedshiftWarehouse, warehouse: ProvisionedWarehouse): CloudWatchAlarmSpec[] {
  const name = node.identifier;
  const clusterRef = warehouse.cluster.clusterIdentifier;
  const metric = (metricName: string, statistic: string) => ({
    namespace: 'AWS/Redshift', metricName, dimensions: { ClusterIdentifier: clusterRef }, statistic,
  });
  const common = { resource: node, resourceName: name };
  return [
    {
      ...common,
      key: 'redshift-disk-used',
      metric: metric('PercentageDiskSpaceUsed', 'Maximum'),
      threshold: REDSHIFT_DISK_USED_THRESHOLD_PERCENT,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      periodSeconds: REDSHIFT_DISK_USED_PERIOD_SECONDS,
      evaluationPeriods: REDSHIFT_DISK_USED_EVALUATION_PERIODS,
      treatMissingData: 'notBreaching',
      range: { min: 1, max: 100, unit: '%' },
      description: `Redshift cluster ${name}: disk space used is above the threshold (PercentageDiskSpaceUsed); queries needing temporary space start `
        + 'failing. Check first: SVV_TABLE_INFO for large or unsorted tables (VACUUM) and queries spilling to disk, then resize.',
    },
    {
      ...common,
      key: 'redshift-cpu',
      metric: metric('CPUUtilization', 'Average'),
      threshold: REDSHIFT_CPU_THRESHOLD_PERCENT,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      periodSeconds: REDSHIFT_CPU_PERIOD_SECONDS,
      evaluationPeriods: REDSHIFT_CPU_EVALUATION_PERIODS,
      treatMissingData: 'notBreaching',
      range: { min: 1, max: 100, unit: '%' },
      description: `Redshift cluster ${name}: CPU above the threshold for 15 minutes (CPUUtilization); queries queue. Check first: the running queries `
        + '(SYS_QUERY_HISTORY, status running) and concurrent loads, then the node count.',
    },
    {
      ...common,
      key: 'redshift-health',
      metric: metric('HealthStatus', 'Minimum'),
      threshold: REDSHIFT_HEALTH_THRESHOLD,
      comparison: AlarmComparison.LESS_THAN,
      periodSeconds: REDSHIFT_HEALTH_PERIOD_SECONDS,
      evaluationPeriods: REDSHIFT_HEALTH_EVALUATION_PERIODS,
      // The cluster stops reporting health when it is down, paused or unreachable: that is trouble too.
      treatMissingData: 'breaching',
      range: { min: 1, max: 1, integer: true, unit: 'healthy (1) / unhealthy (0)' },
      description: `Redshift cluster ${name}: unhealthy or not reporting (HealthStatus) for 5 minutes: its health query failed, it is overloaded, `
        + 'paused or down. Check first: the cluster status and events in the Redshift console, then MaintenanceMode.',
    },
    longQueries(node, 'AWS/Redshift', 'ClusterIdentifier', clusterRef, 'cluster'),
  ];
}

/** A Serverless workgroup: capacity pinned at its max RPUs (when one is set) and long queries. */
function serverlessAlarms(node: RedshiftWarehouse, warehouse: ServerlessWarehouse): CloudWatchAlarmSpec[] {
  const name = node.identifier;
  const workgroupRef = warehouse.workgroup.workgroupName;
  const specs: CloudWatchAlarmSpec[] = [];
  const maxRpus = warehouse.workgroup.maxCapacityInput;
  if (maxRpus !== undefined && !isUnresolved(maxRpus)) {
    specs.push({
      key: 'redshift-compute-capacity',
      resource: node,
      resourceName: name,
      metric: { namespace: 'AWS/Redshift-Serverless', metricName: 'ComputeCapacity', dimensions: { Workgroup: workgroupRef }, statistic: 'Maximum' },
      threshold: maxRpus,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      periodSeconds: REDSHIFT_COMPUTE_CAPACITY_PERIOD_SECONDS,
      evaluationPeriods: REDSHIFT_COMPUTE_CAPACITY_EVALUATION_PERIODS,
      treatMissingData: 'notBreaching',
      range: { min: MIN_SERVERLESS_CAPACITY_RPUS, max: Math.min(maxRpus, MAX_SERVERLESS_MAX_CAPACITY_RPUS), integer: true, unit: 'RPUs' },
      description: `Redshift Serverless workgroup ${name}: compute has been at its ${maxRpus} RPU ceiling (ComputeCapacity) for 15 minutes; queries `
        + 'wait for capacity. Check first: the heaviest queries in SYS_QUERY_HISTORY, then raise maxCapacityRpus if the cost is acceptable.',
    });
  }
  specs.push(longQueries(node, 'AWS/Redshift-Serverless', 'Workgroup', workgroupRef, 'Serverless workgroup'));
  return specs;
}

/**
 * Alarms of a RedshiftWarehouse: provisioned clusters (PercentageDiskSpaceUsed, CPUUtilization,
 * HealthStatus, long queries) or Serverless workgroups (ComputeCapacity against the configured max
 * RPUs, long queries).
 * @internal
 */
export function redshiftAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof RedshiftWarehouse)) return [];
  const provisioned = node.node.tryFindChild('Provisioned');
  if (provisioned instanceof ProvisionedWarehouse) return provisionedAlarms(node, provisioned);
  const serverless = node.node.tryFindChild('Serverless');
  if (serverless instanceof ServerlessWarehouse) return serverlessAlarms(node, serverless);
  return [];
}
