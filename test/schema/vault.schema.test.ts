import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { KubernetesPlatform } from '../../src';
import { VAULT_CHART } from '../../src/platform/k8s/secret-versions';
import { VaultServer, VaultServerProps, VaultTls } from '../../src/secrets';
import { describeWithSchemas, schemasDir } from '../support/schemas';
import { newStack, synth } from '../support/synth';

/** The Vault chart's values schema under the shared upstream schemas. */
const VALUES_SCHEMA = 'vault-helm/values.schema.json';

/** The values of the one Vault release of a stack, as deployed. */
function vaultValues(props: VaultServerProps, storageClassName?: string): any {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', storageClassName });
  new VaultServer(stack, 'Vault', props);
  const release = synth(stack).only('helm_release');
  expect([release.repository, release.chart, release.version]).toEqual([VAULT_CHART.repository, VAULT_CHART.chart, VAULT_CHART.version]);
  return JSON.parse(release.values[0]);
}

/**
 * Keys of `values` that the schema does not declare where it lists an object's properties. The
 * upstream schema allows unknown keys (no additionalProperties: false), so a misspelled key would
 * validate and be ignored by the chart: this catches it.
 */
function undeclaredKeys(values: any, schema: any, at = ''): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values) || !schema?.properties) return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const child = schema.properties[key];
    if (!child) return [`${at}.${key}`];
    return undeclaredKeys(value, child, `${at}.${key}`);
  });
}

describeWithSchemas('tier 4: VaultServer values validate against the Vault chart\'s values.schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(schemasDir(), VALUES_SCHEMA), 'utf8'));
  // validateSchema: false because the file's $schema is https://json-schema.org/draft-07/schema#, an id
  // ajv does not know (it registers draft-07 under http://); the schema itself is plain draft-07.
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false }).compile(schema);

  test.each<[string, VaultServerProps, string | undefined]>([
    ['defaults, TLS from a Secret', { tls: VaultTls.fromSecret('vault-tls') }, undefined],
    ['TLS disabled, UI, 5 servers, a storage class', { tls: VaultTls.disabled(), ui: true, replicas: 5, dataStorageGiB: 50, auditStorageGiB: 20 }, 'fast-ssd'],
  ])('%s', (_title, props, storageClassName) => {
    const values = vaultValues(props, storageClassName);
    expect(validate(values) ? '' : JSON.stringify(validate.errors)).toBe('');
    expect(undeclaredKeys(values, schema)).toEqual([]);
  });

  test('the checks are not vacuous: a wrong type and a misspelled key are caught', () => {
    const values = vaultValues({ tls: VaultTls.fromSecret('vault-tls') });
    values.server.ha.replicas = '3';
    values.server.dataStorag = values.server.dataStorage;
    expect(validate(values)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain('/server/ha/replicas');
    expect(undeclaredKeys(values, schema)).toEqual(['.server.dataStorag']);
  });
});
