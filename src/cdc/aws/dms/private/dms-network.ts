import { DataAwsPrefixList } from '@cdktf/provider-aws/lib/data-aws-prefix-list';
import { DmsReplicationSubnetGroup } from '@cdktf/provider-aws/lib/dms-replication-subnet-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import { ITerraformDependable } from '../../../../core/cdktf';
import { AwsNameRules } from '../../../../core/naming';
import { AwsServiceEndpoint } from '../../../../network/aws/aws-service-endpoint';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../../../platform/aws/network';

/** HTTPS: Secrets Manager, KMS, CloudWatch Logs and Kinesis interface endpoints, and S3. */
export const HTTPS_PORT = 443;

/**
 * Interface endpoints every replication needs: the source credential (Secrets Manager, and KMS for
 * its key), task logs (CloudWatch Logs). S3 goes through the network's gateway endpoint.
 * @internal
 */
export const DMS_INTERFACE_ENDPOINTS: readonly AwsServiceEndpoint[] = [
  AwsServiceEndpoint.SECRETS_MANAGER, AwsServiceEndpoint.KMS, AwsServiceEndpoint.LOGS,
];

/**
 * The interface endpoints a replication needs: DMS_INTERFACE_ENDPOINTS, plus Kinesis Data Streams
 * for a stream target.
 * @internal
 */
export function dmsInterfaceEndpoints(streamTarget: boolean): AwsServiceEndpoint[] {
  return [...DMS_INTERFACE_ENDPOINTS, ...(streamTarget ? [AwsServiceEndpoint.KINESIS_STREAMS] : [])];
}

/** Props of {@link DmsNetwork}. @internal */
export interface DmsNetworkProps {
  readonly network: IAwsNetwork;
  /** `<namePrefix>-<capture>`. */
  readonly name: string;
  /** The capture name without the prefix. */
  readonly capture: string;
  /** The source database's port. */
  readonly sourcePort: number;
  /** Whether the target is S3 (HTTPS to the S3 prefix list, through the VPC's gateway endpoint). */
  readonly s3Target: boolean;
  /** The account roles the subnet group waits for (DMS checks `dms-vpc-role` when creating it). */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * Where DMS runs: a replication subnet group over the network's private subnets and a security group
 * with no ingress and, outbound, only the source database's port and HTTPS inside the VPC (AWS
 * service interface endpoints), plus HTTPS to S3 through the gateway endpoint for a lake target.
 * @internal
 */
export class DmsNetwork extends Construct {
  public readonly subnetGroup: DmsReplicationSubnetGroup;
  public readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: DmsNetworkProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const { network } = props;
    this.subnetGroup = new DmsReplicationSubnetGroup(this, 'SubnetGroup', {
      replicationSubnetGroupId: props.name,
      replicationSubnetGroupDescription: `DMS ${props.name}: private subnets (cdktf-data-pipelines)`,
      subnetIds: network.privateSubnetIds,
      dependsOn: props.dependsOn.length > 0 ? props.dependsOn : undefined,
    });
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      name: platform.physicalName(this, AwsNameRules.SECURITY_GROUP, [props.capture, 'dms']),
      description: `DMS ${props.name}: no ingress; egress to the source port and HTTPS only`,
      vpcId: network.vpcId,
    });
    new VpcSecurityGroupEgressRule(this, 'ToSource', {
      securityGroupId: this.securityGroup.id,
      description: 'The source database',
      ipProtocol: 'tcp',
      fromPort: props.sourcePort,
      toPort: props.sourcePort,
      cidrIpv4: network.vpcCidr,
    });
    new VpcSecurityGroupEgressRule(this, 'HttpsInsideVpc', {
      securityGroupId: this.securityGroup.id,
      description: 'AWS service interface endpoints inside the VPC (Secrets Manager, KMS, Kinesis, CloudWatch Logs)',
      ipProtocol: 'tcp',
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
      cidrIpv4: network.vpcCidr,
    });
    if (props.s3Target) {
      const s3 = new DataAwsPrefixList(this, 'S3PrefixList', { name: `com.amazonaws.${platform.region}.s3` });
      new VpcSecurityGroupEgressRule(this, 'HttpsToS3', {
        securityGroupId: this.securityGroup.id,
        description: 'The lake zone bucket through the S3 gateway endpoint',
        ipProtocol: 'tcp',
        fromPort: HTTPS_PORT,
        toPort: HTTPS_PORT,
        prefixListId: s3.id,
      });
    }
  }
}
