import { IConstruct } from 'constructs';
import { invalidProp } from '../../core/errors';
import { kebab } from '../../core/naming';

/** A data source id: letters, digits and hyphens (it names data source ids, uids, variables and policies). */
const DATA_SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/**
 * The data source ids of one BI front end and what each reads: rejects malformed and duplicate ids
 * (also ids equal once kebab-cased, as physical names derive from them) and a source added twice.
 * @internal
 */
export class DataSourceIds {
  private readonly ids = new Map<string, string>();
  private readonly targets = new Map<IConstruct, string>();

  constructor(private readonly scope: IConstruct) {}

  /** Registers `id` for `target`; returns the kebab-case form. */
  public claim(id: string, target: IConstruct, what: string): string {
    if (typeof id !== 'string' || !DATA_SOURCE_ID.test(id)) {
      throw invalidProp(this.scope, 'id', id, 'use 1 to 40 letters, digits and hyphens, starting with a letter or digit');
    }
    const key = kebab(id);
    const taken = this.ids.get(key);
    if (taken !== undefined) {
      throw invalidProp(this.scope, 'id', id, `data source "${taken}" already uses it; give each data source its own id (ids that are equal in kebab case clash too)`);
    }
    const existing = this.targets.get(target);
    if (existing !== undefined) {
      throw invalidProp(this.scope, what, target.node.path, `it is already the data source "${existing}"; add each ${what} once`);
    }
    this.ids.set(key, id);
    this.targets.set(target, id);
    return key;
  }
}
