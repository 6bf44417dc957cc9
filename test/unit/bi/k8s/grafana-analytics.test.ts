import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsPlatform, KubernetesPlatform, KubernetesPlatformProps, RemovalPolicy } from '../../../../src';
import { BiEngine } from '../../../../src/bi';
import {
  DEFAULT_GRAFANA_RESOURCES, DEFAULT_GRAFANA_STORAGE_SIZE_GIB, GRAFANA_ADMIN_USERNAME, GRAFANA_DATABASE_USER, GRAFANA_PORT, GrafanaAnalytics,
  GrafanaAnalyticsProps,
} from '../../../../src/bi/k8s';
import { GRAFANA_INI } from '../../../../src/bi/k8s/private/grafana-values';
import { IIdentity } from '../../../../src/identity/identity';
import { IDataLake, TableFormat } from '../../../../src/lake/data-lake-contract';
import { KubernetesDataLake } from '../../../../src/lake/k8s';
import { GRAFANA_CHART, TRINO_GRAFANA_PLUGIN } from '../../../../src/platform/k8s/bi-versions';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT } from '../../../../src/platform/k8s/pod-security';
import { DEFAULT_SECRET_STORE_ID } from '../../../../src/secrets/default-secret-store';
import { SecretStoreBackend } from '../../../../src/secrets/secret-store-contract';
import { IStreamDestination } from '../../../../src/streaming/destination';
import { PostgresWarehouse, WarehouseBackup } from '../../../../src/warehouse/k8s';
import { warnings } from '../../../support/annotations';
import { newStack, synth, Synthesized } from '../../../support/synth';
import { FixtureSecretStore, FixtureWarehouse, redshiftFixture } from '../bi-fixtures';

const GRAFANA_PODS = { 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'acme-grafana' };
const TRINO_URL = 'http://acme-trino.acme.svc:8080';

function k8sStack(platform: Partial<KubernetesPlatformProps> = {}): { stack: TerraformStack; store: FixtureSecretStore } {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', ...platform });
  return { stack, store: new FixtureSecretStore(stack, 'Store', SecretStoreBackend.KUBERNETES) };
}

function trinoLake(scope: Construct, id = 'Lake', sqlEndpoint = TRINO_URL): IDataLake {
  return KubernetesDataLake.fromLakeAttributes(scope, id, {
    zoneNames: ['raw', 'curated'], bucketPrefix: 'acme', sqlEndpoint, metastoreUri: 'thrift://acme-hive-metastore.acme.svc:9083',
  });
}

interface Built {
  readonly stack: TerraformStack;
  readonly grafana: GrafanaAnalytics;
  readonly store: FixtureSecretStore;
  readonly out: Synthesized;
  readonly values: any;
  readonly release: any;
  readonly policies: Record<string, any>;
}

type Extra = (stack: TerraformStack, g: GrafanaAnalytics) => void;

function build(props: Partial<GrafanaAnalyticsProps> = {}, platform: Partial<KubernetesPlatformProps> = {}, extra?: Extra): Built {
  const { stack, store } = k8sStack(platform);
  const grafana = new GrafanaAnalytics(stack, 'Grafana', { secretStore: store, ...props });
  extra?.(stack, grafana);
  const out = synth(stack);
  const releases = Object.values<any>(out.resources('helm_release'));
  const release = releases.find((r) => r.name === 'acme-grafana');
  const policies: Record<string, any> = {};
  for (const p of Object.values<any>(out.resources('kubernetes_network_policy_v1'))) policies[p.metadata.name] = p.spec;
  return { stack, grafana, store, out, values: JSON.parse(release.values[0]), release, policies };
}

/** Every value under a key containing "password" (any case), anywhere in `value`. */
function passwordValues(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {value.forEach((v) => passwordValues(v, found));} else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/password/i.test(k) && (typeof v === 'string' || typeof v === 'number')) found.push(String(v));
      passwordValues(v, found);
    }
  } else if (typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      passwordValues(JSON.parse(value), found);
    } catch { /* not JSON */ }
  }
  return found;
}

describe('GrafanaAnalytics: release', () => {
  let b: Built;
  beforeAll(() => (b = build()));

  test('the pinned Grafana community chart, atomic, in the platform namespace after the baseline', () => {
    expect(b.release).toMatchObject({
      name: 'acme-grafana',
      namespace: 'acme',
      repository: 'oci://ghcr.io/grafana-community/helm-charts',
      chart: 'grafana',
      version: GRAFANA_CHART.version,
      atomic: true,
      wait: true,
    });
    expect(b.release.depends_on).toEqual(expect.arrayContaining([expect.stringContaining('Platform_DefaultDeny')]));
    expect(b.grafana.engine).toBe(BiEngine.GRAFANA);
    expect(b.grafana.serviceName).toBe('acme-grafana');
    expect(b.grafana.url).toBe('http://acme-grafana.acme.svc:80');
    expect(b.grafana.podLabels).toEqual(GRAFANA_PODS);
  });

  test('Pod Security "restricted": non-root, no escalation, no capabilities, seccomp, read-only root, no root init container', () => {
    expect(b.values.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 472, runAsGroup: 472, fsGroup: 472, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(b.values.containerSecurityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(b.values.containerSecurityContext).toMatchObject(RESTRICTED_CONTAINER_SECURITY_CONTEXT);
    expect(b.values.extraEmptyDirMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(b.values.initChownData).toEqual({ enabled: false });
    expect(b.values.testFramework).toEqual({ enabled: false });
    // No Kubernetes API access.
    expect(b.values.rbac).toEqual({ create: false });
    expect(b.values.automountServiceAccountToken).toBe(false);
    expect(b.values.serviceAccount).toEqual({ create: true, automountServiceAccountToken: false });
    expect(b.values.sidecar).toBeUndefined();
  });

  test('resources, a retained persistent volume of the default size, recreated (not rolled) on update', () => {
    expect(b.values.resources).toEqual({
      requests: { cpu: DEFAULT_GRAFANA_RESOURCES.cpuRequest, memory: DEFAULT_GRAFANA_RESOURCES.memoryRequest },
      limits: { memory: DEFAULT_GRAFANA_RESOURCES.memoryLimit },
    });
    expect(b.values.persistence).toEqual({
      enabled: true, type: 'pvc', size: `${DEFAULT_GRAFANA_STORAGE_SIZE_GIB}Gi`, annotations: { 'helm.sh/resource-policy': 'keep' },
    });
    expect(b.values.deploymentStrategy).toEqual({ type: 'Recreate' });
  });

  test('administrator from the SecretStore (existingSecret), anonymous access and sign-up off, nothing phoned home', () => {
    expect(b.store.generated).toEqual([{ name: 'grafana-admin', username: GRAFANA_ADMIN_USERNAME, description: 'Administrator of Grafana acme-grafana' }]);
    expect(b.values.admin).toEqual({ existingSecret: 'acme-grafana-admin', userKey: 'username', passwordKey: 'password' });
    expect(b.values.adminPassword).toBeUndefined();
    expect(b.values['grafana.ini']).toEqual(GRAFANA_INI);
    expect(b.values['grafana.ini']['auth.anonymous']).toEqual({ enabled: false });
    expect(b.values['grafana.ini'].users.allow_sign_up).toBe(false);
    expect(b.values['grafana.ini'].analytics).toMatchObject({ check_for_updates: false, reporting_enabled: false });
  });

  test('no Ingress, a ClusterIP Service, the chart\'s NetworkPolicy off; no client may connect by default', () => {
    expect(b.values.ingress).toEqual({ enabled: false });
    expect(b.values.service).toEqual({ enabled: true, type: 'ClusterIP', port: 80 });
    expect(b.values.networkPolicy).toEqual({ enabled: false });
    expect(Object.keys(b.policies).sort()).toEqual(['allow-dns', 'default-deny']);
  });

  test('without data sources: no plugins, no password variables, an empty provisioning file', () => {
    expect(b.values.plugins).toEqual([]);
    expect(b.values.envValueFrom).toEqual({});
    expect(b.values.datasources).toEqual({ 'datasources.yaml': { apiVersion: 1, datasources: [] } });
    expect(b.grafana.dataSourceNames).toEqual([]);
  });
});

describe('GrafanaAnalytics: warehouse data source (PostgresWarehouse, default SecretStore)', () => {
  let out: Synthesized;
  let values: any;
  let release: any;
  let policies: Record<string, any>;
  let grafana: GrafanaAnalytics;
  beforeAll(() => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    const sales = new PostgresWarehouse(stack, 'Sales', { backup: WarehouseBackup.none() });
    grafana = new GrafanaAnalytics(stack, 'Grafana', { warehouses: [sales] });
    out = synth(stack);
    release = Object.values<any>(out.resources('helm_release')).find((r) => r.name === 'acme-grafana');
    values = JSON.parse(release.values[0]);
    policies = {};
    for (const p of Object.values<any>(out.resources('kubernetes_network_policy_v1'))) policies[p.metadata.name] = p.spec;
  });

  test('a PostgreSQL data source: host:port, database, read-only user, sslmode require, password from an environment variable', () => {
    expect(values.datasources['datasources.yaml'].datasources).toEqual([{
      name: 'Sales',
      uid: 'sales',
      type: 'grafana-postgresql-datasource',
      access: 'proxy',
      url: 'acme-sales-rw.acme.svc:5432',
      user: GRAFANA_DATABASE_USER,
      editable: false,
      jsonData: { database: 'analytics', sslmode: 'require' },
      secureJsonData: { password: '$__env{DS_SALES_PASSWORD}' },
    }]);
    expect(values.envValueFrom).toEqual({ DS_SALES_PASSWORD: { secretKeyRef: { name: 'acme-sales-grafana-reader', key: 'password' } } });
    expect(grafana.dataSourceNames).toEqual(['Sales']);
    expect(grafana.dataSourceUids).toEqual(['sales']);
  });

  test('the read-only user (a login role in pg_read_all_data), never the owner\'s credential', () => {
    const secrets = Object.values<any>(out.resources('kubernetes_secret_v1'));
    const reader = secrets.find((x) => x.metadata.name === 'acme-sales-grafana-reader');
    expect(reader.type).toBe('kubernetes.io/basic-auth');
    expect(reader.data_wo.username).toBe(GRAFANA_DATABASE_USER);
    const cluster = JSON.stringify(Object.values<any>(out.resources('helm_release')).find((r) => r.name !== 'acme-grafana' && r.values[0].includes('"Cluster"')));
    expect(cluster).toContain(GRAFANA_DATABASE_USER);
    expect(cluster).toContain('pg_read_all_data');
    expect(JSON.stringify(values)).not.toContain('acme-sales-app');
  });

  test('Grafana is installed after the Secrets it reads (administrator and read-only user)', () => {
    expect(release.depends_on).toEqual(expect.arrayContaining([
      expect.stringMatching(/^kubernetes_secret_v1\.DefaultSecretStore_AdminCredential_Secret_/),
      expect.stringMatching(/^kubernetes_secret_v1\.DefaultSecretStore_acme-sales-grafana_reader_Secret_/),
    ]));
  });

  test('no plaintext password anywhere in the synthesized stack', () => {
    const locals: Record<string, string> = out.json.locals ?? {};
    const found = passwordValues(out.json).concat(passwordValues(values));
    expect(found.length).toBeGreaterThan(0);
    for (const value of found) {
      const local = /^\$\{local\.([A-Za-z0-9_-]+)\}$/.exec(value);
      if (local) {
        // A write-only Secret value drawn by Terraform at apply time, never a literal.
        expect(String(locals[local[1]])).toContain('uuid()');
      } else if (value.startsWith('${')) {
        expect(value).toMatch(/^\$\{.*uuid\(\).*\}$/);
      } else {
        expect(value).toMatch(/^(\$__env\{DS_[A-Z0-9_]+_PASSWORD\}|password)$/);
      }
    }
  });

  test('NetworkPolicies from the warehouse: its instances accept Grafana\'s pods, Grafana\'s pods reach its instances', () => {
    const instances = { 'app.kubernetes.io/component': 'database', 'cnpg.io/cluster': 'acme-sales' };
    expect(policies['allow-acme-sales-from-grafana-sales']).toEqual({
      pod_selector: { match_labels: instances },
      policy_types: ['Ingress'],
      egress: [],
      ingress: [{ from: [{ pod_selector: { match_labels: GRAFANA_PODS } }], ports: [{ port: '5432', protocol: 'TCP' }] }],
    });
    expect(policies['allow-grafana-sales-to-acme-sales']).toEqual({
      pod_selector: { match_labels: GRAFANA_PODS },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{ to: [{ pod_selector: { match_labels: instances } }], ports: [{ port: '5432', protocol: 'TCP' }] }],
    });
    // Nothing broader from Grafana itself.
    expect(Object.keys(policies).filter((name) => name.startsWith('allow-grafana-to-'))).toEqual([]);
  });
});

describe('GrafanaAnalytics: lake data source', () => {
  test('a Trino data source on the lake\'s SQL endpoint; the plugin (downloaded at startup) and its HTTPS egress', () => {
    const b = build({ lakes: [] }, {}, (stack, g) => {
      g.addLake('Lake', trinoLake(stack));
      g.addLake('Archive', trinoLake(stack, 'Archive', 'http://archive-trino.archive.svc:8443'));
    });
    expect(b.values.datasources['datasources.yaml'].datasources).toEqual([
      { name: 'Lake', uid: 'lake', type: 'trino-datasource', access: 'proxy', url: TRINO_URL, editable: false, jsonData: {} },
      { name: 'Archive', uid: 'archive', type: 'trino-datasource', access: 'proxy', url: 'http://archive-trino.archive.svc:8443', editable: false, jsonData: {} },
    ]);
    expect(b.values.plugins).toEqual([TRINO_GRAFANA_PLUGIN]);
    expect(b.policies['allow-grafana-to-lake'].egress).toEqual([{ to: [{ pod_selector: { match_labels: {} } }], ports: [{ port: '8080', protocol: 'TCP' }] }]);
    expect(b.policies['allow-grafana-to-archive'].egress[0].to).toEqual([
      { pod_selector: { match_labels: {} }, namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'archive' } } },
    ]);
    expect(b.policies['allow-grafana-plugin-download']).toEqual({
      pod_selector: { match_labels: GRAFANA_PODS },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{ to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] }],
    });
  });

  test('a Trino outside the cluster: its port on any address, with a warning', () => {
    const b = build({}, {}, (stack, g) => g.addLake('External', trinoLake(stack, 'External', 'https://trino.example.com')));
    expect(b.policies['allow-grafana-to-external'].egress).toEqual([{ to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] }]);
    expect(warnings(b.grafana).map((w) => w.message)).toEqual([
      'lake "External" is at "trino.example.com", outside the cluster\'s Services: Grafana may reach port 443 of any address.',
    ]);
  });

  test('a plugin mirror and narrower download ranges; lakes from props', () => {
    const mirror = 'trino-datasource@1.1.1@https://plugins.example.internal/trino-datasource-1.1.1.zip';
    const { stack, store } = k8sStack();
    new GrafanaAnalytics(stack, 'Grafana', { secretStore: store, lakes: [trinoLake(stack)], trinoPlugin: mirror, pluginDownloadCidrs: ['10.8.0.0/24'] });
    const out = synth(stack);
    const release = Object.values<any>(out.resources('helm_release'))[0];
    expect(JSON.parse(release.values[0]).plugins).toEqual([mirror]);
    const download = Object.values<any>(out.resources('kubernetes_network_policy_v1')).find((p) => p.metadata.name === 'allow-grafana-plugin-download');
    expect(download.spec.egress[0].to).toEqual([{ ip_block: { cidr: '10.8.0.0/24' } }]);
  });
});

describe('GrafanaAnalytics: options', () => {
  test('clients may open port 3000', () => {
    const gateway = { podLabels: { 'app.kubernetes.io/name': 'envoy' }, namespaceLabels: { 'kubernetes.io/metadata.name': 'gateway' } };
    const b = build({ clients: [gateway] });
    expect(b.policies['allow-grafana-clients']).toEqual({
      pod_selector: { match_labels: GRAFANA_PODS },
      policy_types: ['Ingress'],
      egress: [],
      ingress: [{
        from: [{ pod_selector: { match_labels: gateway.podLabels }, namespace_selector: { match_labels: gateway.namespaceLabels } }],
        ports: [{ port: String(GRAFANA_PORT), protocol: 'TCP' }],
      }],
    });
  });

  test('dashboards from code: a ConfigMap mounted as a read-only file provider, created before the release', () => {
    const json = JSON.stringify({ title: 'Sales', panels: [] });
    const b = build({ dashboards: [{ name: 'sales', json }, { name: 'orders', json: '{"title":"Orders"}' }] });
    const configMap = b.out.only('kubernetes_config_map_v1');
    expect(configMap.metadata).toMatchObject({ name: 'acme-grafana-dashboards', namespace: 'acme' });
    expect(configMap.data).toEqual({ 'sales.json': json, 'orders.json': '{"title":"Orders"}' });
    expect(b.release.depends_on).toContain(`kubernetes_config_map_v1.${Object.keys(b.out.resources('kubernetes_config_map_v1'))[0]}`);
    expect(b.values.dashboardsConfigMaps).toEqual({ cdktf: 'acme-grafana-dashboards' });
    expect(b.values.dashboardProviders['dashboardproviders.yaml'].providers).toEqual([{
      name: 'cdktf',
      orgId: 1,
      folder: '',
      type: 'file',
      disableDeletion: true,
      allowUiUpdates: false,
      options: { path: '/var/lib/grafana/dashboards/cdktf' },
    }]);
    // The chart's own `dashboards` value would add a curl init container; it is not used.
    expect(b.values.dashboards).toBeUndefined();
  });

  test('no dashboards: no ConfigMap and no provider', () => {
    const b = build();
    expect(b.out.resources('kubernetes_config_map_v1')).toEqual({});
    expect(b.values.dashboardProviders).toBeUndefined();
  });

  test('resources, storage size and class, admin name, database user, another id', () => {
    const { stack, store } = k8sStack({ storageClassName: 'fast-ssd' });
    const sales = new PostgresWarehouse(stack, 'Sales', { backup: WarehouseBackup.none() });
    const g = new GrafanaAnalytics(stack, 'Dashboards', {
      secretStore: store,
      resources: { cpuRequest: '1', memoryRequest: '1Gi', memoryLimit: '2Gi', cpuLimit: '2' },
      storageSizeGiB: 50,
      adminUsername: 'root',
      databaseUser: 'bi_reader',
      warehouses: [sales],
    });
    const out = synth(stack);
    const release = Object.values<any>(out.resources('helm_release')).find((r) => r.chart === 'grafana');
    const values = JSON.parse(release.values[0]);
    expect(release.name).toBe('acme-dashboards');
    expect(g.serviceName).toBe('acme-dashboards-grafana');
    expect(g.podLabels).toEqual({ 'app.kubernetes.io/name': 'grafana', 'app.kubernetes.io/instance': 'acme-dashboards' });
    expect(values.resources).toEqual({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } });
    expect(values.persistence).toMatchObject({ size: '50Gi', storageClassName: 'fast-ssd' });
    expect(store.generated[0]).toMatchObject({ name: 'dashboards-admin', username: 'root' });
    const reader = Object.values<any>(out.resources('kubernetes_secret_v1')).find((x) => x.data_wo.username === 'bi_reader');
    expect(values.envValueFrom.DS_SALES_PASSWORD.secretKeyRef.name).toBe(reader.metadata.name);
    expect(values.datasources['datasources.yaml'].datasources[0].user).toBe('bi_reader');
  });

  test('removal policy DESTROY (with the platform\'s second opt-in) lets the volume go', () => {
    expect(build({ removalPolicy: RemovalPolicy.DESTROY }, { allowDataDestruction: true }).values.persistence.annotations).toEqual({});
    const refused = build({ removalPolicy: RemovalPolicy.DESTROY });
    expect(refused.values.persistence.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(warnings(refused.grafana).map((w) => w.message)).toEqual([
      'removalPolicy DESTROY ignored: the platform does not set allowDataDestruction: true (the second opt-in), so the data is retained.',
    ]);
  });

  test('the stack\'s default SecretStore when none is given: a basic-auth Secret whose password never enters the values', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    const g = new GrafanaAnalytics(stack, 'Grafana');
    const out = synth(stack);
    const secret = out.only('kubernetes_secret_v1');
    expect(secret.metadata).toMatchObject({ name: 'acme-grafana-admin', namespace: 'acme' });
    expect(secret.type).toBe('kubernetes.io/basic-auth');
    expect(g.adminCredential.kubernetesSecretName).toBe('acme-grafana-admin');
    expect(g.adminCredential.node.path).toBe(`test/${DEFAULT_SECRET_STORE_ID}/AdminCredential`);
    const values = JSON.parse(out.only('helm_release').values[0]);
    expect(values.admin).toEqual({ existingSecret: 'acme-grafana-admin', userKey: 'username', passwordKey: 'password' });
    expect(passwordValues(values)).toEqual(['password']);
  });
});

/** A lake that exposes no SQL endpoint. */
class PlainLake extends Construct implements IDataLake {
  public readonly zoneNames = ['raw'];
  public readonly tableFormat = TableFormat.ICEBERG;
  public zoneLocation(): string { return 's3://acme-raw/'; }
  public databaseName(): string { return 'raw'; }
  public grantRead(_identity: IIdentity, _zone: string): void { /* no-op */ }
  public grantWrite(_identity: IIdentity, _zone: string): void { /* no-op */ }
  public destination(): IStreamDestination { throw new Error('not used'); }
}

describe('GrafanaAnalytics: validation', () => {
  const attempt = (f: (stack: TerraformStack, store: FixtureSecretStore) => void) => () => {
    const { stack, store } = k8sStack();
    f(stack, store);
  };

  test('an Amazon Redshift warehouse', () => {
    expect(attempt((s, store) => new GrafanaAnalytics(s, 'Grafana', { secretStore: store, warehouses: [redshiftFixture(s)] }))).toThrow(
      'test/Grafana: invalid engine of warehouse "Sales": received "redshift-serverless"; Grafana on Kubernetes reads PostgreSQL warehouses (WarehouseEngine.POSTGRESQL); read Amazon Redshift with QuickSightAnalytics.',
    );
  });

  test('a lake without a Trino endpoint', () => {
    expect(attempt((s, store) => new GrafanaAnalytics(s, 'Grafana', { secretStore: store, lakes: [new PlainLake(s, 'Plain')] }))).toThrow(
      'test/Grafana: invalid lake "Plain": received "test/Plain"; Grafana reads lakes through Trino: use a KubernetesDataLake (or KubernetesDataLake.fromLakeAttributes), whose sqlEndpoint is the http(s) URL of its Trino.',
    );
    expect(attempt((s, store) => new GrafanaAnalytics(s, 'Grafana', { secretStore: store, lakes: [trinoLake(s, 'Lake', 'athena.eu-west-1.amazonaws.com:443')] }))).toThrow(
      'test/Grafana: invalid lake "Lake": received "test/Lake"; Grafana reads lakes through Trino',
    );
  });

  test('duplicate ids and a warehouse added twice', () => {
    expect(attempt((s, store) => {
      const g = new GrafanaAnalytics(s, 'Grafana', { secretStore: store, warehouses: [new PostgresWarehouse(s, 'Sales', { backup: WarehouseBackup.none() })] });
      g.addLake('Sales', trinoLake(s));
    })).toThrow('test/Grafana: invalid id: received "Sales"; data source "Sales" already uses it; give each data source its own id (ids that are equal in kebab case clash too).');
    expect(attempt((s, store) => {
      const sales = new PostgresWarehouse(s, 'Sales', { backup: WarehouseBackup.none() });
      const g = new GrafanaAnalytics(s, 'Grafana', { secretStore: store, warehouses: [sales] });
      g.addWarehouse('Again', sales);
    })).toThrow('test/Grafana: invalid warehouse: received "test/Sales"; it is already the data source "Sales"; add each warehouse once.');
  });

  test('credentials that are not Kubernetes Secrets', () => {
    expect(attempt((s) => new GrafanaAnalytics(s, 'Grafana', { secretStore: new FixtureSecretStore(s, 'Aws', SecretStoreBackend.SECRETS_MANAGER) }))).toThrow(
      'test/Grafana: the administrator credential (test/Aws/AdminCredential) has no Kubernetes Secret (backend "secrets-manager"); Grafana reads passwords from Secrets in the namespace: use a SecretStore with the KUBERNETES or VAULT backend.',
    );
    expect(attempt((s, store) => new GrafanaAnalytics(s, 'Grafana', {
      secretStore: store,
      warehouses: [new FixtureWarehouse(s, 'Odd', { engine: 'postgresql' as any, endpoint: 'odd', port: 5432, backend: SecretStoreBackend.SECRETS_MANAGER })],
    }))).toThrow(
      'test/Grafana: the read-only credential of warehouse "Odd" (test/Odd/ReadOnly-Grafana-Odd) has no Kubernetes Secret (backend "secrets-manager"); Grafana reads passwords from Secrets in the namespace: use a SecretStore with the KUBERNETES or VAULT backend.',
    );
  });

  test('dashboards', () => {
    expect(attempt((s, store) => new GrafanaAnalytics(s, 'Grafana', { secretStore: store, dashboards: [{ name: 'Sales Board', json: '{}' }] }))).toThrow(
      'test/Grafana: invalid dashboards[0].name: received "Sales Board"; use 1 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
    );
    expect(attempt((s, store) => new GrafanaAnalytics(s, 'Grafana', { secretStore: store, dashboards: [{ name: 'a', json: '{}' }, { name: 'a', json: '{}' }] }))).toThrow(
      'test/Grafana: invalid dashboards[1].name: received "a"; give each dashboard its own name.',
    );
    expect(attempt((s, store) => new GrafanaAnalytics(s, 'Grafana', { secretStore: store, dashboards: [{ name: 'a', json: '[1, 2]' }] }))).toThrow(
      'test/Grafana: invalid dashboards[0].json: received "[1, 2]..."; use the JSON model of a dashboard (a JSON object, as Grafana exports it).',
    );
  });

  test('resources, storage, plugin, download ranges, user names', () => {
    const g = (props: Partial<GrafanaAnalyticsProps>) => attempt((s, store) => new GrafanaAnalytics(s, 'Grafana', { secretStore: store, ...props }));
    expect(g({ resources: { ...DEFAULT_GRAFANA_RESOURCES, memoryLimit: '1 GB' } })).toThrow(
      'test/Grafana: invalid resources.memoryLimit: received "1 GB"; use a Kubernetes quantity such as "500m" or "512Mi".',
    );
    expect(g({ storageSizeGiB: 0 })).toThrow('test/Grafana: invalid storageSizeGiB: received 0; must be an integer from 1 to 1024.');
    expect(g({ trinoPlugin: 'trino-datasource' })).toThrow(
      'test/Grafana: invalid trinoPlugin: received "trino-datasource"; use "trino-datasource@<version>" or "trino-datasource@<version>@<https url of the zip>".',
    );
    expect(g({ pluginDownloadCidrs: [] })).toThrow(
      'test/Grafana: invalid pluginDownloadCidrs: received []; give at least one IPv4 CIDR block (an empty list would allow every address).',
    );
    expect(g({ pluginDownloadCidrs: ['grafana.com'] })).toThrow(
      'test/Grafana: invalid pluginDownloadCidrs[0]: received "grafana.com"; use an IPv4 CIDR block such as "203.0.113.0/24".',
    );
    expect(g({ databaseUser: 'Grafana' })).toThrow(
      'test/Grafana: invalid databaseUser: received "Grafana"; use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore.',
    );
    expect(g({ adminUsername: 'the admin' })).toThrow('test/Grafana: invalid adminUsername: received "the admin"; use 1 to 64 letters, digits and "._@-".');
  });

  test('an AWS stack', () => {
    const stack = newStack();
    const platform = new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    expect(() => new GrafanaAnalytics(stack, 'Grafana')).toThrow(
      `test/Grafana: this construct deploys to Kubernetes but the stack's platform (${platform.node.path}) is aws.`,
    );
  });
});
