import { AuthBackend } from '@cdktf/provider-vault/lib/auth-backend';
import { KubernetesAuthBackendConfig } from '@cdktf/provider-vault/lib/kubernetes-auth-backend-config';
import { Mount } from '@cdktf/provider-vault/lib/mount';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { Construct } from 'constructs';
import { grantSecretReader } from './private/secret-reader';
import { kvDataPath, VaultAccess } from './private/vault-access';
import { VaultCredential } from './private/vault-credential';
import {
  DEFAULT_KUBERNETES_AUTH_PATH, DEFAULT_KV_MOUNT_SUFFIX, DEFAULT_VAULT_TOKEN_MAX_TTL_SECONDS, DEFAULT_VAULT_TOKEN_TTL_SECONDS,
  MAX_VAULT_TOKEN_TTL_SECONDS, MIN_VAULT_TOKEN_TTL_SECONDS, VaultSecretStoreProps,
} from './vault-secret-store-props';
import { TerraformProvider, TerraformStack } from '../../core/cdktf';
import { invalidConfig, invalidProp } from '../../core/errors';
import { integerInRange, exclusive, isUnresolved } from '../../core/validate';
import { IIdentity } from '../../identity/identity';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { RemovalPolicy } from '../../platform/platform';
import { checkCredentialBackend } from '../private/check-backend';
import { CredentialOptions, ICredential, ISecretStore, SecretStoreBackend } from '../secret-store-contract';

/** Where the Vault Agent Injector renders secrets in the pod. */
export const VAULT_AGENT_SECRETS_DIR = '/vault/secrets';
/** Where the Vault Agent mounts `agentTlsSecretName`. */
export const VAULT_AGENT_TLS_DIR = '/vault/tls';
/** Prefix of the Vault Agent Injector's pod annotations. */
export const VAULT_ANNOTATION_PREFIX = 'vault.hashicorp.com/';
/** Longest name part of an annotation key (Kubernetes qualified names). */
const MAX_ANNOTATION_NAME_LENGTH = 63;
const SLUG = /^[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?$/;
const MOUNT_PATH = /^[a-zA-Z0-9][a-zA-Z0-9_-]*(\/[a-zA-Z0-9][a-zA-Z0-9_-]*)*$/;

/**
 * Credentials in an EXISTING HashiCorp Vault: a KV v2 secret per credential, mirrored into a
 * Kubernetes Secret of the platform namespace, and workloads that log in with their service account
 * through Vault's Kubernetes auth method.
 *
 * This store never installs Vault. A Vault that the same apply installs cannot be configured by the
 * vault provider in that apply (the provider needs its address and a token at plan time), so install
 * Vault from a separate stack (see VaultServer), initialise and unseal it, then use this store in a
 * stack whose `VaultProvider` points at it (or pass `provider`).
 *
 * `generateCredential` writes `{"username": ..., "password": ...}` to `<mount>/<namePrefix>/<name>`
 * only through the write-only `data_json_wo` (version = the credential's revision; the provider does
 * not read data back into state), and the same value, from the same Terraform run, to the
 * basic-auth Secret `<namePrefix>-<name>` (write-only `data_wo`), so in-cluster consumers that only
 * read Secrets (CloudNativePG managed roles, Strimzi's KubernetesSecretConfigProvider) see it too.
 * The password is drawn from `uuid()` (crypto/rand, 4 bits per hexadecimal character). If an apply
 * fails between the two writes, bump the revision so both get the same new password.
 *
 * `grantRead` creates a policy that can only read that one secret's data path and a Kubernetes auth
 * role per identity (its service account in the platform namespace, short-lived tokens) carrying
 * every policy granted to it, plus a Role on the mirrored Secret. `agentAnnotations` gives the pod
 * annotations that make the Vault Agent Injector render the credential to `/vault/secrets/<file>`.
 */
export class VaultSecretStore extends Construct implements ISecretStore {
  public readonly backend = SecretStoreBackend.VAULT;
  /** Path of the KV v2 mount credentials are written to. */
  public readonly kvMountPath: string;
  /** Path of the Kubernetes auth method of the workload roles. */
  public readonly kubernetesAuthPath: string;
  /** TTL of workload tokens, in seconds. */
  public readonly tokenTtlSeconds: number;
  /** Maximum TTL of workload tokens, in seconds. */
  public readonly tokenMaxTtlSeconds: number;
  private readonly provider?: TerraformProvider;
  private readonly removalPolicy?: RemovalPolicy;
  private readonly agentTlsSecretName?: string;
  private readonly mountRef: string;
  private readonly access: VaultAccess;

  constructor(scope: Construct, id: string, props: VaultSecretStoreProps = {}) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    exclusive(this, 'kvMountPath', props.kvMountPath !== undefined, 'existingKvMount', props.existingKvMount !== undefined);
    this.provider = props.provider;
    this.removalPolicy = props.removalPolicy;
    this.agentTlsSecretName = props.agentTlsSecretName;
    this.kvMountPath = this.checkPath('existingKvMount', props.existingKvMount)
      ?? this.checkPath('kvMountPath', props.kvMountPath) ?? `${platform.namePrefix}-${DEFAULT_KV_MOUNT_SUFFIX}`;
    this.kubernetesAuthPath = this.checkPath('kubernetesAuthPath', props.kubernetesAuthPath) ?? DEFAULT_KUBERNETES_AUTH_PATH;
    this.tokenTtlSeconds = integerInRange(
      this, 'tokenTtlSeconds', props.tokenTtlSeconds, MIN_VAULT_TOKEN_TTL_SECONDS, MAX_VAULT_TOKEN_TTL_SECONDS, DEFAULT_VAULT_TOKEN_TTL_SECONDS,
    );
    this.tokenMaxTtlSeconds = integerInRange(
      this, 'tokenMaxTtlSeconds', props.tokenMaxTtlSeconds, this.tokenTtlSeconds, MAX_VAULT_TOKEN_TTL_SECONDS, Math.max(DEFAULT_VAULT_TOKEN_MAX_TTL_SECONDS, this.tokenTtlSeconds),
    );

    if (props.existingKvMount !== undefined) {
      this.mountRef = this.kvMountPath;
    } else {
      const mount = new Mount(this, 'KvMount', {
        path: this.kvMountPath,
        type: 'kv-v2',
        description: `${platform.namePrefix}: generated credentials (cdktf-data-pipelines)`,
        provider: this.provider,
      });
      platform.protect(mount, this.removalPolicy);
      this.mountRef = mount.path;
    }

    let authPath = this.kubernetesAuthPath;
    if (props.createKubernetesAuth) {
      if (!isUnresolved(props.createKubernetesAuth.kubernetesHost) && !/^https:\/\/\S+$/.test(props.createKubernetesAuth.kubernetesHost)) {
        throw invalidProp(this, 'createKubernetesAuth.kubernetesHost', props.createKubernetesAuth.kubernetesHost, 'use the https URL of the Kubernetes API server, for example "https://kubernetes.default.svc"');
      }
      const auth = new AuthBackend(this, 'KubernetesAuth', { type: 'kubernetes', path: this.kubernetesAuthPath, provider: this.provider });
      const config = new KubernetesAuthBackendConfig(this, 'KubernetesAuthConfig', {
        backend: auth.path,
        kubernetesHost: props.createKubernetesAuth.kubernetesHost,
        kubernetesCaCert: props.createKubernetesAuth.kubernetesCaCert,
        provider: this.provider,
      });
      authPath = config.backend;
    }
    this.access = new VaultAccess(this, 'Access', {
      authPath,
      tokenTtlSeconds: this.tokenTtlSeconds,
      tokenMaxTtlSeconds: this.tokenMaxTtlSeconds,
      audience: props.roleAudience,
      provider: this.provider,
    });
    if (!this.provider) {
      this.node.addValidation({ validate: () => this.checkVaultProvider() });
    }
  }

  public generateCredential(id: string, options: CredentialOptions): ICredential {
    return new VaultCredential(this, id, {
      options,
      mountPath: this.kvMountPath,
      mountRef: this.mountRef,
      provider: this.provider,
      removalPolicy: this.removalPolicy,
    });
  }

  public grantRead(identity: IIdentity, credential: ICredential): void {
    checkCredentialBackend(this, credential, SecretStoreBackend.VAULT);
    this.access.grant(identity, credential);
    if (credential.kubernetesSecretName) grantSecretReader(this, identity, credential, credential.kubernetesSecretName);
  }

  /**
   * Pod annotations that make the Vault Agent Injector log in as `identity` and render `credential`
   * as JSON (`{"password": ..., "username": ...}`) to `/vault/secrets/<file>`, where `<file>` is the
   * last segment of the credential's Vault path (its name). Call `grantRead(identity, credential)`
   * first. The pod must run as the identity's service account and mount its token
   * (`automountServiceAccountToken: true` in the pod spec: Identity's service accounts do not).
   */
  public agentAnnotations(credential: ICredential, identity: IIdentity): Record<string, string> {
    if (credential.backend !== SecretStoreBackend.VAULT) {
      throw invalidConfig(this, `agentAnnotations: credential "${credential.credentialName}" (${credential.node.path}) lives in ${credential.backend}, not ${SecretStoreBackend.VAULT}.`);
    }
    if (!this.access.isGranted(identity, credential)) {
      throw invalidConfig(this, `agentAnnotations: identity "${identity.identityName}" cannot read credential "${credential.credentialName}" yet; call grantRead(identity, credential) first.`);
    }
    const file = agentFileName(this, credential);
    const path = kvDataPath(credential);
    return {
      [`${VAULT_ANNOTATION_PREFIX}agent-inject`]: 'true',
      [`${VAULT_ANNOTATION_PREFIX}role`]: identity.identityName,
      [`${VAULT_ANNOTATION_PREFIX}auth-path`]: `auth/${this.kubernetesAuthPath}`,
      [`${VAULT_ANNOTATION_PREFIX}agent-inject-secret-${file}`]: path,
      [`${VAULT_ANNOTATION_PREFIX}agent-inject-template-${file}`]: `{{- with secret "${path}" -}}{{ .Data.data | toJSON }}{{- end -}}`,
      ...(this.agentTlsSecretName ? {
        [`${VAULT_ANNOTATION_PREFIX}tls-secret`]: this.agentTlsSecretName,
        [`${VAULT_ANNOTATION_PREFIX}ca-cert`]: `${VAULT_AGENT_TLS_DIR}/ca.crt`,
      } : {}),
    };
  }

  private checkPath(prop: string, value: string | undefined): string | undefined {
    if (value === undefined || isUnresolved(value)) return value;
    if (!MOUNT_PATH.test(value)) {
      throw invalidProp(this, prop, value, 'use a Vault path of letters, digits, "_" and "-" segments separated by "/", without leading or trailing "/"');
    }
    return value;
  }

  private checkVaultProvider(): string[] {
    const stack = TerraformStack.of(this);
    const found = stack.node.findAll().some((c) => c instanceof VaultProvider);
    return found ? [] : [
      invalidConfig(this, `no vault provider in stack "${stack.node.id}": add new VaultProvider(stack, 'Vault', { address: ... }) pointing at the existing Vault, or pass provider.`).message,
    ];
  }
}

/** The file name the agent renders a credential to (the last segment of its Vault path). */
function agentFileName(scope: Construct, credential: ICredential): string {
  const file = credential.vaultPath!.split('/').pop()!;
  const longest = MAX_ANNOTATION_NAME_LENGTH - 'agent-inject-template-'.length;
  if (isUnresolved(file) || file.length > longest || !SLUG.test(file)) {
    throw invalidConfig(scope, `agentAnnotations: the last segment of vaultPath "${credential.vaultPath}" names the rendered file and must be 1 to ${longest} letters, digits, ".", "_" and "-".`);
  }
  return file;
}
