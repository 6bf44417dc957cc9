import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { invalidConfig } from '../core/errors';
import { IIdentity } from './identity';

/** One IAM policy statement (always scoped to resources; never `*` on `*`). */
export interface PolicyStatement {
  /** Actions. */
  readonly actions: string[];
  /** Resource ARNs. */
  readonly resources: string[];
}

/**
 * Attaches an inline policy with `statements` to the identity's IAM role.
 * @internal
 */
export function grantAws(scope: Construct, id: string, identity: IIdentity, statements: PolicyStatement[]): IamRolePolicy {
  if (!identity.awsRoleName) {
    throw invalidConfig(scope, `cannot grant AWS permissions to identity "${identity.identityName}" (${identity.node.path}): it has no IAM role. Use an identity created on an AWS platform or Identity.fromAwsRole().`);
  }
  return new IamRolePolicy(scope, id, {
    role: identity.awsRoleName,
    name: id.toLowerCase(),
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: statements.map((s) => ({ Effect: 'Allow', Action: s.actions, Resource: s.resources })),
    }),
  });
}
