import { StatefulSetV1Spec } from '@cdktf/provider-kubernetes/lib/stateful-set-v1';
import {
  MYSQL_CDC_ENV, MYSQL_CONTAINER_SECURITY_CONTEXT, MYSQL_INITDB_DIR, MYSQL_POD_SECURITY_CONTEXT, MYSQL_PORT, MYSQL_RUN_DIR, MYSQL_TLS_DIR,
  MYSQL_TMP_DIR, MYSQL_VOLUME_MOUNT, mysqlArgs,
} from './mysql-server';
import { ResourceRequirements, toK8sResources } from '../../../../platform/k8s/resources';

/** Size limit of the emptyDir for temporary files (sorts and temporary tables that spill to disk). */
export const MYSQL_TMP_SIZE_LIMIT = '1Gi';
/** Seconds the server gets to shut InnoDB down cleanly. */
export const MYSQL_TERMINATION_GRACE_SECONDS = 60;
/** Startup probe: 90 checks 10 s apart (15 minutes) for the first initialization. */
export const MYSQL_STARTUP_PROBE = { periodSeconds: 10, failureThreshold: 90 };

/** What the StatefulSet depends on. @internal */
export interface MySqlStatefulSetInput {
  readonly name: string;
  readonly headlessService: string;
  readonly labels: Record<string, string>;
  readonly podLabels: Record<string, string>;
  readonly image: string;
  readonly resources: ResourceRequirements;
  readonly storageSizeGiB: number;
  readonly storageClassName?: string;
  readonly binlogExpireLogsSeconds: number;
  readonly tlsSecretName?: string;
  readonly initdbConfigMap: string;
  readonly databaseName: string;
  readonly rootSecret: string;
  readonly appSecret: string;
  readonly cdcSecret: string;
  readonly deleteVolumeWithStatefulSet: boolean;
}

function fromSecret(name: string, secret: string, key: string) {
  return { name, valueFrom: { secretKeyRef: { name: secret, key } } };
}

/**
 * The StatefulSet spec: one replica of the official image as its `mysql` user, the data volume
 * from a claim template, emptyDirs where mysqld writes outside it, the first-start script, the
 * passwords from the credentials' Secrets, and startup/readiness/liveness probes.
 * @internal
 */
export function mysqlStatefulSetSpec(input: MySqlStatefulSetInput): StatefulSetV1Spec {
  const tls = input.tlsSecretName !== undefined;
  const tcp = [{ port: 'mysql' }];
  return {
    replicas: '1',
    serviceName: input.headlessService,
    podManagementPolicy: 'OrderedReady',
    updateStrategy: [{ type: 'RollingUpdate' }],
    persistentVolumeClaimRetentionPolicy: [{ whenDeleted: input.deleteVolumeWithStatefulSet ? 'Delete' : 'Retain', whenScaled: 'Retain' }],
    selector: { matchLabels: input.podLabels },
    template: {
      metadata: { labels: input.labels },
      spec: {
        automountServiceAccountToken: false,
        enableServiceLinks: false,
        terminationGracePeriodSeconds: MYSQL_TERMINATION_GRACE_SECONDS,
        securityContext: MYSQL_POD_SECURITY_CONTEXT,
        container: [{
          name: 'mysql',
          image: input.image,
          imagePullPolicy: 'IfNotPresent',
          args: mysqlArgs({ binlogExpireLogsSeconds: input.binlogExpireLogsSeconds, tls }),
          port: [{ name: 'mysql', containerPort: MYSQL_PORT, protocol: 'TCP' }],
          env: [
            fromSecret('MYSQL_ROOT_PASSWORD', input.rootSecret, 'password'),
            { name: 'MYSQL_ROOT_HOST', value: 'localhost' },
            { name: 'MYSQL_DATABASE', value: input.databaseName },
            fromSecret('MYSQL_USER', input.appSecret, 'username'),
            fromSecret('MYSQL_PASSWORD', input.appSecret, 'password'),
            fromSecret(MYSQL_CDC_ENV.user, input.cdcSecret, 'username'),
            fromSecret(MYSQL_CDC_ENV.password, input.cdcSecret, 'password'),
          ],
          resources: toK8sResources(input.resources),
          securityContext: MYSQL_CONTAINER_SECURITY_CONTEXT,
          startupProbe: { tcpSocket: tcp, ...MYSQL_STARTUP_PROBE },
          readinessProbe: { tcpSocket: tcp, periodSeconds: 5, failureThreshold: 3 },
          // `mysqladmin ping` exits 0 whenever the server answers, even "access denied".
          livenessProbe: { exec: { command: ['mysqladmin', '--protocol=socket', 'ping'] }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 },
          volumeMount: [
            { name: 'data', mountPath: MYSQL_VOLUME_MOUNT },
            { name: 'run', mountPath: MYSQL_RUN_DIR },
            { name: 'tmp', mountPath: MYSQL_TMP_DIR },
            { name: 'initdb', mountPath: MYSQL_INITDB_DIR, readOnly: true },
            ...(tls ? [{ name: 'tls', mountPath: MYSQL_TLS_DIR, readOnly: true }] : []),
          ],
        }],
        volume: [
          { name: 'run', emptyDir: {} },
          { name: 'tmp', emptyDir: { sizeLimit: MYSQL_TMP_SIZE_LIMIT } },
          // Not executable: the entrypoint sources it, so docker_process_sql is available.
          { name: 'initdb', configMap: { name: input.initdbConfigMap, defaultMode: '0444' } },
          ...(tls ? [{ name: 'tls', secret: { secretName: input.tlsSecretName, defaultMode: '0440' } }] : []),
        ],
      },
    },
    volumeClaimTemplate: [{
      metadata: { name: 'data', labels: input.podLabels },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: `${input.storageSizeGiB}Gi` } },
        ...(input.storageClassName ? { storageClassName: input.storageClassName } : {}),
      },
    }],
  };
}
