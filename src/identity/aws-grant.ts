import { createHash } from 'crypto';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { IIdentity } from './identity';
import { invalidConfig } from '../core/errors';

/** One IAM policy statement (always scoped to resources; never `*` on `*`). */
export interface PolicyStatement {
  /** Actions. */
  readonly actions: string[];
  /** Resource ARNs. */
  readonly resources: string[];
}

/** Longest name of an IAM inline policy (PutRolePolicy). */
export const MAX_IAM_POLICY_NAME_LENGTH = 128;

/**
 * A policy name within {@link MAX_IAM_POLICY_NAME_LENGTH}: longer names are cut and end in a hash of
 * the full name, so two long names that share a prefix (`...-write`, `...-read`) stay distinct.
 * @internal
 */
export function boundedPolicyName(name: string): string {
  if (name.length <= MAX_IAM_POLICY_NAME_LENGTH) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IAM_POLICY_NAME_LENGTH - hash.length - 1)}-${hash}`;
}

/**
 * Attaches an inline policy named after `id` with `statements` to an IAM role.
 * @internal
 */
export function attachRolePolicy(scope: Construct, id: string, roleName: string, statements: PolicyStatement[], policyName?: string): IamRolePolicy {
  return new IamRolePolicy(scope, id, {
    role: roleName,
    name: boundedPolicyName(policyName ?? id),
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: statements.map((s) => ({ Effect: 'Allow', Action: s.actions, Resource: s.resources })),
    }),
  });
}

/**
 * Attaches an inline policy `policyName` with `statements` to the identity's IAM role (once per
 * scope, identity and policy name: granting twice is a no-op).
 * @internal
 */
export function grantAws(scope: Construct, policyName: string, identity: IIdentity, statements: PolicyStatement[]): IamRolePolicy {
  if (!identity.awsRoleName) {
    throw invalidConfig(scope, `cannot grant AWS permissions to identity "${identity.identityName}" (${identity.node.path}): it has no IAM role. Use an identity created on an AWS platform or Identity.fromAwsRole().`);
  }
  const id = `Grant-${policyName}-${identity.node.addr.slice(0, 12)}`;
  if (scope.node.tryFindChild(id)) return scope.node.tryFindChild(id) as IamRolePolicy;
  return attachRolePolicy(scope, id, identity.awsRoleName, statements, policyName);
}

/**
 * A role trust policy letting `principal` (for example `{ Service: 'lambda.amazonaws.com' }`)
 * assume the role, optionally under a condition (confused-deputy guards).
 * @internal
 */
export function trustPolicy(principal: Record<string, unknown>, condition?: Record<string, unknown>): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }],
  });
}
