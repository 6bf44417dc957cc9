import { boundedObjectName } from '../../../core/naming';
import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { PROMETHEUS_OPERATOR_API_VERSION } from '../../../platform/k8s/observability-versions';
import { PrometheusAlertSpec, ScrapeTargetSpec } from '../catalog/prometheus-alert-spec';

/** Prometheus duration of a number of seconds (`5m`, `90s`). @internal */
export function promDuration(seconds: number): string {
  return seconds % 60 === 0 && seconds > 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/** The rule of one catalog alert: `expr <comparison> threshold` for `forSeconds`. @internal */
export function alertingRule(spec: PrometheusAlertSpec, namespace: string): Record<string, any> {
  return {
    alert: spec.alert,
    expr: `${spec.expr} ${spec.comparison} ${spec.threshold}`,
    for: promDuration(spec.forSeconds),
    labels: { severity: spec.severity, namespace, resource: spec.resourceName, alarm: spec.key },
    annotations: {
      summary: `${spec.alert} on ${spec.resourceName}`,
      description: `${spec.description} (value {{ $value }}, threshold ${spec.comparison} ${spec.threshold}; resource ${spec.resource.node.path})`,
    },
  };
}

/**
 * One PrometheusRule per component (rule group of the catalog), `<namePrefix>-<group>`, with one
 * rule group per watched resource (`<group>.<resource name>`), both sorted by name.
 * @internal
 */
export function prometheusRules(
  specs: PrometheusAlertSpec[], namePrefix: string, namespace: string, labels: Record<string, string>,
): KubernetesObject[] {
  const byGroup = new Map<string, Map<string, PrometheusAlertSpec[]>>();
  for (const spec of specs) {
    const resources = byGroup.get(spec.group) ?? new Map<string, PrometheusAlertSpec[]>();
    byGroup.set(spec.group, resources);
    const key = `${spec.group}.${spec.resourceName}`;
    resources.set(key, [...(resources.get(key) ?? []), spec]);
  }
  const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  return sorted(byGroup).map(([group, resources]) => ({
    apiVersion: PROMETHEUS_OPERATOR_API_VERSION,
    kind: 'PrometheusRule',
    metadata: { name: boundedObjectName(`${namePrefix}-${group}`), labels },
    spec: {
      groups: sorted(resources).map(([name, list]) => ({ name, rules: list.map((spec) => alertingRule(spec, namespace)) })),
    },
  }));
}

/** The PodMonitor or ServiceMonitor of a scrape target, restricted to its namespace. @internal */
export function monitorResource(target: ScrapeTargetSpec, labels: Record<string, string>): KubernetesObject {
  const endpoints = target.kind === 'PodMonitor' ? { podMetricsEndpoints: target.endpoints } : { endpoints: target.endpoints };
  return {
    apiVersion: PROMETHEUS_OPERATOR_API_VERSION,
    kind: target.kind,
    metadata: { name: target.name, namespace: target.namespace, labels },
    spec: {
      selector: { matchLabels: target.selector },
      namespaceSelector: { matchNames: [target.namespace] },
      ...endpoints,
    },
  };
}
