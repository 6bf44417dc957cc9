import { TerraformStack, TerraformVariable, Token } from 'cdktf';
import { AwsNetwork, MIN_PRIVATE_SUBNETS } from '../../../src/network/aws/aws-network';
import {
  DEFAULT_PRIVATE_SUBNET_COUNT,
  DEFAULT_VPC_CIDR,
  FLOW_LOG_RETENTION_DAYS,
  MAX_PRIVATE_SUBNETS,
  PrivateNetwork,
  SUBNET_NEWBITS,
} from '../../../src/network/aws/private-network';
import { AwsPlatform } from '../../../src/platform/aws/aws-platform';
import { RemovalPolicy } from '../../../src/platform/platform';
import { newStack, synth } from '../../support/synth';

function platformStack(): { stack: TerraformStack; platform: AwsPlatform } {
  const stack = newStack();
  const platform = new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  return { stack, platform };
}

describe('PrivateNetwork', () => {
  test('a private VPC: DNS on, private subnets in distinct zones, no internet access', () => {
    const { stack } = platformStack();
    new PrivateNetwork(stack, 'Network');
    const out = synth(stack);

    const vpc = out.only('aws_vpc');
    expect(vpc.cidr_block).toBe(DEFAULT_VPC_CIDR);
    expect(vpc.enable_dns_support).toBe(true);
    expect(vpc.enable_dns_hostnames).toBe(true);

    const zones = Object.keys(out.data('aws_availability_zones'));
    expect(zones).toHaveLength(1);
    const zonesRef = `data.aws_availability_zones.${zones[0]}`;
    expect(out.data('aws_availability_zones')[zones[0]].state).toBe('available');

    const subnets = Object.values(out.resources('aws_subnet'));
    expect(subnets).toHaveLength(DEFAULT_PRIVATE_SUBNET_COUNT);
    subnets.forEach((subnet: any, i) => {
      expect(subnet.map_public_ip_on_launch).toBe(false);
      expect(subnet.availability_zone).toBe(`\${element(${zonesRef}.names, ${i})}`);
      expect(subnet.cidr_block).toBe(`\${cidrsubnet("${DEFAULT_VPC_CIDR}", ${SUBNET_NEWBITS}, ${i})}`);
      expect(subnet.lifecycle.precondition[0].condition).toBe(`\${length(${zonesRef}.names) >= ${DEFAULT_PRIVATE_SUBNET_COUNT}}`);
    });
    expect(Object.keys(out.resources('aws_route_table_association'))).toHaveLength(DEFAULT_PRIVATE_SUBNET_COUNT);

    for (const type of ['aws_internet_gateway', 'aws_egress_only_internet_gateway', 'aws_nat_gateway', 'aws_eip', 'aws_route']) {
      expect(out.resources(type)).toEqual({});
    }
    expect(out.only('aws_route_table').route).toBeUndefined();
  });

  test('locks down the default security group', () => {
    const { stack } = platformStack();
    new PrivateNetwork(stack, 'Network');
    const group = synth(stack).only('aws_default_security_group');
    expect(group.ingress).toEqual([]);
    expect(group.egress).toEqual([]);
    expect(group.vpc_id).toMatch(/^\$\{aws_vpc\..+\.id\}$/);
  });

  test('reaches S3 through a gateway endpoint on the private route table', () => {
    const { stack } = platformStack();
    new PrivateNetwork(stack, 'Network');
    const out = synth(stack);
    const endpoint = out.only('aws_vpc_endpoint');
    expect(endpoint.service_name).toBe('com.amazonaws.eu-west-1.s3');
    expect(endpoint.vpc_endpoint_type).toBe('Gateway');
    const [tableName] = Object.keys(out.resources('aws_route_table'));
    expect(endpoint.route_table_ids).toEqual([`\${aws_route_table.${tableName}.id}`]);
  });

  test('flow logs go to a KMS-encrypted log group with retention, through a scoped role', () => {
    const { stack } = platformStack();
    new PrivateNetwork(stack, 'Network');
    const out = synth(stack);
    const [keyName] = Object.keys(out.resources('aws_kms_key'));
    const [groupName] = Object.keys(out.resources('aws_cloudwatch_log_group'));
    const logGroup = out.only('aws_cloudwatch_log_group');
    expect(logGroup.name).toBe('acme-network-flow-logs');
    expect(logGroup.kms_key_id).toBe(`\${aws_kms_key.${keyName}.arn}`);
    expect(logGroup.retention_in_days).toBe(FLOW_LOG_RETENTION_DAYS);
    // Flow logs are audit data: retained (with their key) unless DESTROY is opted into twice.
    expect(logGroup.lifecycle).toEqual({ prevent_destroy: true });
    expect(out.only('aws_kms_key').lifecycle).toEqual({ prevent_destroy: true });

    const flowLog = out.only('aws_flow_log');
    expect(flowLog.traffic_type).toBe('ALL');
    expect(flowLog.log_destination_type).toBe('cloud-watch-logs');
    expect(flowLog.log_destination).toBe(`\${aws_cloudwatch_log_group.${groupName}.arn}`);

    const trust = JSON.parse(out.only('aws_iam_role').assume_role_policy);
    expect(trust.Statement[0].Principal).toEqual({ Service: 'vpc-flow-logs.amazonaws.com' });
    expect(Object.keys(trust.Statement[0].Condition)).toEqual(['StringEquals', 'ArnLike']);
    const policy = JSON.parse(out.only('aws_iam_role_policy').policy);
    expect(policy.Statement[0].Resource).toEqual([`\${aws_cloudwatch_log_group.${groupName}.arn}`, `\${aws_cloudwatch_log_group.${groupName}.arn}:*`]);
    expect(policy.Statement[0].Action).not.toContain('logs:*');
  });

  test('DESTROY with the platform opt-in leaves flow logs and key destroyable', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', allowDataDestruction: true });
    new PrivateNetwork(stack, 'Network', { removalPolicy: RemovalPolicy.DESTROY });
    const out = synth(stack);
    expect(out.only('aws_cloudwatch_log_group').lifecycle).toBeUndefined();
    expect(out.only('aws_kms_key').lifecycle).toBeUndefined();
  });

  test('registers with the platform unless told not to', () => {
    const { stack, platform } = platformStack();
    const network = new PrivateNetwork(stack, 'Network', { cidr: '10.1.0.0/20', subnetCount: MIN_PRIVATE_SUBNETS });
    expect(platform.requireNetwork(stack, 'MSK')).toBe(network);
    expect(network.privateSubnetIds).toHaveLength(MIN_PRIVATE_SUBNETS);
    expect(network.vpcCidr).toBe('10.1.0.0/20');

    const other = platformStack();
    new PrivateNetwork(other.stack, 'Network', { registerWithPlatform: false });
    expect(() => other.platform.requireNetwork(other.stack, 'MSK')).toThrow('MSK runs in a private network, but the platform has none.');
  });

  test('errors name the construct, prop, value and what is allowed', () => {
    expect(() => new PrivateNetwork(platformStack().stack, 'Network', { subnetCount: 1 })).toThrow(
      `test/Network: invalid subnetCount: received 1; must be an integer from ${MIN_PRIVATE_SUBNETS} to ${MAX_PRIVATE_SUBNETS}.`,
    );
    expect(() => new PrivateNetwork(platformStack().stack, 'Network', { cidr: '10.0.0.0/28' })).toThrow(
      'test/Network: invalid cidr: received "10.0.0.0/28"; use an IPv4 CIDR block with a prefix length from /16 to /24, such as "10.40.0.0/16".',
    );
    expect(() => new PrivateNetwork(platformStack().stack, 'Network', { cidr: '10.0.0.300/16' })).toThrow(
      'test/Network: invalid cidr: received "10.0.0.300/16"; use an IPv4 CIDR block with a prefix length from /16 to /24, such as "10.40.0.0/16".',
    );
  });
});

describe('AwsNetwork.fromAttributes', () => {
  test('returns the attributes and serves as the platform network', () => {
    const network = AwsNetwork.fromAttributes({ vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], vpcCidr: '10.0.0.0/16' });
    expect(network).toEqual({ vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], vpcCidr: '10.0.0.0/16' });
    const stack = newStack();
    const platform = new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', network });
    expect(platform.requireNetwork(stack, 'MSK')).toBe(network);
  });

  test('accepts unresolved tokens unchecked', () => {
    const stack = newStack();
    const subnets = new TerraformVariable(stack, 'subnets', { type: 'list(string)' });
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    const network = AwsNetwork.fromAttributes({ vpcId: 'vpc-1', privateSubnetIds: subnets.listValue, vpcCidr: cidr.stringValue });
    expect(Token.isUnresolved(network.privateSubnetIds)).toBe(true);
  });

  test('fewer than 2 subnets, duplicates and a bad CIDR are clear errors', () => {
    expect(() => AwsNetwork.fromAttributes({ vpcId: 'vpc-1', privateSubnetIds: ['subnet-a'], vpcCidr: '10.0.0.0/16' })).toThrow(
      'AwsNetwork.fromAttributes: invalid privateSubnetIds: received ["subnet-a"]; give at least 2 distinct private subnets in different availability zones.',
    );
    expect(() => AwsNetwork.fromAttributes({ vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-a'], vpcCidr: '10.0.0.0/16' })).toThrow(
      'AwsNetwork.fromAttributes: invalid privateSubnetIds: received ["subnet-a","subnet-a"]; give at least 2 distinct private subnets in different availability zones.',
    );
    expect(() => AwsNetwork.fromAttributes({ vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], vpcCidr: '10.0.0.0' })).toThrow(
      'AwsNetwork.fromAttributes: invalid vpcCidr: received "10.0.0.0"; use the IPv4 CIDR block of the VPC, such as "10.0.0.0/16".',
    );
  });
});
