import { IConstruct } from 'constructs';
import { invalidProp } from '../../core/errors';
import { integerInRange, isUnresolved } from '../../core/validate';
import { MAX_CREDENTIAL_DESCRIPTION_LENGTH, MAX_CREDENTIAL_NAME_LENGTH, MAX_USERNAME_LENGTH } from '../credential-limits';
import {
  CredentialConnection, CredentialOptions, DEFAULT_CREDENTIAL_REVISION, DEFAULT_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH,
} from '../secret-store-contract';

const CREDENTIAL_NAME = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
const USERNAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** CredentialOptions with every default applied. @internal */
export interface ResolvedCredentialOptions {
  readonly name: string;
  readonly username: string;
  readonly passwordLength: number;
  readonly revision: number;
  readonly description?: string;
  readonly connection?: CredentialConnection;
}

/**
 * The fields stored next to `username` and `password` for a credential's connection (strings, as
 * every backend stores them; tokens stay tokens).
 * @internal
 */
export function connectionFields(connection?: CredentialConnection): Record<string, string> {
  if (!connection) return {};
  return {
    host: connection.host,
    port: isUnresolved(connection.port) ? connection.port as unknown as string : String(connection.port),
    ...(connection.engine !== undefined ? { engine: connection.engine } : {}),
    ...(connection.databaseName !== undefined ? { dbname: connection.databaseName } : {}),
  };
}

/**
 * Validates the options of a credential to generate (errors name `scope`, the credential) and
 * applies the defaults.
 * @internal
 */
export function resolveCredentialOptions(scope: IConstruct, options: CredentialOptions): ResolvedCredentialOptions {
  const { name, username, description } = options;
  if (typeof name !== 'string' || name.length > MAX_CREDENTIAL_NAME_LENGTH || !CREDENTIAL_NAME.test(name)) {
    throw invalidProp(scope, 'name', name,
      `use 1 to ${MAX_CREDENTIAL_NAME_LENGTH} lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit`);
  }
  if (!isUnresolved(username) && (typeof username !== 'string' || username.length > MAX_USERNAME_LENGTH || !USERNAME.test(username))) {
    throw invalidProp(scope, 'username', username,
      `use 1 to ${MAX_USERNAME_LENGTH} letters, digits and "_", starting with a letter or "_" (a database identifier that needs no quoting)`);
  }
  if (description !== undefined && !isUnresolved(description) && description.length > MAX_CREDENTIAL_DESCRIPTION_LENGTH) {
    throw invalidProp(scope, 'description', `${description.slice(0, 40)}...`, `use at most ${MAX_CREDENTIAL_DESCRIPTION_LENGTH} characters`);
  }
  const passwordLength = integerInRange(scope, 'passwordLength', options.passwordLength, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, DEFAULT_PASSWORD_LENGTH);
  const revision = options.revision ?? DEFAULT_CREDENTIAL_REVISION;
  if (!isUnresolved(revision) && (!Number.isInteger(revision) || revision < 1)) {
    throw invalidProp(scope, 'revision', revision, 'must be an integer of at least 1 (bump it to rotate the password)');
  }
  const connection = options.connection;
  if (connection) {
    if (typeof connection.host !== 'string' || (!isUnresolved(connection.host) && !/^[A-Za-z0-9.-]{1,253}$/.test(connection.host))) {
      throw invalidProp(scope, 'connection.host', connection.host, 'use a DNS name or an IPv4 address');
    }
    if (!isUnresolved(connection.port) && (!Number.isInteger(connection.port) || connection.port < 1 || connection.port > 65_535)) {
      throw invalidProp(scope, 'connection.port', connection.port, 'must be an integer from 1 to 65535');
    }
  }
  return { name, username, passwordLength, revision, description, connection };
}
