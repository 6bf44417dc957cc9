import { NameRule } from '../../../core/naming';

/**
 * Cluster identifiers, namespace and workgroup names: 3 to 63 lowercase letters, digits and
 * hyphens, starting with a letter, no two hyphens in a row, not ending with a hyphen (the
 * intersection of the provisioned and serverless rules).
 * @internal
 */
export const REDSHIFT_IDENTIFIER_RULE: NameRule = {
  kind: 'Redshift identifier',
  minLength: 3,
  maxLength: 63,
  pattern: '^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$',
  allowed: 'lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit',
};

/** Names of the warehouse suffix (`name` prop): lowercase letters, digits, hyphens. @internal */
export const WAREHOUSE_NAME = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** Database names: a letter, then lowercase letters, digits and underscores, at most 64. @internal */
export const DATABASE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** `snake_case` form of a kebab-case name (for SQL names derived from construct ids). @internal */
export function snake(name: string): string {
  return name.replace(/-/g, '_');
}

/** EventBridge rule names. @internal */
export const EVENT_RULE_NAME_RULE: NameRule = {
  kind: 'EventBridge rule name',
  minLength: 1,
  maxLength: 64,
  pattern: '^[.\\-_A-Za-z0-9]+$',
  allowed: 'letters, digits, ".", "-" and "_"',
};
