import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IConstruct } from 'constructs';

/**
 * The inline policies on `roleName` created anywhere under `root` (a grant's policies, so a
 * resource that needs them at create time can wait for them).
 * @internal
 */
export function rolePoliciesIn(root: IConstruct, roleName: string): IamRolePolicy[] {
  return root.node.findAll().filter((c): c is IamRolePolicy => c instanceof IamRolePolicy && c.roleInput === roleName);
}

/** A policy statement with an optional condition. @internal */
export interface ConditionalStatement {
  readonly actions: string[];
  readonly resources: string[];
  readonly condition?: Record<string, unknown>;
}

/** A policy document from statements (Allow only). @internal */
export function policyDocument(statements: ConditionalStatement[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((s) => ({
      Effect: 'Allow',
      Action: s.actions,
      Resource: s.resources,
      ...(s.condition ? { Condition: s.condition } : {}),
    })),
  });
}

/**
 * The Data API calls on a statement the caller ran (they have no resource-level permissions: the
 * Data API only lets the IAM principal that ran a statement see it).
 * @internal
 */
export const DATA_API_STATEMENT_ACTIONS = ['redshift-data:CancelStatement', 'redshift-data:DescribeStatement', 'redshift-data:GetStatementResult'];
/** The Data API calls that run SQL on a cluster or workgroup. @internal */
export const DATA_API_EXECUTE_ACTIONS = ['redshift-data:BatchExecuteStatement', 'redshift-data:ExecuteStatement'];
