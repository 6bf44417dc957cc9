import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { invalidConfig } from '../../../core/errors';
import { kebab } from '../../../core/naming';
import { isUnresolved } from '../../../core/validate';
import { boundedPolicyName } from '../../../identity/aws-grant';
import { IIdentity } from '../../../identity/identity';
import { ICredential } from '../../secret-store-contract';
import { SECRET_READ_ACTIONS } from '../secrets-manager-constants';

/** The region of a literal Secrets Manager ARN; undefined for tokens and malformed ARNs. */
function arnRegion(arn: string): string | undefined {
  if (isUnresolved(arn)) return undefined;
  const parts = arn.split(':');
  return parts.length >= 7 && parts[2] === 'secretsmanager' && parts[3] ? parts[3] : undefined;
}

/**
 * The policy document that lets a role read one Secrets Manager credential: GetSecretValue and
 * DescribeSecret on that secret only, plus kms:Decrypt on its key only when Secrets Manager calls
 * KMS on the role's behalf (`kms:ViaService`). No KMS statement when the secret uses the
 * AWS-managed key (no `kmsKeyArn`): its key policy already allows that.
 * @internal
 */
export function secretReadPolicyDocument(credential: ICredential, platformRegion: string): Record<string, unknown> {
  const statements: Record<string, unknown>[] = [{ Effect: 'Allow', Action: SECRET_READ_ACTIONS, Resource: [credential.secretArn] }];
  if (credential.kmsKeyArn) {
    const region = arnRegion(credential.secretArn!) ?? platformRegion;
    statements.push({
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [credential.kmsKeyArn],
      Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** Name of the inline policy that grants read on `credential`. @internal */
export function secretReadPolicyName(credential: ICredential, namePrefix: string): string {
  const name = isUnresolved(credential.credentialName) ? `${namePrefix}-${kebab(credential.node.id)}` : credential.credentialName;
  return boundedPolicyName(`${name}-secret-read`);
}

/**
 * Attaches the read policy to the identity's IAM role, once per store, credential and identity.
 * @internal
 */
export function grantSecretRead(scope: Construct, identity: IIdentity, credential: ICredential, namePrefix: string, region: string): IamRolePolicy {
  if (!identity.awsRoleName) {
    throw invalidConfig(scope,
      `cannot grant read on credential "${credential.credentialName}" to identity "${identity.identityName}" (${identity.node.path}): it has no IAM role. Use an identity created on an AWS platform or Identity.fromAwsRole().`);
  }
  const id = `Read-${credential.node.addr.slice(0, 12)}-${identity.node.addr.slice(0, 12)}`;
  const existing = scope.node.tryFindChild(id);
  if (existing) return existing as IamRolePolicy;
  return new IamRolePolicy(scope, id, {
    role: identity.awsRoleName,
    name: secretReadPolicyName(credential, namePrefix),
    policy: JSON.stringify(secretReadPolicyDocument(credential, region)),
  });
}
