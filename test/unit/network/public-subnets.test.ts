import { DEFAULT_VPC_CIDR, PrivateNetwork, SUBNET_NEWBITS } from '../../../src/network/aws/private-network';
import { DEFAULT_PUBLIC_SUBNET_COUNT, PUBLIC_SUBNET_INDEX_OFFSET, PublicSubnets } from '../../../src/network/aws/public-subnets';
import { AwsPlatform } from '../../../src/platform/aws/aws-platform';
import { newStack, ref, synth } from '../../support/synth';

const PURPOSE = 'Redshift endpoint reachable by Amazon Data Firehose';

function networkStack() {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  const network = new PrivateNetwork(stack, 'Network');
  return { stack, network };
}

describe('PublicSubnets', () => {
  test('an internet gateway, one public route table and subnets in the second half of the VPC block, no public IPs on launch', () => {
    const { stack, network } = networkStack();
    const subnets = new PublicSubnets(stack, 'FirehoseSubnets', { network, purpose: PURPOSE });
    const out = synth(stack);

    const vpc = ref(out, 'aws_vpc', 'Network', 'id');
    const gateway = out.only('aws_internet_gateway');
    expect(gateway.vpc_id).toBe(vpc);
    expect(gateway.tags).toEqual({ Name: 'acme-firehose-subnets', Purpose: PURPOSE });
    const route = out.only('aws_route');
    expect(route.destination_cidr_block).toBe('0.0.0.0/0');
    expect(route.gateway_id).toBe(ref(out, 'aws_internet_gateway', 'FirehoseSubnets', 'id'));
    const publicRoutes = ref(out, 'aws_route_table', 'FirehoseSubnets', 'id');
    expect(route.route_table_id).toBe(publicRoutes);

    const created = Object.entries<any>(out.resources('aws_subnet')).filter(([id]) => id.includes('FirehoseSubnets'));
    expect(created).toHaveLength(DEFAULT_PUBLIC_SUBNET_COUNT);
    expect(subnets.subnetIds).toHaveLength(DEFAULT_PUBLIC_SUBNET_COUNT);
    created.forEach(([, subnet], i) => {
      expect(subnet.cidr_block).toBe('$' + `{cidrsubnet("${DEFAULT_VPC_CIDR}", ${SUBNET_NEWBITS}, ${PUBLIC_SUBNET_INDEX_OFFSET + i})}`);
      expect(subnet.map_public_ip_on_launch).toBe(false);
      expect(subnet.tags).toEqual({ Name: `acme-firehose-subnets-public-${i + 1}`, Purpose: PURPOSE });
    });
    const associations = Object.entries<any>(out.resources('aws_route_table_association')).filter(([id]) => id.includes('FirehoseSubnets'));
    expect(associations.map(([, a]) => a.route_table_id)).toEqual(Array(DEFAULT_PUBLIC_SUBNET_COUNT).fill(publicRoutes));
  });

  test('the private route table keeps no route to the internet', () => {
    const { stack, network } = networkStack();
    new PublicSubnets(stack, 'FirehoseSubnets', { network, purpose: PURPOSE, count: 2 });
    const out = synth(stack);
    const routes = Object.values<any>(out.resources('aws_route'));
    expect(routes).toHaveLength(1);
    expect(routes[0].route_table_id).not.toBe(ref(out, 'aws_route_table', 'PrivateRouteTable', 'id'));
  });

  test('exact errors: a missing purpose, a count outside 2..6', () => {
    const { stack, network } = networkStack();
    expect(() => new PublicSubnets(stack, 'NoPurpose', { network, purpose: ' ' }))
      .toThrow('test/NoPurpose: invalid purpose: received " "; say why the network needs subnets routed to the internet (it is recorded in their tags).');
    expect(() => new PublicSubnets(stack, 'TooMany', { network, purpose: PURPOSE, count: 7 }))
      .toThrow('test/TooMany: invalid count: received 7; must be an integer from 2 to 6.');
  });
});
