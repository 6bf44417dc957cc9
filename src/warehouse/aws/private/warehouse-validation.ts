import { IConstruct } from 'constructs';
import { DATABASE_NAME, WAREHOUSE_NAME } from './names';
import { checkColumnType, checkIdentifier } from './sql';
import { invalidConfig, invalidProp, PipelineValidationError } from '../../../core/errors';
import { integerInRange, isUnresolved } from '../../../core/validate';
import { ALLOWED_LOG_RETENTION_DAYS } from '../../../observability/aws/encrypted-log-group';
import { DEFAULT_WAREHOUSE_SCHEMA, WarehouseColumn, WarehouseTableDefinition } from '../../warehouse-contract';
import { AuditLogDestination, AuditLogDestinationKind } from '../audit-log-destination';
import { REDSHIFT_PORT_RANGES } from '../redshift-warehouse-props';

/**
 * A table after validation, with its schema resolved.
 * @internal
 */
export interface ValidTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: WarehouseColumn[];
  readonly definition: WarehouseTableDefinition;
}

/** `schema.table`. @internal */
export function tableKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}

/**
 * Checks tables: SQL identifiers for schemas, tables and columns, known column types, at least one
 * column, no duplicate table or column.
 * @internal
 */
export function validateTables(scope: IConstruct, tables: WarehouseTableDefinition[]): ValidTable[] {
  const seen = new Set<string>();
  return tables.map((table, i) => {
    const schema = checkIdentifier(scope, `tables[${i}].schema`, table.schema ?? DEFAULT_WAREHOUSE_SCHEMA);
    const name = checkIdentifier(scope, `tables[${i}].name`, table.name);
    const columns = table.columns ?? [];
    if (columns.length === 0) throw invalidProp(scope, `tables[${i}].columns`, columns, 'declare at least one column');
    const names = new Set<string>();
    columns.forEach((column, j) => {
      checkIdentifier(scope, `tables[${i}].columns[${j}].name`, column.name);
      checkColumnType(scope, `tables[${i}].columns[${j}].type`, column.type);
      if (names.has(column.name)) throw invalidConfig(scope, `table "${tableKey(schema, name)}" declares column "${column.name}" twice; column names must be unique.`);
      names.add(column.name);
    });
    const key = tableKey(schema, name);
    if (seen.has(key)) throw invalidConfig(scope, `two tables are named "${key}"; table names must be unique per schema.`);
    seen.add(key);
    return { schema, name, columns, definition: table };
  });
}

/** The schemas of the tables, `public` first (always granted: it exists in every database). @internal */
export function schemasOf(tables: ValidTable[]): string[] {
  return [...new Set([DEFAULT_WAREHOUSE_SCHEMA, ...tables.map((t) => t.schema)])];
}

/** The error for a table the warehouse does not know. @internal */
export function unknownTable(scope: IConstruct, prop: string, key: string, tables: ValidTable[]): PipelineValidationError {
  return invalidProp(scope, prop, key, tables.length > 0
    ? `use a table of this warehouse: ${tables.map((t) => tableKey(t.schema, t.name)).join(', ')}`
    : 'declare the table in the warehouse\'s tables first (it has none)');
}

/** Finds a table by name and schema, or fails naming the known tables. @internal */
export function findTable(scope: IConstruct, prop: string, tables: ValidTable[], name: string, schema?: string): ValidTable {
  const s = schema ?? DEFAULT_WAREHOUSE_SCHEMA;
  const table = tables.find((t) => t.name === name && t.schema === s);
  if (!table) throw unknownTable(scope, prop, tableKey(s, name), tables);
  return table;
}

/** Checks the database name (a literal: it appears in SQL and ARNs). @internal */
export function checkDatabaseName(scope: IConstruct, name: string): string {
  if (typeof name !== 'string' || isUnresolved(name) || !DATABASE_NAME.test(name)) {
    throw invalidProp(scope, 'databaseName', name, 'use 1 to 64 lowercase letters, digits and underscores, starting with a letter');
  }
  return name;
}

/** Checks the warehouse name suffix. @internal */
export function checkWarehouseName(scope: IConstruct, name: string): string {
  if (typeof name !== 'string' || isUnresolved(name) || !WAREHOUSE_NAME.test(name) || name.includes('--')) {
    throw invalidProp(scope, 'name', name, 'use 2 to 40 lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit');
  }
  return name;
}

/** Checks the port against the ranges Redshift accepts. @internal */
export function checkPort(scope: IConstruct, port: number): number {
  if (isUnresolved(port)) return port;
  if (!Number.isInteger(port) || !REDSHIFT_PORT_RANGES.some(([lo, hi]) => port >= lo && port <= hi)) {
    throw invalidProp(scope, 'port', port, `use a port ${REDSHIFT_PORT_RANGES.map(([lo, hi]) => `from ${lo} to ${hi}`).join(' or ')}`);
  }
  return port;
}

/** Checks the audit log destination and its retention (CloudWatch accepts a fixed set of values). @internal */
export function checkAuditLogs(scope: IConstruct, destination: AuditLogDestination): void {
  if (!Object.values(AuditLogDestinationKind).includes(destination?.kind)) {
    throw invalidProp(scope, 'auditLogs', destination?.kind, 'use AuditLogDestination.cloudWatch(...) or AuditLogDestination.s3(...)');
  }
  const days = destination.retentionDays;
  if (days === undefined || isUnresolved(days)) return;
  if (destination.kind === AuditLogDestinationKind.CLOUDWATCH) {
    if (!ALLOWED_LOG_RETENTION_DAYS.includes(days)) {
      throw invalidProp(scope, 'auditLogs.retentionDays', days, `use one of ${ALLOWED_LOG_RETENTION_DAYS.join(', ')}`);
    }
  } else {
    integerInRange(scope, 'auditLogs.retentionDays', days, 1, 36500, days);
  }
}
