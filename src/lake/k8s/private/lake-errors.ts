import { IConstruct } from 'constructs';
import { invalidConfig, PipelineValidationError } from '../../../core/errors';
import { IIdentity } from '../../../identity/identity';

/**
 * The error of grantRead/grantWrite on Kubernetes: SeaweedFS identities are keyed, so a per-zone
 * grant needs per-identity keys, which the library does not generate yet.
 * @internal
 */
export function unsupportedGrant(scope: IConstruct, identity: IIdentity, zone: string, access: string): PipelineValidationError {
  return invalidConfig(
    scope,
    `grant${access} of zone "${zone}" to "${identity.identityName}" is not supported on Kubernetes yet: SeaweedFS scopes S3 access by access key, not by service account, and per-identity keys are not generated; query the zone through Trino (sqlEndpoint) or give the workload the lake's S3 key Secret yourself.`,
  );
}

/** The error for a zone the lake does not have. @internal */
export function unknownZone(scope: IConstruct, zone: string, zoneNames: string[]): PipelineValidationError {
  return invalidConfig(scope, `invalid zone: received ${JSON.stringify(zone)}; use one of ${zoneNames.join(', ')}.`);
}
