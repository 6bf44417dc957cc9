import { createHash } from 'crypto';
import { NameRule } from '../../../../core/naming';

const IDENTIFIER = '^[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$';
const IDENTIFIER_ALLOWED = 'letters, digits and hyphens, starting with a letter, ending with a letter or digit, without two hyphens in a row';

/** DMS replication instance identifiers. @internal */
export const DMS_INSTANCE_ID: NameRule = { kind: 'DMS replication instance identifier', minLength: 2, maxLength: 63, pattern: IDENTIFIER, allowed: IDENTIFIER_ALLOWED };
/** DMS endpoint, task and replication config identifiers. @internal */
export const DMS_IDENTIFIER: NameRule = { kind: 'DMS identifier', minLength: 2, maxLength: 255, pattern: IDENTIFIER, allowed: IDENTIFIER_ALLOWED };

/** Longest DMS resource identifier (the end of a replication config's ARN). */
export const MAX_DMS_RESOURCE_IDENTIFIER_LENGTH = 31;

/**
 * The resource identifier of a serverless replication config (the end of its ARN, at most 31
 * characters): `cdc-` and a hash of the config identifier, so it is stable and short.
 * @internal
 */
export function resourceIdentifier(identifier: string): string {
  return `cdc-${createHash('sha256').update(identifier).digest('hex').slice(0, 16)}`;
}

/** Log group DMS writes the tasks of a replication instance to. @internal */
export function instanceLogGroupName(instanceId: string): string {
  return `dms-tasks-${instanceId}`;
}

/** Log group DMS Serverless writes a replication to. @internal */
export function serverlessLogGroupName(resourceId: string): string {
  return `dms-serverless-replication-${resourceId}`;
}
