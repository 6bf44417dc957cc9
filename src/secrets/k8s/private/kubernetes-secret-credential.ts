import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { Construct } from 'constructs';
import { basicAuthSecret } from './basic-auth-secret';
import { TerraformLocal } from '../../../core/cdktf';
import { checkName, KubernetesNameRules } from '../../../core/naming';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { connectionFields, resolveCredentialOptions } from '../../private/credential-options';
import { uuidPassword } from '../../private/uuid-password';
import { CredentialOptions, ICredential, SecretStoreBackend } from '../../secret-store-contract';

/**
 * A generated credential held in a Kubernetes Secret `<namePrefix>-<name>` of the platform namespace;
 * the password is a uuid-based Terraform local sent only through `data_wo`.
 * @internal
 */
export class KubernetesSecretCredential extends Construct implements ICredential {
  public readonly credentialName: string;
  public readonly username: string;
  public readonly backend = SecretStoreBackend.KUBERNETES;
  public readonly kubernetesSecretName: string;
  /** The password local (its value exists only while Terraform runs). */
  public readonly password: TerraformLocal;
  public readonly secret: SecretV1;

  constructor(scope: Construct, id: string, options: CredentialOptions, removalPolicy?: RemovalPolicy) {
    super(scope, id);
    const resolved = resolveCredentialOptions(this, options);
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.credentialName = checkName(this, 'name', `${platform.namePrefix}-${resolved.name}`, KubernetesNameRules.DNS_LABEL);
    this.kubernetesSecretName = this.credentialName;
    this.username = resolved.username;
    this.password = uuidPassword(this, 'Password', resolved.passwordLength);
    this.secret = basicAuthSecret(this, 'Secret', {
      name: this.credentialName,
      username: resolved.username,
      password: this.password.asString,
      revision: resolved.revision,
      removalPolicy,
      connection: connectionFields(resolved.connection),
    });
  }
}
