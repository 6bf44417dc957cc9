import { IConstruct } from 'constructs';
import { invalidConfig, invalidProp } from '../../../core/errors';
import { isUnresolved } from '../../../core/validate';
import { MAX_QUICKSIGHT_DATA_SOURCE_PRINCIPALS, QUICKSIGHT_DATA_SOURCE_OWNER_ACTIONS, QUICKSIGHT_DATA_SOURCE_READER_ACTIONS } from '../quicksight-analytics-props';

/** A QuickSight user or group ARN. */
const PRINCIPAL = /^arn:aws[a-z-]*:quicksight:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d:\d{12}:(user|group)\/[A-Za-z0-9._@+=,-]+\/\S+$/;
const ACCOUNT_ID = /^\d{12}$/;
/** A QuickSight database user name (lowercase, as Redshift folds unquoted names). */
const DATABASE_USER = /^[a-z_][a-z0-9_]{0,62}$/;

/** One entry of a data source's `permission` list. @internal */
export interface QuickSightPermission {
  readonly principal: string;
  readonly actions: string[];
}

/** Checks owners and readers and returns the data source permissions. @internal */
export function quickSightPermissions(scope: IConstruct, owners: string[], readers: string[]): QuickSightPermission[] {
  const check = (prop: string, list: string[]) => list.forEach((arn, i) => {
    if (isUnresolved(arn)) return;
    if (typeof arn !== 'string' || !PRINCIPAL.test(arn)) {
      throw invalidProp(scope, `${prop}[${i}]`, arn,
        'use the ARN of a QuickSight user or group, such as "arn:aws:quicksight:us-east-1:123456789012:group/default/analysts"');
    }
  });
  check('owners', owners);
  check('readers', readers);
  const both = owners.filter((arn) => !isUnresolved(arn) && readers.includes(arn));
  if (both.length > 0) {
    throw invalidProp(scope, 'readers', both, 'a principal is either an owner or a reader; remove it from one of the lists');
  }
  const seen = new Set<string>();
  for (const [prop, list] of [['owners', owners], ['readers', readers]] as const) {
    list.forEach((arn, i) => {
      if (isUnresolved(arn)) return;
      if (seen.has(arn)) throw invalidProp(scope, `${prop}[${i}]`, arn, 'list each principal once');
      seen.add(arn);
    });
  }
  const total = owners.length + readers.length;
  if (total > MAX_QUICKSIGHT_DATA_SOURCE_PRINCIPALS) {
    throw invalidConfig(scope, `invalid owners and readers: received ${total} principals; QuickSight accepts at most ${MAX_QUICKSIGHT_DATA_SOURCE_PRINCIPALS} per data source (grant groups rather than users).`);
  }
  return [
    ...owners.map((principal) => ({ principal, actions: [...QUICKSIGHT_DATA_SOURCE_OWNER_ACTIONS] })),
    ...readers.map((principal) => ({ principal, actions: [...QUICKSIGHT_DATA_SOURCE_READER_ACTIONS] })),
  ];
}

/** Checks the QuickSight account id. @internal */
export function checkAccountId(scope: IConstruct, accountId: string): string {
  if (!isUnresolved(accountId) && !ACCOUNT_ID.test(accountId ?? '')) {
    throw invalidProp(scope, 'awsAccountId', accountId, 'use a 12-digit AWS account id');
  }
  return accountId;
}

/** Checks the database user name. @internal */
export function checkDatabaseUser(scope: IConstruct, user: string): string {
  if (!isUnresolved(user) && !DATABASE_USER.test(user ?? '')) {
    throw invalidProp(scope, 'databaseUser', user, 'use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore');
  }
  return user;
}
