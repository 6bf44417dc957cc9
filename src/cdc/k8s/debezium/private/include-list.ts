import { patternRegex, TablePattern } from '../../../table-pattern';

/**
 * The Debezium include list of `include` minus `exclude`: Debezium refuses an include list and an
 * exclude list together (`"table.include.list" is already specified`), so each include regex is
 * guarded by a negative lookahead of the exclusions: `(?!(?:<ex1>|<ex2>)$)(?:<inc>)`. Debezium
 * matches every entry against the whole name, case-insensitively; no entry contains a comma (the
 * list separator).
 * @internal
 */
export function debeziumIncludeList(include: readonly TablePattern[], exclude: readonly TablePattern[]): string {
  const included = include.map(patternRegex);
  if (exclude.length === 0) return included.join(',');
  const guard = `(?!(?:${exclude.map(patternRegex).join('|')})$)`;
  return included.map((regex) => `${guard}(?:${regex})`).join(',');
}
