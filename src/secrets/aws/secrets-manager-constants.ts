import { NameRule } from '../../core/naming';

/** Days Secrets Manager keeps a deleted secret recoverable (the longest it allows). */
export const DEFAULT_SECRET_RECOVERY_WINDOW_DAYS = 30;
/** Shortest recovery window Secrets Manager allows (other than 0, an immediate deletion). */
export const MIN_SECRET_RECOVERY_WINDOW_DAYS = 7;
/** Recovery window of a secret whose removal policy is (effectively) DESTROY: deleted at once. */
export const DESTROY_SECRET_RECOVERY_WINDOW_DAYS = 0;

/** Alias purpose of the customer-managed key of a SecretsManagerStore (`alias/<namePrefix>-secrets` per store). */
export const SECRETS_KEY_PURPOSE = 'secrets';

/**
 * Characters generated passwords never contain. Only letters, digits and `-_.` (URI "unreserved"
 * characters) remain, so a password can be pasted anywhere without escaping:
 * - `"'\/@` and space: Redshift and RDS reject them in user passwords; `@` and `/` also end the
 *   password in `user:password@host/db` URLs.
 * - `:;?&#%=+,`: separators of JDBC URLs and URIs (`:` user info, `;` JDBC properties, `?&` query,
 *   `#` fragment, `%` percent escapes, `+` decoded as a space, `=,` key/value lists), and of
 *   Redshift/Snowflake COPY credential strings (`;`, `=`).
 * - `` `$!*(){}[]<>|^~ ``: shell metacharacters (substitution, expansion, globbing, redirection,
 *   history), which break a password passed through `sh -c`, env files or double quotes.
 */
export const PASSWORD_EXCLUDED_CHARACTERS = '"\'\\/@ :;?&#%=+,`$!*(){}[]<>|^~';

/** Secrets Manager secret names (API reference: 1 to 512 characters of letters, digits and `/_+=.@-`). */
export const SECRETS_MANAGER_SECRET_NAME: NameRule = {
  kind: 'Secrets Manager secret name',
  minLength: 1,
  maxLength: 512,
  pattern: '^[a-zA-Z0-9/_+=.@-]+$',
  allowed: 'letters, digits and "/_+=.@-"',
};

/** Actions a reader of a Secrets Manager credential gets, on that secret only. */
export const SECRET_READ_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'];
