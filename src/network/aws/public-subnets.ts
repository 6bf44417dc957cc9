import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Construct } from 'constructs';
import { MAX_PRIVATE_SUBNETS, PrivateNetwork, SUBNET_NEWBITS } from './private-network';
import { Fn } from '../../core/cdktf';
import { invalidProp } from '../../core/errors';
import { kebab } from '../../core/naming';
import { integerInRange } from '../../core/validate';
import { AwsPlatform } from '../../platform/aws/aws-platform';

/** Public subnets added to a PrivateNetwork, one per availability zone. */
export const DEFAULT_PUBLIC_SUBNET_COUNT = 3;
/**
 * Index (in `SUBNET_NEWBITS` subnets of the VPC block) of the first public subnet: the second half
 * of the VPC, so public subnets never overlap the private ones (at most `MAX_PRIVATE_SUBNETS`).
 */
export const PUBLIC_SUBNET_INDEX_OFFSET = 8;

/** Props of {@link PublicSubnets}. */
export interface PublicSubnetsProps {
  /** The network to add them to. */
  readonly network: PrivateNetwork;
  /**
   * Why the network needs subnets routed to the internet (recorded in their tags), for example
   * "Redshift endpoint reachable by Amazon Data Firehose".
   */
  readonly purpose: string;
  /**
   * Number of subnets, each in its own availability zone (2 to 6).
   * @default DEFAULT_PUBLIC_SUBNET_COUNT (3)
   */
  readonly count?: number;
}

/**
 * Subnets of a PrivateNetwork whose route table sends internet traffic to an internet gateway, for
 * the few services that can only be reached through a public endpoint (a Redshift warehouse that
 * Amazon Data Firehose delivers to). An explicit opt-in: nothing is placed in them unless a
 * construct is given their ids, no instance gets a public IP on launch, and the services placed
 * there keep their own security groups (for Redshift: only the Firehose CIDR block).
 */
export class PublicSubnets extends Construct {
  /** Subnet ids, in availability-zone order. */
  public readonly subnetIds: string[];

  constructor(scope: Construct, id: string, props: PublicSubnetsProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    if (!props.purpose?.trim()) {
      throw invalidProp(this, 'purpose', props.purpose, 'say why the network needs subnets routed to the internet (it is recorded in their tags)');
    }
    const count = integerInRange(this, 'count', props.count, 2, MAX_PRIVATE_SUBNETS, DEFAULT_PUBLIC_SUBNET_COUNT);
    const name = `${platform.namePrefix}-${kebab(id)}`;
    const tags = { Purpose: props.purpose };
    const gateway = new InternetGateway(this, 'Gateway', { vpcId: props.network.vpcId, tags: { Name: name, ...tags } });
    const routes = new RouteTable(this, 'RouteTable', { vpcId: props.network.vpcId, tags: { Name: `${name}-public`, ...tags } });
    new Route(this, 'InternetRoute', { routeTableId: routes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: gateway.id });
    this.subnetIds = [];
    for (let i = 0; i < count; i++) {
      const subnet = new Subnet(this, `Subnet${i + 1}`, {
        vpcId: props.network.vpcId,
        cidrBlock: Fn.cidrsubnet(props.network.vpcCidr, SUBNET_NEWBITS, PUBLIC_SUBNET_INDEX_OFFSET + i),
        availabilityZone: Fn.element(props.network.availabilityZoneNames, i),
        mapPublicIpOnLaunch: false,
        tags: { Name: `${name}-public-${i + 1}`, ...tags },
      });
      new RouteTableAssociation(this, `Subnet${i + 1}Routes`, { subnetId: subnet.id, routeTableId: routes.id });
      this.subnetIds.push(subnet.id);
    }
  }
}
