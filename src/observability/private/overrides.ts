import { IConstruct } from 'constructs';
import { invalidProp } from '../../core/errors';
import { AlarmOverride } from '../alarm-contract';
import { AlarmSpecBase } from './alarm-spec';

function isWithin(resource: IConstruct, scope: IConstruct): boolean {
  const path = scope.node.path;
  const target = resource.node.path;
  return target === path || target.startsWith(`${path}/`);
}

/**
 * Applies overrides to the specs (later overrides win) and drops disabled ones. Every override must
 * name a key that exists under its scope and a threshold inside the alarm's range.
 * @internal
 */
export function applyOverrides<T extends AlarmSpecBase>(owner: IConstruct, specs: T[], overrides: AlarmOverride[]): T[] {
  const thresholds = new Map<T, number>();
  const disabled = new Set<T>();
  overrides.forEach((override, index) => {
    const prop = `alarmOverrides[${index}]`;
    const inScope = specs.filter((spec) => isWithin(spec.resource, override.scope));
    if (inScope.length === 0) {
      throw invalidProp(owner, `${prop}.scope`, override.scope.node.path,
        'name a construct that contains a monitored pipeline resource (see alarms())');
    }
    const matching = inScope.filter((spec) => spec.key === override.alarm);
    if (matching.length === 0) {
      const keys = [...new Set(inScope.map((spec) => spec.key))].sort();
      throw invalidProp(owner, `${prop}.alarm`, override.alarm, `alarms under ${override.scope.node.path} are ${keys.join(', ')}`);
    }
    if (override.threshold !== undefined) {
      const { min, max, integer, unit } = matching[0].range;
      const value = override.threshold;
      if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
        throw invalidProp(owner, `${prop}.threshold`, value,
          `${override.alarm} takes ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (${unit})`);
      }
      matching.forEach((spec) => thresholds.set(spec, value));
    }
    if (override.enabled === false) matching.forEach((spec) => disabled.add(spec));
    if (override.enabled === true) matching.forEach((spec) => disabled.delete(spec));
  });
  return specs
    .filter((spec) => !disabled.has(spec))
    .map((spec) => (thresholds.has(spec) ? { ...spec, threshold: thresholds.get(spec)! } : spec));
}

/**
 * The constructs to watch: every construct under the roots, each once, in tree order.
 * @internal
 */
export function constructsUnder(roots: IConstruct[]): IConstruct[] {
  const seen = new Set<IConstruct>();
  const out: IConstruct[] = [];
  for (const root of roots) {
    for (const node of root.node.findAll()) {
      if (!seen.has(node)) {
        seen.add(node);
        out.push(node);
      }
    }
  }
  return out;
}
