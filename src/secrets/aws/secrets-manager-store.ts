import { Construct } from 'constructs';
import { grantSecretRead } from './private/secret-read-policy';
import { SecretsManagerCredential } from './private/secrets-manager-credential';
import {
  DEFAULT_SECRET_RECOVERY_WINDOW_DAYS, MIN_SECRET_RECOVERY_WINDOW_DAYS, SECRETS_KEY_PURPOSE,
} from './secrets-manager-constants';
import { invalidProp } from '../../core/errors';
import { integerInRange } from '../../core/validate';
import { IIdentity } from '../../identity/identity';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';
import { RemovalPolicy } from '../../platform/platform';
import { checkCredentialBackend } from '../private/check-backend';
import { ImportedCredential } from '../private/imported-credential';
import {
  CredentialAttributes, CredentialOptions, ICredential, ISecretStore, SecretStoreBackend,
} from '../secret-store-contract';

/** Props of {@link SecretsManagerStore}. */
export interface SecretsManagerStoreProps {
  /**
   * What happens to the secrets when they leave the stack. RETAIN sets `prevent_destroy` and keeps a
   * deleted secret recoverable for `recoveryWindowDays`; DESTROY (with the platform's
   * `allowDataDestruction`) deletes it at once.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Days a deleted secret stays recoverable (7 to 30) while the removal policy is RETAIN.
   * @default DEFAULT_SECRET_RECOVERY_WINDOW_DAYS (30)
   */
  readonly recoveryWindowDays?: number;
}

/**
 * Credentials in AWS Secrets Manager, encrypted with the platform's customer-managed KMS key.
 *
 * A generated credential is a secret whose value `{"username": ..., "password": ...}` is written
 * only through the write-only `secret_string_wo`; the password comes from Secrets Manager's
 * `GetRandomPassword` through the ephemeral `aws_secretsmanager_random_password`, so it is in neither
 * the plan nor the state (Terraform 1.11+). Bump the credential's `revision` to rotate it.
 *
 * `grantRead` attaches an inline policy to the identity's IAM role: `GetSecretValue` and
 * `DescribeSecret` on that secret, and `kms:Decrypt` on its key only through Secrets Manager.
 *
 * No resource policy is attached: without one, only principals of this account that IAM allows can
 * read a secret (and the key's policy trusts only this account). Secrets Manager's
 * `block_public_policy` only checks the policy sent with it, so it would add nothing here; Secrets
 * Manager is HTTPS-only, so no TLS condition is needed either.
 */
export class SecretsManagerStore extends Construct implements ISecretStore {
  /**
   * A credential that already exists in Secrets Manager, for example the secret Redshift creates with
   * `manage_master_password`. Needs `secretArn`; give `kmsKeyArn` when the secret uses a
   * customer-managed key, so grants include `kms:Decrypt` on it.
   */
  public static credentialFromAttributes(scope: Construct, id: string, attrs: CredentialAttributes): ICredential {
    const credential = new ImportedCredential(scope, id, attrs);
    if (credential.backend !== SecretStoreBackend.SECRETS_MANAGER) {
      throw invalidProp(credential, 'backend', attrs.backend, `SecretsManagerStore.credentialFromAttributes takes ${SecretStoreBackend.SECRETS_MANAGER} credentials; use Credential.fromAttributes for others`);
    }
    return credential;
  }

  public readonly backend = SecretStoreBackend.SECRETS_MANAGER;
  /** Days a deleted secret stays recoverable while retained. */
  public readonly recoveryWindowDays: number;
  private readonly removalPolicy?: RemovalPolicy;
  private key?: IEncryptionKey;

  constructor(scope: Construct, id: string, props: SecretsManagerStoreProps = {}) {
    super(scope, id);
    AwsPlatform.ofAws(this);
    this.removalPolicy = props.removalPolicy;
    this.recoveryWindowDays = integerInRange(
      this, 'recoveryWindowDays', props.recoveryWindowDays, MIN_SECRET_RECOVERY_WINDOW_DAYS, DEFAULT_SECRET_RECOVERY_WINDOW_DAYS, DEFAULT_SECRET_RECOVERY_WINDOW_DAYS,
    );
  }

  /** The customer-managed key of this store's secrets (created with the first credential). */
  public get encryptionKey(): IEncryptionKey {
    this.key ??= AwsPlatform.ofAws(this).encryptionKey(this, SECRETS_KEY_PURPOSE, this.removalPolicy);
    return this.key;
  }

  public generateCredential(id: string, options: CredentialOptions): ICredential {
    return new SecretsManagerCredential(this, id, {
      options,
      key: this.encryptionKey,
      removalPolicy: this.removalPolicy,
      recoveryWindowDays: this.recoveryWindowDays,
    });
  }

  /**
   * The password of a credential this store generated, for the write-only argument of the resource
   * that sets it (for example an RDS instance's `password_wo`, with `password_wo_version` = the
   * credential's revision). It refers to the ephemeral random password, so it never enters the plan
   * or the state, and Terraform rejects it in any argument that is not write-only.
   */
  public writeOnlyPassword(credential: ICredential): string {
    if (!(credential instanceof SecretsManagerCredential) || credential.node.scope !== this) {
      throw invalidProp(this, 'credential', credential.credentialName,
        'pass a credential this store generated (generateCredential): only those have a password Terraform can write without storing it');
    }
    return credential.writeOnlyPassword;
  }

  public grantRead(identity: IIdentity, credential: ICredential): void {
    checkCredentialBackend(this, credential, SecretStoreBackend.SECRETS_MANAGER);
    const platform = AwsPlatform.ofAws(this);
    grantSecretRead(this, identity, credential, platform.namePrefix, platform.region);
  }
}
