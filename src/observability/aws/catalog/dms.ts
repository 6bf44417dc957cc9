import { IConstruct } from 'constructs';
import { DMS_CDC_LATENCY_SOURCE, DMS_CDC_LATENCY_TARGET } from '../../../cdc/aws/dms/cdc-metric';
import { DmsCapacityKind } from '../../../cdc/aws/dms/dms-capacity';
import { DmsCdcSource } from '../../../cdc/aws/dms/dms-cdc-source';
import { kebab } from '../../../core/naming';
import { AlarmComparison } from '../../alarm-contract';
import { EVENT_ALARM_EVALUATION_PERIODS, EVENT_ALARM_PERIOD_SECONDS, EVENT_ALARM_THRESHOLD } from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

/** Catalog keys of the CDC metrics DmsCdcSource.metrics() lists. */
const METRIC_KEYS: Record<string, string> = {
  [DMS_CDC_LATENCY_SOURCE]: 'dms-cdc-latency-source',
  [DMS_CDC_LATENCY_TARGET]: 'dms-cdc-latency-target',
};

/** What to look at first when a latency alarm fires. */
const LATENCY_CHECKS: Record<string, string> = {
  [DMS_CDC_LATENCY_SOURCE]: 'the source database\'s log retention and load, and the replication instance\'s CPU and memory.',
  [DMS_CDC_LATENCY_TARGET]: 'the target\'s throughput (Kinesis write throttling or S3 errors) and the task log for apply errors.',
};

/** CloudWatch ComparisonOperator names of cdc-metric.ts, as comparisons. */
const COMPARISONS: Record<string, AlarmComparison> = {
  GreaterThanOrEqualToThreshold: AlarmComparison.GREATER_THAN_OR_EQUAL,
  GreaterThanThreshold: AlarmComparison.GREATER_THAN,
  LessThanThreshold: AlarmComparison.LESS_THAN,
  LessThanOrEqualToThreshold: AlarmComparison.LESS_THAN_OR_EQUAL,
};

/** Longest CDC latency threshold accepted, seconds (a day: beyond it the source log is likely purged). */
const MAX_LATENCY_SECONDS = 86_400;

/**
 * The EventBridge events of a failed replication (AWS DMS sends them to EventBridge directly, source
 * `aws.dms`, with the task or replication config ARN in `resources`):
 * - replication instance and task: detail-type "DMS Replication Task State Change", detail.eventType
 *   "REPLICATION_TASK_FAILED" (category Failure);
 * - DMS Serverless: detail-type "DMS Replication State Change", detail.eventType "REPLICATION_FAILED"
 *   (a serverless replication's task-level events carry only STARTED and STOPPED).
 * Sources: EventBridge reference "AWS Database Migration Service events" (the detail-types) and the
 * DMS User Guide "Working with Amazon EventBridge events" (the event types).
 */
const FAILURE_EVENTS: Record<DmsCapacityKind, { detailType: string; eventType: string }> = {
  [DmsCapacityKind.INSTANCE]: { detailType: 'DMS Replication Task State Change', eventType: 'REPLICATION_TASK_FAILED' },
  [DmsCapacityKind.SERVERLESS]: { detailType: 'DMS Replication State Change', eventType: 'REPLICATION_FAILED' },
};

/**
 * Alarms of a DmsCdcSource: one per CDC metric its `metrics()` lists (CDCLatencySource and
 * CDCLatencyTarget, with the dimensions and thresholds it recommends; none for DMS Serverless) and a
 * failure event alarm on the replication task (or serverless replication) ARN.
 * @internal
 */
export function dmsAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof DmsCdcSource)) return [];
  const name = node.captureName;
  const common = { resource: node, resourceName: name, treatMissingData: 'notBreaching' as const };
  const latency = node.metrics().map((m): CloudWatchAlarmSpec => ({
    ...common,
    key: METRIC_KEYS[m.metricName] ?? `dms-${kebab(m.metricName)}`,
    metric: { namespace: m.namespace, metricName: m.metricName, dimensions: { ...m.dimensions }, statistic: m.statistic },
    threshold: m.recommendedThreshold,
    comparison: COMPARISONS[m.comparisonOperator] ?? AlarmComparison.GREATER_THAN,
    periodSeconds: m.periodSeconds,
    evaluationPeriods: m.evaluationPeriods,
    range: { min: 1, max: MAX_LATENCY_SECONDS, integer: true, unit: 'seconds' },
    description: `DMS capture ${m.description} exceeded the threshold (${m.metricName}) for ${m.periodSeconds * m.evaluationPeriods / 60} minutes. `
      + `Check first: ${LATENCY_CHECKS[m.metricName] ?? `the task log in log group ${node.logGroupName}.`}`,
  }));
  const failure = FAILURE_EVENTS[node.capacityKind];
  return [
    ...latency,
    {
      ...common,
      key: 'dms-replication-failed',
      eventPattern: {
        'source': ['aws.dms'],
        'detail-type': [failure.detailType],
        'resources': [node.replicationArn],
        'detail': { eventType: [failure.eventType] },
      },
      threshold: EVENT_ALARM_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      periodSeconds: EVENT_ALARM_PERIOD_SECONDS,
      evaluationPeriods: EVENT_ALARM_EVALUATION_PERIODS,
      range: { min: 1, max: 100, integer: true, unit: 'events' },
      description: `DMS capture ${name}: the ${node.capacityKind === DmsCapacityKind.INSTANCE ? 'replication task' : 'serverless replication'} failed `
        + `(${failure.eventType}); changes are no longer captured. Check first: the last errors in log group ${node.logGroupName}, then the source `
        + 'endpoint\'s connection test and the CDC user\'s privileges; resume the task once fixed.',
    },
  ];
}
