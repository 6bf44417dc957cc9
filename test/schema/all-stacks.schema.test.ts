import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { App, Testing, TerraformStack } from 'cdktf';
import { EXAMPLES } from '../../examples';
import { buildReferenceApp } from '../../stacks/app';
import { describeWithSchemas, formatErrors, schemasDir, synthesizedCustomResources, validateCustomResource } from '../support/schemas';

/** Upstream chart -> its values schema under the shared schemas folder. */
const VALUES_SCHEMAS: Record<string, string> = {
  'cloudnative-pg': 'cloudnative-pg/charts/cloudnative-pg/values.schema.json',
  'cluster': 'cloudnative-pg/charts/cluster/values.schema.json',
  'vault': 'vault-helm/values.schema.json',
  'airflow': 'airflow-helm/values.schema.json',
};
/** Upstream charts that publish no values schema, with the reason their values are not validated. */
const NO_VALUES_SCHEMA: Record<string, string> = {
  'kube-prometheus-stack': 'the kube-prometheus-stack chart ships no values.schema.json, and none is among the shared upstream schemas; its values are asserted in test/unit/observability/k8s',
  'eck-operator': 'the eck-operator chart ships no values.schema.json (not among the shared upstream schemas); its custom resources are validated against eck/all-crds.yaml',
  'strimzi-kafka-operator': 'the Strimzi chart ships no values.schema.json; its custom resources are validated against the CRDs instead',
  'seaweedfs': 'the SeaweedFS chart ships no values.schema.json (keys checked against its chart sources by hand)',
  'trino': 'the Trino chart\'s values schema is not among the shared upstream schemas',
  'spark-operator': 'the spark-operator chart\'s values schema is not among the shared upstream schemas (its CRDs are)',
  'commons-operator': 'Stackable operator charts ship no values.schema.json; their custom resources are validated against the CRDs',
  'secret-operator': 'Stackable operator charts ship no values.schema.json; their custom resources are validated against the CRDs',
  'listener-operator': 'Stackable operator charts ship no values.schema.json',
  'hive-operator': 'Stackable operator charts ship no values.schema.json; HiveCluster is validated against its CRD',
  'plugin-barman-cloud': 'the Barman Cloud plugin chart\'s values schema is not among the shared upstream schemas',
  'grafana': 'the Grafana chart ships no values.schema.json (keys checked against its values.yaml and templates by hand)',
  'mongodb-kubernetes': 'the MongoDB Controllers for Kubernetes chart ships no values.schema.json; MongoDBCommunity is validated against its CRD',
};

/**
 * Custom resources whose CRD is not among the shared upstream schemas, with the reason. They are
 * counted and reported, never silently passed.
 */
const NO_CRD_SCHEMA: Record<string, string> = {
  'barmancloud.cnpg.io/v1|ObjectStore': 'the Barman Cloud plugin\'s ObjectStore CRD is not among the shared upstream schemas; its fields are asserted in the unit tier',
};

/** Objects of an API group served by a CRD (core and *.k8s.io groups are built into Kubernetes). */
function isCustomResource(obj: any): boolean {
  const [group] = String(obj.apiVersion).split('/');
  return String(obj.apiVersion).includes('/') && group.includes('.') && !group.endsWith('.k8s.io');
}


/** Every stack of the reference app and of the Kubernetes examples, synthesized. */
function kubernetesStacks(): { name: string; json: any }[] {
  const app = Testing.app();
  buildReferenceApp(app as App);
  for (const example of EXAMPLES.filter((e) => e.platform === 'kubernetes')) example.build(app as App, {});
  return app.node.children
    .filter((c): c is TerraformStack => c instanceof TerraformStack)
    .map((stack) => ({ name: stack.node.id, json: JSON.parse(Testing.synth(stack)) }))
    .filter((s) => s.json.provider?.helm);
}

describeWithSchemas('tier 4: everything the Kubernetes stacks and examples generate validates upstream', () => {
  const stacks = kubernetesStacks();

  test('there are Kubernetes stacks to check', () => {
    expect(stacks.map((s) => s.name)).toEqual(expect.arrayContaining(['data-engineer-flow-360', 'example-streaming-ingest-kubernetes']));
  });

  test('every custom resource validates against its CRD', () => {
    let validated = 0;
    const unvalidated: string[] = [];
    for (const stack of stacks) {
      const resources = synthesizedCustomResources(stack.json).filter(isCustomResource);
      // A stack that ships the bundled custom-resources chart must render some (the Vault stack has none).
      const bundled = Object.values<any>(stack.json.resource.helm_release).filter((r) => !r.repository);
      if (bundled.length > 0) expect(`${stack.name}: ${resources.length}`).not.toBe(`${stack.name}: 0`);
      for (const resource of resources) {
        const reason = NO_CRD_SCHEMA[`${resource.apiVersion}|${resource.kind}`];
        if (reason) {
          unvalidated.push(`${stack.name}: ${resource.kind}/${resource.metadata?.name} (${reason})`);
          continue;
        }
        expect(formatErrors(resource, validateCustomResource(resource))).toBe('');
        validated++;
      }
    }
    console.log([
      `tier 4: ${validated} custom resources validated across ${stacks.length} Kubernetes stacks`,
      `not validated (no upstream CRD schema): ${unvalidated.length}`,
      ...unvalidated.map((u) => `  - ${u}`),
    ].join('\n'));
    expect(validated).toBeGreaterThanOrEqual(stacks.filter((st) => synthesizedCustomResources(st.json).length > 0).length * 4);
  });

  test('every upstream chart release has its values validated, or is listed with a reason', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
    for (const stack of stacks) {
      for (const release of Object.values<any>(stack.json.resource.helm_release)) {
        if (!release.repository) continue; // the bundled custom-resources chart (checked above)
        const schemaFile = VALUES_SCHEMAS[release.chart];
        if (!schemaFile) {
          expect(`${release.chart}: ${NO_VALUES_SCHEMA[release.chart] ?? 'neither validated nor listed with a reason'}`).not.toMatch(/neither validated/);
          continue;
        }
        const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemasDir(), schemaFile), 'utf8')));
        const values = JSON.parse(release.values[0]);
        expect(validate(values) ? '' : JSON.stringify(validate.errors)).toBe('');
      }
    }
  });
});
