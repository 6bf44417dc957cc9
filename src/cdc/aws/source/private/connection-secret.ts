import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Construct } from 'constructs';
import { Fn } from '../../../../core/cdktf';
import { EphemeralResource } from '../../../../core/ephemeral';
import { invalidProp } from '../../../../core/errors';
import { isUnresolved } from '../../../../core/validate';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../../platform/platform';
import {
  DEFAULT_SECRET_RECOVERY_WINDOW_DAYS, DESTROY_SECRET_RECOVERY_WINDOW_DAYS, PASSWORD_EXCLUDED_CHARACTERS, SECRETS_MANAGER_SECRET_NAME,
} from '../../../../secrets/aws/secrets-manager-constants';
import { DEFAULT_PASSWORD_LENGTH, ICredential, SecretStoreBackend } from '../../../../secrets/secret-store-contract';

/** Ephemeral resource type that asks Secrets Manager for a random password (AWS provider 5.100+). @internal */
export const RANDOM_PASSWORD_TYPE = 'aws_secretsmanager_random_password';

/** Props of {@link ConnectionSecret}. @internal */
export interface ConnectionSecretProps {
  /** Suffix parts of the secret name after the namePrefix. */
  readonly nameParts: string[];
  readonly description: string;
  readonly keyArn: string;
  readonly username: string;
  /** The revision prop's name, for errors. */
  readonly revisionProp: string;
  readonly revision: number;
  readonly removalPolicy?: RemovalPolicy;
}

/** Where the database is, written into the secret next to the credential. @internal */
export interface ConnectionDetails {
  /** RDS-style engine name (`mysql`, `postgres`, `docdb`). */
  readonly engine: string;
  readonly host: string;
  readonly port: number;
  readonly dbname: string;
}

/**
 * A generated credential kept in a Secrets Manager secret (customer-managed key, recovery window,
 * retained unless DESTROY takes effect) whose JSON value also says where the database is:
 * `{"engine", "host", "port", "dbname", "username", "password"}`, the form AWS DMS reads an endpoint's
 * connection from (it cannot use RDS-managed master secrets, which lack host and port).
 *
 * The password comes from the ephemeral `aws_secretsmanager_random_password` and reaches the secret
 * only through the write-only `secret_string_wo` (and, for a master user, the database through
 * its own write-only attribute, in the same apply): it is in neither the plan nor the state. Both
 * are re-sent only when the revision changes.
 * @internal
 */
export class ConnectionSecret extends Construct implements ICredential {
  public readonly credentialName: string;
  public readonly username: string;
  public readonly backend = SecretStoreBackend.SECRETS_MANAGER;
  public readonly secretArn: string;
  public readonly kmsKeyArn: string;
  /** The password, for write-only attributes only (it is ephemeral). */
  public readonly password: string;
  public readonly revision: number;
  public readonly secret: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: ConnectionSecretProps) {
    super(scope, id);
    if (!isUnresolved(props.revision) && (!Number.isInteger(props.revision) || props.revision < 1)) {
      throw invalidProp(scope, props.revisionProp, props.revision, 'must be an integer of at least 1 (bump it to rotate the password)');
    }
    const platform = AwsPlatform.ofAws(this);
    this.credentialName = platform.physicalName(scope, SECRETS_MANAGER_SECRET_NAME, props.nameParts);
    this.username = props.username;
    this.kmsKeyArn = props.keyArn;
    this.revision = props.revision;
    const policy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    this.secret = new SecretsmanagerSecret(this, 'Secret', {
      name: this.credentialName,
      description: props.description,
      kmsKeyId: props.keyArn,
      recoveryWindowInDays: policy === RemovalPolicy.DESTROY ? DESTROY_SECRET_RECOVERY_WINDOW_DAYS : DEFAULT_SECRET_RECOVERY_WINDOW_DAYS,
    });
    platform.protect(this.secret, props.removalPolicy);
    this.secretArn = this.secret.arn;
    this.password = new EphemeralResource(this, 'Password', RANDOM_PASSWORD_TYPE, {
      password_length: DEFAULT_PASSWORD_LENGTH,
      exclude_characters: PASSWORD_EXCLUDED_CHARACTERS,
      require_each_included_type: true,
    }).getStringAttribute('random_password');
  }

  /** Writes the secret's value once the database's address is known. */
  public writeValue(details: ConnectionDetails): SecretsmanagerSecretVersion {
    return new SecretsmanagerSecretVersion(this, 'Version', {
      secretId: this.secret.id,
      secretStringWo: Fn.jsonencode({ ...details, username: this.username, password: this.password }),
      secretStringWoVersion: this.revision,
    });
  }
}
