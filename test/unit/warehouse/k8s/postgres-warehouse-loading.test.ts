import { CONNECT_IMAGE, inspect, platformStack, TABLES } from './warehouse-fixture';
import { Identity, PodSecurityLevel } from '../../../../src';
import { KubernetesDataLake } from '../../../../src/lake/k8s';
import {
  DEBEZIUM_JDBC_SINK_CLASS, DEBEZIUM_JDBC_SINK_URL, POSTGRES_IMAGE, TRINO_CLI_IMAGE,
} from '../../../../src/platform/k8s/warehouse-versions';
import { KafkaCluster, KafkaStreamingIngest, STRIMZI_API_VERSION } from '../../../../src/streaming/k8s';
import {
  DEFAULT_LAKE_LOAD_SCHEDULE, DEFAULT_LOADER_TASKS, DEFAULT_WAREHOUSE_CONNECT_REPLICAS, PostgresWarehouse, PostgresWarehouseProps, WarehouseBackup,
} from '../../../../src/warehouse/k8s';

function loadingStack(props: Partial<PostgresWarehouseProps> = { kafkaConnect: { image: CONNECT_IMAGE } }, podSecurity?: PodSecurityLevel) {
  const stack = platformStack({ podSecurity });
  const warehouse = new PostgresWarehouse(stack, 'Warehouse', { tables: TABLES, backup: WarehouseBackup.none(), ...props });
  return { stack, warehouse };
}

describe('PostgresWarehouse.destination: Debezium JDBC sink on Strimzi Kafka Connect', () => {
  test('a KafkaConnect with its own KafkaUser, compacted internal topics and a KafkaConnector per bound StreamingIngest', () => {
    const { stack, warehouse } = loadingStack();
    new KafkaStreamingIngest(stack, 'Clicks', { destinations: [warehouse.destination({ table: 'events' })] });
    new KafkaStreamingIngest(stack, 'Orders', { destinations: [warehouse.destination({ schema: 'sales', table: 'orders' })] });
    const { ofKind, out } = inspect(stack);
    const [connect] = ofKind('KafkaConnect');
    expect(connect.apiVersion).toBe(STRIMZI_API_VERSION);
    expect(connect.metadata).toMatchObject({ name: 'acme-warehouse-connect', annotations: { 'strimzi.io/use-connector-resources': 'true' } });
    expect(connect.spec).toMatchObject({
      replicas: DEFAULT_WAREHOUSE_CONNECT_REPLICAS,
      image: CONNECT_IMAGE,
      bootstrapServers: 'acme-kafka-kafka-bootstrap.acme.svc:9093',
      groupId: 'acme-warehouse-connect',
      configStorageTopic: 'acme-warehouse-connect-configs',
      offsetStorageTopic: 'acme-warehouse-connect-offsets',
      statusStorageTopic: 'acme-warehouse-connect-status',
      tls: { trustedCertificates: [{ secretName: 'acme-kafka-cluster-ca-cert', pattern: '*.crt' }] },
      authentication: { type: 'tls', certificateAndKey: { secretName: 'acme-warehouse-connect', certificate: 'user.crt', key: 'user.key' } },
      config: { 'config.providers': 'secrets', 'config.providers.secrets.class': 'io.strimzi.kafka.KubernetesSecretConfigProvider' },
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } },
    });
    expect(connect.spec.build).toBeUndefined();
    const connectors = ofKind('KafkaConnector');
    expect(connectors.map((c) => c.metadata.name)).toEqual(['acme-warehouse-connect-clicks-pg-events', 'acme-warehouse-connect-orders-pg-sales-orders']);
    const [clicks, orders] = connectors;
    expect(clicks.metadata.labels['strimzi.io/cluster']).toBe('acme-warehouse-connect');
    expect(clicks.spec).toEqual({
      class: DEBEZIUM_JDBC_SINK_CLASS,
      tasksMax: DEFAULT_LOADER_TASKS,
      autoRestart: { enabled: true },
      config: {
        'topics': 'acme-clicks',
        'connection.url': 'jdbc:postgresql://acme-warehouse-rw.acme.svc:5432/analytics?sslmode=require',
        'connection.username': '$${secrets:acme/acme-warehouse-loader:username}',
        'connection.password': '$${secrets:acme/acme-warehouse-loader:password}',
        'insert.mode': 'insert',
        'primary.key.mode': 'none',
        'delete.enabled': false,
        'schema.evolution': 'none',
        'collection.name.format': 'public.events',
        'quote.identifiers': true,
        'use.time.zone': 'UTC',
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': true,
      },
    });
    expect(orders.spec.config).toMatchObject({ 'topics': 'acme-orders', 'collection.name.format': 'sales.orders' });
    expect(DEBEZIUM_JDBC_SINK_CLASS).toBe('io.debezium.connector.jdbc.JdbcSinkConnector');

    const user = ofKind('KafkaUser').find((u) => u.metadata.name === 'acme-warehouse-connect');
    expect(user.spec.authorization.acls.map((a: any) => `${a.resource.type}:${a.resource.name}:${a.resource.patternType}:${a.operations.join('+')}`)).toEqual([
      'topic:acme-warehouse-connect-configs:literal:Read+Write+Describe',
      'topic:acme-warehouse-connect-offsets:literal:Read+Write+Describe',
      'topic:acme-warehouse-connect-status:literal:Read+Write+Describe',
      'group:acme-warehouse-connect:literal:Read',
      'group:connect-acme-warehouse-connect:prefix:Read',
      'topic:acme-clicks:literal:Read+Describe',
      'topic:acme-orders:literal:Read+Describe',
    ]);
    expect(ofKind('KafkaTopic').filter((t) => t.metadata.name.startsWith('acme-warehouse-connect')).map((t) => `${t.metadata.name}/${t.spec.partitions}/${t.spec.config['cleanup.policy']}`)).toEqual([
      'acme-warehouse-connect-configs/1/compact', 'acme-warehouse-connect-offsets/25/compact', 'acme-warehouse-connect-status/5/compact',
    ]);

    // The loader: a write role whose password the store generates; Connect's service account may read that one Secret.
    const cluster = ofKind('Cluster')[0];
    expect(cluster.spec.managed.roles).toEqual([expect.objectContaining({
      name: 'acme_warehouse_loader', login: true, inRoles: ['pg_read_all_data', 'pg_write_all_data'], passwordSecret: { name: 'acme-warehouse-loader' },
    })]);
    const role = Object.values<any>(out.resources('kubernetes_role_v1')).find((r) => r.metadata.name === 'acme-warehouse-connect-secrets');
    expect(role.rule).toEqual([{ api_groups: [''], resources: ['secrets'], resource_names: ['acme-warehouse-loader'], verbs: ['get'] }]);
    const binding = Object.values<any>(out.resources('kubernetes_role_binding_v1')).find((b) => b.metadata.name === 'acme-warehouse-connect-secrets');
    expect(binding.subject).toEqual([{ kind: 'ServiceAccount', name: 'acme-warehouse-connect-connect', namespace: 'acme' }]);
  });

  test('NetworkPolicies: Connect REST among replicas and from the Strimzi operator, Kubernetes API, and 5432 to the instances', () => {
    const { stack, warehouse } = loadingStack();
    new KafkaStreamingIngest(stack, 'Clicks', { destinations: [warehouse.destination({ table: 'events' })] });
    const { policy } = inspect(stack);
    const connectPods = { 'strimzi.io/cluster': 'acme-warehouse-connect', 'strimzi.io/kind': 'KafkaConnect' };
    expect(policy('allow-acme-warehouse-connect').spec).toMatchObject({
      pod_selector: { match_labels: connectPods },
      ingress: [{ from: [{ pod_selector: { match_labels: { 'strimzi.io/kind': 'cluster-operator' } } }, { pod_selector: { match_labels: connectPods } }], ports: [{ port: '8083', protocol: 'TCP' }] }],
    });
    expect(policy('allow-acme-warehouse-connect-operator').spec.egress).toEqual([{ to: [{ pod_selector: { match_labels: connectPods } }], ports: [{ port: '8083', protocol: 'TCP' }] }]);
    expect(policy('allow-acme-warehouse-from-connect').spec.ingress).toEqual([{ from: [{ pod_selector: { match_labels: connectPods } }], ports: [{ port: '5432', protocol: 'TCP' }] }]);
    expect(policy('allow-connect-to-acme-warehouse').spec).toMatchObject({ pod_selector: { match_labels: connectPods }, policy_types: ['Egress'] });
  });

  test('a Strimzi build of the Debezium JDBC sink plugin on a baseline platform; replicas, resources and tasks', () => {
    const { stack, warehouse } = loadingStack({
      kafkaConnect: { buildOutputImage: CONNECT_IMAGE, buildPushSecret: 'push', replicas: 3, tasksPerConnector: 4, resources: { cpuRequest: '1', memoryRequest: '3Gi', memoryLimit: '3Gi' } },
    }, PodSecurityLevel.BASELINE);
    new KafkaStreamingIngest(stack, 'Clicks', { destinations: [warehouse.destination({ table: 'events' })] });
    const { ofKind } = inspect(stack);
    const [connect] = ofKind('KafkaConnect');
    expect(connect.spec).toMatchObject({ replicas: 3, resources: { requests: { cpu: '1', memory: '3Gi' }, limits: { memory: '3Gi' } } });
    expect(connect.spec.build).toEqual({
      output: { type: 'docker', image: CONNECT_IMAGE, pushSecret: 'push' },
      plugins: [{ name: 'debezium-jdbc-sink', artifacts: [{ type: 'tgz', url: DEBEZIUM_JDBC_SINK_URL }] }],
    });
    expect(DEBEZIUM_JDBC_SINK_URL).toBe('https://repo1.maven.org/maven2/io/debezium/debezium-connector-jdbc/3.6.1.Final/debezium-connector-jdbc-3.6.1.Final-plugin.tar.gz');
    expect(ofKind('KafkaConnector')[0].spec.tasksMax).toBe(4);
  });

  test('errors: no Connect image, a build under "restricted", a second Kafka cluster, Firehose, unknown table', () => {
    const noImage = loadingStack({});
    expect(() => new KafkaStreamingIngest(noImage.stack, 'Clicks', { destinations: [noImage.warehouse.destination({ table: 'events' })] })).toThrow(
      `test/Clicks: loading into the warehouse needs a Kafka Connect image with the Debezium JDBC sink connector (${DEBEZIUM_JDBC_SINK_URL}); set kafkaConnect.image on the PostgresWarehouse (or kafkaConnect.buildOutputImage with a "baseline" platform).`,
    );
    const build = loadingStack({ kafkaConnect: { buildOutputImage: CONNECT_IMAGE } });
    expect(() => new KafkaStreamingIngest(build.stack, 'Clicks', { destinations: [build.warehouse.destination({ table: 'events' })] })).toThrow(
      'test/Clicks: kafkaConnect.buildOutputImage needs Strimzi\'s Kaniko build, which Pod Security "restricted" forbids (it runs as root); set kafkaConnect.image to a prebuilt image with the Debezium JDBC sink connector instead.',
    );
    const { stack, warehouse } = loadingStack();
    new KafkaStreamingIngest(stack, 'Clicks', { destinations: [warehouse.destination({ table: 'events' })] });
    const other = KafkaCluster.fromClusterAttributes(stack, 'Other', { clusterName: 'other', bootstrapServers: 'other:9093' });
    expect(() => new KafkaStreamingIngest(stack, 'Payments', { existingCluster: other, destinations: [warehouse.destination({ table: 'events' })] })).toThrow(
      'test/Payments: the warehouse test/Warehouse already loads from Kafka cluster "acme-kafka"; one warehouse has one Kafka Connect cluster, so connect StreamingIngests of that cluster only.',
    );
    expect(() => warehouse.destination({ table: 'events' }).bindFirehose(stack, {} as any)).toThrow(
      'test: the PostgresWarehouse destination "pg-events" loads through Kafka Connect on Kubernetes; use a Kafka StreamingIngest, or a Redshift warehouse\'s destination on AWS.',
    );
    expect(() => warehouse.destination({ table: 'orders' })).toThrow(
      'test/Warehouse: invalid table: received "public.orders"; use one of the warehouse\'s tables: public.events, sales.orders.',
    );
    const bare = loadingStack({ tables: [] });
    expect(() => bare.warehouse.destination({ table: 'events' })).toThrow(
      'test/Warehouse: invalid table: received "public.events"; the warehouse declares no tables; add it to the tables prop.',
    );
  });
});

describe('PostgresWarehouse.loadFromLake: a CronJob exporting with Trino\'s CLI and loading with psql', () => {
  function lakeLoad(schedule?: string) {
    const stack = platformStack();
    const lake = new KubernetesDataLake(stack, 'Lake');
    const warehouse = new PostgresWarehouse(stack, 'Warehouse', { tables: TABLES, backup: WarehouseBackup.toLake(lake), lakeLoadSchedule: schedule });
    return { stack, lake, warehouse };
  }

  test('CronJob: Trino export of the table\'s columns into an emptyDir, then DELETE + \\copy in one transaction as the loader over TLS', () => {
    const { stack, lake, warehouse } = lakeLoad();
    warehouse.loadFromLake('DailyOrders', { lake, zone: 'curated', prefix: 'orders', schema: 'sales', table: 'orders' });
    const { ofKind, release } = inspect(stack);
    const [cron] = ofKind('CronJob');
    expect(JSON.parse(release('acme-warehouse-db').values[0]).resources.map((r: any) => r.kind)).toContain('CronJob');
    expect(cron.metadata).toMatchObject({ name: 'acme-warehouse-load-daily-orders', namespace: 'acme' });
    expect(cron.spec).toMatchObject({ schedule: DEFAULT_LAKE_LOAD_SCHEDULE, concurrencyPolicy: 'Forbid' });
    const pod = cron.spec.jobTemplate.spec.template;
    expect(pod.metadata.labels['app.kubernetes.io/name']).toBe('acme-warehouse-lake-load');
    expect(pod.spec).toMatchObject({ restartPolicy: 'Never', automountServiceAccountToken: false, securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } });
    const [exporter] = pod.spec.initContainers;
    expect(exporter).toMatchObject({
      image: TRINO_CLI_IMAGE,
      command: ['/bin/sh', '-c', 'trino --server "$TRINO_SERVER" --user "$TRINO_USER" --output-format CSV --execute "$EXPORT_SQL" > /data/rows.csv'],
      env: [
        { name: 'TRINO_SERVER', value: 'http://acme-trino.acme.svc:8080' },
        { name: 'TRINO_USER', value: 'acme_warehouse_loader' },
        { name: 'EXPORT_SQL', value: 'SELECT "order_id", "amount" FROM "lake"."curated"."orders"' },
      ],
      securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
    const [loader] = pod.spec.containers;
    expect(loader).toMatchObject({
      image: POSTGRES_IMAGE,
      command: [
        'psql', '-v', 'ON_ERROR_STOP=1', '--single-transaction',
        '-c', 'DELETE FROM "sales"."orders"',
        '-c', '\\copy "sales"."orders" ("order_id", "amount") FROM \'/data/rows.csv\' WITH (FORMAT csv, FORCE_NULL ("order_id", "amount"))',
      ],
      env: [
        { name: 'PGHOST', value: 'acme-warehouse-rw.acme.svc' },
        { name: 'PGPORT', value: '5432' },
        { name: 'PGDATABASE', value: 'analytics' },
        { name: 'PGSSLMODE', value: 'require' },
        { name: 'PGUSER', valueFrom: { secretKeyRef: { name: 'acme-warehouse-loader', key: 'username' } } },
        { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'acme-warehouse-loader', key: 'password' } } },
      ],
      securityContext: { runAsUser: 26, readOnlyRootFilesystem: true },
    });
    expect(ofKind('Cluster').find((c) => c.metadata.name === 'acme-warehouse').spec.managed.roles.map((r: any) => r.name)).toEqual(['acme_warehouse_loader']);
  });

  test('NetworkPolicies of the load jobs (Trino, 5432) are created once; the schedule is configurable', () => {
    const { stack, lake, warehouse } = lakeLoad('30 1 * * MON-FRI');
    warehouse.loadFromLake('Orders', { lake, zone: 'curated', prefix: 'orders', schema: 'sales', table: 'orders' });
    warehouse.loadFromLake('Events', { lake, zone: 'raw', prefix: 'events', table: 'events' });
    const { ofKind, policy, policies } = inspect(stack);
    expect(ofKind('CronJob').map((c) => `${c.metadata.name} ${c.spec.schedule}`)).toEqual(['acme-warehouse-load-orders 30 1 * * MON-FRI', 'acme-warehouse-load-events 30 1 * * MON-FRI']);
    const loadPods = { 'app.kubernetes.io/name': 'acme-warehouse-lake-load' };
    expect(policy('allow-acme-warehouse-lake-load-trino').spec).toMatchObject({
      pod_selector: { match_labels: loadPods },
      egress: [{ to: [{ pod_selector: { match_labels: { 'app.kubernetes.io/name': 'trino' } } }], ports: [{ port: '8080', protocol: 'TCP' }] }],
    });
    expect(policy('allow-acme-warehouse-from-lake-load').spec.ingress).toEqual([{ from: [{ pod_selector: { match_labels: loadPods } }], ports: [{ port: '5432', protocol: 'TCP' }] }]);
    expect(policies.filter((p) => p.metadata.name.includes('lake-load'))).toHaveLength(3);
  });

  test('errors: unknown table, unknown zone, a prefix that is not a table name, a lake without Trino', () => {
    const { stack, lake, warehouse } = lakeLoad();
    expect(() => warehouse.loadFromLake('X', { lake, zone: 'raw', prefix: 'events', table: 'clicks' })).toThrow(
      'test/Warehouse: invalid table: received "public.clicks"; use one of the warehouse\'s tables: public.events, sales.orders.',
    );
    expect(() => warehouse.loadFromLake('X', { lake, zone: 'gold', prefix: 'events', table: 'events' })).toThrow(
      'test/Warehouse: invalid zone: received "gold"; use one of raw, curated, analytics.',
    );
    expect(() => warehouse.loadFromLake('X', { lake, zone: 'raw', prefix: 'events/2026/', table: 'events' })).toThrow(
      'test/Warehouse: invalid prefix: received "events/2026/"; on Kubernetes prefix names the zone\'s Iceberg table that Trino reads (lake.<zone>.<prefix>): use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore.',
    );
    const notKubernetes = { zoneNames: ['raw'], node: { path: 'test/AwsLake' } } as any;
    expect(() => warehouse.loadFromLake('X', { lake: notKubernetes, zone: 'raw', prefix: 'events', table: 'events' })).toThrow(
      'test/Warehouse: invalid lake: received "test/AwsLake"; loadFromLake on Kubernetes reads the lake through its Trino (sqlEndpoint); pass a KubernetesDataLake or KubernetesDataLake.fromLakeAttributes(...).',
    );
    expect(stack).toBeDefined();
  });

  test('an imported lake (fromLakeAttributes) works: its Trino URL and zones', () => {
    const stack = platformStack();
    const lake = KubernetesDataLake.fromLakeAttributes(stack, 'Lake', {
      zoneNames: ['bronze'], bucketPrefix: 'data', sqlEndpoint: 'http://trino.data.svc:8443', metastoreUri: 'thrift://hive.data.svc:9083',
    });
    const warehouse = new PostgresWarehouse(stack, 'Warehouse', { tables: TABLES, backup: WarehouseBackup.none() });
    warehouse.loadFromLake('Events', { lake, zone: 'bronze', prefix: 'events', table: 'events' });
    const { ofKind, policy } = inspect(stack);
    expect(ofKind('CronJob')[0].spec.jobTemplate.spec.template.spec.initContainers[0].env[0]).toEqual({ name: 'TRINO_SERVER', value: 'http://trino.data.svc:8443' });
    expect(policy('allow-acme-warehouse-lake-load-trino').spec.egress[0].ports).toEqual([{ port: '8443', protocol: 'TCP' }]);
  });

  test('grants and loaders share nothing: a grant to an identity and the loader are two roles', () => {
    const { stack, lake, warehouse } = lakeLoad();
    warehouse.grantRead(new Identity(stack, 'Bi', { name: 'bi' }));
    warehouse.loadFromLake('Events', { lake, zone: 'raw', prefix: 'events', table: 'events' });
    const roles = inspect(stack).ofKind('Cluster').find((c) => c.metadata.name === 'acme-warehouse').spec.managed.roles;
    expect(roles.map((r: any) => `${r.name}:${r.inRoles.length}`)).toEqual(['acme_bi:1', 'acme_warehouse_loader:2']);
  });
});
