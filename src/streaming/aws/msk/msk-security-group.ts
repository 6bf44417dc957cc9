import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { MSK_IAM_PORT } from './msk-options';
import { AwsNameRules } from '../../../core/naming';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../../platform/aws/network';

/**
 * The security group of an MSK cluster: the IAM listener (TLS, port 9098) from inside the VPC only,
 * no other ingress and no egress rule (the provider removes AWS's default allow-all egress).
 * @internal
 */
export function mskSecurityGroup(scope: Construct, platform: AwsPlatform, network: IAwsNetwork, name: string): SecurityGroup {
  const group = new SecurityGroup(scope, 'SecurityGroup', {
    name: platform.physicalName(scope, AwsNameRules.SECURITY_GROUP, [name, 'msk']),
    description: `MSK ${name}: Kafka IAM listener (TLS ${MSK_IAM_PORT}) from inside the VPC only`,
    vpcId: network.vpcId,
  });
  new VpcSecurityGroupIngressRule(scope, 'IamListenerFromVpc', {
    securityGroupId: group.id,
    description: 'Kafka clients (SASL/IAM over TLS) from inside the VPC',
    ipProtocol: 'tcp',
    fromPort: MSK_IAM_PORT,
    toPort: MSK_IAM_PORT,
    cidrIpv4: network.vpcCidr,
  });
  return group;
}
