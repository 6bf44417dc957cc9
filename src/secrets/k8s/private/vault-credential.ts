import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { KvSecretV2 } from '@cdktf/provider-vault/lib/kv-secret-v2';
import { Construct } from 'constructs';
import { basicAuthSecret } from './basic-auth-secret';
import { Fn, TerraformLocal, TerraformProvider } from '../../../core/cdktf';
import { checkName, KubernetesNameRules } from '../../../core/naming';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { connectionFields, resolveCredentialOptions } from '../../private/credential-options';
import { uuidPassword } from '../../private/uuid-password';
import { CredentialOptions, ICredential, SecretStoreBackend } from '../../secret-store-contract';

/** What the Vault store decides for every credential. @internal */
export interface VaultCredentialProps {
  readonly options: CredentialOptions;
  /** Literal mount path (for policies and annotations). */
  readonly mountPath: string;
  /** The mount path as the KV secret references it (a token of the created mount, for ordering). */
  readonly mountRef: string;
  readonly provider?: TerraformProvider;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A generated Vault credential: a KV v2 secret `<namePrefix>/<name>` written only through the
 * write-only `data_json_wo` (version = the credential's revision), and its mirror, a basic-auth
 * Kubernetes Secret `<namePrefix>-<name>` written from the same password local in the same run.
 * @internal
 */
export class VaultCredential extends Construct implements ICredential {
  public readonly credentialName: string;
  public readonly username: string;
  public readonly backend = SecretStoreBackend.VAULT;
  public readonly vaultMount: string;
  public readonly vaultPath: string;
  public readonly kubernetesSecretName: string;
  public readonly password: TerraformLocal;
  public readonly secret: KvSecretV2;
  public readonly mirror: SecretV1;

  constructor(scope: Construct, id: string, props: VaultCredentialProps) {
    super(scope, id);
    const options = resolveCredentialOptions(this, props.options);
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.credentialName = checkName(this, 'name', `${platform.namePrefix}-${options.name}`, KubernetesNameRules.DNS_LABEL);
    this.kubernetesSecretName = this.credentialName;
    this.username = options.username;
    this.vaultMount = props.mountPath;
    this.vaultPath = `${platform.namePrefix}/${options.name}`;
    this.password = uuidPassword(this, 'Password', options.passwordLength);

    const removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    this.secret = new KvSecretV2(this, 'Secret', {
      mount: props.mountRef,
      name: this.vaultPath,
      dataJsonWo: Fn.jsonencode({ username: options.username, password: this.password.asString, ...connectionFields(options.connection) }),
      dataJsonWoVersion: options.revision,
      deleteAllVersions: removalPolicy === RemovalPolicy.DESTROY,
      provider: props.provider,
    });
    platform.protect(this.secret, removalPolicy);
    // In-cluster readers that only read Secrets (CloudNativePG managed roles, Strimzi's
    // KubernetesSecretConfigProvider) get the same value from the mirror.
    this.mirror = basicAuthSecret(this, 'Mirror', {
      name: this.credentialName,
      username: options.username,
      password: this.password.asString,
      revision: options.revision,
      removalPolicy,
      connection: connectionFields(options.connection),
    });
  }
}
