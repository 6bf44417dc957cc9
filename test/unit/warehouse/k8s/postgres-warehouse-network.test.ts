import { inspect, platformStack, warehouseStack } from './warehouse-fixture';
import {
  DEFAULT_POOLER_DEFAULT_POOL_SIZE, DEFAULT_POOLER_INSTANCES, DEFAULT_POOLER_MAX_CLIENT_CONNECTIONS, DEFAULT_PROMETHEUS_PEER,
  DEFAULT_WAREHOUSE_MONITORING,
  POOLER_POOL_MODE, PostgresWarehouse, WarehouseBackup, WarehouseMonitoring,
} from '../../../../src/warehouse/k8s';

const DB = { 'app.kubernetes.io/component': 'database', 'cnpg.io/cluster': 'acme-warehouse' };
const OPERATOR = { 'app.kubernetes.io/name': 'cloudnative-pg' };
const POOLER = { 'cnpg.io/poolerName': 'acme-warehouse-pooler-rw' };
const API = { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }, { port: '6443', protocol: 'TCP' }] };
const tcp = (...ports: number[]) => ports.map((port) => ({ port: String(port), protocol: 'TCP' }));

describe('PostgresWarehouse NetworkPolicies', () => {
  test('operator <-> instances (status 8000, 5432), instances <-> instances, instances -> Kubernetes API', () => {
    const { stack } = warehouseStack({ backup: WarehouseBackup.none() });
    const { policy } = inspect(stack);
    expect(policy('allow-acme-warehouse-db').spec).toEqual({
      pod_selector: { match_labels: DB },
      policy_types: ['Ingress', 'Egress'],
      ingress: [{ from: [{ pod_selector: { match_labels: OPERATOR } }, { pod_selector: { match_labels: DB } }], ports: tcp(5432, 8000) }],
      egress: [API, { to: [{ pod_selector: { match_labels: DB } }], ports: tcp(5432, 8000) }],
    });
    expect(policy('allow-acme-warehouse-operator').spec).toEqual({
      pod_selector: { match_labels: OPERATOR },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{ to: [{ pod_selector: { match_labels: DB } }], ports: tcp(5432, 8000) }],
    });
  });

  test('allowConnectionsFrom: ingress on the instances and egress from the clients on 5432; podLabels required, security groups refused', () => {
    const { stack, warehouse } = warehouseStack({ backup: WarehouseBackup.none() });
    warehouse.allowConnectionsFrom('Dashboards', { podLabels: { app: 'dashboards' } });
    const { policy } = inspect(stack);
    expect(policy('allow-acme-warehouse-from-dashboards').spec).toMatchObject({
      pod_selector: { match_labels: DB },
      ingress: [{ from: [{ pod_selector: { match_labels: { app: 'dashboards' } } }], ports: tcp(5432) }],
    });
    expect(policy('allow-dashboards-to-acme-warehouse').spec).toMatchObject({
      pod_selector: { match_labels: { app: 'dashboards' } },
      policy_types: ['Egress'],
      egress: [{ to: [{ pod_selector: { match_labels: DB } }], ports: tcp(5432) }],
    });
    expect(() => warehouse.allowConnectionsFrom('Sg', { securityGroupId: 'sg-123' })).toThrow(
      'test/Warehouse: invalid peer.securityGroupId: received "sg-123"; security groups are AWS-only; on Kubernetes give peer.podLabels.',
    );
    expect(() => warehouse.allowConnectionsFrom('All', { podLabels: {} })).toThrow(
      'test/Warehouse: invalid peer.podLabels: received {}; give the labels of the client pods (an empty selector would open the warehouse to every pod of the namespace).',
    );
  });
});

describe('PostgresWarehouse pooler', () => {
  test('a PgBouncer Pooler (rw, transaction pooling) with its own NetworkPolicies; clients may reach it', () => {
    const { stack, warehouse } = warehouseStack({ backup: WarehouseBackup.none(), pooler: {} });
    warehouse.allowConnectionsFrom('Dashboards', { podLabels: { app: 'dashboards' } });
    const { ofKind, policy } = inspect(stack);
    const [pooler] = ofKind('Pooler');
    expect(pooler.metadata).toMatchObject({ name: 'acme-warehouse-pooler-rw', namespace: 'acme' });
    expect(pooler.spec).toMatchObject({
      cluster: { name: 'acme-warehouse' },
      instances: DEFAULT_POOLER_INSTANCES,
      type: 'rw',
      pgbouncer: {
        poolMode: POOLER_POOL_MODE,
        parameters: { max_client_conn: String(DEFAULT_POOLER_MAX_CLIENT_CONNECTIONS), default_pool_size: String(DEFAULT_POOLER_DEFAULT_POOL_SIZE) },
      },
      template: { spec: { containers: [{ name: 'pgbouncer', resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } } }] } },
    });
    expect(POOLER_POOL_MODE).toBe('transaction');
    expect(warehouse.poolerEndpoint).toBe('acme-warehouse-pooler-rw.acme.svc');
    expect(policy('allow-acme-warehouse-pooler-rw').spec).toMatchObject({
      pod_selector: { match_labels: POOLER },
      policy_types: ['Egress'],
      egress: [API, { to: [{ pod_selector: { match_labels: DB } }], ports: tcp(5432) }],
    });
    expect(policy('allow-acme-warehouse-db-from-pooler').spec.ingress).toEqual([{ from: [{ pod_selector: { match_labels: POOLER } }], ports: tcp(5432) }]);
    expect(policy('allow-acme-warehouse-pooler-rw-from-dashboards').spec.ingress).toEqual([{ from: [{ pod_selector: { match_labels: { app: 'dashboards' } } }], ports: tcp(5432) }]);
    expect(policy('allow-dashboards-to-acme-warehouse').spec.egress[0].to).toEqual([{ pod_selector: { match_labels: DB } }, { pod_selector: { match_labels: POOLER } }]);
  });

  test('pooler options', () => {
    const { stack } = warehouseStack({
      backup: WarehouseBackup.none(),
      pooler: { instances: 3, maxClientConnections: 5000, defaultPoolSize: 50, resources: { cpuRequest: '200m', memoryRequest: '256Mi', memoryLimit: '512Mi' } },
    });
    expect(inspect(stack).ofKind('Pooler')[0].spec).toMatchObject({
      instances: 3,
      pgbouncer: { parameters: { max_client_conn: '5000', default_pool_size: '50' } },
      template: { spec: { containers: [{ resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '512Mi' } } }] } },
    });
  });
});

describe('PostgresWarehouse monitoring', () => {
  test('off by default: no PodMonitor, no monitoring release, no metrics policy (metrics still served over TLS)', () => {
    expect(DEFAULT_WAREHOUSE_MONITORING.podMonitorEnabled).toBe(false);
    const { stack } = warehouseStack({ backup: WarehouseBackup.none() });
    const { ofKind, release, policy } = inspect(stack);
    expect(ofKind('PodMonitor')).toEqual([]);
    expect(release('acme-warehouse-monitoring')).toBeUndefined();
    expect(policy('allow-acme-warehouse-metrics')).toBeUndefined();
    expect(ofKind('Cluster')[0].spec.monitoring).toEqual({ tls: { enabled: true } });
    expect(ofKind('Cluster')[0].spec.monitoring.enablePodMonitor).toBeUndefined();
  });

  test('WarehouseMonitoring.podMonitor(): a monitoring.coreos.com/v1 PodMonitor on the instances\' metrics port over TLS, in its own release', () => {
    const stack = platformStack();
    new PostgresWarehouse(stack, 'Warehouse', { backup: WarehouseBackup.none(), monitoring: WarehouseMonitoring.podMonitor({ labels: { release: 'kube-prometheus-stack' } }) });
    const { ofKind, release, policy } = inspect(stack);
    const [monitor] = ofKind('PodMonitor');
    expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(monitor.metadata).toMatchObject({ name: 'acme-warehouse', namespace: 'acme', labels: { 'release': 'kube-prometheus-stack', 'app.kubernetes.io/component': 'warehouse' } });
    expect(monitor.spec).toEqual({
      selector: { matchLabels: { 'cnpg.io/cluster': 'acme-warehouse', 'cnpg.io/podRole': 'instance' } },
      podMetricsEndpoints: [{
        port: 'metrics', scheme: 'https', tlsConfig: { ca: { secret: { name: 'acme-warehouse-ca', key: 'ca.crt' } }, serverName: 'acme-warehouse-rw' },
      }],
    });
    const monitoring = release('acme-warehouse-monitoring');
    expect(JSON.parse(monitoring.values[0]).resources.map((r: any) => r.kind)).toEqual(['PodMonitor']);
    expect(monitoring.depends_on).toEqual(expect.arrayContaining([expect.stringContaining('Warehouse_Resources_Release')]));
    expect(policy('allow-acme-warehouse-metrics').spec).toMatchObject({
      pod_selector: { match_labels: { 'cnpg.io/cluster': 'acme-warehouse', 'cnpg.io/podRole': 'instance' } },
      ingress: [{
        from: [{ namespace_selector: { match_labels: {} }, pod_selector: { match_labels: DEFAULT_PROMETHEUS_PEER.podLabels } }],
        ports: tcp(9187),
      }],
    });
  });

  test('a custom Prometheus peer', () => {
    const stack = platformStack();
    new PostgresWarehouse(stack, 'Warehouse', {
      backup: WarehouseBackup.none(),
      monitoring: WarehouseMonitoring.podMonitor({ prometheusPeer: { namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' }, podLabels: { prometheus: 'main' } } }),
    });
    expect(inspect(stack).policy('allow-acme-warehouse-metrics').spec.ingress[0].from).toEqual([
      { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'monitoring' } }, pod_selector: { match_labels: { prometheus: 'main' } } },
    ]);
  });
});
