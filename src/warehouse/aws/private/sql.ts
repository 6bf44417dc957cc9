/**
 * SQL text the warehouse sends through the Redshift Data API: identifier checks and quoting, and
 * the statements themselves. Every name is checked (lowercase letters, digits, underscores) and
 * double-quoted; string literals are single-quoted with quotes doubled. No statement carries a
 * secret: passwords are set by the user function, which reads them from the SecretStore.
 * @internal
 */
import { IConstruct } from 'constructs';
import { invalidProp } from '../../../core/errors';
import { isUnresolved } from '../../../core/validate';
import { WarehouseColumn, WarehouseTableDefinition } from '../../warehouse-contract';

/** Names of schemas, tables, columns and users: lowercase letters, digits, underscores, at most 127 bytes. */
export const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]{0,126}$/;
/** Allowed identifiers, for error messages. */
export const SQL_IDENTIFIER_RULE = 'use 1 to 127 lowercase letters, digits and underscores, starting with a letter or underscore';
/** Column types: a type name of letters and spaces, optionally with (precision) or (precision, scale). */
export const SQL_TYPE = /^[a-z][a-z0-9 ]*[a-z0-9](\(\s*(\d+|max)\s*(,\s*\d+\s*)?\))?$/i;
/** Words that cannot be used as user names. */
const RESERVED_USERS = ['public', 'rdsdb'];

/** Checks a SQL identifier (tokens are not accepted: names become SQL text at synth time). @internal */
export function checkIdentifier(scope: IConstruct, prop: string, name: string): string {
  if (typeof name !== 'string' || isUnresolved(name) || !SQL_IDENTIFIER.test(name)) {
    throw invalidProp(scope, prop, name, SQL_IDENTIFIER_RULE);
  }
  return name;
}

/** Checks a database user name. @internal */
export function checkUsername(scope: IConstruct, prop: string, name: string): string {
  checkIdentifier(scope, prop, name);
  if (RESERVED_USERS.includes(name)) throw invalidProp(scope, prop, name, `use a name other than ${RESERVED_USERS.join(' and ')}`);
  return name;
}

/** Checks a column type. @internal */
export function checkColumnType(scope: IConstruct, prop: string, type: string): string {
  if (typeof type !== 'string' || isUnresolved(type) || !SQL_TYPE.test(type.trim())) {
    throw invalidProp(scope, prop, type, 'use a Redshift type such as "bigint", "varchar(256)", "numeric(10,2)" or "timestamp"');
  }
  return type.trim();
}

/** `"name"`: a checked identifier (or an IAM user name such as `IAMR:role`), double-quoted. @internal */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `'text'`: a string literal with quotes doubled. @internal */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `"schema"."name"`. @internal */
export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** The database user Redshift maps an IAM role to (GetCredentials / GetClusterCredentialsWithIAM). @internal */
export function iamRoleUser(roleName: string): string {
  return `IAMR:${roleName}`;
}

/** @internal */
export function createSchemaSql(schema: string): string {
  return `CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`;
}

function columnSql(column: WarehouseColumn): string {
  return `${ident(column.name)} ${column.type.trim()}${(column.nullable ?? true) ? '' : ' NOT NULL'}`;
}

/** @internal */
export function createTableSql(table: WarehouseTableDefinition, schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${qualified(schema, table.name)} (${table.columns.map(columnSql).join(', ')})`;
}

/** Name of the procedure that creates a password-less user when it does not exist. @internal */
export const ENSURE_USER_PROCEDURE = 'cdktf_dp_ensure_user';

/**
 * A procedure creating a user with `PASSWORD DISABLE` unless it exists (Redshift has no
 * `CREATE USER IF NOT EXISTS`): IAM-mapped users (`IAMR:<role>`) can then be granted before
 * their first sign-in. The existence check ignores case, as Redshift folds identifiers to lower
 * case unless `enable_case_sensitive_identifier` is on.
 * @internal
 */
export function ensureUserProcedureSql(schema: string): string {
  return [
    `CREATE OR REPLACE PROCEDURE ${qualified(schema, ENSURE_USER_PROCEDURE)}(user_name VARCHAR(128))`,
    'AS $$',
    'DECLARE',
    '  existing INTEGER;',
    'BEGIN',
    '  SELECT INTO existing COUNT(*) FROM pg_user WHERE LOWER(usename) = LOWER(user_name);',
    '  IF existing = 0 THEN',
    "    EXECUTE 'CREATE USER ' || quote_ident(user_name) || ' PASSWORD DISABLE';",
    '  END IF;',
    'END;',
    '$$ LANGUAGE plpgsql',
  ].join('\n');
}

/** @internal */
export function callEnsureUserSql(schema: string, user: string): string {
  return `CALL ${qualified(schema, ENSURE_USER_PROCEDURE)}(${literal(user)})`;
}

/** Table privileges of a read grant and of a write grant. @internal */
export const TABLE_PRIVILEGES = { read: 'SELECT', write: 'SELECT, INSERT, UPDATE, DELETE' };

/** The grants of one schema to `user`: usage, its tables, and tables the administrator creates later. @internal */
export function schemaGrantSql(schema: string, user: string, write: boolean): string[] {
  const privileges = write ? TABLE_PRIVILEGES.write : TABLE_PRIVILEGES.read;
  return [
    `GRANT USAGE ON SCHEMA ${ident(schema)} TO ${ident(user)}`,
    `GRANT ${privileges} ON ALL TABLES IN SCHEMA ${ident(schema)} TO ${ident(user)}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${ident(schema)} GRANT ${privileges} ON TABLES TO ${ident(user)}`,
  ];
}

/** @internal */
export function tableInsertGrantSql(schema: string, table: string, user: string): string[] {
  return [
    `GRANT USAGE ON SCHEMA ${ident(schema)} TO ${ident(user)}`,
    `GRANT INSERT ON TABLE ${qualified(schema, table)} TO ${ident(user)}`,
  ];
}

/** @internal */
export function externalKinesisSchemaSql(schema: string, roleArn: string): string {
  return `CREATE EXTERNAL SCHEMA IF NOT EXISTS ${ident(schema)} FROM KINESIS IAM_ROLE ${literal(roleArn)}`;
}

/**
 * A materialized view refreshed automatically from a Kinesis stream: the stream's metadata and
 * each record parsed as JSON (SUPER), skipping records that are not JSON.
 * @internal
 */
export function streamingViewSql(schema: string, view: string, externalSchema: string, streamName: string): string {
  return [
    `CREATE MATERIALIZED VIEW ${qualified(schema, view)} AUTO REFRESH YES AS`,
    'SELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number, refresh_time,',
    '  JSON_PARSE(kinesis_data) AS payload',
    `FROM ${qualified(externalSchema, streamName)}`,
    'WHERE CAN_JSON_PARSE(kinesis_data)',
  ].join('\n');
}

/** @internal */
export function externalCatalogSchemaSql(schema: string, catalogDatabase: string, roleArn: string): string {
  return `CREATE EXTERNAL SCHEMA IF NOT EXISTS ${ident(schema)} FROM DATA CATALOG DATABASE ${literal(catalogDatabase)} IAM_ROLE ${literal(roleArn)}`;
}

/** COPY format clauses per lake file format. @internal */
export const LAKE_COPY_FORMATS: Record<string, string> = {
  'json-gzip': "FORMAT AS JSON 'auto' GZIP TIMEFORMAT 'auto'",
  'json': "FORMAT AS JSON 'auto' TIMEFORMAT 'auto'",
  'parquet': 'FORMAT AS PARQUET',
};

/**
 * COPY of a lake location into a table with the warehouse's role. JSON is matched to the listed
 * columns by key; Parquet is matched by position to every column of the table (no column list).
 * @internal
 */
export function lakeCopySql(schema: string, table: string, columns: string[], location: string, roleArn: string, format: string): string {
  const target = format === 'parquet' ? qualified(schema, table) : `${qualified(schema, table)} (${columns.map(ident).join(', ')})`;
  return `COPY ${target} FROM ${literal(location)} IAM_ROLE ${literal(roleArn)} ${LAKE_COPY_FORMATS[format]}`;
}
