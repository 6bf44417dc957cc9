import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { invalidProp } from '../../../../core/errors';
import { AwsNameRules } from '../../../../core/naming';
import { isUnresolved } from '../../../../core/validate';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';

const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;

/**
 * The database's security group: no inbound rule until `allowConnectionsFrom`, and no outbound
 * rule at all (the provider removes AWS's allow-all egress; a source database opens no connection).
 * @internal
 */
export function sourceSecurityGroup(scope: Construct, name: string, engineLabel: string, port: number, vpcId: string): SecurityGroup {
  const platform = AwsPlatform.ofAws(scope);
  return new SecurityGroup(scope, 'SecurityGroup', {
    name: platform.physicalName(scope, AwsNameRules.SECURITY_GROUP, [name, 'db']),
    description: `${engineLabel} ${name}: port ${port} from allowed clients only`,
    vpcId,
  });
}

/**
 * An ingress rule from a client security group to the database port (once per id).
 * @internal
 */
export function allowDatabasePort(scope: Construct, id: string, groupId: string, clientGroupId: string, port: number): VpcSecurityGroupIngressRule {
  if (typeof clientGroupId !== 'string' || (!isUnresolved(clientGroupId) && !SECURITY_GROUP_ID.test(clientGroupId))) {
    throw invalidProp(scope, `allowConnectionsFrom("${id}").securityGroupId`, clientGroupId, 'use a security group id such as "sg-0123456789abcdef0"');
  }
  const existing = scope.node.tryFindChild(`From-${id}`);
  if (existing) return existing as VpcSecurityGroupIngressRule;
  return new VpcSecurityGroupIngressRule(scope, `From-${id}`, {
    securityGroupId: groupId,
    description: `Database clients: ${id}`,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    referencedSecurityGroupId: clientGroupId,
  });
}
