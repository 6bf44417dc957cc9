import { Construct } from 'constructs';
import { ImportedCredential } from './private/imported-credential';
import { CredentialAttributes, ICredential } from './secret-store-contract';

/** Credentials that already exist, for any backend. */
export class Credential {
  /**
   * A credential that exists outside this stack or that a service manages (for example the secret
   * Redshift creates with `manage_master_password`). Checks that the attributes its backend needs are
   * there: `secretArn` (SECRETS_MANAGER), `vaultMount` and `vaultPath` (VAULT),
   * `kubernetesSecretName` (KUBERNETES).
   */
  public static fromAttributes(scope: Construct, id: string, attrs: CredentialAttributes): ICredential {
    return new ImportedCredential(scope, id, attrs);
  }

  private constructor() {}
}
