import { IConstruct } from 'constructs';
import { invalidProp } from '../../../core/errors';
import { DEFAULT_WAREHOUSE_SCHEMA, WarehouseTableDefinition } from '../../warehouse-contract';

/** An unquoted PostgreSQL identifier this library accepts (always emitted double-quoted). */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
/** Schemas PostgreSQL reserves. */
const RESERVED_SCHEMA = /^(pg_.*|information_schema)$/;

/** What an identifier error says is allowed. @internal */
export const IDENTIFIER_ALLOWED = 'use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore';

/** Column types accepted in `tables` (case-insensitive; emitted in lowercase). @internal */
export const COLUMN_TYPES_ALLOWED =
  'use a PostgreSQL type: smallint, integer, bigint, real, double precision, numeric, numeric(p), numeric(p,s), boolean, text, varchar(n), char(n), date, time, timestamp, timestamptz, interval, uuid, json, jsonb, bytea or inet';

const SIMPLE_TYPES = [
  'smallint', 'integer', 'int', 'bigint', 'real', 'double precision', 'numeric', 'decimal', 'boolean', 'text', 'varchar',
  'date', 'time', 'timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'interval',
  'uuid', 'json', 'jsonb', 'bytea', 'inet',
];
const PARAMETERIZED_TYPES = [
  /^(varchar|character varying|char|character)\((\d{1,5})\)$/,
  /^(numeric|decimal)\((\d{1,4})(,\s?(\d{1,4}))?\)$/,
  /^(time|timestamp|timestamptz)\([0-6]\)$/,
];

/** `"name"`: identifiers are validated first, so quoting needs no escaping. @internal */
export function quote(identifier: string): string {
  return `"${identifier}"`;
}

/** Checks a PostgreSQL identifier (schema, table, column, database, role); returns it. @internal */
export function checkIdentifier(scope: IConstruct, prop: string, value: string): string {
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) throw invalidProp(scope, prop, value, IDENTIFIER_ALLOWED);
  return value;
}

/** Checks a schema name (an identifier that PostgreSQL does not reserve). @internal */
export function checkSchema(scope: IConstruct, prop: string, value: string): string {
  checkIdentifier(scope, prop, value);
  if (RESERVED_SCHEMA.test(value)) throw invalidProp(scope, prop, value, 'pg_* schemas and information_schema are reserved by PostgreSQL; choose another schema');
  return value;
}

/** Checks a column type against the accepted list; returns it in lowercase. @internal */
export function checkColumnType(scope: IConstruct, prop: string, value: string): string {
  const type = typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, ' ') : '';
  if (!SIMPLE_TYPES.includes(type) && !PARAMETERIZED_TYPES.some((p) => p.test(type))) {
    throw invalidProp(scope, prop, value, COLUMN_TYPES_ALLOWED);
  }
  const numeric = /^(numeric|decimal)\((\d+)(,\s?(\d+))?\)$/.exec(type);
  if (numeric && (Number(numeric[2]) < 1 || Number(numeric[2]) > 1000 || Number(numeric[4] ?? 0) > Number(numeric[2]))) {
    throw invalidProp(scope, prop, value, 'numeric(p,s) needs a precision p from 1 to 1000 and a scale s from 0 to p');
  }
  return type;
}

/** A validated table: schema, name and columns (types normalized). @internal */
export interface ResolvedTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: { readonly name: string; readonly type: string; readonly nullable: boolean }[];
}

/** `schema.table`, the key tables are looked up by. @internal */
export function tableKey(schema: string, table: string): string {
  return `${schema}.${table}`;
}

/** Validates the `tables` prop. @internal */
export function resolveTables(scope: IConstruct, tables: WarehouseTableDefinition[]): ResolvedTable[] {
  const seen = new Set<string>();
  return tables.map((t, i) => {
    const schema = checkSchema(scope, `tables[${i}].schema`, t.schema ?? DEFAULT_WAREHOUSE_SCHEMA);
    const name = checkIdentifier(scope, `tables[${i}].name`, t.name);
    const key = tableKey(schema, name);
    if (seen.has(key)) throw invalidProp(scope, `tables[${i}].name`, name, `${key} is declared twice; give each table a unique schema and name`);
    seen.add(key);
    if (!Array.isArray(t.columns) || t.columns.length === 0) throw invalidProp(scope, `tables[${i}].columns`, t.columns, 'give at least one column');
    const columnNames = new Set<string>();
    const columns = t.columns.map((c, j) => {
      const column = checkIdentifier(scope, `tables[${i}].columns[${j}].name`, c.name);
      if (columnNames.has(column)) throw invalidProp(scope, `tables[${i}].columns[${j}].name`, column, `${key} already has a column "${column}"; give each column a unique name`);
      columnNames.add(column);
      return { name: column, type: checkColumnType(scope, `tables[${i}].columns[${j}].type`, c.type), nullable: c.nullable ?? true };
    });
    return { schema, name, columns };
  });
}

/**
 * The `postInitApplicationSQL` statements creating the tables: each schema (owned by the database
 * owner), then each table if it does not exist, owned by the owner. CloudNativePG runs them as the
 * superuser in the application database once, when `initdb` bootstraps the cluster.
 * @internal
 */
export function tablesSql(tables: ResolvedTable[], owner: string): string[] {
  const schemas = [...new Set(tables.map((t) => t.schema))];
  return [
    ...schemas.map((s) => `CREATE SCHEMA IF NOT EXISTS ${quote(s)} AUTHORIZATION ${quote(owner)}`),
    ...tables.flatMap((t) => {
      const table = `${quote(t.schema)}.${quote(t.name)}`;
      const columns = t.columns.map((c) => `${quote(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(', ');
      return [`CREATE TABLE IF NOT EXISTS ${table} (${columns})`, `ALTER TABLE ${table} OWNER TO ${quote(owner)}`];
    }),
  ];
}
