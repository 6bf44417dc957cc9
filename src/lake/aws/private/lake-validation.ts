import { IConstruct } from 'constructs';
import { invalidConfig, invalidProp, PipelineValidationError } from '../../../core/errors';
import { integerInRange, isUnresolved } from '../../../core/validate';
import { DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS } from '../../../storage/aws/bucket-defaults';
import { LakeTableDefinition, LakeZoneOptions, TableFormat } from '../../data-lake-contract';
import { MAX_ZONE_EXPIRE_DAYS, MIN_ZONE_EXPIRE_DAYS, MIN_ZONE_INFREQUENT_ACCESS_DAYS } from '../aws-data-lake-props';

/** Zone names: 2 to 20 lowercase letters, digits and hyphens (they end bucket names). */
const ZONE_NAME = /^[a-z][a-z0-9-]{0,18}[a-z0-9]$/;
/** Bucket suffixes the lake uses itself (`<namePrefix>-athena-results`, `<namePrefix>-lake-audit`). */
const RESERVED_ZONE_NAMES = ['athena-results', 'lake-audit'];
/** Table and column names Athena and Glue accept unquoted: lowercase letters, digits, underscores. */
const TABLE_NAME = /^[a-z][a-z0-9_]{0,254}$/;
const COLUMN_NAME = /^[a-z_][a-z0-9_]{0,254}$/;
/** A Glue cron expression: `cron(` six space-separated fields `)`. */
const CRON = /^cron\(\S+( \S+){5}\)$/;

/**
 * A zone after validation, with its defaults applied.
 * @internal
 */
export interface ValidZone {
  readonly name: string;
  readonly infrequentAccessAfterDays: number;
  readonly expireAfterDays?: number;
}

/**
 * The error for a zone the lake does not have.
 * @internal
 */
export function unknownZone(scope: IConstruct, prop: string, zone: string, zoneNames: string[]): PipelineValidationError {
  return invalidProp(scope, prop, zone, `use one of this lake's zones: ${zoneNames.join(', ')}`);
}

/**
 * Checks zone names: at least one, each 2 to 20 lowercase letters, digits and hyphens, unique.
 * @internal
 */
export function checkZoneNames(scope: IConstruct, names: string[]): void {
  if (names.length === 0) throw invalidProp(scope, 'zones', [], 'declare at least one zone (the default is raw, curated, analytics)');
  names.forEach((name, i) => {
    if (isUnresolved(name)) throw invalidProp(scope, `zones[${i}].name`, name, 'use a literal name: zone names become resource names at synth time');
    if (typeof name !== 'string' || !ZONE_NAME.test(name)) {
      throw invalidProp(scope, `zones[${i}].name`, name, 'use 2 to 20 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit');
    }
    if (RESERVED_ZONE_NAMES.includes(name)) {
      throw invalidProp(scope, `zones[${i}].name`, name, `use a name other than ${RESERVED_ZONE_NAMES.join(' and ')}, which name the lake's own buckets`);
    }
  });
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw invalidConfig(scope, `two zones are named "${duplicate}"; zone names must be unique.`);
}

/**
 * Validates zones and applies their defaults.
 * @internal
 */
export function validateZones(scope: IConstruct, zones: LakeZoneOptions[]): ValidZone[] {
  checkZoneNames(scope, zones.map((z) => z.name));
  return zones.map((z, i) => ({
    name: z.name,
    infrequentAccessAfterDays: integerInRange(scope, `zones[${i}].infrequentAccessAfterDays`, z.infrequentAccessAfterDays,
      MIN_ZONE_INFREQUENT_ACCESS_DAYS, MAX_ZONE_EXPIRE_DAYS, DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS),
    expireAfterDays: z.expireAfterDays === undefined
      ? undefined
      : integerInRange(scope, `zones[${i}].expireAfterDays`, z.expireAfterDays, MIN_ZONE_EXPIRE_DAYS, MAX_ZONE_EXPIRE_DAYS, 0),
  }));
}

/**
 * Checks the table format is one of `TableFormat`.
 * @internal
 */
export function checkTableFormat(scope: IConstruct, format: TableFormat): TableFormat {
  if (!Object.values(TableFormat).includes(format)) {
    throw invalidProp(scope, 'tableFormat', format, `use one of ${Object.values(TableFormat).join(', ')}`);
  }
  return format;
}

/** `TableFormat.HUDI` for 'hudi'. */
function formatName(format: TableFormat): string {
  return `TableFormat.${Object.entries(TableFormat).find(([, v]) => v === format)![0]}`;
}

/**
 * Validates table definitions against the zones and the table format. Terraform (Glue
 * CreateTable) can create Iceberg tables from a schema only: Hudi and Delta tables are written by
 * their engines and registered from the metadata they leave in S3 (by the zone crawler).
 * @internal
 */
export function validateTables(scope: IConstruct, tables: LakeTableDefinition[], zoneNames: string[], format: TableFormat): LakeTableDefinition[] {
  if (tables.length > 0 && format !== TableFormat.ICEBERG) {
    throw invalidConfig(scope,
      `tables cannot be declared in a ${formatName(format)} lake: Terraform (Glue CreateTable) can only create Iceberg tables from a schema; `
      + 'Hudi and Delta tables are created by their writers (Spark with the Hudi or Delta libraries) and registered from the table metadata they leave in S3. '
      + 'Write them under the zone\'s location and the zone\'s crawler registers them, or use TableFormat.ICEBERG to declare tables here.');
  }
  tables.forEach((t, i) => {
    if (!zoneNames.includes(t.zone)) throw unknownZone(scope, `tables[${i}].zone`, t.zone, zoneNames);
    if (!TABLE_NAME.test(t.name)) {
      throw invalidProp(scope, `tables[${i}].name`, t.name, 'use 1 to 255 lowercase letters, digits and underscores, starting with a letter');
    }
    checkColumns(scope, `tables[${i}]`, t);
  });
  const keys = tables.map((t) => `${t.zone}/${t.name}`);
  const duplicate = tables.find((_, i) => keys.indexOf(keys[i]) !== i);
  if (duplicate) {
    throw invalidConfig(scope, `two tables of zone "${duplicate.zone}" are named "${duplicate.name}"; table names must be unique within a zone.`);
  }
  return tables;
}

function checkColumns(scope: IConstruct, prop: string, table: LakeTableDefinition): void {
  if (table.columns.length === 0) throw invalidProp(scope, `${prop}.columns`, [], 'declare at least one column');
  const names = table.columns.map((c) => c.name);
  table.columns.forEach((c, i) => {
    if (!COLUMN_NAME.test(c.name)) {
      throw invalidProp(scope, `${prop}.columns[${i}].name`, c.name, 'use 1 to 255 lowercase letters, digits and underscores, not starting with a digit');
    }
    if (typeof c.type !== 'string' || c.type.trim().length === 0) {
      throw invalidProp(scope, `${prop}.columns[${i}].type`, c.type, 'use a Glue/Hive type such as "string", "bigint", "timestamp" or "decimal(10,2)"');
    }
  });
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw invalidConfig(scope, `${prop} ("${table.name}") has two columns named "${duplicate}"; column names must be unique.`);
  const missing = (table.partitionKeys ?? []).filter((k) => !names.includes(k));
  if (missing.length > 0) {
    throw invalidProp(scope, `${prop}.partitionKeys`, table.partitionKeys, `every partition key must be one of the table's columns (${names.join(', ')})`);
  }
}

/**
 * Checks a Glue cron expression (six fields, UTC).
 * @internal
 */
export function checkCrawlerSchedule(scope: IConstruct, schedule: string): string {
  if (!isUnresolved(schedule) && !CRON.test(schedule)) {
    throw invalidProp(scope, 'crawlerSchedule', schedule,
      'use a Glue cron expression with six fields (minutes hours day-of-month month day-of-week year), for example "cron(0 2 * * ? *)"');
  }
  return schedule;
}

/**
 * The Glue database name of a zone: `<namePrefix>_<zone>`, hyphens as underscores (Athena reads
 * unquoted names of letters, digits and underscores only).
 * @internal
 */
export function zoneDatabaseName(namePrefix: string, zone: string): string {
  return `${namePrefix}_${zone}`.replace(/-/g, '_');
}
