import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchMetricAlarm, CloudwatchMetricAlarmConfig } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { CloudWatchAlarmSpec } from '../catalog/cloudwatch-alarm-spec';
import { CLOUDWATCH_COMPARISON_NAMES } from '../cloudwatch-comparison';

/** Statistic names CloudWatch takes in `statistic`; anything else (p99, tm90, ...) is extended. */
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

/** Where an alarm notifies. @internal */
export interface AlarmActions {
  readonly alarmActions: string[];
  readonly okActions: string[];
}

/** A spec's metric with the dimensions the stack supplies for event alarms (the rule's name). @internal */
export interface ResolvedMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Record<string, string>;
  readonly statistic: string;
}

/** The EventBridge rule name of an event spec's alarm. @internal */
export function eventMetric(ruleName: string): ResolvedMetric {
  return { namespace: 'AWS/Events', metricName: 'TriggeredRules', dimensions: { RuleName: ruleName }, statistic: 'Sum' };
}

/**
 * Creates one alarm (and, for event specs, its EventBridge rule) from a catalog spec.
 * @internal
 */
export function createCloudWatchAlarm(
  scope: Construct,
  id: string,
  spec: CloudWatchAlarmSpec,
  names: { alarmName: string; ruleName: string },
  actions: AlarmActions,
): CloudwatchMetricAlarm {
  const common: CloudwatchMetricAlarmConfig = {
    alarmName: names.alarmName,
    alarmDescription: spec.description,
    comparisonOperator: CLOUDWATCH_COMPARISON_NAMES[spec.comparison],
    threshold: spec.threshold,
    evaluationPeriods: spec.evaluationPeriods,
    datapointsToAlarm: spec.datapointsToAlarm ?? spec.evaluationPeriods,
    treatMissingData: spec.treatMissingData,
    alarmActions: actions.alarmActions,
    okActions: actions.okActions,
  };
  if (spec.query !== undefined) {
    return new CloudwatchMetricAlarm(scope, id, {
      ...common,
      metricQuery: [{ id: 'q1', expression: spec.query, period: spec.periodSeconds, returnData: true, label: spec.key }],
    });
  }
  let metric: ResolvedMetric;
  if (spec.eventPattern !== undefined) {
    const rule = new CloudwatchEventRule(scope, `${id}Rule`, {
      name: names.ruleName,
      description: spec.description,
      eventPattern: JSON.stringify(spec.eventPattern),
    });
    metric = eventMetric(rule.name);
  } else {
    metric = spec.metric!;
  }
  const extended = !STATISTICS.includes(metric.statistic);
  return new CloudwatchMetricAlarm(scope, id, {
    ...common,
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: metric.dimensions,
    period: spec.periodSeconds,
    statistic: extended ? undefined : metric.statistic,
    extendedStatistic: extended ? metric.statistic : undefined,
  });
}
