import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { WarehouseMonitoring } from '../../src/warehouse/k8s';
import {
  describeWithSchemas, formatErrors, schemasDir, synthesizedCustomResources, toJsonSchema, validateCustomResource,
} from '../support/schemas';
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

/** Validators of the Prometheus Operator's CRDs (`monitoring.coreos.com/v1|<Kind>`). */
function monitoringValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
  const dir = path.join(schemasDir(), 'prometheus-operator');
  const validators = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      const crd = doc.toJS({ maxAliasCount: -1 });
      for (const version of crd?.spec?.versions ?? []) {
        if (!version.served) continue;
        const root = version.schema.openAPIV3Schema;
        validators.set(`${crd.spec.group}/${version.name}|${crd.spec.names.kind}`, ajv.compile(toJsonSchema(root)));
      }
    }
  }
  return validators;
}

/** Custom resources of API groups served by CRDs. */
function isCustomResource(obj: any): boolean {
  const [group] = String(obj.apiVersion).split('/');
  return String(obj.apiVersion).includes('/') && group.includes('.') && !group.endsWith('.k8s.io');
}

describeWithSchemas('tier 4: the observability stack\'s resources validate against the upstream CRDs', () => {
  const validators = monitoringValidators();
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
    for (const resource of monitoring) {
      const validate = validators.get(`${resource.apiVersion}|${resource.kind}`)!;
      expect(validate).toBeDefined();
      expect(validate(resource) ? '' : formatErrors(resource, validate.errors ?? [])).toBe('');
    }
    const others = resources.filter((r) => r.apiVersion !== 'monitoring.coreos.com/v1' && r.apiVersion !== 'barmancloud.cnpg.io/v1');
    for (const resource of others) expect(formatErrors(resource, validateCustomResource(resource))).toBe('');
  });

  test('the validators reject what the API server would prune', () => {
    const bogus = { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name: 'x' }, spec: { selector: {}, podMetricsEndpoint: [] } };
    expect(validators.get('monitoring.coreos.com/v1|PodMonitor')!(bogus)).toBe(false);
  });

  test('the kube-prometheus-stack values have no upstream schema (asserted in the unit tier)', () => {
    const release = Object.values<any>(synth(stacks.installed).json.resource.helm_release).find((r) => r.chart === 'kube-prometheus-stack');
    expect(NO_VALUES_SCHEMA[release.chart]).toBeDefined();
  });
});
