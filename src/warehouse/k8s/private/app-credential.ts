import { Construct } from 'constructs';
import { ICredential, SecretStoreBackend } from '../../../secrets/secret-store-contract';

/**
 * A `kubernetes.io/basic-auth` Secret (keys `username` and `password`) that something other than a
 * SecretStore manages: the database owner's `<cluster>-app` Secret CloudNativePG generates, or an
 * imported warehouse's administrator Secret.
 * @internal
 */
export class KubernetesBasicAuthCredential extends Construct implements ICredential {
  public readonly backend = SecretStoreBackend.KUBERNETES;
  public readonly kubernetesSecretName: string;

  constructor(scope: Construct, id: string, public readonly credentialName: string, public readonly username: string) {
    super(scope, id);
    this.kubernetesSecretName = credentialName;
  }
}
