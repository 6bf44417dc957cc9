import { TerraformStack } from 'cdktf';
import { CONNECT_IMAGE, inspect, platformStack, TABLES, warehouseStack } from './warehouse-fixture';
import { RemovalPolicy } from '../../../../src';
import { KubernetesDataLake } from '../../../../src/lake/k8s';
import { CloudNativePgOperator, DEFAULT_CLOUDNATIVE_PG_OPERATOR_RESOURCES } from '../../../../src/platform/k8s/cloudnative-pg-operator';
import { CLOUDNATIVE_PG_CHART } from '../../../../src/platform/k8s/lake-versions';
import { POSTGRES_IMAGE } from '../../../../src/platform/k8s/warehouse-versions';
import { SecretStoreBackend } from '../../../../src/secrets';
import { KafkaStreamingIngest } from '../../../../src/streaming/k8s';
import {
  DEFAULT_POSTGRES_INSTANCES, DEFAULT_POSTGRES_RESOURCES, DEFAULT_POSTGRES_STORAGE_SIZE_GIB, DEFAULT_WAREHOUSE_OWNER, PostgresWarehouse,
  WarehouseBackup,
} from '../../../../src/warehouse/k8s';
import { DEFAULT_WAREHOUSE_DATABASE, WarehouseEngine } from '../../../../src/warehouse/warehouse-contract';

describe('PostgresWarehouse: the CloudNativePG Cluster', () => {
  test('defaults: 3 instances, pinned image, 50 GiB volumes, TLS only, no superuser, initdb database + owner, metrics over TLS', () => {
    const { stack, warehouse } = warehouseStack();
    const { ofKind } = inspect(stack);
    const cluster = ofKind('Cluster').find((c) => c.metadata.name === 'acme-warehouse');
    expect(cluster.metadata).toMatchObject({ namespace: 'acme', annotations: { 'helm.sh/resource-policy': 'keep' }, labels: { 'app.kubernetes.io/component': 'warehouse' } });
    expect(cluster.spec).toMatchObject({
      instances: DEFAULT_POSTGRES_INSTANCES,
      imageName: POSTGRES_IMAGE,
      storage: { size: `${DEFAULT_POSTGRES_STORAGE_SIZE_GIB}Gi` },
      resources: {
        requests: { cpu: DEFAULT_POSTGRES_RESOURCES.cpuRequest, memory: DEFAULT_POSTGRES_RESOURCES.memoryRequest },
        limits: { memory: DEFAULT_POSTGRES_RESOURCES.memoryLimit },
      },
      enableSuperuserAccess: false,
      postgresql: { pg_hba: ['hostnossl all all all reject'] },
      monitoring: { tls: { enabled: true } },
    });
    expect(cluster.spec.storage.storageClass).toBeUndefined();
    expect(cluster.spec.managed).toBeUndefined();
    expect(cluster.spec.bootstrap.initdb).toMatchObject({
      database: DEFAULT_WAREHOUSE_DATABASE, owner: DEFAULT_WAREHOUSE_OWNER, dataChecksums: true,
    });
    expect(DEFAULT_POSTGRES_INSTANCES).toBe(3);
    expect(POSTGRES_IMAGE).toBe('ghcr.io/cloudnative-pg/postgresql:18.6-standard-trixie');
    expect(warehouse.engine).toBe(WarehouseEngine.POSTGRESQL);
    expect(warehouse.endpoint).toBe('acme-warehouse-rw.acme.svc');
    expect(warehouse.readOnlyEndpoint).toBe('acme-warehouse-ro.acme.svc');
    expect(warehouse.port).toBe(5432);
    expect(warehouse.databaseName).toBe('analytics');
    expect(warehouse.poolerEndpoint).toBeUndefined();
  });

  test('tables: schemas owned by the owner, CREATE TABLE IF NOT EXISTS with quoted identifiers and normalized types, run at bootstrap', () => {
    const { stack } = warehouseStack();
    const cluster = inspect(stack).ofKind('Cluster').find((c) => c.metadata.name === 'acme-warehouse');
    expect(cluster.spec.bootstrap.initdb.postInitApplicationSQL).toEqual([
      'CREATE SCHEMA IF NOT EXISTS "public" AUTHORIZATION "warehouse_owner"',
      'CREATE SCHEMA IF NOT EXISTS "sales" AUTHORIZATION "warehouse_owner"',
      'CREATE TABLE IF NOT EXISTS "public"."events" ("id" bigint NOT NULL, "kind" varchar(64), "at" timestamptz)',
      'ALTER TABLE "public"."events" OWNER TO "warehouse_owner"',
      'CREATE TABLE IF NOT EXISTS "sales"."orders" ("order_id" bigint NOT NULL, "amount" numeric(10,2))',
      'ALTER TABLE "sales"."orders" OWNER TO "warehouse_owner"',
    ]);
    const { stack: bare } = warehouseStack({ tables: [] });
    expect(inspect(bare).ofKind('Cluster').find((c) => c.metadata.name === 'acme-warehouse').spec.bootstrap.initdb.postInitApplicationSQL).toBeUndefined();
  });

  test('options: name, instances, storage, storage class (prop over platform), resources, database, owner', () => {
    const { stack, warehouse } = warehouseStack({
      name: 'dwh',
      instances: 5,
      storageSizeGiB: 200,
      storageClassName: 'fast-ssd',
      databaseName: 'sales_dw',
      ownerName: 'dw_owner',
      resources: { cpuRequest: '2', memoryRequest: '8Gi', cpuLimit: '4', memoryLimit: '8Gi' },
    }, { storageClassName: 'standard' });
    const cluster = inspect(stack).ofKind('Cluster').find((c) => c.metadata.name === 'acme-dwh');
    expect(cluster.spec).toMatchObject({
      instances: 5,
      storage: { size: '200Gi', storageClass: 'fast-ssd' },
      resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { cpu: '4', memory: '8Gi' } },
      bootstrap: { initdb: { database: 'sales_dw', owner: 'dw_owner' } },
    });
    expect(warehouse.clusterName).toBe('acme-dwh');
    expect(warehouse.adminCredential).toMatchObject({
      credentialName: 'acme-dwh-app', username: 'dw_owner', backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: 'acme-dwh-app',
    });
    const { stack: platformClass } = warehouseStack({}, { storageClassName: 'standard' });
    expect(inspect(platformClass).ofKind('Cluster').find((c) => c.metadata.name === 'acme-warehouse').spec.storage).toEqual({ size: '50Gi', storageClass: 'standard' });
  });

  test('removal: data is kept by default; DESTROY (with allowDataDestruction) drops the keep annotations', () => {
    const destroy = warehouseStack({ removalPolicy: RemovalPolicy.DESTROY }, { allowDataDestruction: true });
    const destroyed = inspect(destroy.stack).resources.filter((r) => r.metadata.name.startsWith('acme-warehouse'));
    expect(destroyed.map((r) => r.kind).sort()).toEqual(['Cluster', 'ObjectStore', 'ScheduledBackup']);
    destroyed.forEach((r) => expect(r.metadata.annotations).toBeUndefined());
    expect(destroy.warehouse.removalPolicy).toBe(RemovalPolicy.DESTROY);
    const refused = warehouseStack({ removalPolicy: RemovalPolicy.DESTROY });
    expect(refused.warehouse.removalPolicy).toBe(RemovalPolicy.RETAIN);
    const kept = inspect(refused.stack).resources.filter((r) => r.metadata.name.startsWith('acme-warehouse'));
    kept.forEach((r) => expect(r.metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' }));
  });

  test('releases: the Cluster goes through a bundled-chart release applied after the operator and the backup plugin', () => {
    const { stack } = warehouseStack();
    const { release } = inspect(stack);
    const db = release('acme-warehouse-db');
    expect(db.repository).toBeUndefined();
    expect(db.depends_on).toEqual(expect.arrayContaining([
      expect.stringContaining('CloudNativePgOperator_Chart_Release'), expect.stringContaining('BarmanCloudPlugin_Chart_Release'),
    ]));
  });
});

describe('PostgresWarehouse: one CloudNativePG operator per stack', () => {
  const S3 = { endpointUrl: 'https://s3.eu-west-1.amazonaws.com', bucket: 'acme-backups', credentialsSecretName: 'backup-keys' };

  /** A lake and a warehouse (backups to S3, Kafka loading, a lake load) created in the given order. */
  function lakeAndWarehouse(warehouseFirst: boolean) {
    const stack = platformStack();
    const newWarehouse = () => new PostgresWarehouse(stack, 'Warehouse', {
      tables: TABLES, backup: WarehouseBackup.toObjectStore(S3), kafkaConnect: { image: CONNECT_IMAGE },
    });
    const newLake = () => new KubernetesDataLake(stack, 'Lake', { kafkaConnect: { image: 'registry.example.com/acme/lake-connect:1' } });
    const warehouse = warehouseFirst ? newWarehouse() : undefined;
    const lake = newLake();
    const wh = warehouse ?? newWarehouse();
    wh.loadFromLake('events', { lake, zone: 'raw', table: 'events', prefix: 'events' });
    new KafkaStreamingIngest(stack, 'Clicks', { destinations: [lake.destination({ zone: 'raw' }), wh.destination({ table: 'events' })] });
    return stack;
  }

  /** The one CloudNativePG release's Terraform address, and who is applied after it. */
  function operatorOf(stack: TerraformStack) {
    const view = inspect(stack);
    const cnpg = view.releases.filter((r) => r.chart === 'cloudnative-pg');
    expect(cnpg.map((r) => r.name)).toEqual(['acme-cnpg']);
    const address = `helm_release.${CloudNativePgOperator.of(stack).release.friendlyUniqueId}`;
    const dependents = view.releases.filter((r) => (r.depends_on ?? []).includes(address)).map((r) => r.name).sort();
    return { ...view, address, dependents };
  }

  test('lake first: the lake and the warehouse share the stack\'s operator release', () => {
    const { stack } = warehouseStack();
    const { dependents } = operatorOf(stack);
    expect(dependents).toEqual(['acme-lake-metastore', 'acme-plugin-barman-cloud', 'acme-warehouse-db']);
  });

  test('without a lake, the warehouse installs the pinned operator once (namespace-scoped, restricted) for all its warehouses', () => {
    const stack = platformStack();
    new PostgresWarehouse(stack, 'Warehouse', { backup: WarehouseBackup.none() });
    new PostgresWarehouse(stack, 'Marts', { backup: WarehouseBackup.none() });
    const { releases, values, policy, out } = inspect(stack);
    const cnpg = releases.filter((r) => r.chart === 'cloudnative-pg');
    expect(cnpg).toHaveLength(1);
    expect(cnpg[0]).toMatchObject({ name: 'acme-cnpg', repository: CLOUDNATIVE_PG_CHART.repository, version: CLOUDNATIVE_PG_CHART.version, atomic: true, wait: true });
    expect(values('acme-cnpg')).toEqual({
      config: { clusterWide: false },
      resources: { requests: { cpu: DEFAULT_CLOUDNATIVE_PG_OPERATOR_RESOURCES.cpuRequest, memory: '256Mi' }, limits: { memory: '256Mi' } },
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containerSecurityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
    });
    expect(policy('allow-cnpg-operator').spec.ingress[0].ports).toEqual([{ port: '9443', protocol: 'TCP' }]);
    expect(releases.filter((r) => r.name.endsWith('-db')).map((r) => r.name).sort()).toEqual(['acme-marts-db', 'acme-warehouse-db']);
    // No lake, so no state to move from a lake's former operator release.
    expect(out.json.moved).toBeUndefined();
  });

  test('warehouse created BEFORE the lake: exactly one operator release, which the lake\'s metastore, the warehouse and the plugin follow', () => {
    const stack = lakeAndWarehouse(true);
    const { address, dependents, policies, ofKind, out } = operatorOf(stack);
    expect(dependents).toEqual(['acme-lake-metastore', 'acme-plugin-barman-cloud', 'acme-warehouse-db']);
    const operatorPolicies = policies.map((p) => p.metadata.name).filter((n: string) => n.includes('cnpg-operator'));
    expect(operatorPolicies.sort()).toEqual(['allow-cnpg-operator', 'allow-cnpg-operator-to-barman-cloud', 'allow-lake-cnpg-operator-db']);
    expect(ofKind('Cluster').map((c) => c.metadata.name).sort()).toEqual(['acme-metastore-db', 'acme-warehouse']);
    expect(ofKind('KafkaConnect').map((c) => c.metadata.name).sort()).toEqual(['acme-lake-connect', 'acme-warehouse-connect']);
    expect(out.json.moved).toEqual([{ from: 'helm_release.Lake_CloudNativePG_Release_F7EC9335', to: address }]);
    // The order does not matter: both synthesize the same Terraform configuration.
    expect(out.json.resource).toEqual(inspect(lakeAndWarehouse(false)).out.json.resource);
  });
});

describe('PostgresWarehouse: validation', () => {
  const build = (props: Record<string, any>) => () => warehouseStack({ backup: WarehouseBackup.none(), ...props });

  test.each([
    [{ instances: 0 }, 'test/Warehouse: invalid instances: received 0; must be an integer from 1 to 9.'],
    [{ instances: 2.5 }, 'test/Warehouse: invalid instances: received 2.5; must be an integer from 1 to 9.'],
    [{ instances: 10 }, 'test/Warehouse: invalid instances: received 10; must be an integer from 1 to 9.'],
    [{ storageSizeGiB: 0 }, 'test/Warehouse: invalid storageSizeGiB: received 0; must be an integer from 1 to 65536.'],
    [{ resources: { cpuRequest: 'lots', memoryRequest: '1Gi', memoryLimit: '1Gi' } }, 'test/Warehouse: invalid resources.cpuRequest: received "lots"; use a Kubernetes quantity such as "500m" or "512Mi".'],
    [{ name: 'Big_Warehouse' }, 'test/Warehouse: invalid name: received "acme-Big_Warehouse"; CloudNativePG cluster names have 1 to 40 characters of lowercase letters, digits and hyphens, starting with a letter (names of Services, Secrets and the Kafka Connect cluster are derived from it); this one has 18.'],
    [{ databaseName: 'Sales-DW' }, 'test/Warehouse: invalid databaseName: received "Sales-DW"; use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore.'],
    [{ ownerName: 'postgres' }, 'test/Warehouse: invalid ownerName: received "postgres"; reserved by CloudNativePG and PostgreSQL (postgres, streaming_replica, cnpg_pooler_pgbouncer, pg_*); choose another name.'],
    [{ lakeLoadSchedule: '0 0 3 * * *' }, 'test/Warehouse: invalid lakeLoadSchedule: received "0 0 3 * * *"; use a five-field Kubernetes CronJob expression (minute hour day-of-month month day-of-week), for example "0 3 * * *" for 03:00 every day.'],
    [{ kafkaConnect: { image: 'x', replicas: 0 } }, 'test/Warehouse: invalid kafkaConnect.replicas: received 0; must be an integer from 1 to 100.'],
    [{ pooler: { instances: 0 } }, 'test/Warehouse: invalid pooler.instances: received 0; must be an integer from 1 to 10.'],
  ])('%j', (props, message) => {
    expect(build(props)).toThrow(message);
  });

  test.each([
    [[{ name: 'Events', columns: [{ name: 'id', type: 'bigint' }] }], 'test/Warehouse: invalid tables[0].name: received "Events"; use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore.'],
    [[{ name: 'e', schema: 'pg_temp', columns: [{ name: 'id', type: 'bigint' }] }], 'test/Warehouse: invalid tables[0].schema: received "pg_temp"; pg_* schemas and information_schema are reserved by PostgreSQL; choose another schema.'],
    [[{ name: 'e', columns: [] }], 'test/Warehouse: invalid tables[0].columns: received []; give at least one column.'],
    [[{ name: 'e', columns: [{ name: 'id; DROP TABLE x', type: 'bigint' }] }], 'test/Warehouse: invalid tables[0].columns[0].name: received "id; DROP TABLE x"; use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore.'],
    [[{ name: 'e', columns: [{ name: 'id', type: 'bigint); DROP TABLE x; --' }] }], 'test/Warehouse: invalid tables[0].columns[0].type: received "bigint); DROP TABLE x; --"; use a PostgreSQL type: smallint, integer, bigint, real, double precision, numeric, numeric(p), numeric(p,s), boolean, text, varchar(n), char(n), date, time, timestamp, timestamptz, interval, uuid, json, jsonb, bytea or inet.'],
    [[{ name: 'e', columns: [{ name: 'id', type: 'numeric(5,9)' }] }], 'test/Warehouse: invalid tables[0].columns[0].type: received "numeric(5,9)"; numeric(p,s) needs a precision p from 1 to 1000 and a scale s from 0 to p.'],
    [[{ name: 'e', columns: [{ name: 'id', type: 'bigint' }, { name: 'id', type: 'text' }] }], 'test/Warehouse: invalid tables[0].columns[1].name: received "id"; public.e already has a column "id"; give each column a unique name.'],
    [[{ name: 'e', columns: [{ name: 'id', type: 'bigint' }] }, { name: 'e', schema: 'public', columns: [{ name: 'id', type: 'bigint' }] }], 'test/Warehouse: invalid tables[1].name: received "e"; public.e is declared twice; give each table a unique schema and name.'],
  ])('tables %#', (tables, message) => {
    expect(build({ tables })).toThrow(message);
  });

  test('accepted column types are normalized to lowercase', () => {
    const tables = [{ name: 't', columns: ['SMALLINT', 'double  precision', 'Numeric(12, 3)', 'character varying(10)', 'timestamp(3)', 'JSONB', 'uuid'].map((type, i) => ({ name: `c${i}`, type })) }];
    const { stack } = warehouseStack({ backup: WarehouseBackup.none(), tables });
    const sql = inspect(stack).ofKind('Cluster')[0].spec.bootstrap.initdb.postInitApplicationSQL;
    expect(sql[1]).toBe('CREATE TABLE IF NOT EXISTS "public"."t" ("c0" smallint, "c1" double precision, "c2" numeric(12, 3), "c3" character varying(10), "c4" timestamp(3), "c5" jsonb, "c6" uuid)');
  });

  test('a SecretStore on AWS Secrets Manager is refused (CloudNativePG reads Kubernetes Secrets)', () => {
    const store = { backend: SecretStoreBackend.SECRETS_MANAGER } as any;
    expect(() => warehouseStack({ backup: WarehouseBackup.none(), secretStore: store })).toThrow(
      'test/Warehouse: invalid secretStore: received "secrets-manager"; CloudNativePG reads role passwords from Kubernetes Secrets: use a KubernetesSecretStore or a VaultSecretStore (which mirrors into a Kubernetes Secret).',
    );
  });

  test('TABLES fixture stays in sync', () => {
    expect(TABLES.map((t) => t.name)).toEqual(['events', 'orders']);
  });
});
