import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../../core/naming';
import { AwsPlatform } from '../../../platform/aws/aws-platform';

/** HTTPS, the only port of an OpenSearch domain. @internal */
export const HTTPS_PORT = 443;

/**
 * The domain's security group: no ingress until a client (a Firehose destination, a log shipper,
 * the security configuration function, `allowConnectionsFrom`) is admitted on HTTPS; no egress
 * (the provider removes AWS's allow-all rule; the domain initiates no connection).
 * @internal
 */
export function domainSecurityGroup(scope: Construct, name: string, vpcId: string): SecurityGroup {
  const platform = AwsPlatform.ofAws(scope);
  return new SecurityGroup(scope, 'SecurityGroup', {
    name: platform.physicalName(scope, AwsNameRules.SECURITY_GROUP, [name, 'opensearch']),
    description: `OpenSearch ${name}: HTTPS from admitted clients only`,
    vpcId,
  });
}

/**
 * A security group for a client of the domain (`scope`/`id`), allowed out on HTTPS to the domain's
 * group only, and admitted in by it. Returns the client group's id.
 * @internal
 */
export function domainClientGroup(scope: Construct, id: string, name: string, vpcId: string, domainGroupId: string, purpose: string): string {
  const platform = AwsPlatform.ofAws(scope);
  const group = new SecurityGroup(scope, id, {
    name: platform.physicalName(scope, AwsNameRules.SECURITY_GROUP, [name]),
    description: `${purpose}: HTTPS to the OpenSearch domain only`,
    vpcId,
  });
  new VpcSecurityGroupEgressRule(scope, `${id}-HttpsToDomain`, {
    securityGroupId: group.id,
    description: 'HTTPS to the OpenSearch domain',
    ipProtocol: 'tcp',
    fromPort: HTTPS_PORT,
    toPort: HTTPS_PORT,
    referencedSecurityGroupId: domainGroupId,
  });
  allowHttpsFrom(scope, `${id}-DomainIngress`, domainGroupId, group.id, purpose);
  return group.id;
}

/**
 * An ingress rule admitting `clientGroupId` to the domain on HTTPS (once per scope and id).
 * @internal
 */
export function allowHttpsFrom(scope: Construct, id: string, domainGroupId: string, clientGroupId: string, purpose: string): void {
  if (scope.node.tryFindChild(id)) return;
  new VpcSecurityGroupIngressRule(scope, id, {
    securityGroupId: domainGroupId,
    description: `HTTPS from ${purpose}`,
    ipProtocol: 'tcp',
    fromPort: HTTPS_PORT,
    toPort: HTTPS_PORT,
    referencedSecurityGroupId: clientGroupId,
  });
}
