import { IConstruct } from 'constructs';
import { SourceEngine } from './cdc-contract';
import { invalidProp } from '../core/errors';

/** One part of a pattern: letters, digits, `_`, `$`, `-`, and `*` (any run of characters). */
const PART = /^[A-Za-z0-9_$*-]{1,128}$/;

/** What the two parts of a pattern name, per engine. */
export const PATTERN_PARTS: Record<SourceEngine, readonly [string, string]> = {
  [SourceEngine.MYSQL]: ['database', 'table'],
  [SourceEngine.POSTGRESQL]: ['schema', 'table'],
  [SourceEngine.MONGODB]: ['database', 'collection'],
};

/** A parsed include/exclude pattern: `<container>.<name>`, each part possibly with `*`. */
export interface TablePattern {
  /** Database (MySQL, MongoDB) or schema (PostgreSQL). */
  readonly container: string;
  /** Table or collection. */
  readonly name: string;
}

/**
 * Parses and checks include/exclude patterns (`prop` names them in errors, e.g. `include`).
 * @internal
 */
export function parseTablePatterns(
  scope: IConstruct, prop: string, patterns: readonly string[], engine: SourceEngine, required: boolean,
): TablePattern[] {
  const [container, name] = PATTERN_PARTS[engine];
  const form = `"<${container}>.<${name}>", each part of letters, digits, "_", "$", "-" or "*" (any characters), for example "sales.orders" or "sales.*"`;
  if (required && patterns.length === 0) {
    throw invalidProp(scope, prop, patterns, `list at least one ${name} as ${form}`);
  }
  const seen = new Set<string>();
  return patterns.map((pattern, i) => {
    const parts = typeof pattern === 'string' ? pattern.split('.') : [];
    if (parts.length !== 2 || !parts.every((p) => PART.test(p))) {
      throw invalidProp(scope, `${prop}[${i}]`, pattern, `use ${form}`);
    }
    if (seen.has(pattern)) throw invalidProp(scope, `${prop}[${i}]`, pattern, 'list each pattern once');
    seen.add(pattern);
    return { container: parts[0], name: parts[1] };
  });
}

/** A regular expression (Debezium include/exclude lists) matching `<container>.<name>` exactly. */
export function patternRegex(pattern: TablePattern): string {
  const part = (p: string) => p.split('*').map((s) => s.replace(/[$-]/g, (c) => `\\${c}`)).join('.*');
  return `${part(pattern.container)}\\.${part(pattern.name)}`;
}

/** The pattern in DMS selection-rule form (`%` for any characters). */
export function patternDms(pattern: TablePattern): { container: string; name: string } {
  return { container: pattern.container.replace(/\*/g, '%'), name: pattern.name.replace(/\*/g, '%') };
}
