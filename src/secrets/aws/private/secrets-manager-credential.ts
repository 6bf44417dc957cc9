import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Construct } from 'constructs';
import { Fn } from '../../../core/cdktf';
import { EphemeralResource } from '../../../core/ephemeral';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../../platform/aws/encryption-key';
import { RemovalPolicy } from '../../../platform/platform';
import { connectionFields, resolveCredentialOptions } from '../../private/credential-options';
import { CredentialOptions, ICredential, SecretStoreBackend } from '../../secret-store-contract';
import { DESTROY_SECRET_RECOVERY_WINDOW_DAYS, PASSWORD_EXCLUDED_CHARACTERS, SECRETS_MANAGER_SECRET_NAME } from '../secrets-manager-constants';

/** Ephemeral resource type that asks Secrets Manager for a random password (AWS provider 5.100+). */
export const RANDOM_PASSWORD_EPHEMERAL_TYPE = 'aws_secretsmanager_random_password';

/** What the store decides for every credential it generates. @internal */
export interface SecretsManagerCredentialProps {
  readonly options: CredentialOptions;
  readonly key: IEncryptionKey;
  readonly removalPolicy?: RemovalPolicy;
  readonly recoveryWindowDays: number;
}

/**
 * A generated Secrets Manager credential: the secret (customer-managed key, recovery window,
 * retained unless DESTROY takes effect) and its version, whose value
 * `{"username": ..., "password": ...}` is sent only through the write-only `secret_string_wo`.
 * The password comes from the ephemeral `aws_secretsmanager_random_password`, so it never enters the
 * plan or the state; `secret_string_wo_version` is the credential's revision.
 * @internal
 */
export class SecretsManagerCredential extends Construct implements ICredential {
  public readonly credentialName: string;
  public readonly username: string;
  public readonly backend = SecretStoreBackend.SECRETS_MANAGER;
  public readonly secretArn: string;
  public readonly kmsKeyArn: string;
  public readonly secret: SecretsmanagerSecret;
  public readonly version: SecretsmanagerSecretVersion;
  /**
   * The generated password as a reference to the ephemeral resource: only write-only arguments
   * (`password_wo`, `secret_string_wo`...) may take it; Terraform rejects it anywhere else.
   */
  public readonly writeOnlyPassword: string;

  constructor(scope: Construct, id: string, props: SecretsManagerCredentialProps) {
    super(scope, id);
    const options = resolveCredentialOptions(this, props.options);
    const platform = AwsPlatform.ofAws(this);
    this.credentialName = platform.physicalName(this, SECRETS_MANAGER_SECRET_NAME, [options.name]);
    this.username = options.username;
    this.kmsKeyArn = props.key.keyArn;

    const removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    this.secret = new SecretsmanagerSecret(this, 'Secret', {
      name: this.credentialName,
      description: options.description,
      kmsKeyId: props.key.keyArn,
      recoveryWindowInDays: removalPolicy === RemovalPolicy.DESTROY ? DESTROY_SECRET_RECOVERY_WINDOW_DAYS : props.recoveryWindowDays,
    });
    platform.protect(this.secret, removalPolicy);
    this.secretArn = this.secret.arn;

    const password = new EphemeralResource(this, 'Password', RANDOM_PASSWORD_EPHEMERAL_TYPE, {
      password_length: options.passwordLength,
      exclude_characters: PASSWORD_EXCLUDED_CHARACTERS,
      require_each_included_type: true,
    });
    this.writeOnlyPassword = password.getStringAttribute('random_password');
    this.version = new SecretsmanagerSecretVersion(this, 'Version', {
      secretId: this.secret.id,
      secretStringWo: Fn.jsonencode({ username: options.username, password: this.writeOnlyPassword, ...connectionFields(options.connection) }),
      secretStringWoVersion: options.revision,
    });
  }
}
