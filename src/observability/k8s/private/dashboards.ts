import { PrometheusAlertSpec } from '../catalog/prometheus-alert-spec';

/** A Grafana dashboard generated from the catalog. @internal */
export interface GeneratedDashboard {
  /** File and ConfigMap suffix (the rule group, or `alarms`). */
  readonly name: string;
  readonly title: string;
  /** The dashboard model. */
  readonly model: Record<string, any>;
}

/** Uid of the dashboards' data source variable. */
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const PANEL_WIDTH = 12;
const PANEL_HEIGHT = 8;

/** A data source variable, so the dashboards work with any Prometheus data source (an existing stack's too). */
const TEMPLATING = { list: [{ name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0 }] };

function base(uid: string, title: string, panels: Record<string, any>[]): Record<string, any> {
  return {
    uid,
    title,
    tags: ['cdktf-data-pipelines'],
    timezone: 'utc',
    editable: false,
    schemaVersion: 39,
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    templating: TEMPLATING,
    panels,
  };
}

/** A time series of the alert's expression with its threshold drawn as a line. */
function alertPanel(spec: PrometheusAlertSpec, index: number): Record<string, any> {
  return {
    id: index + 1,
    type: 'timeseries',
    title: `${spec.resourceName}: ${spec.alert}`,
    description: spec.description,
    datasource: DATASOURCE,
    gridPos: { h: PANEL_HEIGHT, w: PANEL_WIDTH, x: (index % 2) * PANEL_WIDTH, y: Math.floor(index / 2) * PANEL_HEIGHT },
    targets: [{ refId: 'A', datasource: DATASOURCE, expr: spec.expr, legendFormat: spec.resourceName }],
    fieldConfig: {
      defaults: {
        custom: { thresholdsStyle: { mode: 'line' } },
        thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: spec.threshold }] },
      },
      overrides: [],
    },
  };
}

/** Markdown table of the rules (alert, resource, condition, duration, severity). */
function rulesTable(specs: PrometheusAlertSpec[]): string {
  const rows = specs.map((s) => `| ${s.alert} | ${s.resourceName} | ${s.comparison} ${s.threshold} ${s.range.unit} | ${s.forSeconds} s | ${s.severity} |`);
  return ['| Alert | Resource | Fires when | For | Severity |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * One dashboard per rule group (Kafka, Kafka Connect, PostgreSQL, CDC sources, ...), a panel per
 * alert showing the expression the rule compares with its threshold, plus an overview of the
 * firing alerts of the namespace.
 * @internal
 */
export function generateDashboards(specs: PrometheusAlertSpec[], namePrefix: string, namespace: string): GeneratedDashboard[] {
  const groups = [...new Set(specs.map((s) => s.group))];
  const dashboards = groups.map((group) => {
    const list = specs.filter((s) => s.group === group);
    const title = `${namePrefix} ${group}`;
    return { name: group, title, model: base(`${namePrefix}-${group}`.slice(0, 40), title, list.map(alertPanel)) };
  });
  const firing = `ALERTS{alertstate="firing",namespace="${namespace}"}`;
  const overview = base(`${namePrefix}-alarms`.slice(0, 40), `${namePrefix} alarms`, [
    {
      id: 1,
      type: 'stat',
      title: 'Firing alerts',
      datasource: DATASOURCE,
      gridPos: { h: 4, w: 6, x: 0, y: 0 },
      targets: [{ refId: 'A', datasource: DATASOURCE, expr: `count(${firing}) or vector(0)` }],
    },
    {
      id: 2,
      type: 'table',
      title: 'Firing alerts by resource',
      datasource: DATASOURCE,
      gridPos: { h: 12, w: 24, x: 0, y: 4 },
      targets: [{ refId: 'A', datasource: DATASOURCE, expr: `sum by (alertname, resource, severity) (${firing})`, format: 'table', instant: true }],
    },
    {
      id: 3,
      type: 'text',
      title: 'Rules',
      description: 'Every rule the observability stack created, with its threshold and duration.',
      gridPos: { h: 12, w: 24, x: 0, y: 16 },
      options: { mode: 'markdown', content: rulesTable(specs) },
    },
  ]);
  return [...dashboards, { name: 'alarms', title: `${namePrefix} alarms`, model: overview }];
}
