import { MskServerlessCluster } from '@cdktf/provider-aws/lib/msk-serverless-cluster';
import { Construct } from 'constructs';
import { mskSecurityGroup } from './msk-security-group';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../../platform/aws/network';

/** What a serverless cluster needs. @internal */
export interface ServerlessClusterInput {
  readonly platform: AwsPlatform;
  readonly network: IAwsNetwork;
  readonly clusterName: string;
  readonly name: string;
}

/**
 * An MSK Serverless cluster with IAM auth in the private subnets. The service fixes the replication
 * factor at 3, encrypts at rest with an AWS-owned key and offers no broker logs.
 * @internal
 */
export function serverlessCluster(scope: Construct, input: ServerlessClusterInput): MskServerlessCluster {
  const group = mskSecurityGroup(scope, input.platform, input.network, input.name);
  return new MskServerlessCluster(scope, 'ServerlessCluster', {
    clusterName: input.clusterName,
    clientAuthentication: { sasl: { iam: { enabled: true } } },
    vpcConfig: [{ subnetIds: input.network.privateSubnetIds, securityGroupIds: [group.id] }],
  });
}
