import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { VAULT_API_PORT, VAULT_CLUSTER_PORT } from '../vault-server-props';
import { VaultTls } from '../vault-tls';

/** Where the servers mount the TLS Secret. */
export const VAULT_TLS_MOUNT_PATH = '/vault/userconfig/tls';
/** User the Vault image runs as (the chart's default `server.uid`). */
export const VAULT_RUN_AS_USER = 100;
/** Group of the Vault user, which owns the volumes (the chart's default `server.gid`). */
export const VAULT_RUN_AS_GROUP = 1000;
/** Mode of the mounted TLS files: readable by the owner and the Vault group only (0440). */
export const VAULT_TLS_FILE_MODE = 0o440;

/** Inputs of the Vault chart values. @internal */
export interface VaultServerValuesInput {
  readonly releaseName: string;
  readonly tls: VaultTls;
  readonly replicas: number;
  readonly dataStorageGiB: number;
  readonly auditStorageGiB: number;
  readonly resources: ResourceRequirements;
  readonly injectorResources: ResourceRequirements;
  readonly ui: boolean;
  readonly retain: boolean;
  readonly storageClassName?: string;
}

/**
 * Vault's server configuration (HCL): the TCP listener (TLS from the mounted Secret, TLS 1.2 at
 * least), integrated raft storage joining every server of the StatefulSet, Kubernetes service
 * registration. `disable_mlock` is what HashiCorp recommends with integrated storage, and mlock needs
 * IPC_LOCK, which Pod Security "restricted" drops.
 * @internal
 */
export function vaultRaftConfig(input: VaultServerValuesInput): string {
  const tls = input.tls.enabled;
  const scheme = tls ? 'https' : 'http';
  const joins = Array.from({ length: input.replicas }, (_, i) => [
    '  retry_join {',
    `    leader_api_addr = "${scheme}://${input.releaseName}-${i}.${input.releaseName}-internal:${VAULT_API_PORT}"`,
    ...(tls ? [`    leader_ca_cert_file = "${VAULT_TLS_MOUNT_PATH}/ca.crt"`] : []),
    '  }',
  ]).flat();
  return [
    `ui = ${input.ui}`,
    'disable_mlock = true',
    '',
    'listener "tcp" {',
    `  address = "[::]:${VAULT_API_PORT}"`,
    `  cluster_address = "[::]:${VAULT_CLUSTER_PORT}"`,
    ...(tls
      ? [`  tls_cert_file = "${VAULT_TLS_MOUNT_PATH}/tls.crt"`, `  tls_key_file = "${VAULT_TLS_MOUNT_PATH}/tls.key"`, '  tls_min_version = "tls12"']
      : ['  tls_disable = 1']),
    '}',
    '',
    'storage "raft" {',
    '  path = "/vault/data"',
    ...joins,
    '}',
    '',
    'service_registration "kubernetes" {}',
    '',
  ].join('\n');
}

const POD_SECURITY = {
  ...RESTRICTED_POD_SECURITY_CONTEXT,
  runAsUser: VAULT_RUN_AS_USER,
  runAsGroup: VAULT_RUN_AS_GROUP,
  fsGroup: VAULT_RUN_AS_GROUP,
};

/**
 * Values of the official Vault chart: HA with integrated raft, data and audit volumes, Pod Security
 * "restricted" contexts (read-only root filesystem; Vault copies its config to an emptyDir /tmp),
 * the Agent Injector on, the CSI provider and the chart's own NetworkPolicy off (the platform's
 * policies apply), TLS from the Secret unless disabled.
 * @internal
 */
export function vaultServerValues(input: VaultServerValuesInput): Record<string, any> {
  const tls = input.tls.enabled;
  const volume = (sizeGiB: number) => ({ enabled: true, size: `${sizeGiB}Gi`, storageClass: input.storageClassName ?? null, accessMode: 'ReadWriteOnce' });
  return {
    global: { enabled: true, tlsDisable: !tls },
    injector: {
      enabled: true,
      resources: toK8sResources(input.injectorResources),
      securityContext: { pod: POD_SECURITY, container: RESTRICTED_CONTAINER_SECURITY_CONTEXT },
    },
    server: {
      resources: toK8sResources(input.resources),
      ha: { enabled: true, replicas: input.replicas, raft: { enabled: true, setNodeId: true, config: vaultRaftConfig(input) } },
      dataStorage: volume(input.dataStorageGiB),
      auditStorage: volume(input.auditStorageGiB),
      persistentVolumeClaimRetentionPolicy: { whenDeleted: input.retain ? 'Retain' : 'Delete', whenScaled: 'Retain' },
      statefulSet: { securityContext: { pod: POD_SECURITY, container: RESTRICTED_CONTAINER_SECURITY_CONTEXT } },
      volumes: [
        { name: 'tmp', emptyDir: {} },
        ...(tls ? [{ name: 'tls', secret: { secretName: input.tls.secretName, defaultMode: VAULT_TLS_FILE_MODE } }] : []),
      ],
      volumeMounts: [
        { name: 'tmp', mountPath: '/tmp' },
        ...(tls ? [{ name: 'tls', mountPath: VAULT_TLS_MOUNT_PATH, readOnly: true }] : []),
      ],
      extraEnvironmentVars: tls ? { VAULT_CACERT: `${VAULT_TLS_MOUNT_PATH}/ca.crt` } : {},
      networkPolicy: { enabled: false },
    },
    ui: { enabled: input.ui },
    csi: { enabled: false },
  };
}
