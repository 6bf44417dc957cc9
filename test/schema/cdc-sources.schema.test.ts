import * as fs from 'fs';
import * as path from 'path';
import { KubernetesPlatform } from '../../src';
import { MongoSourceDatabase, MongoTls, PostgresSourceDatabase } from '../../src/cdc/k8s/source';
import { describeWithSchemas, formatErrors, schemasDir, synthesizedCustomResources, validateCustomResource } from '../support/schemas';
import { newStack, synth } from '../support/synth';

/**
 * Chart values the shared upstream schemas cannot validate, with the reason. The keys used are
 * pinned below.
 */
const NO_VALUES_SCHEMA: Record<string, string> = {
  'mongodb-kubernetes': 'the mongodb-kubernetes chart (1.10.0) ships no values.schema.json; the keys used were checked by hand against its values.yaml '
    + 'and templates/operator.yaml (operator.watchedResources, enableClusterMongoDBRoles, telemetry.enabled, resources, podSecurityContext, securityContext)',
};

/** Every source database variant: PostgreSQL with all tables and with listed tables, MongoDB with and without TLS. */
function sourcesStack() {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', storageClassName: 'fast-ssd' });
  const orders = new PostgresSourceDatabase(stack, 'Orders');
  orders.allowConnectionsFrom('Connect', { podLabels: { 'strimzi.io/cluster': 'cdc' } });
  new PostgresSourceDatabase(stack, 'Billing', { instances: 1, publicationTables: ['public.invoices', 'billing.payments'] });
  new MongoSourceDatabase(stack, 'Catalog', { tls: MongoTls.fromSecrets({ caConfigMapName: 'catalog-ca', certificateKeySecretName: 'catalog-tls' }) });
  new MongoSourceDatabase(stack, 'Reviews', { tls: MongoTls.disabled(), members: 1 });
  return synth(stack);
}

function named(resources: any[], kind: string, name: string): any {
  const found = resources.find((r) => r.kind === kind && r.metadata.name === name);
  expect(found).toBeDefined();
  return found;
}

describeWithSchemas('CDC source databases validate against the upstream CRDs', () => {
  test('every Cluster, Publication and MongoDBCommunity validates', () => {
    const resources = synthesizedCustomResources(sourcesStack().json);
    expect(resources.map((r) => `${r.apiVersion}|${r.kind}|${r.metadata.name}`).sort()).toEqual([
      'mongodbcommunity.mongodb.com/v1|MongoDBCommunity|acme-catalog',
      'mongodbcommunity.mongodb.com/v1|MongoDBCommunity|acme-reviews',
      'postgresql.cnpg.io/v1|Cluster|acme-billing',
      'postgresql.cnpg.io/v1|Cluster|acme-orders',
      'postgresql.cnpg.io/v1|Publication|acme-billing-publication',
      'postgresql.cnpg.io/v1|Publication|acme-orders-publication',
    ]);
    for (const resource of resources) {
      expect(formatErrors(resource, validateCustomResource(resource))).toBe('');
    }
    expect(named(resources, 'Publication', 'acme-billing-publication').spec.target.objects).toHaveLength(2);
    expect(named(resources, 'MongoDBCommunity', 'acme-reviews').spec.security.tls).toEqual({ enabled: false });
  });

  test('the validator catches misspelled or invalid fields in what the sources generate', () => {
    const resources = synthesizedCustomResources(sourcesStack().json);
    const cluster = named(resources, 'Cluster', 'acme-orders');
    const role = { ...cluster.spec.managed.roles[0], replicate: true };
    expect(validateCustomResource({ ...cluster, spec: { ...cluster.spec, managed: { roles: [role] } } }).some((e) => e.params.additionalProperty === 'replicate')).toBe(true);
    const slots = { highAvailability: { enabled: true, synchroniseLogicalDecoding: true } };
    expect(validateCustomResource({ ...cluster, spec: { ...cluster.spec, replicationSlots: slots } }).some((e) => e.params.additionalProperty === 'synchroniseLogicalDecoding'))
      .toBe(true);
    const publication = named(resources, 'Publication', 'acme-orders-publication');
    expect(validateCustomResource({ ...publication, spec: { ...publication.spec, publicationReclaimPolicy: 'drop' } }).some((e) => e.keyword === 'enum')).toBe(true);
    const { dbname: _dbname, ...withoutDb } = publication.spec;
    expect(validateCustomResource({ ...publication, spec: withoutDb }).some((e) => e.keyword === 'required' && e.params.missingProperty === 'dbname')).toBe(true);
    const mongo = named(resources, 'MongoDBCommunity', 'acme-catalog');
    expect(validateCustomResource({ ...mongo, spec: { ...mongo.spec, type: 'Sharded' } }).some((e) => e.keyword === 'enum')).toBe(true);
    const tls = { ...mongo.spec.security.tls, caCertificateConfigMapRef: { name: 'x' } };
    expect(validateCustomResource({ ...mongo, spec: { ...mongo.spec, security: { ...mongo.spec.security, tls } } })
      .some((e) => e.params.additionalProperty === 'caCertificateConfigMapRef')).toBe(true);
    const user = { ...mongo.spec.users[1], scramCredentialsSecretName: 'Not_A_Name' };
    expect(validateCustomResource({ ...mongo, spec: { ...mongo.spec, users: [user] } }).some((e) => e.keyword === 'pattern')).toBe(true);
    const { users: _users, ...withoutUsers } = mongo.spec;
    expect(validateCustomResource({ ...mongo, spec: withoutUsers }).some((e) => e.keyword === 'required' && e.params.missingProperty === 'users')).toBe(true);
  });

  test('the mongodb-kubernetes chart values are listed as unvalidated, with the keys they use pinned', () => {
    const releases = Object.values<any>(sourcesStack().resources('helm_release')).filter((r) => r.chart === 'mongodb-kubernetes');
    expect(releases).toHaveLength(1);
    expect(NO_VALUES_SCHEMA[releases[0].chart]).toContain('ships no values.schema.json');
    expect(fs.existsSync(path.join(schemasDir(), 'mongodb', 'values.schema.json'))).toBe(false);
    const values = JSON.parse(releases[0].values[0]);
    expect(Object.keys(values)).toEqual(['operator']);
    expect(Object.keys(values.operator)).toEqual([
      'watchedResources', 'enableClusterMongoDBRoles', 'telemetry', 'resources', 'podSecurityContext', 'securityContext',
    ]);
  });
});
