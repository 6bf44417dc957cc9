import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../../../core/naming';
import { trustPolicy } from '../../../../identity/aws-grant';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';

/** The AWS-managed policy enhanced monitoring needs (it only writes to the RDSOSMetrics log group). @internal */
export const ENHANCED_MONITORING_POLICY = 'service-role/AmazonRDSEnhancedMonitoringRole';

/**
 * The role RDS enhanced monitoring assumes, for this account only (confused-deputy guard).
 * @internal
 */
export function enhancedMonitoringRole(scope: Construct, name: string): { role: IamRole; attachment: IamRolePolicyAttachment } {
  const platform = AwsPlatform.ofAws(scope);
  const role = new IamRole(scope, 'MonitoringRole', {
    name: platform.physicalName(scope, AwsNameRules.IAM_ROLE, [name, 'monitoring']),
    assumeRolePolicy: trustPolicy({ Service: 'monitoring.rds.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': platform.accountId } }),
  });
  const attachment = new IamRolePolicyAttachment(scope, 'MonitoringPolicy', {
    role: role.name,
    policyArn: `arn:${platform.partition}:iam::aws:policy/${ENHANCED_MONITORING_POLICY}`,
  });
  return { role, attachment };
}
