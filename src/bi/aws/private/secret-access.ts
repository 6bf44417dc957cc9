import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { invalidConfig } from '../../../core/errors';
import { boundedPolicyName } from '../../../identity/aws-grant';
import { IIdentity } from '../../../identity/identity';
import { ICredential } from '../../../secrets/secret-store-contract';

/** Inputs of {@link grantSecretToQuickSight}. @internal */
export interface SecretAccessInput {
  /** The role QuickSight reads secrets with. */
  readonly role: IIdentity;
  readonly credential: ICredential;
  readonly policyName: string;
  /** Region of the secret (for `kms:ViaService`). */
  readonly region: string;
}

/**
 * Lets QuickSight's Secrets Manager role read exactly one secret: `secretsmanager:GetSecretValue`
 * on its ARN and, for a customer-managed key, `kms:Decrypt` on that key only when Secrets Manager
 * calls it. QuickSight reads data source secrets by assuming that role, so the grant is an identity
 * policy on it; a resource policy on the secret would not cover the key (the platform's key policy
 * delegates to IAM) and `aws_secretsmanager_secret_policy` is one policy per secret, owned by the
 * secret store.
 * @internal
 */
export function grantSecretToQuickSight(scope: Construct, id: string, input: SecretAccessInput): IamRolePolicy {
  const { role, credential } = input;
  if (!role.awsRoleName) {
    throw invalidConfig(scope, `secretsRole "${role.identityName}" (${role.node.path}) has no IAM role; use Identity.fromAwsRole() for the role QuickSight reads Secrets Manager with.`);
  }
  const statements: Record<string, unknown>[] = [
    { Sid: 'ReadDataSourceSecret', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [credential.secretArn] },
  ];
  if (credential.kmsKeyArn) {
    statements.push({
      Sid: 'DecryptDataSourceSecret',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [credential.kmsKeyArn],
      Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${input.region}.amazonaws.com` } },
    });
  }
  return new IamRolePolicy(scope, id, {
    role: role.awsRoleName,
    name: boundedPolicyName(input.policyName),
    policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
  });
}
