import { createHash } from 'crypto';
import { isUnresolved } from '../../../core/validate';

/**
 * `parts` joined with "-", cut to `max` characters with a hash of the whole name at the end when too
 * long (unresolved tokens are kept as they are: Terraform resolves them).
 * @internal
 */
export function boundedName(parts: string[], max: number): string {
  const name = parts.filter((p) => p.length > 0).join('-');
  if (isUnresolved(name) || name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
