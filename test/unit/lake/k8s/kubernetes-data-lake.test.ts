import { AwsPlatform, Identity, KubernetesPlatform, KubernetesPlatformProps, RemovalPolicy } from '../../../../src';
import { TableFormat } from '../../../../src/lake';
import {
  DEFAULT_METASTORE_DATABASE_INSTANCES, DEFAULT_METASTORE_DATABASE_RESOURCES, DEFAULT_OBJECT_STORE_SIZE_GIB, DEFAULT_TRINO_WORKERS,
  KubernetesDataLake, KubernetesDataLakeProps, ObjectStoreKind,
} from '../../../../src/lake/k8s';
import {
  CLOUDNATIVE_PG_CHART, HIVE_VERSION, KUBECTL_IMAGE, SEAWEEDFS_CHART, SEAWEEDFS_IMAGE, SPARK_OPERATOR_CHART, STACKABLE_HIVE_CHART, TRINO_CHART,
} from '../../../../src/platform/k8s/lake-versions';
import { synthesizedCustomResources } from '../../../support/schemas';
import { newStack, synth } from '../../../support/synth';

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
    // The metastore resources come after both the CloudNativePG and the Stackable operators.
    expect(release('acme-lake-metastore').depends_on).toEqual(expect.arrayContaining([
      expect.stringContaining('CloudNativePG'), expect.stringContaining('StackableHiveOperator'), expect.stringContaining('StackableSecretOperator'),
    ]));
  });

  test('SeaweedFS: S3 gateway with auth from the generated Secret, buckets per zone, PVCs, restricted pods', () => {
    const { values } = lakeStack({}, { storageClassName: 'fast-ssd' });
    const v = values('acme-seaweedfs');
    expect(v.s3).toMatchObject({
      enabled: true,
      enableAuth: true,
      credentials: { admin: { existingSecret: 'acme-lake-s3-credentials', accessKeyKey: 'accessKey', secretKeyKey: 'secretKey' } },
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
  });

  test('S3 keys are generated in the cluster by a pre-install Job: no key material in the synthesized stack', () => {
    const { out, values } = lakeStack();
    const objects = JSON.parse(lakeStack().release('acme-lake-credentials').values[0]).resources;
    expect(objects.map((o: any) => o.kind)).toEqual(['ServiceAccount', 'Role', 'RoleBinding', 'Job']);
    const job = objects[3];
    expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install');
    expect(job.spec.template.spec.initContainers[0].image).toBe(SEAWEEDFS_IMAGE);
    expect(job.spec.template.spec.containers[0]).toMatchObject({ image: KUBECTL_IMAGE, args: ['create', '--namespace', 'acme', '-f', '/work/secret.yaml'] });
    expect(job.spec.template.spec.initContainers[0].command[2]).toContain('secrets.stackable.tech/class');
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
      's3.aws-access-key=${ENV:LAKE_S3_ACCESS_KEY}',
      's3.aws-secret-key=${ENV:LAKE_S3_SECRET_KEY}',
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
      'allow-dns', 'allow-lake-cnpg-operator', 'allow-lake-cnpg-operator-db', 'allow-lake-commons-operator', 'allow-lake-hive-metastore',
      'allow-lake-hive-operator', 'allow-lake-metastore-db', 'allow-lake-s3-client-egress', 'allow-lake-s3-clients', 'allow-lake-s3-keygen',
      'allow-lake-spark-jobs', 'allow-lake-spark-operator', 'allow-lake-trino', 'default-deny',
    ]);
    const hive = policies.find((p) => p.metadata.name === 'allow-lake-hive-metastore');
    expect(hive.spec.ingress[0].ports).toEqual([{ port: '9083', protocol: 'TCP' }]);
    expect(hive.spec.egress[0].to[0].pod_selector ?? hive.spec.egress[0].to[0].podSelector).toBeDefined();
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

    test('grants are a documented limitation; unknown zones; wrong platform', () => {
      const { stack, lake } = lakeStack();
      const reader = new Identity(stack, 'Reader', { name: 'reader' });
      expect(() => lake.grantRead(reader, 'raw')).toThrow(
        'test/Lake: grantRead of zone "raw" to "acme-reader" is not supported on Kubernetes yet: SeaweedFS scopes S3 access by access key, not by service account, and per-identity keys are not generated; query the zone through Trino (sqlEndpoint) or give the workload the lake\'s S3 key Secret yourself.',
      );
      expect(() => lake.grantWrite(reader, 'raw')).toThrow('test/Lake: grantWrite of zone "raw" to "acme-reader" is not supported on Kubernetes yet');
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
    expect(synthesizedCustomResources(synth(stack).json)).toEqual([]);
  });
});
