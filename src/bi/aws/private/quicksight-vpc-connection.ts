import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { QuicksightVpcConnection } from '@cdktf/provider-aws/lib/quicksight-vpc-connection';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import { Token } from '../../../core/cdktf';
import { AwsNameRules } from '../../../core/naming';
import { attachRolePolicy, PolicyStatement, trustPolicy } from '../../../identity/aws-grant';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../../platform/aws/network';

/** EC2 actions QuickSight's VPC connection role needs to manage its network interfaces (QuickSight user guide). */
export const QUICKSIGHT_VPC_CONNECTION_EC2_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:ModifyNetworkInterfaceAttribute',
  'ec2:DeleteNetworkInterface',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
];

/** Inputs of {@link QuickSightVpcConnection}. @internal */
export interface QuickSightVpcConnectionProps {
  readonly network: IAwsNetwork;
  readonly awsAccountId: string;
  /** Kebab-case name of the front end, for physical names. */
  readonly name: string;
}

/**
 * QuickSight's way into the VPC: a dedicated security group (egress only to the warehouse ports
 * added with {@link allowPort}, no ingress: connections made after April 2023 are stateful), an
 * execution role QuickSight assumes with only the network-interface permissions, and the
 * `aws_quicksight_vpc_connection` placing interfaces in the network's private subnets.
 * @internal
 */
export class QuickSightVpcConnection extends Construct {
  public readonly securityGroup: SecurityGroup;
  public readonly role: IamRole;
  public readonly connection: QuicksightVpcConnection;
  private readonly ports = new Set<string>();

  constructor(scope: Construct, id: string, private readonly props: QuickSightVpcConnectionProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const { network } = props;
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      name: platform.physicalName(scope, AwsNameRules.SECURITY_GROUP, [props.name, 'quicksight']),
      description: `QuickSight ${props.name}: network interfaces of the VPC connection; egress to warehouse ports only`,
      vpcId: network.vpcId,
    });
    this.role = new IamRole(this, 'Role', {
      name: platform.physicalName(scope, AwsNameRules.IAM_ROLE, [props.name, 'quicksight-vpc']),
      description: 'Assumed by QuickSight to manage the network interfaces of its VPC connection',
      assumeRolePolicy: trustPolicy({ Service: 'quicksight.amazonaws.com' }),
    });
    const policy = attachRolePolicy(this, 'RolePolicy', this.role.name, this.statements(platform, network), 'quicksight-vpc-connection');
    this.connection = new QuicksightVpcConnection(this, 'Connection', {
      awsAccountId: props.awsAccountId,
      vpcConnectionId: `${platform.namePrefix}-${props.name}`,
      name: `${platform.namePrefix} ${props.name}`,
      roleArn: this.role.arn,
      securityGroupIds: [this.securityGroup.id],
      subnetIds: network.privateSubnetIds,
      dependsOn: [policy],
    });
  }

  /** ARN of the VPC connection. */
  public get arn(): string {
    return this.connection.arn;
  }

  /** Lets the interfaces reach `port` inside the VPC (once per port). */
  public allowPort(port: number): void {
    const key = String(port);
    if (this.ports.has(key)) return;
    this.ports.add(key);
    new VpcSecurityGroupEgressRule(this, `Egress-${Token.isUnresolved(port) ? this.ports.size : key}`, {
      securityGroupId: this.securityGroup.id,
      description: `QuickSight to warehouses on port ${Token.isUnresolved(port) ? 'of a warehouse' : key}`,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      cidrIpv4: this.props.network.vpcCidr,
    });
  }

  /**
   * Describe calls cannot be scoped to resources; creating an interface is scoped to the network's
   * subnets and this security group; modifying and deleting to interfaces of this account and region.
   */
  private statements(platform: AwsPlatform, network: IAwsNetwork): PolicyStatement[] {
    const ec2 = `arn:${platform.partition}:ec2:${platform.region}:${platform.accountId}`;
    const interfaces = `${ec2}:network-interface/*`;
    const group = `${ec2}:security-group/${this.securityGroup.id}`;
    const subnets = Token.isUnresolved(network.privateSubnetIds)
      ? [`${ec2}:subnet/*`]
      : network.privateSubnetIds.map((subnet) => `${ec2}:subnet/${subnet}`);
    return [
      { actions: ['ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'], resources: ['*'] },
      { actions: ['ec2:CreateNetworkInterface'], resources: [interfaces, ...subnets, group] },
      { actions: ['ec2:ModifyNetworkInterfaceAttribute', 'ec2:DeleteNetworkInterface'], resources: [interfaces, group] },
    ];
  }
}
