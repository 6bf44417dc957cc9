import { API_EGRESS, inspect, platformStack, SECRETS_MANAGER_STORE, tcp } from './source-fixture';
import { RemovalPolicy } from '../../../../../src';
import { SourceEngine } from '../../../../../src/cdc';
import {
  CaCertificateKind, DEFAULT_MONGO_ADMIN_USER, DEFAULT_MONGO_AGENT_RESOURCES, DEFAULT_MONGO_CDC_USER, DEFAULT_MONGO_DATABASE,
  DEFAULT_MONGO_LOGS_STORAGE_SIZE_GIB, DEFAULT_MONGO_MEMBERS, DEFAULT_MONGO_OPLOG_MIN_RETENTION_HOURS, DEFAULT_MONGO_RESOURCES,
  DEFAULT_MONGO_STORAGE_SIZE_GIB, MONGO_TLS_DISABLED_WARNING, MongoSourceDatabase, MongoSourceDatabaseProps, MongoTls,
} from '../../../../../src/cdc/k8s/source';
import { MONGODB_KUBERNETES_CHART, MONGODB_VERSION } from '../../../../../src/platform/k8s/source-versions';
import { warnings } from '../../../../support/annotations';

const TLS = MongoTls.fromSecrets({ caConfigMapName: 'catalog-ca', certificateKeySecretName: 'catalog-tls' });
const MEMBERS = { app: 'acme-catalog-svc' };
const MONGO_OPERATOR = { 'app.kubernetes.io/name': 'mongodb-kubernetes-operator' };
const RESTRICTED_CONTAINER = {
  runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
};

function source(props: Partial<MongoSourceDatabaseProps> = {}, platform = {}) {
  const stack = platformStack(platform);
  const db = new MongoSourceDatabase(stack, 'Catalog', { tls: TLS, ...props });
  return { stack, db };
}

describe('MongoSourceDatabase: the operator', () => {
  test('mongodb-kubernetes, pinned, watching MongoDBCommunity in its namespace only, telemetry off, restricted; once per stack', () => {
    const stack = platformStack();
    new MongoSourceDatabase(stack, 'Catalog', { tls: TLS });
    new MongoSourceDatabase(stack, 'Reviews', { tls: TLS });
    const { releases, values, policy } = inspect(stack);
    const operators = releases.filter((r) => r.chart === MONGODB_KUBERNETES_CHART.chart);
    expect(operators).toHaveLength(1);
    expect(operators[0]).toMatchObject({
      name: 'acme-mongodb-operator', namespace: 'acme', repository: 'https://mongodb.github.io/helm-charts', version: '1.10.0', atomic: true, wait: true,
    });
    expect(MONGODB_KUBERNETES_CHART).toEqual({ repository: 'https://mongodb.github.io/helm-charts', chart: 'mongodb-kubernetes', version: '1.10.0' });
    expect(values('acme-mongodb-operator')).toEqual({
      operator: {
        watchedResources: ['mongodbcommunity'],
        enableClusterMongoDBRoles: false,
        telemetry: { enabled: false },
        resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
        podSecurityContext: { runAsNonRoot: true, runAsUser: 2000, seccompProfile: { type: 'RuntimeDefault' } },
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
      },
    });
    expect(policy('allow-mongodb-operator').spec).toEqual({
      pod_selector: { match_labels: MONGO_OPERATOR },
      policy_types: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: tcp(1993) }],
      egress: [API_EGRESS],
    });
  });
});

describe('MongoSourceDatabase: the MongoDBCommunity replica set', () => {
  test('defaults: 3 members, pinned version, SCRAM, TLS required with the given CA and certificate, oplog retention, kept on removal', () => {
    const { stack, db } = source();
    const { ofKind, release } = inspect(stack);
    const [rs] = ofKind('MongoDBCommunity');
    expect(rs.apiVersion).toBe('mongodbcommunity.mongodb.com/v1');
    expect(rs.metadata).toMatchObject({ name: 'acme-catalog', namespace: 'acme', annotations: { 'helm.sh/resource-policy': 'keep' } });
    expect(rs.spec.type).toBe('ReplicaSet');
    expect(rs.spec.members).toBe(DEFAULT_MONGO_MEMBERS);
    expect(DEFAULT_MONGO_MEMBERS).toBe(3);
    expect(rs.spec.version).toBe(MONGODB_VERSION);
    expect(MONGODB_VERSION).toBe('8.0.12');
    expect(rs.spec.featureCompatibilityVersion).toBe('8.0');
    expect(rs.spec.security).toEqual({
      authentication: { modes: ['SCRAM'] },
      tls: { enabled: true, optional: false, caConfigMapRef: { name: 'catalog-ca' }, certificateKeySecretRef: { name: 'catalog-tls' } },
    });
    expect(rs.spec.additionalMongodConfig).toEqual({ storage: { oplogMinRetentionHours: DEFAULT_MONGO_OPLOG_MIN_RETENTION_HOURS } });
    expect(DEFAULT_MONGO_OPLOG_MIN_RETENTION_HOURS).toBe(24);
    expect(release('acme-catalog-db').depends_on).toEqual(expect.arrayContaining([expect.stringContaining('MongoDbOperator_Chart_Release')]));
    expect(db.engine).toBe(SourceEngine.MONGODB);
    expect(db.host).toBe('acme-catalog-svc.acme.svc.cluster.local');
    expect(db.port).toBe(27017);
    expect(db.databaseName).toBe(DEFAULT_MONGO_DATABASE);
    expect(db.tlsRequired).toBe(true);
    expect(db.caCertificate).toEqual({ kind: CaCertificateKind.CONFIG_MAP, name: 'catalog-ca', key: 'ca.crt' });
    expect(db.podLabels).toEqual(MEMBERS);
    expect(db.replicaSetName).toBe('acme-catalog');
    expect(db.memberHosts).toEqual([0, 1, 2].map((i) => `acme-catalog-${i}.acme-catalog-svc.acme.svc.cluster.local:27017`));
    expect(db.connectionString).toBe(`mongodb://${db.memberHosts.join(',')}/?replicaSet=acme-catalog&tls=true&authSource=admin`);
    expect(warnings(db)).toEqual([]);
  });

  test('users: an administrator and the CDC user (read on the database), passwords from SecretStore Secrets by their "password" key', () => {
    const { stack, db } = source();
    const { ofKind, secrets } = inspect(stack);
    expect(ofKind('MongoDBCommunity')[0].spec.users).toEqual([
      {
        name: DEFAULT_MONGO_ADMIN_USER,
        db: 'admin',
        passwordSecretRef: { name: 'acme-catalog-admin', key: 'password' },
        roles: [{ name: 'clusterAdmin', db: 'admin' }, { name: 'userAdminAnyDatabase', db: 'admin' }, { name: 'readWriteAnyDatabase', db: 'admin' }],
        scramCredentialsSecretName: 'acme-catalog-mongo-admin',
        connectionStringSecretName: 'acme-catalog-mongo-admin-connection',
      },
      {
        name: DEFAULT_MONGO_CDC_USER,
        db: 'admin',
        passwordSecretRef: { name: 'acme-catalog-cdc', key: 'password' },
        roles: [{ name: 'read', db: 'app' }],
        scramCredentialsSecretName: 'acme-catalog-cdc',
        connectionStringSecretName: 'acme-catalog-cdc-connection',
      },
    ]);
    expect(db.cdcCredential).toMatchObject({ credentialName: 'acme-catalog-cdc', username: 'cdc', kubernetesSecretName: 'acme-catalog-cdc' });
    expect(db.adminCredential).toMatchObject({ credentialName: 'acme-catalog-admin', username: 'mongo_admin' });
    expect(db.cdcConnectionStringSecretName).toBe('acme-catalog-cdc-connection');
    for (const name of ['acme-catalog-admin', 'acme-catalog-cdc']) {
      const secret = secrets.find((s) => s.metadata.name === name);
      expect(secret.type).toBe('kubernetes.io/basic-auth');
      expect(Object.keys(secret.data_wo).sort()).toEqual(['password', 'username']);
      expect(secret.data).toBeUndefined();
    }
  });

  test('StatefulSet overrides: data and log volumes, resources per container, restricted pod and container security contexts', () => {
    const { stack } = source();
    const sts = inspect(stack).ofKind('MongoDBCommunity')[0].spec.statefulSet;
    expect(sts.spec.volumeClaimTemplates).toEqual([
      { metadata: { name: 'data-volume' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${DEFAULT_MONGO_STORAGE_SIZE_GIB}Gi` } } } },
      { metadata: { name: 'logs-volume' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${DEFAULT_MONGO_LOGS_STORAGE_SIZE_GIB}Gi` } } } },
    ]);
    const pod = sts.spec.template.spec;
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 2000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers).toEqual([
      {
        name: 'mongod',
        resources: {
          requests: { cpu: DEFAULT_MONGO_RESOURCES.cpuRequest, memory: DEFAULT_MONGO_RESOURCES.memoryRequest },
          limits: { memory: DEFAULT_MONGO_RESOURCES.memoryLimit },
        },
        securityContext: RESTRICTED_CONTAINER,
      },
      {
        name: 'mongodb-agent',
        resources: {
          requests: { cpu: DEFAULT_MONGO_AGENT_RESOURCES.cpuRequest, memory: DEFAULT_MONGO_AGENT_RESOURCES.memoryRequest },
          limits: { memory: DEFAULT_MONGO_AGENT_RESOURCES.memoryLimit },
        },
        securityContext: RESTRICTED_CONTAINER,
      },
    ]);
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['mongod-posthook', 'mongodb-agent-readinessprobe']);
    pod.initContainers.forEach((c: any) => expect(c.securityContext).toEqual(RESTRICTED_CONTAINER));
    expect(sts.spec.template.metadata.labels).toMatchObject({ 'app.kubernetes.io/component': 'cdc-source' });
  });

  test('options: name, members, version, database, users, oplog, storage, class (prop over platform), resources', () => {
    const { stack, db } = source({
      name: 'products',
      members: 5,
      version: '7.0.21',
      databaseName: 'shop',
      adminUsername: 'ops',
      cdcUsername: 'debezium',
      oplogMinRetentionHours: 72,
      storageSizeGiB: 100,
      logsStorageSizeGiB: 5,
      storageClassName: 'fast-ssd',
      resources: { cpuRequest: '2', memoryRequest: '8Gi', memoryLimit: '8Gi' },
      agentResources: { cpuRequest: '200m', memoryRequest: '512Mi', memoryLimit: '1Gi' },
    }, { storageClassName: 'standard' });
    const [rs] = inspect(stack).ofKind('MongoDBCommunity');
    expect(rs.metadata.name).toBe('acme-products');
    expect(rs.spec).toMatchObject({ members: 5, version: '7.0.21', featureCompatibilityVersion: '7.0', additionalMongodConfig: { storage: { oplogMinRetentionHours: 72 } } });
    expect(rs.spec.users.map((u: any) => [u.name, u.roles])).toEqual([
      ['ops', [{ name: 'clusterAdmin', db: 'admin' }, { name: 'userAdminAnyDatabase', db: 'admin' }, { name: 'readWriteAnyDatabase', db: 'admin' }]],
      ['debezium', [{ name: 'read', db: 'shop' }]],
    ]);
    const claims = rs.spec.statefulSet.spec.volumeClaimTemplates;
    expect(claims.map((v: any) => [v.metadata.name, v.spec.resources.requests.storage, v.spec.storageClassName])).toEqual([
      ['data-volume', '100Gi', 'fast-ssd'], ['logs-volume', '5Gi', 'fast-ssd'],
    ]);
    expect(rs.spec.statefulSet.spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi' } });
    expect(db.memberHosts).toHaveLength(5);
    expect(db.cdcConnectionStringSecretName).toBe('acme-products-debezium-connection');
    const { stack: platformClass } = source({}, { storageClassName: 'standard' });
    expect(inspect(platformClass).ofKind('MongoDBCommunity')[0].spec.statefulSet.spec.volumeClaimTemplates[0].spec.storageClassName).toBe('standard');
  });

  test('MongoTls.disabled(): TLS off, not required, no CA, and a warning', () => {
    const { stack, db } = source({ tls: MongoTls.disabled() });
    expect(inspect(stack).ofKind('MongoDBCommunity')[0].spec.security.tls).toEqual({ enabled: false });
    expect(db.tlsRequired).toBe(false);
    expect(db.caCertificate).toBeUndefined();
    expect(db.connectionString).toContain('&tls=false&');
    expect(warnings(db)).toEqual([{ path: 'test/Catalog', message: MONGO_TLS_DISABLED_WARNING }]);
    expect(MONGO_TLS_DISABLED_WARNING).toBe(
      'TLS is disabled (MongoTls.disabled()): clients, CDC included, and replica set members talk in plain text. Use MongoTls.fromSecrets({...}) outside development.',
    );
  });

  test('removal: DESTROY with allowDataDestruction drops the keep annotation', () => {
    const { stack, db } = source({ removalPolicy: RemovalPolicy.DESTROY }, { allowDataDestruction: true });
    expect(db.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(inspect(stack).ofKind('MongoDBCommunity')[0].metadata.annotations).toBeUndefined();
  });
});

describe('MongoSourceDatabase NetworkPolicies', () => {
  test('members <-> members on 27017, members -> Kubernetes API; clients on 27017 with allowConnectionsFrom', () => {
    const { stack, db } = source();
    db.allowConnectionsFrom('DebeziumConnect', { podLabels: { 'strimzi.io/cluster': 'cdc' } });
    const { policy } = inspect(stack);
    expect(policy('allow-acme-catalog-members').spec).toEqual({
      pod_selector: { match_labels: MEMBERS },
      policy_types: ['Ingress', 'Egress'],
      ingress: [{ from: [{ pod_selector: { match_labels: MEMBERS } }], ports: tcp(27017) }],
      egress: [{ to: [{ pod_selector: { match_labels: MEMBERS } }], ports: tcp(27017) }, API_EGRESS],
    });
    expect(policy('allow-acme-catalog-from-debezium-connect').spec).toEqual({
      pod_selector: { match_labels: MEMBERS },
      policy_types: ['Ingress'],
      ingress: [{ from: [{ pod_selector: { match_labels: { 'strimzi.io/cluster': 'cdc' } } }], ports: tcp(27017) }],
      egress: [],
    });
    expect(policy('allow-debezium-connect-to-acme-catalog').spec).toEqual({
      pod_selector: { match_labels: { 'strimzi.io/cluster': 'cdc' } },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{ to: [{ pod_selector: { match_labels: MEMBERS } }], ports: tcp(27017) }],
    });
    expect(() => db.allowConnectionsFrom('All', { podLabels: {} })).toThrow(
      'test/Catalog: invalid peer.podLabels: received {}; give the labels of the client pods (an empty selector would open the database to every pod of the namespace).',
    );
  });
});

describe('MongoSourceDatabase validation', () => {
  const members = 'use 1, 3, 5, 7 (an odd number of voting members; an even one adds no fault tolerance, and at most 7 members vote)';
  const version = 'use a MongoDB Community Server release 7.0 or later as major.minor.patch, such as "8.0.12"';
  const cases: Array<[string, Partial<MongoSourceDatabaseProps>, string]> = [
    ['members even', { members: 2 }, `test/Catalog: invalid members: received 2; ${members}.`],
    ['members zero', { members: 0 }, `test/Catalog: invalid members: received 0; ${members}.`],
    ['members 9', { members: 9 }, `test/Catalog: invalid members: received 9; ${members}.`],
    ['version old', { version: '6.0.5' }, `test/Catalog: invalid version: received "6.0.5"; ${version}.`],
    ['version tag', { version: 'latest' }, `test/Catalog: invalid version: received "latest"; ${version}.`],
    ['version enterprise', { version: '8.0.12-ent' }, `test/Catalog: invalid version: received "8.0.12-ent"; ${version}.`],
    ['no TLS choice', { tls: undefined as any },
      'test/Catalog: invalid tls: received undefined; choose MongoTls.fromSecrets({ caConfigMapName, certificateKeySecretName }) or, explicitly, MongoTls.disabled().'],
    ['TLS CA name', { tls: MongoTls.fromSecrets({ caConfigMapName: 'Catalog_CA', certificateKeySecretName: 'catalog-tls' }) },
      'test/Catalog: invalid tls.caConfigMapName: received "Catalog_CA"; Kubernetes object names have 1 to 253 characters of lowercase letters, digits, "-" and ".", '
      + 'starting and ending with a letter or digit; this one has 10.'],
    ['TLS certificate name', { tls: MongoTls.fromSecrets({ caConfigMapName: 'catalog-ca', certificateKeySecretName: '' }) },
      'test/Catalog: invalid tls.certificateKeySecretName: received ""; Kubernetes object names have 1 to 253 characters'],
    ['storage', { storageSizeGiB: 0 }, 'test/Catalog: invalid storageSizeGiB: received 0; must be an integer from 1 to 65536.'],
    ['logs', { logsStorageSizeGiB: 2000 }, 'test/Catalog: invalid logsStorageSizeGiB: received 2000; must be an integer from 1 to 1024.'],
    ['oplog', { oplogMinRetentionHours: 0 }, 'test/Catalog: invalid oplogMinRetentionHours: received 0; must be an integer from 1 to 720.'],
    ['database', { databaseName: 'local' },
      'test/Catalog: invalid databaseName: received "local"; use 1 to 63 letters, digits, "_" and "-", not one of MongoDB\'s own databases (admin, local, config).'],
    ['CDC user = admin user', { cdcUsername: 'mongo_admin' },
      'test/Catalog: invalid cdcUsername: received "mongo_admin"; taken (root, admin, mms-automation, __system, mongo_admin are reserved or already used by this database); choose another name.'],
    ['user name', { adminUsername: 'Ops-Team' },
      'test/Catalog: invalid adminUsername: received "Ops-Team"; use 1 to 32 lowercase letters, digits and "_", starting with a letter or "_".'],
    ['resources', { agentResources: { cpuRequest: '1', memoryRequest: 'much', memoryLimit: '1Gi' } },
      'test/Catalog: invalid agentResources.memoryRequest: received "much"; use a Kubernetes quantity such as "500m" or "512Mi".'],
    ['store', { secretStore: SECRETS_MANAGER_STORE }, 'test/Catalog: invalid secretStore: received "secrets-manager";'],
  ];
  test.each(cases)('%s', (_what, props, message) => {
    expect(() => source(props)).toThrow(message);
  });
});
