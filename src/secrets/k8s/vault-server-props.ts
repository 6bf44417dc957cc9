import { VaultTls } from './vault-tls';
import { NetworkPeer } from '../../platform/k8s/network';
import { ResourceRequirements } from '../../platform/k8s/resources';
import { RemovalPolicy } from '../../platform/platform';

/** Vault servers of the raft cluster (a majority must be up: 3 tolerate one failure). */
export const DEFAULT_VAULT_REPLICAS = 3;
/** Largest raft cluster accepted. */
export const MAX_VAULT_REPLICAS = 7;
/** Size of each server's raft data volume, in GiB. */
export const DEFAULT_VAULT_DATA_STORAGE_GIB = 10;
/** Size of each server's audit log volume, in GiB. */
export const DEFAULT_VAULT_AUDIT_STORAGE_GIB = 10;
/** CPU and memory of each Vault server. */
export const DEFAULT_VAULT_SERVER_RESOURCES: ResourceRequirements = { cpuRequest: '250m', memoryRequest: '512Mi', memoryLimit: '512Mi' };
/** CPU and memory of the Vault Agent Injector. */
export const DEFAULT_VAULT_INJECTOR_RESOURCES: ResourceRequirements = { cpuRequest: '50m', memoryRequest: '128Mi', memoryLimit: '128Mi' };
/** Vault's API port. */
export const VAULT_API_PORT = 8200;
/** Vault's cluster port (raft and request forwarding between servers). */
export const VAULT_CLUSTER_PORT = 8201;
/** Port of the Vault Agent Injector's admission webhook (the chart's `injector.port`). */
export const VAULT_INJECTOR_PORT = 8080;

/** Props of {@link VaultServer}. */
export interface VaultServerProps {
  /**
   * TLS of the listener: `VaultTls.fromSecret(secretName)`, or `VaultTls.disabled()` (warned).
   */
  readonly tls: VaultTls;
  /**
   * Vault servers in the raft cluster (odd, 1 to 7).
   * @default DEFAULT_VAULT_REPLICAS (3)
   */
  readonly replicas?: number;
  /**
   * Size of each server's raft data volume, in GiB.
   * @default DEFAULT_VAULT_DATA_STORAGE_GIB (10)
   */
  readonly dataStorageGiB?: number;
  /**
   * Size of each server's audit log volume (mounted at /vault/audit), in GiB.
   * @default DEFAULT_VAULT_AUDIT_STORAGE_GIB (10)
   */
  readonly auditStorageGiB?: number;
  /**
   * CPU and memory of each Vault server.
   * @default DEFAULT_VAULT_SERVER_RESOURCES
   */
  readonly resources?: ResourceRequirements;
  /**
   * CPU and memory of the Vault Agent Injector.
   * @default DEFAULT_VAULT_INJECTOR_RESOURCES
   */
  readonly injectorResources?: ResourceRequirements;
  /**
   * Serve the web UI (and create its Service).
   * @default false
   */
  readonly ui?: boolean;
  /**
   * Clients outside the platform namespace allowed to reach Vault's API port (pods of the namespace
   * always may: injected agents need it).
   * @default - none
   */
  readonly additionalClients?: NetworkPeer[];
  /**
   * What happens to the release and its volumes: RETAIN sets `prevent_destroy` on the release and
   * keeps the volumes when the StatefulSet goes; DESTROY (with `allowDataDestruction`) deletes them.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
