import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { invalidProp } from '../../../../core/errors';
import { NameRule } from '../../../../core/naming';
import { MAX_CREDENTIAL_NAME_LENGTH } from '../../../../secrets/credential-limits';
import { SourceClientPeer } from '../kubernetes-source-database';

/**
 * Name of a source database (the platform's namePrefix, a hyphen, the name): a DNS label short
 * enough for what is derived from it (StatefulSet pods and their revision label, `<name>-svc`,
 * `<name>-<user>-scram-credentials`, CloudNativePG's `<name>-rw`).
 */
export const SOURCE_DATABASE_NAME_RULE: NameRule = {
  kind: 'source database name',
  minLength: 1,
  maxLength: 40,
  pattern: '^[a-z]([a-z0-9-]*[a-z0-9])?$',
  allowed: 'lowercase letters, digits and hyphens, starting with a letter (names of Services, Secrets and pods are derived from it)',
};

/** Annotation that makes Helm leave an object in place when the release deletes it (RETAIN). */
export const KEEP_ANNOTATION = { 'helm.sh/resource-policy': 'keep' };

/** Label with the component of every object of a source database. */
export const SOURCE_COMPONENT = 'cdc-source';

/**
 * Name of a credential (after the namePrefix, at most MAX_CREDENTIAL_NAME_LENGTH characters):
 * `<database>-<suffix>` hyphenated, shortened with a hash when too long.
 * @internal
 */
export function sourceCredentialName(database: string, suffix: string): string {
  let name = `${database}-${suffix}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(name)) name = `db-${name}`;
  if (name.length <= MAX_CREDENTIAL_NAME_LENGTH) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_CREDENTIAL_NAME_LENGTH - 9).replace(/-+$/, '')}-${hash}`;
}

/** The labels of client pods: at least one (an empty selector would select every pod). @internal */
export function checkClientLabels(scope: IConstruct, peer: SourceClientPeer): Record<string, string> {
  const podLabels = peer?.podLabels;
  if (!podLabels || typeof podLabels !== 'object' || Object.keys(podLabels).length === 0) {
    throw invalidProp(scope, 'peer.podLabels', podLabels, 'give the labels of the client pods (an empty selector would open the database to every pod of the namespace)');
  }
  return podLabels;
}

/** A database user name: letters, digits and "_", starting with a letter or "_", at most `max` characters. @internal */
export function checkUserName(scope: IConstruct, prop: string, name: string, max: number, reserved: string[]): string {
  if (typeof name !== 'string' || !new RegExp(`^[a-z_][a-z0-9_]{0,${max - 1}}$`).test(name)) {
    throw invalidProp(scope, prop, name, `use 1 to ${max} lowercase letters, digits and "_", starting with a letter or "_"`);
  }
  if (reserved.includes(name)) {
    throw invalidProp(scope, prop, name, `taken (${reserved.join(', ')} are reserved or already used by this database); choose another name`);
  }
  return name;
}
