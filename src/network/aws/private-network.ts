import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import { isIpv4Cidr, MIN_PRIVATE_SUBNETS } from './aws-network';
import { AwsServiceEndpoint, checkServiceEndpoints, DEFAULT_INTERFACE_ENDPOINTS, IInterfaceEndpointHost } from './aws-service-endpoint';
import { InterfaceEndpoints } from './interface-endpoints';
import { Fn } from '../../core/cdktf';
import { invalidProp } from '../../core/errors';
import { AwsNameRules, kebab } from '../../core/naming';
import { integerInRange, isUnresolved } from '../../core/validate';
import { trustPolicy } from '../../identity/aws-grant';
import { EncryptedLogGroup } from '../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../platform/aws/network';
import { RemovalPolicy } from '../../platform/platform';

/** CIDR block of a new VPC. */
export const DEFAULT_VPC_CIDR = '10.40.0.0/16';
/** Private subnets of a new VPC, one per availability zone. */
export const DEFAULT_PRIVATE_SUBNET_COUNT = 3;
/** Most private subnets (the most availability zones of any commercial region). */
export const MAX_PRIVATE_SUBNETS = 6;
/** Bits added to the VPC prefix for each subnet (a /16 VPC gets /20 subnets; room for 16). */
export const SUBNET_NEWBITS = 4;
/** Shortest VPC prefix length AWS accepts. */
export const MIN_VPC_PREFIX_LENGTH = 16;
/** Longest VPC prefix length accepted here (subnets are /28 then, the smallest AWS allows). */
export const MAX_VPC_PREFIX_LENGTH = 24;
/** Days VPC flow logs are kept in CloudWatch Logs. */
export const FLOW_LOG_RETENTION_DAYS = 365;
/** Whether a PrivateNetwork registers itself as the platform's network. */
export const DEFAULT_REGISTER_WITH_PLATFORM = true;

/** Props of {@link PrivateNetwork}. */
export interface PrivateNetworkProps {
  /**
   * IPv4 CIDR block of the VPC, prefix length /16 to /24.
   * @default DEFAULT_VPC_CIDR ("10.40.0.0/16")
   */
  readonly cidr?: string;
  /**
   * Private subnets, each in its own availability zone (2 to 6). Planning fails when the region has
   * fewer available zones.
   * @default DEFAULT_PRIVATE_SUBNET_COUNT (3)
   */
  readonly subnetCount?: number;
  /**
   * Register this network as the platform's network (`AwsPlatform.useNetwork`), so constructs that
   * need a VPC find it.
   * @default DEFAULT_REGISTER_WITH_PLATFORM (true)
   */
  readonly registerWithPlatform?: boolean;
  /**
   * What happens to the flow logs (audit data) and their key on removal. DESTROY also needs the
   * platform's `allowDataDestruction`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * AWS services to create VPC interface endpoints for up front (private DNS, HTTPS from the VPC
   * only). Constructs that need one add theirs (DmsCdcSource: Secrets Manager, KMS, CloudWatch Logs,
   * Kinesis); each service gets one endpoint whoever asks.
   * @default DEFAULT_INTERFACE_ENDPOINTS (none)
   */
  readonly interfaceEndpoints?: AwsServiceEndpoint[];
}

/**
 * A private VPC for data services: private subnets in distinct availability zones, no internet
 * gateway and no public IPs, the default security group stripped of all rules, VPC flow logs to a
 * KMS-encrypted log group with retention, and a gateway endpoint so private workloads reach S3.
 * Interface endpoints to other AWS services are added on request (`interfaceEndpoints`,
 * `addInterfaceEndpoints`), once per service, sharing one security group.
 */
export class PrivateNetwork extends Construct implements IAwsNetwork, IInterfaceEndpointHost {
  public readonly vpcId: string;
  public readonly privateSubnetIds: string[];
  public readonly vpcCidr: string;
  /** The VPC resource. */
  public readonly vpc: Vpc;
  /** Route table of the private subnets (only local routes and the S3 endpoint). */
  public readonly routeTable: RouteTable;
  /** Names of the region's available availability zones, in order (the private subnets use the first ones). */
  public readonly availabilityZoneNames: string[];
  private endpoints?: InterfaceEndpoints;

  constructor(scope: Construct, id: string, props: PrivateNetworkProps = {}) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const cidr = props.cidr ?? DEFAULT_VPC_CIDR;
    const prefix = Number(cidr.split('/')[1]);
    if (!isUnresolved(cidr) && (!isIpv4Cidr(cidr) || prefix < MIN_VPC_PREFIX_LENGTH || prefix > MAX_VPC_PREFIX_LENGTH)) {
      throw invalidProp(this, 'cidr', props.cidr, `use an IPv4 CIDR block with a prefix length from /${MIN_VPC_PREFIX_LENGTH} to /${MAX_VPC_PREFIX_LENGTH}, such as "${DEFAULT_VPC_CIDR}"`);
    }
    const count = integerInRange(this, 'subnetCount', props.subnetCount, MIN_PRIVATE_SUBNETS, MAX_PRIVATE_SUBNETS, DEFAULT_PRIVATE_SUBNET_COUNT);
    const name = kebab(id);

    this.vpc = new Vpc(this, 'Vpc', {
      cidrBlock: cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: `${platform.namePrefix}-${name}` },
    });
    this.vpcId = this.vpc.id;
    this.vpcCidr = cidr;

    // No ingress and no egress: nothing may use the default security group.
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId: this.vpc.id, ingress: [], egress: [] });

    const zones = new DataAwsAvailabilityZones(this, 'Zones', {
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    this.availabilityZoneNames = zones.names;
    this.routeTable = new RouteTable(this, 'PrivateRouteTable', { vpcId: this.vpc.id, tags: { Name: `${platform.namePrefix}-${name}-private` } });
    this.privateSubnetIds = [];
    for (let i = 0; i < count; i++) {
      const subnet = new Subnet(this, `PrivateSubnet${i + 1}`, {
        vpcId: this.vpc.id,
        cidrBlock: Fn.cidrsubnet(cidr, SUBNET_NEWBITS, i),
        availabilityZone: Fn.element(zones.names, i),
        mapPublicIpOnLaunch: false,
        tags: { Name: `${platform.namePrefix}-${name}-private-${i + 1}` },
        lifecycle: {
          precondition: [{
            condition: `\${length(${zones.fqn}.names) >= ${count}}`,
            errorMessage: `${this.node.path}: subnetCount ${count} needs ${count} available availability zones in ${platform.region}; lower subnetCount.`,
          }],
        },
      });
      new RouteTableAssociation(this, `PrivateSubnet${i + 1}Routes`, { subnetId: subnet.id, routeTableId: this.routeTable.id });
      this.privateSubnetIds.push(subnet.id);
    }

    new VpcEndpoint(this, 'S3Endpoint', {
      vpcId: this.vpc.id,
      serviceName: `com.amazonaws.${platform.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [this.routeTable.id],
    });

    this.addInterfaceEndpoints(checkServiceEndpoints(this, 'interfaceEndpoints', props.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS));
    this.addFlowLogs(platform, name, props.removalPolicy);
    if (props.registerWithPlatform ?? DEFAULT_REGISTER_WITH_PLATFORM) platform.useNetwork(this);
  }

  /** The interface endpoints and their security group, once a service has one. */
  public get interfaceEndpoints(): InterfaceEndpoints | undefined {
    return this.endpoints;
  }

  /**
   * Adds a VPC interface endpoint (in the private subnets, private DNS on) for each service that has
   * none yet; the first one also creates their shared security group (HTTPS from the VPC only).
   * Returns the endpoints of `services` (new or existing), in the order given.
   */
  public addInterfaceEndpoints(services: AwsServiceEndpoint[]): VpcEndpoint[] {
    const wanted = checkServiceEndpoints(this, 'services', services);
    if (wanted.length === 0) return [];
    this.endpoints ??= new InterfaceEndpoints(this, 'InterfaceEndpoints', { network: this });
    return this.endpoints.add(wanted);
  }

  private addFlowLogs(platform: AwsPlatform, name: string, removalPolicy?: RemovalPolicy): void {
    const key = platform.encryptionKey(this, 'network', removalPolicy);
    const logGroup = new EncryptedLogGroup(this, 'FlowLogs', {
      name: platform.physicalName(this, AwsNameRules.LOG_GROUP, [name, 'flow-logs']),
      kmsKeyArn: key.keyArn,
      retentionDays: FLOW_LOG_RETENTION_DAYS,
    });
    platform.protect(logGroup.logGroup, removalPolicy);
    const role = new IamRole(this, 'FlowLogRole', {
      name: platform.physicalName(this, AwsNameRules.IAM_ROLE, [name, 'flow-logs']),
      assumeRolePolicy: trustPolicy({ Service: 'vpc-flow-logs.amazonaws.com' }, {
        StringEquals: { 'aws:SourceAccount': platform.accountId },
        ArnLike: { 'aws:SourceArn': `arn:${platform.partition}:ec2:${platform.region}:${platform.accountId}:vpc-flow-log/*` },
      }),
    });
    new IamRolePolicy(this, 'FlowLogPolicy', {
      role: role.name,
      name: 'flow-logs',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams', 'logs:DescribeLogGroups'],
          Resource: [logGroup.arn, `${logGroup.arn}:*`],
        }],
      }),
    });
    new FlowLog(this, 'FlowLog', {
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
    });
  }
}
