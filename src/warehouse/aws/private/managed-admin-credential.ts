import { Construct } from 'constructs';
import { ICredential, SecretStoreBackend } from '../../../secrets/secret-store-contract';

/**
 * Props of {@link ManagedAdminCredential}.
 * @internal
 */
export interface ManagedAdminCredentialProps {
  readonly credentialName: string;
  readonly username: string;
  /** `master_password_secret_arn` / `admin_password_secret_arn` of the cluster or namespace. */
  readonly secretArn: string;
  /** The key Redshift encrypts the secret with. */
  readonly kmsKeyArn?: string;
}

/**
 * The administrator's credential that Redshift generates, rotates and keeps in Secrets Manager
 * (`manage_master_password` / `manage_admin_password`): never in Terraform state.
 * @internal
 */
export class ManagedAdminCredential extends Construct implements ICredential {
  public readonly credentialName: string;
  public readonly username: string;
  public readonly backend = SecretStoreBackend.SECRETS_MANAGER;
  public readonly secretArn: string;
  public readonly kmsKeyArn?: string;

  constructor(scope: Construct, id: string, props: ManagedAdminCredentialProps) {
    super(scope, id);
    this.credentialName = props.credentialName;
    this.username = props.username;
    this.secretArn = props.secretArn;
    this.kmsKeyArn = props.kmsKeyArn;
  }
}
