import { Construct } from 'constructs';
import { invalidProp } from '../../core/errors';
import { CredentialAttributes, ICredential, SecretStoreBackend } from '../secret-store-contract';

/** What each backend needs to find an existing credential, for messages. */
const REQUIRED: Record<SecretStoreBackend, Array<{ attr: keyof CredentialAttributes; what: string }>> = {
  [SecretStoreBackend.SECRETS_MANAGER]: [{ attr: 'secretArn', what: 'the ARN of its Secrets Manager secret' }],
  [SecretStoreBackend.VAULT]: [
    { attr: 'vaultMount', what: 'the mount path of its KV v2 engine' },
    { attr: 'vaultPath', what: 'the path of the secret inside the mount' },
  ],
  [SecretStoreBackend.KUBERNETES]: [{ attr: 'kubernetesSecretName', what: 'the name of its Secret in the platform namespace' }],
};

/** A credential that exists outside this construct tree (for example one a service manages). @internal */
export class ImportedCredential extends Construct implements ICredential {
  public readonly credentialName: string;
  public readonly username: string;
  public readonly backend: SecretStoreBackend;
  public readonly secretArn?: string;
  public readonly kmsKeyArn?: string;
  public readonly vaultMount?: string;
  public readonly vaultPath?: string;
  public readonly kubernetesSecretName?: string;

  constructor(scope: Construct, id: string, attrs: CredentialAttributes) {
    super(scope, id);
    const required = REQUIRED[attrs.backend];
    if (!required) {
      throw invalidProp(this, 'backend', attrs.backend, `use one of ${Object.values(SecretStoreBackend).join(', ')}`);
    }
    for (const { attr, what } of required) {
      const value = attrs[attr];
      if (typeof value !== 'string' || value.length === 0) {
        throw invalidProp(this, attr, value, `a ${attrs.backend} credential needs ${what}`);
      }
    }
    for (const attr of ['credentialName', 'username'] as const) {
      if (typeof attrs[attr] !== 'string' || attrs[attr].length === 0) {
        throw invalidProp(this, attr, attrs[attr], 'every credential needs one');
      }
    }
    this.credentialName = attrs.credentialName;
    this.username = attrs.username;
    this.backend = attrs.backend;
    this.secretArn = attrs.secretArn;
    this.kmsKeyArn = attrs.kmsKeyArn;
    this.vaultMount = attrs.vaultMount;
    this.vaultPath = attrs.vaultPath;
    this.kubernetesSecretName = attrs.kubernetesSecretName;
  }
}
