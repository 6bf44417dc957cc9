import { Construct } from 'constructs';
import { IIdentity } from '../../../../src/identity/identity';
import { CredentialOptions, ICredential, ISecretStore, SecretStoreBackend } from '../../../../src/secrets/secret-store-contract';

/** A store of another backend (its methods are never reached: the warehouse refuses it first). */
export class KubernetesSecretStoreStub extends Construct implements ISecretStore {
  public readonly backend = SecretStoreBackend.KUBERNETES;
  public generateCredential(_id: string, _options: CredentialOptions): ICredential {
    throw new Error('not used');
  }
  public grantRead(_identity: IIdentity, _credential: ICredential): void {
    throw new Error('not used');
  }
}
