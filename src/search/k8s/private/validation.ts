import { IConstruct } from 'constructs';
import { INDEX_ALLOWED, INDEX_PATTERN } from './eck-names';
import { invalidProp } from '../../../core/errors';
import { isUnresolved } from '../../../core/validate';

const STACK_VERSION = /^(8|9)\.\d+\.\d+$/;

/** Checks an Elastic Stack version (8.x or 9.x, `major.minor.patch`). @internal */
export function checkStackVersion(scope: IConstruct, version: string): string {
  if (isUnresolved(version)) return version;
  if (typeof version !== 'string' || !STACK_VERSION.test(version)) {
    throw invalidProp(scope, 'version', version, 'use an Elastic Stack version such as "9.5.0" (8.x or 9.x, major.minor.patch)');
  }
  return version;
}

/** Checks an index name (or prefix). @internal */
export function checkIndex(scope: IConstruct, prop: string, index: string): string {
  if (isUnresolved(index)) return index;
  if (typeof index !== 'string' || !INDEX_PATTERN.test(index)) throw invalidProp(scope, prop, index, INDEX_ALLOWED);
  return index;
}
