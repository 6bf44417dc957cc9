import { Construct } from 'constructs';
import { checkSixFieldCron } from './cron';
import { WarehouseNames } from './warehouse-names';
import { Annotations } from '../../../core/cdktf';
import { invalidProp } from '../../../core/errors';
import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { NetworkRule } from '../../../platform/k8s/network';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { BARMAN_CLOUD_API_VERSION, BARMAN_CLOUD_PLUGIN_NAME } from '../../../platform/k8s/warehouse-versions';
import {
  BackupCompression, BackupEncryption, BarmanCloudPluginInstall, DEFAULT_BACKUP_ACCESS_KEY_ID_KEY, DEFAULT_BACKUP_COMPRESSION,
  DEFAULT_BACKUP_PATH_PREFIX, DEFAULT_BACKUP_RETENTION, DEFAULT_BACKUP_SCHEDULE, DEFAULT_BACKUP_SECRET_ACCESS_KEY_KEY, WarehouseBackup,
  WarehouseBackupKind, WarehouseBackupOptions,
} from '../warehouse-backup';

/** CPU and memory of the Barman Cloud sidecar the plugin adds to each instance. */
export const BACKUP_SIDECAR_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '256Mi', memoryLimit: '1Gi' };
/** Pod labels of the lake's SeaweedFS S3 gateway (set by the SeaweedFS chart). */
export const SEAWEEDFS_S3_POD_LABELS: Record<string, string> = { 'app.kubernetes.io/name': 'seaweedfs', 'app.kubernetes.io/component': 's3' };
/** The warning of `WarehouseBackup.none()`. */
export const NO_BACKUP_WARNING =
  'backups are off (WarehouseBackup.none()): the warehouse has no WAL archive and no base backups, so a lost volume or a bad write cannot be recovered; use WarehouseBackup.toLake(lake) or WarehouseBackup.toObjectStore({...}).';

const RETENTION = /^[1-9][0-9]*[dwm]$/;
const PATH_PREFIX = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SECRET_NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const ENDPOINT_URL = /^(https?):\/\/([a-zA-Z0-9.-]+)(:(\d{1,5}))?(\/.*)?$/;

/** A validated backup target. @internal */
export interface BackupTarget {
  readonly endpointUrl: string;
  readonly destinationPath: string;
  readonly secretName: string;
  readonly accessKeyIdKey: string;
  readonly secretAccessKeyKey: string;
  readonly encryption?: BackupEncryption;
  readonly compression: BackupCompression;
  readonly retention: string;
  readonly schedule: string;
  /** Whether the stack installs the plugin chart. */
  readonly installPlugin: boolean;
  /** The instances' egress to the store. */
  readonly egress: NetworkRule;
}

/** `{ scheme, host, port }` of a URL, port defaulted from the scheme. @internal */
export function parseEndpoint(url: string): { scheme: string; port: number } | undefined {
  const m = ENDPOINT_URL.exec(url);
  if (!m) return undefined;
  const port = m[4] !== undefined ? Number(m[4]) : m[1] === 'https' ? 443 : 80;
  return port >= 1 && port <= 65535 ? { scheme: m[1], port } : undefined;
}

function common(scope: Construct, o: WarehouseBackupOptions) {
  const retention = o.retention ?? DEFAULT_BACKUP_RETENTION;
  if (!RETENTION.test(retention)) {
    throw invalidProp(scope, 'backup.retention', retention, 'use a number followed by d (days), w (weeks) or m (months), for example "30d"');
  }
  const compression = o.compression ?? DEFAULT_BACKUP_COMPRESSION;
  if (!Object.values(BackupCompression).includes(compression)) {
    throw invalidProp(scope, 'backup.compression', compression, `use one of ${Object.values(BackupCompression).join(', ')}`);
  }
  return {
    schedule: checkSixFieldCron(scope, 'backup.schedule', o.schedule ?? DEFAULT_BACKUP_SCHEDULE),
    retention,
    compression,
    installPlugin: (o.barmanCloudPlugin?.installation ?? BarmanCloudPluginInstall.HELM_CHART) === BarmanCloudPluginInstall.HELM_CHART,
  };
}

function pathPrefix(scope: Construct, value: string | undefined): string {
  const prefix = value ?? DEFAULT_BACKUP_PATH_PREFIX;
  if (!PATH_PREFIX.test(prefix)) {
    throw invalidProp(scope, 'backup.pathPrefix', prefix, 'use lowercase letters, digits, "_" and "-" in "/"-separated segments, without leading or trailing "/"');
  }
  return prefix;
}

/**
 * Validates the backup prop. `WarehouseBackup.none()` leaves a warning on `scope` and returns
 * undefined.
 * @internal
 */
export function resolveBackup(scope: Construct, backup: WarehouseBackup): BackupTarget | undefined {
  if (!backup || !Object.values(WarehouseBackupKind).includes(backup.kind)) {
    throw invalidProp(scope, 'backup', backup?.kind, 'use WarehouseBackup.toLake(lake), WarehouseBackup.toObjectStore({...}) or WarehouseBackup.none()');
  }
  if (backup.kind === WarehouseBackupKind.NONE) {
    Annotations.of(scope).addWarning(NO_BACKUP_WARNING);
    return undefined;
  }
  if (backup.kind === WarehouseBackupKind.LAKE) {
    const lake = backup.lake!;
    const o = backup.lakeOptions ?? {};
    const zone = o.zone ?? lake.zoneNames[0];
    if (!lake.zoneNames.includes(zone)) throw invalidProp(scope, 'backup.zone', zone, `use one of ${lake.zoneNames.join(', ')}`);
    const endpoint = parseEndpoint(lake.s3Endpoint)!;
    return {
      ...common(scope, o),
      endpointUrl: lake.s3Endpoint,
      destinationPath: `${lake.zoneLocation(zone)}${pathPrefix(scope, o.pathPrefix)}/`,
      secretName: lake.s3CredentialsSecretName,
      // The lake's S3 keys Secret uses the same keys as the defaults (accessKey, secretKey).
      accessKeyIdKey: DEFAULT_BACKUP_ACCESS_KEY_ID_KEY,
      secretAccessKeyKey: DEFAULT_BACKUP_SECRET_ACCESS_KEY_KEY,
      egress: { peers: [{ podLabels: SEAWEEDFS_S3_POD_LABELS }], ports: [{ port: endpoint.port }] },
    };
  }
  const o = backup.objectStoreOptions!;
  const endpoint = parseEndpoint(o.endpointUrl);
  if (!endpoint) throw invalidProp(scope, 'backup.endpointUrl', o.endpointUrl, 'use an http:// or https:// URL, for example "https://s3.eu-west-1.amazonaws.com"');
  if (!BUCKET.test(o.bucket ?? '')) throw invalidProp(scope, 'backup.bucket', o.bucket, 'use 3 to 63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit');
  if (!SECRET_NAME.test(o.credentialsSecretName ?? '')) throw invalidProp(scope, 'backup.credentialsSecretName', o.credentialsSecretName, 'use the name of a Secret in the platform namespace');
  const accessKeyIdKey = o.accessKeyIdKey ?? DEFAULT_BACKUP_ACCESS_KEY_ID_KEY;
  const secretAccessKeyKey = o.secretAccessKeyKey ?? DEFAULT_BACKUP_SECRET_ACCESS_KEY_KEY;
  for (const [prop, key] of [['backup.accessKeyIdKey', accessKeyIdKey], ['backup.secretAccessKeyKey', secretAccessKeyKey]]) {
    if (!SECRET_KEY.test(key)) throw invalidProp(scope, prop, key, 'use a Secret key: letters, digits, "-", "_" and "."');
  }
  if (o.encryption !== undefined && !Object.values(BackupEncryption).includes(o.encryption)) {
    throw invalidProp(scope, 'backup.encryption', o.encryption, `use one of ${Object.values(BackupEncryption).join(', ')}`);
  }
  return {
    ...common(scope, o),
    endpointUrl: o.endpointUrl,
    destinationPath: `s3://${o.bucket}/${pathPrefix(scope, o.pathPrefix)}/`,
    secretName: o.credentialsSecretName,
    accessKeyIdKey,
    secretAccessKeyKey,
    encryption: o.encryption,
    egress: { peers: [o.peer ?? { cidr: '0.0.0.0/0' }], ports: [{ port: endpoint.port }] },
  };
}

/** The Cluster's `plugins` entry: the Barman Cloud plugin archives WAL into the ObjectStore. @internal */
export function barmanPluginEntry(names: WarehouseNames): Record<string, any> {
  return { name: BARMAN_CLOUD_PLUGIN_NAME, isWALArchiver: true, parameters: { barmanObjectName: names.objectStore } };
}

/** The ObjectStore and the ScheduledBackup. @internal */
export function backupResources(names: WarehouseNames, target: BackupTarget, labels: Record<string, string>, retain: boolean): KubernetesObject[] {
  const keep = retain ? { annotations: { 'helm.sh/resource-policy': 'keep' } } : {};
  const settings = {
    ...(target.compression !== BackupCompression.NONE ? { compression: target.compression } : {}),
    ...(target.encryption ? { encryption: target.encryption } : {}),
  };
  return [
    {
      apiVersion: BARMAN_CLOUD_API_VERSION,
      kind: 'ObjectStore',
      metadata: { name: names.objectStore, labels, ...keep },
      spec: {
        configuration: {
          destinationPath: target.destinationPath,
          endpointURL: target.endpointUrl,
          s3Credentials: {
            accessKeyId: { name: target.secretName, key: target.accessKeyIdKey },
            secretAccessKey: { name: target.secretName, key: target.secretAccessKeyKey },
          },
          wal: settings,
          data: settings,
        },
        retentionPolicy: target.retention,
        instanceSidecarConfiguration: { resources: toK8sResources(BACKUP_SIDECAR_RESOURCES) },
      },
    },
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: { name: names.scheduledBackup, labels, ...keep },
      spec: {
        schedule: target.schedule,
        cluster: { name: names.cluster },
        method: 'plugin',
        pluginConfiguration: { name: BARMAN_CLOUD_PLUGIN_NAME },
        // The first base backup is taken right away: WAL archiving alone cannot restore anything.
        immediate: true,
        backupOwnerReference: 'self',
      },
    },
  ];
}
