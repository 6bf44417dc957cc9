import { IConstruct } from 'constructs';
import { invalidProp } from '../../../../core/errors';
import { NameRule } from '../../../../core/naming';
import { isUnresolved } from '../../../../core/validate';
import { MAX_AWS_SOURCE_MASTER_USERNAME_LENGTH, MAX_AWS_SOURCE_NAME_LENGTH } from '../source-database-props';

/**
 * RDS instance and DocumentDB cluster and instance identifiers: 1 to 63 lowercase letters, digits
 * and hyphens, starting with a letter, no two hyphens in a row, not ending with a hyphen.
 * @internal
 */
export const DB_IDENTIFIER_RULE: NameRule = {
  kind: 'database identifier',
  minLength: 1,
  maxLength: 63,
  pattern: '^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$',
  allowed: 'lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit',
};

const SOURCE_NAME = new RegExp(`^[a-z]([a-z0-9-]{0,${MAX_AWS_SOURCE_NAME_LENGTH - 2}}[a-z0-9])?$`);
const DATABASE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const USERNAME = new RegExp(`^[A-Za-z][A-Za-z0-9]{0,${MAX_AWS_SOURCE_MASTER_USERNAME_LENGTH - 1}}$`);

/** Master user names RDS reserves for itself. @internal */
export const RDS_RESERVED_USERNAMES = ['rdsadmin', 'rdsrepladmin', 'rdsproxyadmin', 'rdstopmgr'];
/** Master user names DocumentDB rejects. @internal */
export const DOCUMENTDB_RESERVED_USERNAMES = ['admin', 'root', 'serviceadmin'];

/** Checks the `name` suffix (a literal: it is part of identifiers and log group names). @internal */
export function checkSourceName(scope: IConstruct, name: string): string {
  if (typeof name !== 'string' || isUnresolved(name) || !SOURCE_NAME.test(name) || name.includes('--')) {
    throw invalidProp(scope, 'name', name, `use 1 to ${MAX_AWS_SOURCE_NAME_LENGTH} lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit`);
  }
  return name;
}

/** Checks the database name. @internal */
export function checkDatabaseName(scope: IConstruct, name: string): string {
  if (isUnresolved(name)) return name;
  if (typeof name !== 'string' || !DATABASE_NAME.test(name)) {
    throw invalidProp(scope, 'databaseName', name, 'use 1 to 63 lowercase letters, digits and underscores, starting with a letter');
  }
  return name;
}

/** Checks the master user name against the shared format and the engine's reserved names. @internal */
export function checkMasterUsername(scope: IConstruct, username: string, reserved: string[]): string {
  if (isUnresolved(username)) return username;
  if (typeof username !== 'string' || !USERNAME.test(username)) {
    throw invalidProp(scope, 'masterUsername', username, `use 1 to ${MAX_AWS_SOURCE_MASTER_USERNAME_LENGTH} letters and digits, starting with a letter`);
  }
  if (reserved.includes(username.toLowerCase())) {
    throw invalidProp(scope, 'masterUsername', username, `the engine reserves ${reserved.join(', ')}; choose another name`);
  }
  return username;
}

/** Checks that `value` is one of `allowed` (a literal). @internal */
export function checkOneOf(scope: IConstruct, prop: string, value: string, allowed: string[], hint: string): string {
  if (typeof value !== 'string' || isUnresolved(value) || !allowed.includes(value)) {
    throw invalidProp(scope, prop, value, hint);
  }
  return value;
}
