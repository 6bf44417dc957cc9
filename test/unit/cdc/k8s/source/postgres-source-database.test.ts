import { API_EGRESS, inspect, platformStack, SECRETS_MANAGER_STORE, tcp } from './source-fixture';
import { RemovalPolicy } from '../../../../../src';
import { SourceEngine } from '../../../../../src/cdc';
import {
  CaCertificateKind, DEFAULT_POSTGRES_CDC_REPLICATION_SLOTS, DEFAULT_POSTGRES_CDC_ROLE, DEFAULT_POSTGRES_PUBLICATION_NAME,
  DEFAULT_POSTGRES_SOURCE_DATABASE, DEFAULT_POSTGRES_SOURCE_INSTANCES, DEFAULT_POSTGRES_SOURCE_OWNER, DEFAULT_POSTGRES_SOURCE_RESOURCES,
  DEFAULT_POSTGRES_SOURCE_STORAGE_SIZE_GIB, POSTGRES_WAL_SENDER_HEADROOM, PostgresSourceDatabase,
} from '../../../../../src/cdc/k8s/source';
import { CLOUDNATIVE_PG_CHART } from '../../../../../src/platform/k8s/lake-versions';
import { POSTGRES_IMAGE } from '../../../../../src/platform/k8s/warehouse-versions';
import { KubernetesSecretStore, SecretStoreBackend } from '../../../../../src/secrets';
import { PostgresWarehouse, WarehouseBackup } from '../../../../../src/warehouse/k8s';
import { warnings } from '../../../../support/annotations';

const DB = { 'app.kubernetes.io/component': 'database', 'cnpg.io/cluster': 'acme-orders' };
const OPERATOR = { 'app.kubernetes.io/name': 'cloudnative-pg' };

function source(props: ConstructorParameters<typeof PostgresSourceDatabase>[2] = {}, platform = {}) {
  const stack = platformStack(platform);
  const db = new PostgresSourceDatabase(stack, 'Orders', props);
  return { stack, db };
}

describe('PostgresSourceDatabase: the CloudNativePG Cluster', () => {
  test('defaults: 3 instances, pinned image, 20 GiB, TLS only (replication too), no superuser, initdb database + owner, kept on removal', () => {
    const { stack, db } = source();
    const { ofKind } = inspect(stack);
    const [cluster] = ofKind('Cluster');
    expect(cluster.metadata).toEqual({
      namespace: 'acme',
      name: 'acme-orders',
      labels: { 'managed-by': 'cdktf-data-pipelines', 'data-pipeline': 'acme', 'app.kubernetes.io/part-of': 'acme', 'app.kubernetes.io/component': 'cdc-source' },
      annotations: { 'helm.sh/resource-policy': 'keep' },
    });
    expect(cluster.spec.instances).toBe(DEFAULT_POSTGRES_SOURCE_INSTANCES);
    expect(DEFAULT_POSTGRES_SOURCE_INSTANCES).toBe(3);
    expect(cluster.spec.imageName).toBe(POSTGRES_IMAGE);
    expect(cluster.spec.storage).toEqual({ size: `${DEFAULT_POSTGRES_SOURCE_STORAGE_SIZE_GIB}Gi` });
    expect(DEFAULT_POSTGRES_SOURCE_STORAGE_SIZE_GIB).toBe(20);
    expect(cluster.spec.resources).toEqual({
      requests: { cpu: DEFAULT_POSTGRES_SOURCE_RESOURCES.cpuRequest, memory: DEFAULT_POSTGRES_SOURCE_RESOURCES.memoryRequest },
      limits: { memory: DEFAULT_POSTGRES_SOURCE_RESOURCES.memoryLimit },
    });
    expect(cluster.spec.enableSuperuserAccess).toBe(false);
    expect(cluster.spec.postgresql.pg_hba).toEqual(['hostnossl all all all reject', 'hostnossl replication all all reject']);
    expect(cluster.spec.bootstrap).toEqual({
      initdb: { database: DEFAULT_POSTGRES_SOURCE_DATABASE, owner: DEFAULT_POSTGRES_SOURCE_OWNER, dataChecksums: true },
    });
    expect(db.engine).toBe(SourceEngine.POSTGRESQL);
    expect(db.host).toBe('acme-orders-rw.acme.svc');
    expect(db.readOnlyHost).toBe('acme-orders-ro.acme.svc');
    expect(db.port).toBe(5432);
    expect(db.databaseName).toBe('app');
    expect(db.tlsRequired).toBe(true);
    expect(db.caCertificate).toEqual({ kind: CaCertificateKind.SECRET, name: 'acme-orders-ca', key: 'ca.crt' });
    expect(db.podLabels).toEqual(DB);
    expect(db.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(db.adminCredential).toMatchObject({ credentialName: 'acme-orders-app', kubernetesSecretName: 'acme-orders-app', username: 'app' });
  });

  test('logical decoding: wal_level logical, slots and WAL senders sized, WAL kept by slots capped at half the volume, slots synchronized to standbys', () => {
    const { stack, db } = source();
    const [cluster] = inspect(stack).ofKind('Cluster');
    const slots = DEFAULT_POSTGRES_SOURCE_INSTANCES - 1 + DEFAULT_POSTGRES_CDC_REPLICATION_SLOTS;
    expect(cluster.spec.postgresql.parameters).toEqual({
      wal_level: 'logical',
      max_replication_slots: String(slots),
      max_wal_senders: String(slots + POSTGRES_WAL_SENDER_HEADROOM),
      max_slot_wal_keep_size: '10GB',
      hot_standby_feedback: 'on',
      sync_replication_slots: 'on',
    });
    expect(slots).toBe(6);
    expect(cluster.spec.replicationSlots).toEqual({ highAvailability: { enabled: true, synchronizeLogicalDecoding: true } });
    expect(db.logicalSlotFailover).toBe(true);
  });

  test('one instance: no standby to synchronize slots to, no failover slots', () => {
    const { stack, db } = source({ instances: 1, cdcReplicationSlots: 2, storageSizeGiB: 1 });
    const [cluster] = inspect(stack).ofKind('Cluster');
    expect(cluster.spec.postgresql.parameters).toEqual({
      wal_level: 'logical', max_replication_slots: '2', max_wal_senders: '4', max_slot_wal_keep_size: '1GB',
    });
    expect(cluster.spec.replicationSlots).toBeUndefined();
    expect(db.logicalSlotFailover).toBe(false);
  });

  test('the CDC role: LOGIN, REPLICATION, pg_read_all_data, password from the SecretStore (a basic-auth Secret whose username is the role)', () => {
    const { stack, db } = source();
    const { ofKind, secrets } = inspect(stack);
    const [cluster] = ofKind('Cluster');
    expect(cluster.spec.managed.roles).toEqual([{
      name: DEFAULT_POSTGRES_CDC_ROLE,
      ensure: 'present',
      comment: 'change data capture (logical replication, read on every table)',
      login: true,
      replication: true,
      inRoles: ['pg_read_all_data'],
      passwordSecret: { name: 'acme-orders-cdc' },
    }]);
    expect(db.cdcRoleName).toBe('cdc');
    expect(db.cdcCredential).toMatchObject({
      credentialName: 'acme-orders-cdc', username: 'cdc', backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: 'acme-orders-cdc',
    });
    const secret = secrets.find((s) => s.metadata.name === 'acme-orders-cdc');
    expect(secret.type).toBe('kubernetes.io/basic-auth');
    expect(secret.metadata.labels['cnpg.io/reload']).toBe('true');
    expect(Object.keys(secret.data_wo).sort()).toEqual(['password', 'username']);
    expect(secret.data_wo.username).toBe('cdc');
    expect(secret.data).toBeUndefined();
  });

  test('the Publication: every table by default, Debezium\'s default name, kept in PostgreSQL', () => {
    const { stack, db } = source();
    const [publication] = inspect(stack).ofKind('Publication');
    expect(publication.metadata).toMatchObject({ name: 'acme-orders-publication', namespace: 'acme', annotations: { 'helm.sh/resource-policy': 'keep' } });
    expect(publication.spec).toEqual({
      cluster: { name: 'acme-orders' },
      dbname: 'app',
      name: DEFAULT_POSTGRES_PUBLICATION_NAME,
      target: { allTables: true },
      publicationReclaimPolicy: 'retain',
    });
    expect(db.publicationName).toBe('dbz_publication');
  });

  test('options: name, database, owner, CDC role, listed tables, publication name, slots, WAL cap, instances, storage, class, resources', () => {
    const { stack, db } = source({
      name: 'sales',
      databaseName: 'shop',
      ownerName: 'shop_owner',
      cdcRoleName: 'debezium',
      publicationTables: ['public.orders', 'billing.invoices'],
      publicationName: 'sales_cdc',
      cdcReplicationSlots: 10,
      maxSlotWalKeepSizeGiB: 30,
      instances: 5,
      storageSizeGiB: 100,
      storageClassName: 'fast-ssd',
      resources: { cpuRequest: '2', memoryRequest: '8Gi', cpuLimit: '4', memoryLimit: '8Gi' },
    }, { storageClassName: 'standard' });
    const { ofKind } = inspect(stack);
    const [cluster] = ofKind('Cluster');
    expect(cluster.metadata.name).toBe('acme-sales');
    expect(cluster.spec).toMatchObject({
      instances: 5,
      storage: { size: '100Gi', storageClass: 'fast-ssd' },
      resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { cpu: '4', memory: '8Gi' } },
      bootstrap: { initdb: { database: 'shop', owner: 'shop_owner' } },
    });
    expect(cluster.spec.postgresql.parameters).toMatchObject({ max_replication_slots: '14', max_wal_senders: '16', max_slot_wal_keep_size: '30GB' });
    expect(cluster.spec.managed.roles[0]).toMatchObject({ name: 'debezium', passwordSecret: { name: 'acme-sales-cdc' } });
    const [publication] = ofKind('Publication');
    expect(publication.metadata.name).toBe('acme-sales-publication');
    expect(publication.spec).toMatchObject({
      cluster: { name: 'acme-sales' },
      dbname: 'shop',
      name: 'sales_cdc',
      target: { objects: [{ table: { schema: 'public', name: 'orders' } }, { table: { schema: 'billing', name: 'invoices' } }] },
    });
    expect(db.host).toBe('acme-sales-rw.acme.svc');
    expect(db.cdcCredential.username).toBe('debezium');
    expect(db.adminCredential.username).toBe('shop_owner');
    const { stack: platformClass } = source({}, { storageClassName: 'standard' });
    expect(inspect(platformClass).ofKind('Cluster')[0].spec.storage).toEqual({ size: '20Gi', storageClass: 'standard' });
  });

  test('removal: DESTROY with allowDataDestruction drops the keep annotations and deletes the publication with its resource', () => {
    const { stack, db } = source({ removalPolicy: RemovalPolicy.DESTROY }, { allowDataDestruction: true });
    const { ofKind } = inspect(stack);
    expect(db.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(ofKind('Cluster')[0].metadata.annotations).toBeUndefined();
    expect(ofKind('Publication')[0].metadata.annotations).toBeUndefined();
    expect(ofKind('Publication')[0].spec.publicationReclaimPolicy).toBe('delete');
    const refused = source({ removalPolicy: RemovalPolicy.DESTROY });
    expect(refused.db.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(inspect(refused.stack).ofKind('Cluster')[0].metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(warnings(refused.db).map((w) => w.message)).toEqual([
      'removalPolicy DESTROY ignored: the platform does not set allowDataDestruction: true (the second opt-in), so the data is retained.',
    ]);
  });

  test('releases: the Cluster and Publication go through a bundled-chart release after the shared operator, one operator with a warehouse', () => {
    const stack = platformStack();
    new PostgresSourceDatabase(stack, 'Orders');
    new PostgresWarehouse(stack, 'Warehouse', { backup: WarehouseBackup.none() });
    new PostgresSourceDatabase(stack, 'Billing');
    const { releases, release } = inspect(stack);
    const operators = releases.filter((r) => r.chart === CLOUDNATIVE_PG_CHART.chart);
    expect(operators).toHaveLength(1);
    expect(operators[0]).toMatchObject({ repository: CLOUDNATIVE_PG_CHART.repository, version: CLOUDNATIVE_PG_CHART.version });
    for (const name of ['acme-orders-db', 'acme-billing-db']) {
      expect(release(name).repository).toBeUndefined();
      expect(release(name).depends_on).toEqual(expect.arrayContaining([expect.stringContaining('CloudNativePgOperator_Chart_Release')]));
    }
  });

  test('a given KubernetesSecretStore generates the password', () => {
    const stack = platformStack();
    const store = new KubernetesSecretStore(stack, 'Store');
    const db = new PostgresSourceDatabase(stack, 'Orders', { secretStore: store });
    expect(db.cdcCredential.node.scope).toBe(store);
  });
});

describe('PostgresSourceDatabase NetworkPolicies', () => {
  test('operator <-> instances (5432, 8000), instances <-> instances, instances -> Kubernetes API', () => {
    const { stack } = source();
    const { policy } = inspect(stack);
    expect(policy('allow-acme-orders-db').spec).toEqual({
      pod_selector: { match_labels: DB },
      policy_types: ['Ingress', 'Egress'],
      ingress: [{ from: [{ pod_selector: { match_labels: OPERATOR } }, { pod_selector: { match_labels: DB } }], ports: tcp(5432, 8000) }],
      egress: [API_EGRESS, { to: [{ pod_selector: { match_labels: DB } }], ports: tcp(5432, 8000) }],
    });
    expect(policy('allow-acme-orders-operator').spec).toEqual({
      pod_selector: { match_labels: OPERATOR },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{ to: [{ pod_selector: { match_labels: DB } }], ports: tcp(5432, 8000) }],
    });
  });

  test('allowConnectionsFrom: ingress on the instances, egress from the clients, on 5432 only; an empty selector is refused', () => {
    const { stack, db } = source();
    db.allowConnectionsFrom('DebeziumConnect', { podLabels: { 'strimzi.io/cluster': 'cdc' } });
    const { policy } = inspect(stack);
    expect(policy('allow-acme-orders-from-debezium-connect').spec).toEqual({
      pod_selector: { match_labels: DB },
      policy_types: ['Ingress'],
      ingress: [{ from: [{ pod_selector: { match_labels: { 'strimzi.io/cluster': 'cdc' } } }], ports: tcp(5432) }],
      egress: [],
    });
    expect(policy('allow-debezium-connect-to-acme-orders').spec).toEqual({
      pod_selector: { match_labels: { 'strimzi.io/cluster': 'cdc' } },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{ to: [{ pod_selector: { match_labels: DB } }], ports: tcp(5432) }],
    });
    expect(() => db.allowConnectionsFrom('All', { podLabels: {} })).toThrow(
      'test/Orders: invalid peer.podLabels: received {}; give the labels of the client pods (an empty selector would open the database to every pod of the namespace).',
    );
  });
});

describe('PostgresSourceDatabase validation', () => {
  const cases: Array<[string, ConstructorParameters<typeof PostgresSourceDatabase>[2], string]> = [
    ['instances', { instances: 0 }, 'test/Orders: invalid instances: received 0; must be an integer from 1 to 9.'],
    ['instances', { instances: 10 }, 'test/Orders: invalid instances: received 10; must be an integer from 1 to 9.'],
    ['storage', { storageSizeGiB: 0 }, 'test/Orders: invalid storageSizeGiB: received 0; must be an integer from 1 to 65536.'],
    ['storage', { storageSizeGiB: 2.5 }, 'test/Orders: invalid storageSizeGiB: received 2.5; must be an integer from 1 to 65536.'],
    ['slots', { cdcReplicationSlots: 0 }, 'test/Orders: invalid cdcReplicationSlots: received 0; must be an integer from 1 to 50.'],
    ['WAL cap', { maxSlotWalKeepSizeGiB: 21 }, 'test/Orders: invalid maxSlotWalKeepSizeGiB: received 21; must be an integer from 1 to 20.'],
    ['resources', { resources: { cpuRequest: 'lots', memoryRequest: '1Gi', memoryLimit: '1Gi' } },
      'test/Orders: invalid resources.cpuRequest: received "lots"; use a Kubernetes quantity such as "500m" or "512Mi".'],
    ['database', { databaseName: 'App-DB' }, 'test/Orders: invalid databaseName: received "App-DB"; use 1 to 63 lowercase letters, digits and "_", starting with a letter or "_".'],
    ['CDC role = owner', { cdcRoleName: 'app' },
      'test/Orders: invalid cdcRoleName: received "app"; taken (postgres, streaming_replica, cnpg_pooler_pgbouncer, app are reserved or already used by this database); choose another name.'],
    ['CDC role pg_', { cdcRoleName: 'pg_cdc' }, 'test/Orders: invalid cdcRoleName: received "pg_cdc"; names starting with "pg_" are reserved by PostgreSQL; choose another name.'],
    ['owner reserved', { ownerName: 'postgres' },
      'test/Orders: invalid ownerName: received "postgres"; taken (postgres, streaming_replica, cnpg_pooler_pgbouncer are reserved or already used by this database); choose another name.'],
    ['publication', { publicationName: 'dbz-publication' },
      'test/Orders: invalid publicationName: received "dbz-publication"; use 1 to 63 lowercase letters, digits and "_", starting with a letter or "_".'],
    ['table', { publicationTables: ['orders'] },
      'test/Orders: invalid publicationTables: received "orders"; use "schema.table", each part 1 to 63 lowercase letters, digits and "_", starting with a letter or "_".'],
    ['no tables', { publicationTables: [] },
      'test/Orders: invalid publicationTables: received []; list at least one "schema.table", or leave it out to publish every table.'],
    ['twice', { publicationTables: ['public.orders', 'public.orders'] }, 'test/Orders: invalid publicationTables: received "public.orders"; list each table once.'],
    ['name', { name: 'a-very-long-name-for-a-cdc-source-database' },
      'test/Orders: invalid name: received "acme-a-very-long-name-for-a-cdc-source-database"; source database names have 1 to 40 characters of lowercase letters, '
      + 'digits and hyphens, starting with a letter (names of Services, Secrets and pods are derived from it); this one has 47.'],
    ['store', { secretStore: SECRETS_MANAGER_STORE },
      'test/Orders: invalid secretStore: received "secrets-manager"; the database reads its users\' passwords from Kubernetes Secrets: '
      + 'use a KubernetesSecretStore or a VaultSecretStore (which mirrors into a Kubernetes Secret).'],
  ];
  test.each(cases)('%s', (_what, props, message) => {
    expect(() => source(props)).toThrow(message);
  });

  test('a store whose credentials are not Kubernetes Secrets', () => {
    const store: any = {
      backend: SecretStoreBackend.VAULT,
      generateCredential: (_id: string, o: any) => ({ credentialName: o.name, username: o.username, backend: SecretStoreBackend.VAULT }),
      grantRead: () => undefined,
    };
    expect(() => source({ secretStore: store })).toThrow(
      'test/Orders: the SecretStore (vault) keeps no Kubernetes Secret, and the database reads its users\' passwords from one; '
      + 'use a KubernetesSecretStore or a VaultSecretStore (which mirrors into a Kubernetes Secret).',
    );
  });
});
