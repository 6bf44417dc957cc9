import { Construct } from 'constructs';
import { KubernetesSecretCredential } from './private/kubernetes-secret-credential';
import { grantSecretReader } from './private/secret-reader';
import { IIdentity } from '../../identity/identity';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { RemovalPolicy } from '../../platform/platform';
import { checkCredentialBackend } from '../private/check-backend';
import { CredentialOptions, ICredential, ISecretStore, SecretStoreBackend } from '../secret-store-contract';

/** Props of {@link KubernetesSecretStore}. */
export interface KubernetesSecretStoreProps {
  /**
   * What happens to the Secrets when they leave the stack: RETAIN sets `prevent_destroy`; DESTROY
   * (with the platform's `allowDataDestruction`) lets Terraform delete them.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Credentials in Kubernetes Secrets of the platform namespace: one `kubernetes.io/basic-auth` Secret
 * `<namePrefix>-<name>` per credential, with the keys `username` and `password`, labelled
 * `cnpg.io/reload: "true"` so CloudNativePG reloads managed-role passwords.
 *
 * The password is drawn by Terraform from `uuid()` (crypto/rand; 4 bits of entropy per hexadecimal
 * character, 128 bits at the default length) and sent only through the write-only `data_wo`, so it is
 * in neither the plan nor the state. Bump the credential's `revision` to rotate it.
 *
 * `grantRead` creates a Role allowing `get` on that one Secret (by `resourceNames`) and binds it to
 * the identity's service account.
 */
export class KubernetesSecretStore extends Construct implements ISecretStore {
  public readonly backend = SecretStoreBackend.KUBERNETES;
  private readonly removalPolicy?: RemovalPolicy;

  constructor(scope: Construct, id: string, props: KubernetesSecretStoreProps = {}) {
    super(scope, id);
    KubernetesPlatform.ofKubernetes(this);
    this.removalPolicy = props.removalPolicy;
  }

  public generateCredential(id: string, options: CredentialOptions): ICredential {
    return new KubernetesSecretCredential(this, id, options, this.removalPolicy);
  }

  public grantRead(identity: IIdentity, credential: ICredential): void {
    checkCredentialBackend(this, credential, SecretStoreBackend.KUBERNETES);
    grantSecretReader(this, identity, credential, credential.kubernetesSecretName!);
  }
}
