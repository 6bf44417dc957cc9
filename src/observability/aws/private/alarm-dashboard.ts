import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import { ResolvedMetric } from './cloudwatch-alarm';
import { CloudWatchAlarmSpec } from '../catalog/cloudwatch-alarm-spec';

/** Alarms one CloudWatch alarm-status widget can show. */
const ALARMS_PER_STATUS_WIDGET = 100;
const GRID_WIDTH = 24;
const GRAPH_WIDTH = 8;
const GRAPH_HEIGHT = 6;

/** One alarm as the dashboard draws it. @internal */
export interface DashboardAlarm {
  readonly spec: CloudWatchAlarmSpec;
  readonly alarmArn: string;
  readonly alarmName: string;
  /** The metric graphed (undefined for Metrics Insights alarms, graphed by their query). */
  readonly metric?: ResolvedMetric;
}

function graph(alarm: DashboardAlarm, region: string): Record<string, any> {
  const { spec } = alarm;
  const metrics = alarm.metric
    ? [[alarm.metric.namespace, alarm.metric.metricName, ...Object.entries(alarm.metric.dimensions).flat(), { stat: alarm.metric.statistic }]]
    : [[{ expression: spec.query, id: 'q1', label: spec.key, period: spec.periodSeconds }]];
  return {
    type: 'metric',
    width: GRAPH_WIDTH,
    height: GRAPH_HEIGHT,
    properties: {
      title: `${spec.resourceName}: ${spec.key}`,
      region,
      view: 'timeSeries',
      period: spec.periodSeconds,
      metrics,
      annotations: { horizontal: [{ label: `threshold (${spec.comparison} ${spec.threshold})`, value: spec.threshold }] },
    },
  };
}

/**
 * The stack's dashboard: alarm status at the top, then one graph per alarm with its threshold,
 * grouped by watched resource.
 * @internal
 */
export function createAlarmDashboard(scope: Construct, id: string, name: string, region: string, alarms: DashboardAlarm[]): CloudwatchDashboard {
  const widgets: Record<string, any>[] = [{
    type: 'text',
    width: GRID_WIDTH,
    height: 2,
    properties: { markdown: `# ${name}\nAlarms created by cdktf-data-pipelines for every watched pipeline resource (${alarms.length}).` },
  }];
  for (let i = 0; i < alarms.length; i += ALARMS_PER_STATUS_WIDGET) {
    const chunk = alarms.slice(i, i + ALARMS_PER_STATUS_WIDGET);
    widgets.push({
      type: 'alarm',
      width: GRID_WIDTH,
      height: Math.min(12, 2 + Math.ceil(chunk.length / 4)),
      properties: { title: 'Alarm status', alarms: chunk.map((a) => a.alarmArn), sortBy: 'stateUpdatedTimestamp' },
    });
  }
  let resource: string | undefined;
  for (const alarm of alarms) {
    const path = alarm.spec.resource.node.path;
    if (path !== resource) {
      resource = path;
      widgets.push({ type: 'text', width: GRID_WIDTH, height: 1, properties: { markdown: `## ${alarm.spec.resourceName} (${path})` } });
    }
    widgets.push(graph(alarm, region));
  }
  return new CloudwatchDashboard(scope, id, { dashboardName: name, dashboardBody: JSON.stringify({ widgets }) });
}
