import { IConstruct } from 'constructs';
import { DocumentDbSourceDatabase } from '../../../cdc/aws/source/documentdb-source-database';
import { AlarmComparison } from '../../alarm-contract';
import { SOURCE_DB_CPU_EVALUATION_PERIODS, SOURCE_DB_CPU_PERIOD_SECONDS, SOURCE_DB_CPU_THRESHOLD_PERCENT } from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

/**
 * Alarms of a DocumentDbSourceDatabase: CPU of the writer instance (AWS/DocDB, DBClusterIdentifier and
 * Role WRITER), the instance change streams are read from; it follows a failover.
 * @internal
 */
export function documentDbAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof DocumentDbSourceDatabase)) return [];
  const name = node.identifier;
  return [{
    key: 'docdb-writer-cpu',
    resource: node,
    resourceName: name,
    metric: {
      namespace: 'AWS/DocDB', metricName: 'CPUUtilization', dimensions: { DBClusterIdentifier: node.cluster.clusterIdentifier, Role: 'WRITER' }, statistic: 'Average',
    },
    threshold: SOURCE_DB_CPU_THRESHOLD_PERCENT,
    comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
    periodSeconds: SOURCE_DB_CPU_PERIOD_SECONDS,
    evaluationPeriods: SOURCE_DB_CPU_EVALUATION_PERIODS,
    treatMissingData: 'notBreaching',
    range: { min: 1, max: 100, unit: '%' },
    description: `DocumentDB source ${name}: the writer's CPU above the threshold for 15 minutes (CPUUtilization, Role WRITER); writes and the `
      + 'change stream reads slow down. Check first: the profiler log group for slow operations, then the instance class.',
  }];
}
