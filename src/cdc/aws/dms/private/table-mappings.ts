import { IConstruct } from 'constructs';
import { invalidProp } from '../../../../core/errors';
import { SourceEngine } from '../../../cdc-contract';
import { parseTablePatterns, patternDms, TablePattern } from '../../../table-pattern';

/** One DMS selection rule. @internal */
export interface DmsSelectionRule {
  readonly 'rule-type': 'selection';
  readonly 'rule-id': string;
  readonly 'rule-name': string;
  readonly 'object-locator': { readonly 'schema-name': string; readonly 'table-name': string };
  readonly 'rule-action': 'include' | 'exclude';
}

/** The table-mapping document of a task. @internal */
export interface DmsTableMappings {
  readonly rules: DmsSelectionRule[];
}

/** Most selection rules one task takes here (DMS limits the size of the mapping document). */
export const MAX_DMS_SELECTION_RULES = 1000;

function rule(index: number, action: 'include' | 'exclude', actionIndex: number, pattern: TablePattern): DmsSelectionRule {
  const { container, name } = patternDms(pattern);
  return {
    'rule-type': 'selection',
    'rule-id': String(index),
    'rule-name': `${action}-${actionIndex}`,
    'object-locator': { 'schema-name': container, 'table-name': name },
    'rule-action': action,
  };
}

/**
 * The table mappings of a capture: one `include` selection rule per include pattern, then one
 * `exclude` rule per exclude pattern (DMS applies exclusions after inclusions whatever their order).
 * Rule ids are 1..n in that order and rule names `include-<i>` / `exclude-<i>` (1-based), so the
 * document only changes when the patterns do. `*` becomes DMS's `%`. Checks the patterns and that
 * no pattern is both included and excluded.
 * @internal
 */
export function tableMappings(scope: IConstruct, engine: SourceEngine, include: readonly string[], exclude: readonly string[]): DmsTableMappings {
  const included = parseTablePatterns(scope, 'include', include, engine, true);
  const excluded = parseTablePatterns(scope, 'exclude', exclude, engine, false);
  exclude.forEach((pattern, i) => {
    if (include.includes(pattern)) {
      throw invalidProp(scope, `exclude[${i}]`, pattern, 'it is also in include, which would capture nothing of it; remove it from one of the lists');
    }
  });
  if (included.length + excluded.length > MAX_DMS_SELECTION_RULES) {
    throw invalidProp(scope, 'include', include.length, `include and exclude together may hold at most ${MAX_DMS_SELECTION_RULES} patterns; use "*" to cover more tables per pattern`);
  }
  return {
    rules: [
      ...included.map((p, i) => rule(i + 1, 'include', i + 1, p)),
      ...excluded.map((p, i) => rule(included.length + i + 1, 'exclude', i + 1, p)),
    ],
  };
}
