import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../../../core/naming';
import { trustPolicy } from '../../../../identity/aws-grant';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';
import { ICredential } from '../../../../secrets/secret-store-contract';

/** What Secrets Manager access DMS needs to read a source endpoint's credential. */
export const DMS_SECRET_ACTIONS = ['secretsmanager:GetSecretValue'];

/**
 * A role DMS assumes for one capture (`<namePrefix>-<capture>-dms-<purpose>`): trusted by the DMS
 * service principal (global and regional: DMS uses the regional one for Secrets Manager access),
 * only on behalf of this account.
 * @internal
 */
export function dmsServiceRole(scope: Construct, id: string, capture: string, purpose: string): IamRole {
  const platform = AwsPlatform.ofAws(scope);
  return new IamRole(scope, id, {
    name: platform.physicalName(scope, AwsNameRules.IAM_ROLE, [capture, 'dms', purpose]),
    assumeRolePolicy: trustPolicy(
      { Service: ['dms.amazonaws.com', `dms.${platform.region}.amazonaws.com`] },
      { StringEquals: { 'aws:SourceAccount': platform.accountId } },
    ),
  });
}

/**
 * The policy document that lets DMS read one source credential: GetSecretValue on that secret and,
 * for a customer-managed key, kms:Decrypt on that key only through Secrets Manager.
 * @internal
 */
export function secretAccessDocument(credential: ICredential, region: string): Record<string, unknown> {
  const statements: Record<string, unknown>[] = [
    { Sid: 'ReadSourceCredential', Effect: 'Allow', Action: DMS_SECRET_ACTIONS, Resource: [credential.secretArn] },
  ];
  if (credential.kmsKeyArn) {
    statements.push({
      Sid: 'DecryptSourceCredential',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [credential.kmsKeyArn],
      Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

