import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, TerraformStack } from '../../../../core/cdktf';
import { trustPolicy } from '../../../../identity/aws-grant';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';
import {
  DMS_CLOUDWATCH_LOGS_MANAGED_POLICY, DMS_CLOUDWATCH_LOGS_ROLE_NAME, DMS_VPC_MANAGED_POLICY, DMS_VPC_ROLE_NAME, DmsAccountRoles, DmsAccountRolesKind,
} from '../dms-account-roles';

/** Construct id of the stack's account roles (one per stack). @internal */
export const ACCOUNT_ROLES_ID = 'DmsAccountRoles';

/** The two account-wide roles DMS requires, created once per stack. @internal */
class AccountRoles extends Construct {
  public readonly attachments: ITerraformDependable[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(scope);
    const roles: Array<[string, string, string]> = [
      ['VpcRole', DMS_VPC_ROLE_NAME, DMS_VPC_MANAGED_POLICY],
      ['CloudWatchLogsRole', DMS_CLOUDWATCH_LOGS_ROLE_NAME, DMS_CLOUDWATCH_LOGS_MANAGED_POLICY],
    ];
    for (const [roleId, name, policy] of roles) {
      // DMS assumes these with its global principal; the AWS managed policies are the documented ones.
      const role = new IamRole(this, roleId, {
        name,
        description: `Account-wide role AWS DMS requires by name (created by cdktf-data-pipelines, ${platform.namePrefix})`,
        assumeRolePolicy: trustPolicy({ Service: 'dms.amazonaws.com' }),
      });
      this.attachments.push(new IamRolePolicyAttachment(this, `${roleId}Policy`, {
        role: role.name,
        policyArn: `arn:${platform.partition}:iam::aws:policy/${policy}`,
      }));
    }
  }
}

/**
 * What DMS resources must wait for: the role policy attachments when this stack creates the account
 * roles (once per stack, at the stack's root), nothing when they exist already.
 * @internal
 */
export function accountRoleDependencies(scope: IConstruct, choice: DmsAccountRoles): ITerraformDependable[] {
  if (choice.kind === DmsAccountRolesKind.EXISTING) return [];
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(ACCOUNT_ROLES_ID) as AccountRoles | undefined;
  return (existing ?? new AccountRoles(stack, ACCOUNT_ROLES_ID)).attachments;
}
