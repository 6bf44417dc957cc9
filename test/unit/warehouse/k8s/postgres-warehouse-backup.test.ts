import { inspect, platformStack, warehouseStack } from './warehouse-fixture';
import { KubernetesDataLake } from '../../../../src/lake/k8s';
import {
  BARMAN_CLOUD_PLUGIN_POD_LABELS, BarmanCloudPluginRelease, DEFAULT_BARMAN_CLOUD_PLUGIN_RESOURCES,
} from '../../../../src/platform/k8s/cloudnative-pg-operator';
import { BARMAN_CLOUD_PLUGIN_CHART, BARMAN_CLOUD_PLUGIN_NAME } from '../../../../src/platform/k8s/warehouse-versions';
import {
  BackupCompression, BackupEncryption, BarmanCloudPlugin, DEFAULT_BACKUP_COMPRESSION, DEFAULT_BACKUP_PATH_PREFIX, DEFAULT_BACKUP_RETENTION,
  DEFAULT_BACKUP_SCHEDULE, PostgresWarehouse, WarehouseBackup,
} from '../../../../src/warehouse/k8s';
import { NO_BACKUP_WARNING } from '../../../../src/warehouse/k8s/private/backup';
import { warnings } from '../../../support/annotations';

const S3 = { endpointUrl: 'https://s3.eu-west-1.amazonaws.com', bucket: 'acme-backups', credentialsSecretName: 'backup-keys' };

function objectStoreStack(options: Record<string, any> = {}) {
  const stack = platformStack();
  const warehouse = new PostgresWarehouse(stack, 'Warehouse', { backup: WarehouseBackup.toObjectStore({ ...S3, ...options }) });
  return { stack, warehouse, ...inspect(stack) };
}

describe('PostgresWarehouse backups (Barman Cloud plugin)', () => {
  test('into the lake: ObjectStore on the zone bucket with the lake\'s S3 keys, plugin as WAL archiver, daily ScheduledBackup', () => {
    const { stack } = warehouseStack();
    const { ofKind } = inspect(stack);
    const [store] = ofKind('ObjectStore');
    expect(store.apiVersion).toBe('barmancloud.cnpg.io/v1');
    expect(store.metadata).toMatchObject({ name: 'acme-warehouse-backups', namespace: 'acme', annotations: { 'helm.sh/resource-policy': 'keep' } });
    expect(store.spec).toEqual({
      configuration: {
        destinationPath: `s3://acme-raw/${DEFAULT_BACKUP_PATH_PREFIX}/`,
        endpointURL: 'http://acme-seaweedfs-s3.acme.svc:8333',
        s3Credentials: {
          accessKeyId: { name: 'acme-lake-s3-credentials', key: 'accessKey' },
          secretAccessKey: { name: 'acme-lake-s3-credentials', key: 'secretKey' },
        },
        wal: { compression: DEFAULT_BACKUP_COMPRESSION },
        data: { compression: DEFAULT_BACKUP_COMPRESSION },
      },
      retentionPolicy: DEFAULT_BACKUP_RETENTION,
      instanceSidecarConfiguration: { resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } } },
    });
    const cluster = ofKind('Cluster').find((c) => c.metadata.name === 'acme-warehouse');
    expect(cluster.spec.plugins).toEqual([{ name: BARMAN_CLOUD_PLUGIN_NAME, isWALArchiver: true, parameters: { barmanObjectName: 'acme-warehouse-backups' } }]);
    const [scheduled] = ofKind('ScheduledBackup');
    expect(scheduled.metadata).toMatchObject({ name: 'acme-warehouse-scheduled', annotations: { 'helm.sh/resource-policy': 'keep' } });
    expect(scheduled.spec).toEqual({
      schedule: DEFAULT_BACKUP_SCHEDULE,
      cluster: { name: 'acme-warehouse' },
      method: 'plugin',
      pluginConfiguration: { name: 'barman-cloud.cloudnative-pg.io' },
      immediate: true,
      backupOwnerReference: 'self',
    });
    expect([DEFAULT_BACKUP_SCHEDULE, DEFAULT_BACKUP_RETENTION, DEFAULT_BACKUP_COMPRESSION]).toEqual(['0 0 2 * * *', '30d', BackupCompression.GZIP]);
  });

  test('the plugin chart is installed once per stack, after the operator, restricted, with its pinned version', () => {
    const stack = platformStack();
    const lake = new KubernetesDataLake(stack, 'Lake');
    new PostgresWarehouse(stack, 'Warehouse', { backup: WarehouseBackup.toLake(lake) });
    new PostgresWarehouse(stack, 'Marts', { backup: WarehouseBackup.toLake(lake, { zone: 'curated', pathPrefix: 'pg/marts' }) });
    const { releases, values, policy, ofKind } = inspect(stack);
    const plugin = releases.filter((r) => r.chart === 'plugin-barman-cloud');
    expect(plugin).toHaveLength(1);
    expect(plugin[0]).toMatchObject({ name: 'acme-plugin-barman-cloud', namespace: 'acme', repository: 'https://cloudnative-pg.github.io/charts', version: BARMAN_CLOUD_PLUGIN_CHART.version });
    expect(BARMAN_CLOUD_PLUGIN_CHART.version).toBe('0.7.0');
    expect(plugin[0].depends_on).toEqual(expect.arrayContaining([expect.stringContaining('CloudNativePgOperator_Chart_Release')]));
    expect(values('acme-plugin-barman-cloud')).toEqual({
      resources: { requests: { cpu: DEFAULT_BARMAN_CLOUD_PLUGIN_RESOURCES.cpuRequest, memory: '128Mi' }, limits: { memory: '256Mi' } },
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containerSecurityContext: {
        allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 10001, runAsGroup: 10001,
      },
    });
    expect(policy('allow-barman-cloud-plugin')).toMatchObject({
      spec: {
        pod_selector: { match_labels: BARMAN_CLOUD_PLUGIN_POD_LABELS },
        ingress: [{ from: [{ pod_selector: { match_labels: { 'app.kubernetes.io/name': 'cloudnative-pg' } } }], ports: [{ port: '9090', protocol: 'TCP' }] }],
      },
    });
    expect(policy('allow-cnpg-operator-to-barman-cloud').spec.egress[0].ports).toEqual([{ port: '9090', protocol: 'TCP' }]);
    expect(ofKind('ObjectStore').map((s) => s.spec.configuration.destinationPath).sort()).toEqual(['s3://acme-curated/pg/marts/', 's3://acme-raw/postgres-backups/']);
    expect(BarmanCloudPluginRelease.of(stack).release).toBeDefined();
  });

  test('BarmanCloudPlugin.preinstalled(): no plugin release (the plugin already runs in the operator namespace)', () => {
    const { releases, ofKind } = objectStoreStack({ barmanCloudPlugin: BarmanCloudPlugin.preinstalled() });
    expect(releases.filter((r) => r.chart === 'plugin-barman-cloud')).toEqual([]);
    expect(ofKind('ObjectStore')).toHaveLength(1);
  });

  test('into an S3-compatible store: endpoint, bucket, prefix, key names, SSE, compression, retention, schedule, egress on the endpoint port', () => {
    const { ofKind, policy } = objectStoreStack({
      pathPrefix: 'pg',
      accessKeyIdKey: 'AWS_ACCESS_KEY_ID',
      secretAccessKeyKey: 'AWS_SECRET_ACCESS_KEY',
      encryption: BackupEncryption.AES256,
      compression: BackupCompression.SNAPPY,
      retention: '8w',
      schedule: '0 30 1 * * SUN',
    });
    const [store] = ofKind('ObjectStore');
    expect(store.spec.configuration).toEqual({
      destinationPath: 's3://acme-backups/pg/',
      endpointURL: 'https://s3.eu-west-1.amazonaws.com',
      s3Credentials: { accessKeyId: { name: 'backup-keys', key: 'AWS_ACCESS_KEY_ID' }, secretAccessKey: { name: 'backup-keys', key: 'AWS_SECRET_ACCESS_KEY' } },
      wal: { compression: 'snappy', encryption: 'AES256' },
      data: { compression: 'snappy', encryption: 'AES256' },
    });
    expect(store.spec.retentionPolicy).toBe('8w');
    expect(ofKind('ScheduledBackup')[0].spec.schedule).toBe('0 30 1 * * SUN');
    expect(policy('allow-acme-warehouse-db').spec.egress).toContainEqual({ to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] });
  });

  test('compression NONE sends no compression; a peer narrows the backup egress', () => {
    const { ofKind, policy } = objectStoreStack({
      endpointUrl: 'http://minio.storage.svc:9000',
      compression: BackupCompression.NONE,
      peer: { namespaceLabels: { 'kubernetes.io/metadata.name': 'storage' }, podLabels: { app: 'minio' } },
    });
    expect(ofKind('ObjectStore')[0].spec.configuration.wal).toEqual({});
    expect(policy('allow-acme-warehouse-db').spec.egress).toContainEqual({
      to: [{ pod_selector: { match_labels: { app: 'minio' } }, namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'storage' } } }],
      ports: [{ port: '9000', protocol: 'TCP' }],
    });
  });

  test('the lake target opens egress to its SeaweedFS S3 gateway', () => {
    const { stack } = warehouseStack();
    expect(inspect(stack).policy('allow-acme-warehouse-db').spec.egress).toContainEqual({
      to: [{ pod_selector: { match_labels: { 'app.kubernetes.io/name': 'seaweedfs', 'app.kubernetes.io/component': 's3' } } }],
      ports: [{ port: '8333', protocol: 'TCP' }],
    });
  });

  test('WarehouseBackup.none(): no plugin, ObjectStore or ScheduledBackup, and a warning on the warehouse', () => {
    const stack = platformStack();
    const warehouse = new PostgresWarehouse(stack, 'Warehouse', { backup: WarehouseBackup.none() });
    const { releases, ofKind } = inspect(stack);
    expect(releases.filter((r) => r.chart === 'plugin-barman-cloud')).toEqual([]);
    expect(ofKind('ObjectStore')).toEqual([]);
    expect(ofKind('ScheduledBackup')).toEqual([]);
    expect(ofKind('Cluster')[0].spec.plugins).toBeUndefined();
    expect(warnings(warehouse)).toEqual([{ path: 'test/Warehouse', message: NO_BACKUP_WARNING }]);
    expect(NO_BACKUP_WARNING).toBe('backups are off (WarehouseBackup.none()): the warehouse has no WAL archive and no base backups, so a lost volume or a bad write cannot be recovered; use WarehouseBackup.toLake(lake) or WarehouseBackup.toObjectStore({...}).');
  });

  test.each([
    [{ schedule: '0 2 * * *' }, 'test/Warehouse: invalid backup.schedule: received "0 2 * * *"; use a six-field cron expression with seconds first (CloudNativePG\'s format, not the five-field Kubernetes CronJob one), for example "0 0 2 * * *" for 02:00:00 every day.'],
    [{ schedule: '0 0 25 * * *' }, 'test/Warehouse: invalid backup.schedule: received "0 0 25 * * *"; use a six-field cron expression with seconds first (CloudNativePG\'s format, not the five-field Kubernetes CronJob one), for example "0 0 2 * * *" for 02:00:00 every day.'],
    [{ schedule: '@daily' }, 'test/Warehouse: invalid backup.schedule: received "@daily"; use a six-field cron expression with seconds first (CloudNativePG\'s format, not the five-field Kubernetes CronJob one), for example "0 0 2 * * *" for 02:00:00 every day.'],
    [{ retention: '30 days' }, 'test/Warehouse: invalid backup.retention: received "30 days"; use a number followed by d (days), w (weeks) or m (months), for example "30d".'],
    [{ compression: 'zstd' }, 'test/Warehouse: invalid backup.compression: received "zstd"; use one of gzip, bzip2, lz4, snappy, none.'],
    [{ encryption: 'SSE-C' }, 'test/Warehouse: invalid backup.encryption: received "SSE-C"; use one of AES256, aws:kms.'],
    [{ endpointUrl: 's3.amazonaws.com' }, 'test/Warehouse: invalid backup.endpointUrl: received "s3.amazonaws.com"; use an http:// or https:// URL, for example "https://s3.eu-west-1.amazonaws.com".'],
    [{ bucket: 'Acme_Backups' }, 'test/Warehouse: invalid backup.bucket: received "Acme_Backups"; use 3 to 63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit.'],
    [{ pathPrefix: '/pg/' }, 'test/Warehouse: invalid backup.pathPrefix: received "/pg/"; use lowercase letters, digits, "_" and "-" in "/"-separated segments, without leading or trailing "/".'],
    [{ credentialsSecretName: 'Keys' }, 'test/Warehouse: invalid backup.credentialsSecretName: received "Keys"; use the name of a Secret in the platform namespace.'],
  ])('%j is refused', (options, message) => {
    expect(() => objectStoreStack(options)).toThrow(message);
  });

  test('six-field schedules CloudNativePG accepts', () => {
    for (const schedule of ['0 0 2 * * *', '*/30 * * * * *', '0 15 3 1,15 * ?', '0 0 0 * JAN-MAR MON-FRI', '0 0 */6 * * 1-5']) {
      expect(objectStoreStack({ schedule }).ofKind('ScheduledBackup')[0].spec.schedule).toBe(schedule);
    }
  });

  test('a lake zone the lake does not have is refused', () => {
    const stack = platformStack();
    const lake = new KubernetesDataLake(stack, 'Lake');
    expect(() => new PostgresWarehouse(stack, 'Warehouse', { backup: WarehouseBackup.toLake(lake, { zone: 'gold' }) })).toThrow(
      'test/Warehouse: invalid backup.zone: received "gold"; use one of raw, curated, analytics.',
    );
  });
});
