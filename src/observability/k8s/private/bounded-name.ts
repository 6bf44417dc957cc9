import { createHash } from 'crypto';

/** Longest Kubernetes object name of a DNS label. */
const DNS_LABEL_MAX = 63;

/** `name` when it fits a DNS label, else its start plus a hash of the whole. @internal */
export function boundedObjectName(name: string, max: number = DNS_LABEL_MAX): string {
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, max - 9).replace(/-+$/, '')}-${hash}`;
}
