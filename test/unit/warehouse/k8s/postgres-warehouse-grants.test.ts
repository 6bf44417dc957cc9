import { inspect, platformStack, TABLES } from './warehouse-fixture';
import { Identity } from '../../../../src';
import { ICredential, ISecretStore, KubernetesSecretStore, SecretStoreBackend } from '../../../../src/secrets';
import { PostgresWarehouse, WarehouseBackup } from '../../../../src/warehouse/k8s';

type Build = (warehouse: PostgresWarehouse, stack: ReturnType<typeof platformStack>) => void;

function withGrants(build: Build, secretStore?: (stack: any) => ISecretStore) {
  const stack = platformStack();
  const warehouse = new PostgresWarehouse(stack, 'Warehouse', { tables: TABLES, backup: WarehouseBackup.none(), secretStore: secretStore?.(stack) });
  build(warehouse, stack);
  const result = inspect(stack);
  const cluster = result.ofKind('Cluster')[0];
  return { ...result, warehouse, stack, roles: cluster.spec.managed?.roles };
}

describe('PostgresWarehouse grants: managed login roles with SecretStore passwords', () => {
  test('grantRead / grantWrite after construction land in spec.managed.roles (rendered at synthesis)', () => {
    const { roles } = withGrants((w, stack) => {
      w.grantRead(new Identity(stack, 'Analyst', { name: 'analyst' }));
      w.grantWrite(new Identity(stack, 'Etl', { name: 'etl' }));
    });
    expect(roles).toEqual([
      {
        name: 'acme_analyst',
        ensure: 'present',
        comment: 'read-only identity acme_analyst',
        login: true,
        inRoles: ['pg_read_all_data'],
        passwordSecret: { name: 'acme-warehouse-acme-analyst' },
      },
      {
        name: 'acme_etl',
        ensure: 'present',
        comment: 'read-write identity acme_etl',
        login: true,
        inRoles: ['pg_read_all_data', 'pg_write_all_data'],
        passwordSecret: { name: 'acme-warehouse-acme-etl' },
      },
    ]);
  });

  test('the default store writes a basic-auth Secret per role (username = role name, cnpg.io/reload) and lets the identity read it', () => {
    const { out } = withGrants((w, stack) => w.grantRead(new Identity(stack, 'Analyst', { name: 'analyst' })));
    const secret = Object.values<any>(out.resources('kubernetes_secret_v1')).find((s) => s.metadata.name === 'acme-warehouse-acme-analyst');
    expect(secret).toMatchObject({ type: 'kubernetes.io/basic-auth', metadata: { namespace: 'acme', labels: { 'cnpg.io/reload': 'true' } } });
    expect(secret.data_wo.username).toBe('acme_analyst');
    const binding = Object.values<any>(out.resources('kubernetes_role_binding_v1')).find((b) => b.metadata.name === 'acme-warehouse-acme-analyst-acme-analyst');
    expect(binding.subject).toEqual([{ kind: 'ServiceAccount', name: 'acme-analyst', namespace: 'acme' }]);
    const role = Object.values<any>(out.resources('kubernetes_role_v1')).find((r) => r.metadata.name === 'acme-warehouse-acme-analyst-reader');
    expect(role.rule).toEqual([{ api_groups: [''], resources: ['secrets'], resource_names: ['acme-warehouse-acme-analyst'], verbs: ['get'] }]);
  });

  test('grantWrite after grantRead upgrades the same role; repeated grants add nothing', () => {
    const { roles, out } = withGrants((w, stack) => {
      const etl = new Identity(stack, 'Etl', { name: 'etl' });
      w.grantRead(etl);
      w.grantWrite(etl);
      w.grantRead(etl);
    });
    expect(roles.map((r: any) => `${r.name}:${r.inRoles.join('+')}`)).toEqual(['acme_etl:pg_read_all_data+pg_write_all_data']);
    expect(Object.values<any>(out.resources('kubernetes_secret_v1')).map((s) => s.metadata.name)).toEqual(['acme-warehouse-acme-etl']);
  });

  test('addReadOnlyUser: a read-only login role with the given name and its generated credential', () => {
    let credential: ICredential | undefined;
    const { roles } = withGrants((w) => {
      credential = w.addReadOnlyUser('Metabase', 'metabase');
    });
    expect(roles).toEqual([{
      name: 'metabase', ensure: 'present', comment: 'read-only user Metabase', login: true, inRoles: ['pg_read_all_data'], passwordSecret: { name: 'acme-warehouse-metabase' },
    }]);
    expect(credential).toMatchObject({ username: 'metabase', backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: 'acme-warehouse-metabase' });
  });

  test('an explicit store is used instead of the default one; long role names get a shortened credential name', () => {
    const { out, roles } = withGrants(
      (w, stack) => w.grantRead(Identity.fromServiceAccount(stack, 'Bi', 'business-intelligence-dashboards-reader')),
      (stack) => new KubernetesSecretStore(stack, 'Store'),
    );
    const secrets = Object.keys(out.resources('kubernetes_secret_v1'));
    expect(secrets.every((id) => id.startsWith('Store_'))).toBe(true);
    expect(roles[0].name).toBe('business_intelligence_dashboards_reader');
    // warehouse-business-intelligence-... is cut to 23 characters plus a hash: 32 after the namePrefix.
    expect(roles[0].passwordSecret.name).toMatch(/^acme-warehouse-business-inte-[0-9a-f]{8}$/);
    expect(roles[0].passwordSecret.name.length - 'acme-'.length).toBe(32);
  });

  test.each([
    ['postgres', 'test/Warehouse: invalid username: received "postgres"; reserved by CloudNativePG and PostgreSQL (postgres, streaming_replica, cnpg_pooler_pgbouncer, pg_*); choose another name.'],
    ['pg_monitor', 'test/Warehouse: invalid username: received "pg_monitor"; reserved by CloudNativePG and PostgreSQL (postgres, streaming_replica, cnpg_pooler_pgbouncer, pg_*); choose another name.'],
    ['warehouse_owner', 'test/Warehouse: invalid username: received "warehouse_owner"; "warehouse_owner" owns the database; choose another name.'],
    ['acme_warehouse_loader', 'test/Warehouse: invalid username: received "acme_warehouse_loader"; "acme_warehouse_loader" is the warehouse\'s loader role; choose another name.'],
    ['Metabase', 'test/Warehouse: invalid username: received "Metabase"; a PostgreSQL role name: use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore.'],
  ])('addReadOnlyUser(%j) is refused', (username, message) => {
    expect(() => withGrants((w) => w.addReadOnlyUser('User', username))).toThrow(message);
  });

  test('a username already taken by a grant, and a grant to a name taken by a user, are refused', () => {
    expect(() => withGrants((w) => {
      w.addReadOnlyUser('A', 'metabase');
      w.addReadOnlyUser('B', 'metabase');
    })).toThrow('test/Warehouse: invalid username: received "metabase"; the warehouse already has a role with that name; choose another username.');
    expect(() => withGrants((w, stack) => {
      w.addReadOnlyUser('A', 'acme_bi');
      w.grantRead(new Identity(stack, 'Bi', { name: 'bi' }));
    })).toThrow('test/Warehouse: invalid identity: received "acme_bi"; the warehouse already has a user role with that name; grant another identity.');
  });
});
