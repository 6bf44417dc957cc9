import { createHash } from 'crypto';
import { NameRule } from '../../../core/naming';
import { MAX_ECK_NAME_LENGTH } from '../eck-constants';

/** Names of ECK resources: DNS labels of at most 36 characters. @internal */
export const ECK_NAME_RULE: NameRule = {
  kind: 'ECK resource name',
  minLength: 1,
  maxLength: MAX_ECK_NAME_LENGTH,
  pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$',
  allowed: 'lowercase letters, digits and hyphens, starting and ending with a letter or digit (ECK derives longer names from it)',
};

/** Index names: lowercase letters, digits, "-" and "_", starting with a letter or digit. @internal */
export const INDEX_PATTERN = /^[a-z0-9][a-z0-9_-]{0,199}$/;
/** What {@link INDEX_PATTERN} allows, for messages. @internal */
export const INDEX_ALLOWED = 'use 1 to 200 lowercase letters, digits, "-" and "_", starting with a letter or digit';

const HASH_LENGTH = 8;

/**
 * `name` when it fits `max` characters, else its start and an 8-character hash of the whole
 * (stable, so names do not change between syntheses).
 * @internal
 */
export function shortenName(name: string, max: number = MAX_ECK_NAME_LENGTH): string {
  const clean = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (clean.length <= max) return clean;
  const hash = createHash('sha256').update(clean).digest('hex').slice(0, HASH_LENGTH);
  return `${clean.slice(0, max - HASH_LENGTH - 1).replace(/-+$/, '')}-${hash}`;
}

/** Name of the Kibana of a cluster. @internal */
export function kibanaNameOf(clusterName: string): string {
  return shortenName(`${clusterName}-kibana`);
}

/** Name of the exporter Deployment and Service of a cluster. @internal */
export function exporterNameOf(clusterName: string): string {
  return `${clusterName}-es-exporter`;
}

/** An Elasticsearch role name from Kubernetes-style parts (`acme-search`, `writer` -> `acme_search_writer`). @internal */
export function roleName(...parts: string[]): string {
  return parts.join('_').replace(/-/g, '_');
}
