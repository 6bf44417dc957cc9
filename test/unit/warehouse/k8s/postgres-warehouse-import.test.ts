import { inspect, platformStack } from './warehouse-fixture';
import { Identity } from '../../../../src';
import { SecretStoreBackend } from '../../../../src/secrets';
import { PostgresWarehouse } from '../../../../src/warehouse/k8s';
import { WarehouseEngine } from '../../../../src/warehouse/warehouse-contract';

const ATTRS = { host: 'legacy-rw.acme.svc', databaseName: 'legacy', adminCredentialSecretName: 'legacy-app', adminUsername: 'app' };

describe('PostgresWarehouse.fromPostgresAttributes', () => {
  test('endpoint, default port, database and the administrator\'s basic-auth Secret', () => {
    const stack = platformStack();
    const imported = PostgresWarehouse.fromPostgresAttributes(stack, 'Legacy', ATTRS);
    expect(imported).toMatchObject({ engine: WarehouseEngine.POSTGRESQL, endpoint: 'legacy-rw.acme.svc', port: 5432, databaseName: 'legacy' });
    expect(imported.adminCredential).toMatchObject({ credentialName: 'legacy-app', username: 'app', backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: 'legacy-app' });
    expect(PostgresWarehouse.fromPostgresAttributes(stack, 'Other', { ...ATTRS, port: 6432 }).port).toBe(6432);
  });

  test('allowConnectionsFrom needs the cluster name; then it opens its instances to the clients', () => {
    const stack = platformStack();
    const unnamed = PostgresWarehouse.fromPostgresAttributes(stack, 'Legacy', ATTRS);
    expect(() => unnamed.allowConnectionsFrom('Bi', { podLabels: { app: 'bi' } })).toThrow(
      'test/Legacy: allowConnectionsFrom on an imported PostgresWarehouse needs its clusterName (the CloudNativePG Cluster in the platform namespace) to select its instances; set clusterName in the attributes.',
    );
    const named = PostgresWarehouse.fromPostgresAttributes(stack, 'Named', { ...ATTRS, clusterName: 'legacy' });
    named.allowConnectionsFrom('Bi', { podLabels: { app: 'bi' } });
    const { policy } = inspect(stack);
    expect(policy('allow-legacy-from-bi').spec).toMatchObject({
      pod_selector: { match_labels: { 'cnpg.io/cluster': 'legacy', 'app.kubernetes.io/component': 'database' } },
      ingress: [{ from: [{ pod_selector: { match_labels: { app: 'bi' } } }], ports: [{ port: '5432', protocol: 'TCP' }] }],
    });
    expect(policy('allow-bi-to-legacy').spec.policy_types).toEqual(['Egress']);
  });

  test('grants, users and loaders are refused with the reason', () => {
    const stack = platformStack();
    const imported = PostgresWarehouse.fromPostgresAttributes(stack, 'Legacy', ATTRS);
    const bi = new Identity(stack, 'Bi', { name: 'bi' });
    const reason = 'is not available on an imported PostgresWarehouse: roles and loaders are declared in the CloudNativePG Cluster of the stack that created it; call it there.';
    expect(() => imported.grantRead(bi)).toThrow(`test/Legacy: grantRead to "acme-bi" ${reason}`);
    expect(() => imported.grantWrite(bi)).toThrow(`test/Legacy: grantWrite to "acme-bi" ${reason}`);
    expect(() => imported.addReadOnlyUser('U', 'metabase')).toThrow(`test/Legacy: addReadOnlyUser "metabase" ${reason}`);
    expect(() => imported.destination({ table: 'events' })).toThrow(`test/Legacy: destination "events" ${reason}`);
    expect(() => imported.loadFromLake('L', { lake: {} as any, zone: 'raw', prefix: 'events', table: 'events' })).toThrow(`test/Legacy: loadFromLake into "events" ${reason}`);
  });
});
