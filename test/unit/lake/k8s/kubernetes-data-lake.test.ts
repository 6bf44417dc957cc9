import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yaml from 'yaml';
import { AwsPlatform, Identity, KubernetesPlatform, KubernetesPlatformProps, RemovalPolicy } from '../../../../src';
import { TableFormat } from '../../../../src/lake';
import {
  DEFAULT_LAKE_OPERATOR_RESOURCES, DEFAULT_METASTORE_DATABASE_INSTANCES, DEFAULT_METASTORE_DATABASE_RESOURCES, DEFAULT_OBJECT_STORE_SIZE_GIB,
  DEFAULT_TRINO_WORKERS, KubernetesDataLake, KubernetesDataLakeProps, ObjectStoreKind,
} from '../../../../src/lake/k8s';
import {
  CloudNativePgOperator, cloudnativePgOperatorValues, DEFAULT_CLOUDNATIVE_PG_OPERATOR_RESOURCES,
} from '../../../../src/platform/k8s/cloudnative-pg-operator';
import {
  CLOUDNATIVE_PG_CHART, HIVE_VERSION, KUBECTL_IMAGE, SEAWEEDFS_CHART, SEAWEEDFS_IMAGE, SPARK_OPERATOR_CHART, STACKABLE_HIVE_CHART, TRINO_CHART,
} from '../../../../src/platform/k8s/lake-versions';
import { synthesizedCustomResources } from '../../../support/schemas';
import { newStack, synth } from '../../../support/synth';

/** The SeaweedFS identities config the Job's script renders (key placeholders left as %s). */
function identitiesConfig(script: string): any {
  const match = /CONFIG="\$\(printf '([^']*)'/.exec(script);
  return JSON.parse(match![1]);
}

function lakeStack(props: KubernetesDataLakeProps = {}, platform: Partial<KubernetesPlatformProps> = {}) {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', ...platform });
  const lake = new KubernetesDataLake(stack, 'Lake', props);
  const out = synth(stack);
  const releases = Object.values<any>(out.resources('helm_release'));
  const release = (name: string) => releases.find((r) => r.name === name);
  const values = (name: string) => JSON.parse(release(name).values[0]);
  const resources = synthesizedCustomResources(out.json);
  const ofKind = (kind: string) => resources.filter((r) => r.kind === kind);
  const policies = Object.values<any>(out.resources('kubernetes_network_policy_v1'));
  return { stack, lake, out, releases, release, values, resources, ofKind, policies };
}

describe('KubernetesDataLake', () => {
  test('pinned releases: operators, object store, metastore, Trino, Spark; CSI operators in their own namespace', () => {
    const { releases, release } = lakeStack();
    expect(releases.map((r) => `${r.namespace}/${r.name}@${r.version ?? 'local'}`).sort()).toEqual([
      'acme-stackable-csi/acme-listener-operator@26.7.0',
      'acme-stackable-csi/acme-secret-operator@26.7.0',
      'acme/acme-cnpg@0.29.0',
      'acme/acme-commons-operator@26.7.0',
      'acme/acme-hive-operator@26.7.0',
      'acme/acme-lake-credentials@local',
      'acme/acme-lake-metastore@local',
      'acme/acme-seaweedfs@4.44.0',
      'acme/acme-spark-operator@2.5.2',
      'acme/acme-trino@1.42.2',
    ]);
    expect(release('acme-seaweedfs')).toMatchObject({ repository: SEAWEEDFS_CHART.repository, chart: 'seaweedfs', atomic: true, wait: true });
    expect(release('acme-cnpg').repository).toBe(CLOUDNATIVE_PG_CHART.repository);
    expect(release('acme-hive-operator')).toMatchObject({ repository: 'oci://oci.stackable.tech/sdp-charts', chart: 'hive-operator', version: STACKABLE_HIVE_CHART.version });
    expect(release('acme-trino')).toMatchObject({ repository: TRINO_CHART.repository, chart: 'trino' });
    expect(release('acme-spark-operator').repository).toBe(SPARK_OPERATOR_CHART.repository);
    expect(release('acme-secret-operator')).toMatchObject({ create_namespace: true, namespace: 'acme-stackable-csi' });
    // The metastore resources come after both the (shared) CloudNativePG and the Stackable operators.
    expect(release('acme-lake-metastore').depends_on).toEqual(expect.arrayContaining([
      expect.stringContaining('CloudNativePgOperator_Chart_Release'), expect.stringContaining('StackableHiveOperator'), expect.stringContaining('StackableSecretOperator'),
    ]));
  });

  test('CloudNativePG: the stack\'s shared operator (same Helm release and values), its state moved from the lake\'s former address', () => {
    const { stack, out, releases, values } = lakeStack();
    const cnpg = releases.filter((r) => r.chart === 'cloudnative-pg');
    expect(cnpg).toHaveLength(1);
    expect(cnpg[0]).toMatchObject({ name: 'acme-cnpg', namespace: 'acme', version: CLOUDNATIVE_PG_CHART.version });
    expect(values('acme-cnpg')).toEqual(cloudnativePgOperatorValues(DEFAULT_CLOUDNATIVE_PG_OPERATOR_RESOURCES));
    expect(DEFAULT_CLOUDNATIVE_PG_OPERATOR_RESOURCES).toEqual(DEFAULT_LAKE_OPERATOR_RESOURCES);
    const address = Object.keys(out.resources('helm_release')).find((id) => out.resources('helm_release')[id].chart === 'cloudnative-pg');
    expect(address).toMatch(/^CloudNativePgOperator_Chart_Release_/);
    expect(CloudNativePgOperator.of(stack).release.friendlyUniqueId).toBe(address);
    // Lakes synthesized before the operator was shared kept it at <lake>/CloudNativePG/Release.
    expect(out.json.moved).toEqual([{ from: 'helm_release.Lake_CloudNativePG_Release_F7EC9335', to: `helm_release.${address}` }]);
  });

  test('SeaweedFS: S3 gateway with auth from the generated Secret, buckets per zone, PVCs, restricted pods', () => {
    const { values } = lakeStack({}, { storageClassName: 'fast-ssd' });
    const v = values('acme-seaweedfs');
    expect(v.s3).toMatchObject({
      enabled: true,
      enableAuth: true,
      existingConfigSecret: 'acme-lake-s3-config',
      createBuckets: [{ name: 'acme-raw', anonymousRead: false }, { name: 'acme-curated', anonymousRead: false }, { name: 'acme-analytics', anonymousRead: false }],
      logs: { type: 'emptyDir' },
    });
    expect(v.volume.dataDirs).toEqual([{ name: 'data1', type: 'persistentVolumeClaim', size: `${DEFAULT_OBJECT_STORE_SIZE_GIB}Gi`, storageClass: 'fast-ssd', maxVolumes: 0 }]);
    expect(v.volume.resizeHook).toEqual({ enabled: false });
    expect(v.master.data).toEqual({ type: 'persistentVolumeClaim', size: '1Gi', storageClass: 'fast-ssd' });
    for (const component of ['master', 'filer', 'volume', 's3']) {
      expect(v[component].podSecurityContext).toMatchObject({ enabled: true, runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
      expect(v[component].containerSecurityContext).toMatchObject({ enabled: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
      expect(v[component].resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } });
    }
    expect(v.networkPolicy).toEqual({ enabled: true, egress: { enabled: true, allowDNS: true, kubeApiServer: { enabled: false } } });
    // The identities config comes only from the generated Secret: no keys or key Secrets in Helm values.
    expect(v.s3.credentials).toBeUndefined();
  });

  test('S3 keys are generated in the cluster by a pre-install Job: no key material in the synthesized stack', () => {
    const { out, values } = lakeStack();
    const objects = JSON.parse(lakeStack().release('acme-lake-credentials').values[0]).resources;
    expect(objects.map((o: any) => o.kind)).toEqual(['ServiceAccount', 'Role', 'RoleBinding', 'Job']);
    const job = objects[3];
    expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install');
    expect(job.spec.template.spec.initContainers[0].image).toBe(SEAWEEDFS_IMAGE);
    expect(job.spec.template.spec.containers[0]).toMatchObject({ image: KUBECTL_IMAGE, args: ['create', '--namespace', 'acme', '-f', '/work/secret.yaml'] });
    const script = job.spec.template.spec.initContainers[0].command[2];
    expect(script).toContain('secrets.stackable.tech/class');
    // Without grants: the admin key pair only, its Secret, and the identities config Secret.
    expect(identitiesConfig(script)).toEqual({
      identities: [{ name: 'lake_admin', credentials: [{ accessKey: '%s', secretKey: '%s' }], actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'] }],
    });
    expect(script).toContain("'acme-lake-s3-config' \"$CONFIG\"");
    expect(script).not.toContain('AK1=');
    expect(objects[1].rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['create'] }]);
    expect(JSON.stringify(out.json)).not.toMatch(/secretKey: [A-Za-z0-9]{40}/);
    expect(values('acme-trino').env).toEqual([
      { name: 'LAKE_S3_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'acme-lake-s3-credentials', key: 'accessKey' } } },
      { name: 'LAKE_S3_SECRET_KEY', valueFrom: { secretKeyRef: { name: 'acme-lake-s3-credentials', key: 'secretKey' } } },
    ]);
  });

  test('metastore: CloudNativePG Cluster (TLS only, generated credentials) and HiveCluster referencing it and the S3Connection', () => {
    const { ofKind } = lakeStack({ removalPolicy: RemovalPolicy.RETAIN }, { storageClassName: 'fast-ssd' });
    const [db] = ofKind('Cluster');
    expect(db.metadata).toMatchObject({ name: 'acme-metastore-db', namespace: 'acme', annotations: { 'helm.sh/resource-policy': 'keep' } });
    expect(db.spec).toEqual({
      instances: DEFAULT_METASTORE_DATABASE_INSTANCES,
      storage: { size: '10Gi', storageClass: 'fast-ssd' },
      resources: { requests: { cpu: DEFAULT_METASTORE_DATABASE_RESOURCES.cpuRequest, memory: '512Mi' }, limits: { memory: '1Gi' } },
      enableSuperuserAccess: false,
      postgresql: { pg_hba: ['hostnossl all all all reject'] },
      bootstrap: { initdb: { database: 'metastore', owner: 'hive' } },
    });
    const [hive] = ofKind('HiveCluster');
    expect(hive.spec.image).toEqual({ productVersion: HIVE_VERSION });
    expect(hive.spec.clusterConfig).toEqual({
      metadataDatabase: {
        postgresql: {
          host: 'acme-metastore-db-rw.acme.svc', port: 5432, database: 'metastore', credentialsSecretName: 'acme-metastore-db-app', parameters: { sslmode: 'require' },
        },
      },
      s3: { reference: 'acme-lake-s3' },
    });
    expect(hive.spec.metastore.config.resources).toEqual({ cpu: { min: '250m', max: '1' }, memory: { limit: '1Gi' } });
    const [s3] = ofKind('S3Connection');
    expect(s3.spec).toEqual({ host: 'acme-seaweedfs-s3.acme.svc', port: 8333, accessStyle: 'Path', region: { name: 'us-east-1' }, credentials: { secretClass: 'acme-acme-lake-s3' } });
    expect(ofKind('SecretClass')[0].spec).toEqual({ backend: { k8sSearch: { searchNamespace: { pod: {} } } } });
  });

  test('Trino: Iceberg catalog on the Hive Metastore and SeaweedFS; sqlEndpoint; Spark operator for this namespace', () => {
    const { lake, values } = lakeStack({ trinoWorkers: 3 });
    const t = values('acme-trino');
    expect(t.server).toEqual({ workers: 3 });
    expect(t.catalogs.lake.split('\n')).toEqual([
      'connector.name=iceberg',
      'iceberg.catalog.type=hive_metastore',
      'hive.metastore.uri=thrift://acme-hive-metastore.acme.svc:9083',
      'fs.native-s3.enabled=true',
      's3.endpoint=http://acme-seaweedfs-s3.acme.svc:8333',
      's3.region=us-east-1',
      's3.path-style-access=true',
      's3.aws-access-key=$${ENV:LAKE_S3_ACCESS_KEY}',
      's3.aws-secret-key=$${ENV:LAKE_S3_SECRET_KEY}',
      '',
    ]);
    expect(t.coordinator.resources).toEqual({ requests: { cpu: '1', memory: '4Gi' }, limits: { memory: '4Gi' } });
    expect(t.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(lake.sqlEndpoint).toBe('http://acme-trino.acme.svc:8080');
    expect(lake.metastoreUri).toBe('thrift://acme-hive-metastore.acme.svc:9083');
    expect(lake.zoneLocation('raw')).toBe('s3://acme-raw/');
    expect(lake.databaseName('raw')).toBe('raw');
    expect(lakeStack().values('acme-trino').server.workers).toBe(DEFAULT_TRINO_WORKERS);
    expect(values('acme-spark-operator').spark).toEqual({ jobNamespaces: ['acme'], serviceAccount: { create: true }, rbac: { create: true } });
    expect(values('acme-cnpg').config).toEqual({ clusterWide: false });
  });

  test('a NetworkPolicy for every component', () => {
    const { policies } = lakeStack();
    expect(policies.map((p) => p.metadata.name).sort()).toEqual([
      'allow-cnpg-operator', 'allow-dns', 'allow-lake-cnpg-operator-db', 'allow-lake-commons-operator', 'allow-lake-hive-metastore',
      'allow-lake-hive-operator', 'allow-lake-metastore-db', 'allow-lake-s3-client-egress', 'allow-lake-s3-clients', 'allow-lake-s3-keygen',
      'allow-lake-spark-jobs', 'allow-lake-spark-operator', 'allow-lake-trino', 'default-deny',
    ]);
    const hive = policies.find((p) => p.metadata.name === 'allow-lake-hive-metastore');
    expect(hive.spec.ingress[0].ports).toEqual([{ port: '9083', protocol: 'TCP' }]);
    expect(hive.spec.egress[0].to[0].pod_selector ?? hive.spec.egress[0].to[0].podSelector).toBeDefined();
  });

  describe('grants: per-identity SeaweedFS keys generated in the cluster', () => {
    function grantedLake() {
      const stack = newStack();
      new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
      const lake = new KubernetesDataLake(stack, 'Lake');
      const reader = new Identity(stack, 'Reader', { name: 'reader' });
      const writer = new Identity(stack, 'Writer', { name: 'writer' });
      const shared = Identity.fromServiceAccount(stack, 'Shared', 'etl');
      // Grants made after the lake (and its key generator Job) was created.
      lake.grantRead(reader, 'curated');
      lake.grantRead(reader, 'analytics');
      lake.grantWrite(writer, 'raw');
      lake.grantRead(writer, 'raw');
      lake.grantRead(writer, 'curated');
      lake.grantWrite(shared, 'analytics');
      const out = synth(stack);
      const release = Object.values<any>(out.resources('helm_release')).find((r) => r.name === 'acme-lake-credentials');
      const job = JSON.parse(release.values[0]).resources.find((o: any) => o.kind === 'Job');
      return { out, job, script: job.spec.template.spec.initContainers[0].command[2] as string };
    }

    test('identities config: admin with every action, each identity with its zone buckets only (read: Read+List, write: Read+Write+List)', () => {
      const { script } = grantedLake();
      const creds = [{ accessKey: '%s', secretKey: '%s' }];
      expect(identitiesConfig(script)).toEqual({
        identities: [
          { name: 'lake_admin', credentials: creds, actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'] },
          { name: 'acme-reader', credentials: creds, actions: ['Read:acme-curated', 'List:acme-curated', 'Read:acme-analytics', 'List:acme-analytics'] },
          { name: 'acme-writer', credentials: creds, actions: ['Read:acme-raw', 'Write:acme-raw', 'List:acme-raw', 'Read:acme-curated', 'List:acme-curated'] },
          { name: 'etl', credentials: creds, actions: ['Read:acme-analytics', 'Write:acme-analytics', 'List:acme-analytics'] },
        ],
      });
      // printf fills the placeholders with the generated pairs, in identity order.
      expect(script).toContain('{"identities":');
      expect(script).toMatch(/\}' "\$AK0" "\$SK0" "\$AK1" "\$SK1" "\$AK2" "\$SK2" "\$AK3" "\$SK3"\)"/);
      for (const i of [0, 1, 2, 3]) expect(script).toContain(`AK${i}="$(key 20)"; SK${i}="$(key 40)"`);
      expect(script).not.toContain('AK4=');
    });

    test('one Secret per identity (<identityName>-lake-s3: accessKey, secretKey, endpoint, region), the admin Secret and the config Secret', () => {
      const { out, job, script } = grantedLake();
      const docs = script.match(/^ {2}'[^']+' .*"\$AK\d" "\$SK\d".*$/gm);
      expect(docs).toEqual([
        "  'acme-lake-s3-credentials' 'secrets.stackable.tech/class' 'acme-acme-lake-s3' \"$AK0\" \"$SK0\"",
        "  'acme-reader-lake-s3' \"$AK1\" \"$SK1\" 'http://acme-seaweedfs-s3.acme.svc:8333' 'us-east-1'",
        "  'acme-writer-lake-s3' \"$AK2\" \"$SK2\" 'http://acme-seaweedfs-s3.acme.svc:8333' 'us-east-1'",
        "  'etl-lake-s3' \"$AK3\" \"$SK3\" 'http://acme-seaweedfs-s3.acme.svc:8333' 'us-east-1'",
      ]);
      expect(script).toContain('stringData:\\n  accessKey: %s\\n  secretKey: %s\\n  endpoint: %s\\n  region: %s\\n');
      expect(script).toContain("stringData:\\n  seaweedfs_s3_config: |\\n    %s\\n' 'acme-lake-s3-config' \"$CONFIG\"");
      expect(script.match(/^echo '---'$/gm)).toHaveLength(4);
      expect(script.trim().endsWith('} > /work/secret.yaml')).toBe(true);
      expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install');
      expect(JSON.stringify(out.json)).not.toMatch(/[A-Za-z0-9]{40}/);
    });

    test('the script runs: valid YAML documents and JSON config with distinct generated keys', () => {
      const { script } = grantedLake();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lake-keygen-'));
      execFileSync('/bin/sh', ['-c', script.split('/work/secret.yaml').join(path.join(dir, 'secret.yaml'))]);
      const docs = yaml.parseAllDocuments(fs.readFileSync(path.join(dir, 'secret.yaml'), 'utf8')).map((d) => d.toJSON());
      expect(docs.map((d: any) => d.metadata.name)).toEqual(['acme-lake-s3-credentials', 'acme-reader-lake-s3', 'acme-writer-lake-s3', 'etl-lake-s3', 'acme-lake-s3-config']);
      const config = JSON.parse(docs[4].stringData.seaweedfs_s3_config);
      const keys = docs.slice(0, 4).map((d: any) => d.stringData);
      expect(config.identities.map((i: any) => i.credentials[0])).toEqual(keys.map((k: any) => ({ accessKey: k.accessKey, secretKey: k.secretKey })));
      for (const k of keys) {
        expect(k.accessKey).toMatch(/^[A-Za-z0-9]{20}$/);
        expect(k.secretKey).toMatch(/^[A-Za-z0-9]{40}$/);
      }
      expect(new Set(keys.map((k: any) => k.accessKey)).size).toBe(4);
      expect(docs[1].stringData).toMatchObject({ endpoint: 'http://acme-seaweedfs-s3.acme.svc:8333', region: 'us-east-1' });
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  describe('errors', () => {
    const create = (props: KubernetesDataLakeProps) => () => lakeStack(props);
    test('HDFS, other table formats, tables, bad zones, bad sizes', () => {
      expect(create({ objectStore: ObjectStoreKind.HDFS })).toThrow(
        'test/Lake: invalid objectStore: received "hdfs"; only ObjectStoreKind.SEAWEEDFS is available (HDFS needs a ZooKeeper znode from the Stackable zookeeper-operator, which is not supported yet).',
      );
      expect(create({ tableFormat: TableFormat.DELTA })).toThrow(
        'test/Lake: invalid tableFormat: received "delta"; the Kubernetes lake\'s Trino catalog is Iceberg on the Hive Metastore; use TableFormat.ICEBERG.',
      );
      expect(create({ tables: [{ zone: 'raw', name: 'clicks', columns: [{ name: 'id', type: 'string' }] }] })).toThrow(
        'test/Lake: invalid tables: received ["raw.clicks"]; on Kubernetes tables are created at run time: run CREATE TABLE lake.<zone>.<table> (...) on Trino (sqlEndpoint) or from Spark; remove tables.',
      );
      expect(create({ zones: [{ name: 'raw' }, { name: 'raw' }] })).toThrow(
        'test/Lake: invalid zones[1].name: received "raw"; use 2 to 20 lowercase letters, digits and hyphens, unique across zones.',
      );
      expect(create({ trinoWorkers: 0 })).toThrow('test/Lake: invalid trinoWorkers: received 0; must be an integer from 1 to 100.');
      expect(create({ trinoResources: { cpuRequest: 'lots', memoryRequest: '1Gi', memoryLimit: '1Gi' } })).toThrow(
        'test/Lake: invalid trinoResources.cpuRequest: received "lots"; use a Kubernetes quantity such as "500m" or "512Mi".',
      );
    });

    test('grants: unknown zones, identities that are not service account names; wrong platform', () => {
      const { stack, lake } = lakeStack();
      const reader = new Identity(stack, 'Reader', { name: 'reader' });
      expect(() => lake.grantRead(reader, 'gold')).toThrow('test/Lake: invalid zone: received "gold"; use one of raw, curated, analytics.');
      expect(() => lake.grantWrite(reader, 'gold')).toThrow('test/Lake: invalid zone: received "gold"; use one of raw, curated, analytics.');
      const role = Identity.fromAwsRole(stack, 'Role', { roleName: 'Acme_Role', roleArn: 'arn:aws:iam::123456789012:role/Acme_Role' });
      expect(() => lake.grantRead(role, 'raw')).toThrow(
        'test/Lake: grantRead to "Acme_Role" needs a Kubernetes identity (a service account name: lowercase letters, digits and hyphens, at most 63 characters) so its S3 keys can be stored in the Secret "<name>-lake-s3".',
      );
      expect(() => lake.zoneLocation('gold')).toThrow('test/Lake: invalid zone: received "gold"; use one of raw, curated, analytics.');
      const aws = newStack();
      new AwsPlatform(aws, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
      expect(() => new KubernetesDataLake(aws, 'Lake')).toThrow("test/Lake: this construct deploys to Kubernetes but the stack's platform (test/Platform) is aws.");
    });
  });

  test('fromLakeAttributes', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    const lake = KubernetesDataLake.fromLakeAttributes(stack, 'Shared', {
      zoneNames: ['raw'], bucketPrefix: 'shared', sqlEndpoint: 'http://trino.data.svc:8080', metastoreUri: 'thrift://hive.data.svc:9083',
    });
    expect(lake.zoneLocation('raw')).toBe('s3://shared-raw/');
    expect(lake.tableFormat).toBe(TableFormat.ICEBERG);
    expect(() => lake.destination({ zone: 'raw' })).toThrow(
      'test/Shared: an imported KubernetesDataLake cannot create Kafka Connect deliveries (its S3 key Secret and Connect cluster are unknown here); call destination() on the stack that creates the lake.',
    );
    const reader = new Identity(stack, 'Reader', { name: 'reader' });
    expect(() => lake.grantRead(reader, 'raw')).toThrow(
      'test/Shared: grantRead of zone "raw" to "acme-reader" is not available on an imported KubernetesDataLake: SeaweedFS scopes S3 access by access key, and the per-identity keys and identities config are generated in the cluster by the stack that creates the lake; call grantRead there.',
    );
    expect(() => lake.grantWrite(reader, 'raw')).toThrow('call grantWrite there.');
    expect(synthesizedCustomResources(synth(stack).json)).toEqual([]);
  });
});
