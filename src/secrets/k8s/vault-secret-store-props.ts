import { TerraformProvider } from '../../core/cdktf';
import { RemovalPolicy } from '../../platform/platform';

/** Suffix of the KV v2 mount a VaultSecretStore creates: `<namePrefix>-kv`. */
export const DEFAULT_KV_MOUNT_SUFFIX = 'kv';
/** Path of the Kubernetes auth method the roles are created in. */
export const DEFAULT_KUBERNETES_AUTH_PATH = 'kubernetes';
/** Lifetime of a Vault token issued to a workload (the agent renews it up to the max TTL). */
export const DEFAULT_VAULT_TOKEN_TTL_SECONDS = 900;
/** Longest a Vault token issued to a workload lives before the agent logs in again. */
export const DEFAULT_VAULT_TOKEN_MAX_TTL_SECONDS = 3_600;
/** Shortest token TTL accepted. */
export const MIN_VAULT_TOKEN_TTL_SECONDS = 60;
/** Longest token TTL accepted (a day). */
export const MAX_VAULT_TOKEN_TTL_SECONDS = 86_400;

/** Options for a Kubernetes auth method the store creates. */
export interface VaultKubernetesAuthOptions {
  /** Address of the Kubernetes API server as Vault reaches it, for example `https://kubernetes.default.svc`. */
  readonly kubernetesHost: string;
  /**
   * PEM CA certificate of the Kubernetes API server.
   * @default - Vault's own service account CA (when Vault runs in the cluster)
   */
  readonly kubernetesCaCert?: string;
}

/** Props of {@link VaultSecretStore}. */
export interface VaultSecretStoreProps {
  /**
   * The vault provider of the existing Vault.
   * @default - the stack's default (unaliased) vault provider; the stack must configure one
   */
  readonly provider?: TerraformProvider;
  /**
   * Path of the KV v2 mount the store creates.
   * @default - `<namePrefix>-kv` (DEFAULT_KV_MOUNT_SUFFIX)
   */
  readonly kvMountPath?: string;
  /**
   * Path of an existing KV v2 mount to use instead of creating one (excludes `kvMountPath`).
   * @default - the store creates a mount at `kvMountPath`
   */
  readonly existingKvMount?: string;
  /**
   * Path of the Kubernetes auth method that workload roles are created in.
   * @default DEFAULT_KUBERNETES_AUTH_PATH ("kubernetes")
   */
  readonly kubernetesAuthPath?: string;
  /**
   * Create the Kubernetes auth method at `kubernetesAuthPath` (and its config).
   * @default - use an existing auth method at `kubernetesAuthPath`
   */
  readonly createKubernetesAuth?: VaultKubernetesAuthOptions;
  /**
   * Audience the workloads' service account tokens must carry (the role's `audience`).
   * @default - not checked (Vault logs a warning); set it to your cluster's token audience
   */
  readonly roleAudience?: string;
  /**
   * TTL of the tokens workloads get (60 to 86400 seconds).
   * @default DEFAULT_VAULT_TOKEN_TTL_SECONDS (900)
   */
  readonly tokenTtlSeconds?: number;
  /**
   * Maximum TTL of those tokens (at least `tokenTtlSeconds`, at most 86400 seconds).
   * @default DEFAULT_VAULT_TOKEN_MAX_TTL_SECONDS (3600)
   */
  readonly tokenMaxTtlSeconds?: number;
  /**
   * Secret (in the platform namespace, with `ca.crt`) the Vault Agent mounts to verify Vault's TLS
   * certificate; added to `agentAnnotations`.
   * @default - the agent verifies Vault against its image's system CAs
   */
  readonly agentTlsSecretName?: string;
  /**
   * What happens to the KV mount, the secrets and their mirrored Kubernetes Secrets when they leave
   * the stack: RETAIN sets `prevent_destroy`; DESTROY (with `allowDataDestruction`) lets Terraform
   * delete them, every version included.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
