import { WarehouseMonitoring } from '../../src/warehouse/k8s';
import { describeWithSchemas, formatErrors, synthesizedCustomResources, validateCustomResource } from '../support/schemas';
import { synth } from '../support/synth';
import { pipelineStack } from '../unit/observability/k8s/observability-fixture';

/**
 * Charts whose values the shared upstream schemas cannot validate, with the reason: the values of
 * kube-prometheus-stack are asserted key by key in test/unit/observability/k8s (checked by hand
 * against the chart's values.yaml and templates at 88.5.3).
 */
const NO_VALUES_SCHEMA: Record<string, string> = {
  'kube-prometheus-stack': 'the kube-prometheus-stack chart ships no values.schema.json, and none is among the shared upstream schemas',
};

/** Custom resources of API groups served by CRDs. */
function isCustomResource(obj: any): boolean {
  const [group] = String(obj.apiVersion).split('/');
  return String(obj.apiVersion).includes('/') && group.includes('.') && !group.endsWith('.k8s.io');
}

describeWithSchemas('tier 4: the observability stack\'s resources validate against the upstream CRDs', () => {
  const stacks = {
    installed: pipelineStack({ alertWebhook: { secretName: 'pager' } }).stack,
    existing: pipelineStack({ installPrometheusStack: false, prometheusReleaseName: 'kube-prometheus-stack' }).stack,
    warehouseMonitor: pipelineStack({}, { warehouseMonitoring: WarehouseMonitoring.podMonitor() }).stack,
  };

  test.each(Object.entries(stacks))('%s: every PrometheusRule, PodMonitor and ServiceMonitor, and the Strimzi resources', (_name, stack) => {
    const json = synth(stack).json;
    const resources = synthesizedCustomResources(json).filter(isCustomResource);
    const monitoring = resources.filter((r) => r.apiVersion === 'monitoring.coreos.com/v1');
    expect(monitoring.map((r) => r.kind)).toEqual(expect.arrayContaining(['PrometheusRule', 'PodMonitor']));
    const validated = resources.filter((r) => r.apiVersion !== 'barmancloud.cnpg.io/v1');
    for (const resource of validated) expect(formatErrors(resource, validateCustomResource(resource))).toBe('');
  });

  test('the validators reject what the API server would prune', () => {
    const bogus = { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name: 'x' }, spec: { selector: {}, podMetricsEndpoint: [] } };
    expect(validateCustomResource(bogus).length).toBeGreaterThan(0);
  });

  test('the kube-prometheus-stack values have no upstream schema (asserted in the unit tier)', () => {
    const release = Object.values<any>(synth(stacks.installed).json.resource.helm_release).find((r) => r.chart === 'kube-prometheus-stack');
    expect(NO_VALUES_SCHEMA[release.chart]).toBeDefined();
  });
});
