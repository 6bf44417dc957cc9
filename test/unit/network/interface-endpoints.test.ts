import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsNetwork } from '../../../src/network/aws/aws-network';
import {
  AwsServiceEndpoint, DEFAULT_INTERFACE_ENDPOINTS, INTERFACE_ENDPOINT_PORT,
} from '../../../src/network/aws/aws-service-endpoint';
import { ensureInterfaceEndpoints } from '../../../src/network/aws/ensure-interface-endpoints';
import { InterfaceEndpoints } from '../../../src/network/aws/interface-endpoints';
import { PrivateNetwork, PrivateNetworkProps } from '../../../src/network/aws/private-network';
import { AwsPlatform } from '../../../src/platform/aws/aws-platform';
import { warnings } from '../../support/annotations';
import { newStack, ref, synth, Synthesized } from '../../support/synth';

function networkStack(props: PrivateNetworkProps = {}, region = 'eu-west-1'): { stack: TerraformStack; network: PrivateNetwork } {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region, namePrefix: 'acme' });
  return { stack, network: new PrivateNetwork(stack, 'Network', props) };
}

/** The interface endpoints of a synthesized stack (the S3 gateway endpoint left out), keyed by service name (synthesis sorts them by logical id). */
function interfaceEndpoints(out: Synthesized): Record<string, any> {
  return Object.fromEntries(Object.values<any>(out.resources('aws_vpc_endpoint'))
    .filter((e) => e.vpc_endpoint_type === 'Interface')
    .map((e) => [e.service_name, e]));
}

const SUBNETS = (out: Synthesized) => [1, 2, 3].map((i) => ref(out, 'aws_subnet', `Network_PrivateSubnet${i}`, 'id'));
const GROUP = (out: Synthesized) => ref(out, 'aws_security_group', 'Network_InterfaceEndpoints_SecurityGroup', 'id');

describe('AwsServiceEndpoint', () => {
  test('the short names of the endpoint services, and no interface endpoint by default', () => {
    expect(Object.entries(AwsServiceEndpoint)).toEqual([
      ['SECRETS_MANAGER', 'secretsmanager'],
      ['KMS', 'kms'],
      ['LOGS', 'logs'],
      ['KINESIS_STREAMS', 'kinesis-streams'],
      ['STS', 'sts'],
      ['REDSHIFT_DATA', 'redshift-data'],
    ]);
    expect(INTERFACE_ENDPOINT_PORT).toBe(443);
    expect(DEFAULT_INTERFACE_ENDPOINTS).toEqual([]);
  });
});

describe('PrivateNetwork interface endpoints', () => {
  test('none by default: only the S3 gateway endpoint, no security group, nothing to read', () => {
    const { stack, network } = networkStack();
    const out = synth(stack);
    expect(Object.values<any>(out.resources('aws_vpc_endpoint')).map((e) => e.vpc_endpoint_type)).toEqual(['Gateway']);
    expect(out.resources('aws_security_group')).toEqual({});
    expect(out.resources('aws_vpc_security_group_ingress_rule')).toEqual({});
    expect(network.interfaceEndpoints).toBeUndefined();
    expect(network.addInterfaceEndpoints([])).toEqual([]);
    expect(network.interfaceEndpoints).toBeUndefined();
  });

  test('each endpoint: Interface, in every private subnet, private DNS, the shared security group, a Name tag', () => {
    const { stack, network } = networkStack({ interfaceEndpoints: [AwsServiceEndpoint.SECRETS_MANAGER, AwsServiceEndpoint.KMS] });
    const out = synth(stack);
    const vpc = ref(out, 'aws_vpc', 'Network_Vpc', 'id');
    expect(interfaceEndpoints(out)).toEqual({
      'com.amazonaws.eu-west-1.secretsmanager': {
        vpc_id: vpc,
        service_name: 'com.amazonaws.eu-west-1.secretsmanager',
        vpc_endpoint_type: 'Interface',
        subnet_ids: SUBNETS(out),
        security_group_ids: [GROUP(out)],
        private_dns_enabled: true,
        tags: { Name: 'acme-interface-endpoints-secretsmanager' },
      },
      'com.amazonaws.eu-west-1.kms': {
        vpc_id: vpc,
        service_name: 'com.amazonaws.eu-west-1.kms',
        vpc_endpoint_type: 'Interface',
        subnet_ids: SUBNETS(out),
        security_group_ids: [GROUP(out)],
        private_dns_enabled: true,
        tags: { Name: 'acme-interface-endpoints-kms' },
      },
    });
    expect(network.interfaceEndpoints!.services).toEqual([AwsServiceEndpoint.SECRETS_MANAGER, AwsServiceEndpoint.KMS]);
    expect(network.interfaceEndpoints!.endpointFor(AwsServiceEndpoint.LOGS)).toBeUndefined();
  });

  test('service names follow the region, for every service', () => {
    for (const region of ['us-east-1', 'ap-southeast-2']) {
      const { stack } = networkStack({ interfaceEndpoints: Object.values(AwsServiceEndpoint) }, region);
      expect(Object.keys(interfaceEndpoints(synth(stack))).sort()).toEqual([
        `com.amazonaws.${region}.secretsmanager`,
        `com.amazonaws.${region}.kms`,
        `com.amazonaws.${region}.logs`,
        `com.amazonaws.${region}.kinesis-streams`,
        `com.amazonaws.${region}.sts`,
        `com.amazonaws.${region}.redshift-data`,
      ].sort());
    }
  });

  test('one security group for all endpoints: HTTPS from the VPC CIDR block only, no egress', () => {
    const { stack } = networkStack({ cidr: '10.1.0.0/20', interfaceEndpoints: [AwsServiceEndpoint.LOGS, AwsServiceEndpoint.STS] });
    const out = synth(stack);
    expect(out.only('aws_security_group')).toEqual({
      name: 'acme-interface-endpoints',
      description: 'AWS service interface endpoints: HTTPS (443) from inside the VPC only',
      vpc_id: ref(out, 'aws_vpc', 'Network_Vpc', 'id'),
      tags: { Name: 'acme-interface-endpoints' },
    });
    expect(out.only('aws_vpc_security_group_ingress_rule')).toEqual({
      security_group_id: GROUP(out),
      description: 'HTTPS to AWS service APIs from inside the VPC',
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      cidr_ipv4: '10.1.0.0/20',
    });
    expect(out.resources('aws_vpc_security_group_egress_rule')).toEqual({});
  });

  test('idempotent: a service asked for again (the prop, add, a duplicate in one list) keeps its one endpoint', () => {
    const { stack, network } = networkStack({ interfaceEndpoints: [AwsServiceEndpoint.KMS, AwsServiceEndpoint.KMS] });
    const [kms] = network.interfaceEndpoints!.add([AwsServiceEndpoint.KMS]);
    const first = network.addInterfaceEndpoints([AwsServiceEndpoint.KMS, AwsServiceEndpoint.LOGS]);
    const second = network.addInterfaceEndpoints([AwsServiceEndpoint.LOGS, AwsServiceEndpoint.KMS, AwsServiceEndpoint.LOGS]);
    expect(first).toEqual([kms, network.interfaceEndpoints!.endpointFor(AwsServiceEndpoint.LOGS)]);
    expect(second).toEqual([first[1], first[0]]);
    expect(network.interfaceEndpoints!.services).toEqual([AwsServiceEndpoint.KMS, AwsServiceEndpoint.LOGS]);
    const out = synth(stack);
    expect(Object.keys(interfaceEndpoints(out))).toEqual(['com.amazonaws.eu-west-1.kms', 'com.amazonaws.eu-west-1.logs']);
    expect(Object.keys(out.resources('aws_security_group'))).toHaveLength(1);
  });

  test('unknown services are clear errors naming the network, the prop and the index', () => {
    const allowed = 'use one of secretsmanager, kms, logs, kinesis-streams, sts, redshift-data (AwsServiceEndpoint); S3 needs none: every PrivateNetwork has an S3 gateway endpoint.';
    expect(() => networkStack({ interfaceEndpoints: [AwsServiceEndpoint.KMS, 's3' as AwsServiceEndpoint] })).toThrow(
      `test/Network: invalid interfaceEndpoints[1]: received "s3"; ${allowed}`);
    const { network } = networkStack();
    expect(() => network.addInterfaceEndpoints(['kinesis' as AwsServiceEndpoint])).toThrow(`test/Network: invalid services[0]: received "kinesis"; ${allowed}`);
    expect(() => network.addInterfaceEndpoints('kms' as unknown as AwsServiceEndpoint[])).toThrow(
      'test/Network: invalid services: received "kms"; use a list of AwsServiceEndpoint values.');
    expect(network.interfaceEndpoints).toBeUndefined();
  });
});

describe('ensureInterfaceEndpoints', () => {
  test('two constructs asking for overlapping services on a PrivateNetwork share one endpoint per service', () => {
    const { stack } = networkStack();
    const network = AwsPlatform.ofAws(stack).requireNetwork(stack, 'test');
    const a = new Construct(stack, 'A');
    const b = new Construct(stack, 'B');
    const forA = ensureInterfaceEndpoints(a, network, [AwsServiceEndpoint.SECRETS_MANAGER, AwsServiceEndpoint.KMS], 'A');
    const forB = ensureInterfaceEndpoints(b, network, [AwsServiceEndpoint.KMS, AwsServiceEndpoint.KINESIS_STREAMS], 'B');
    expect(forB[0]).toBe(forA[1]);
    expect(forA).toHaveLength(2);
    expect(forB).toHaveLength(2);
    const out = synth(stack);
    expect(Object.keys(interfaceEndpoints(out)).sort()).toEqual([
      'com.amazonaws.eu-west-1.kinesis-streams', 'com.amazonaws.eu-west-1.kms', 'com.amazonaws.eu-west-1.secretsmanager',
    ]);
    expect(Object.keys(out.resources('aws_security_group'))).toHaveLength(1);
    expect(warnings(stack)).toEqual([]);
    expect(ensureInterfaceEndpoints(a, network, [], 'A')).toEqual([]);
  });

  test('an imported network: nothing created, a warning on the construct naming the endpoints its VPC must provide', () => {
    const stack = newStack();
    const network = AwsNetwork.fromAttributes({ vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], vpcCidr: '10.0.0.0/16' });
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', network });
    const user = new Construct(stack, 'Cdc');
    expect(ensureInterfaceEndpoints(user, network, [AwsServiceEndpoint.SECRETS_MANAGER, AwsServiceEndpoint.LOGS], 'DMS')).toEqual([]);
    expect(ensureInterfaceEndpoints(new Construct(stack, 'Quiet'), network, [], 'DMS')).toEqual([]);
    expect(warnings(stack)).toEqual([{
      path: 'test/Cdc',
      message: 'DMS needs VPC interface endpoints for com.amazonaws.eu-west-1.secretsmanager, com.amazonaws.eu-west-1.logs, '
        + 'and this library adds them to a PrivateNetwork only, not to an imported network. Make sure the VPC has them, '
        + 'with private DNS enabled and HTTPS allowed from its CIDR block (new InterfaceEndpoints(...) creates them), or a NAT gateway.',
    }]);
    expect(synth(stack).resources('aws_vpc_endpoint')).toEqual({});
  });

  test('a network in another stack gets the endpoints there; nothing to wait for in the asking stack', () => {
    const app: App = Testing.app();
    const base = new TerraformStack(app, 'base');
    new AwsPlatform(base, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    const network = new PrivateNetwork(base, 'Network', { registerWithPlatform: false });
    const apps = new TerraformStack(app, 'apps');
    new AwsPlatform(apps, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', network });
    expect(ensureInterfaceEndpoints(new Construct(apps, 'Cdc'), network, [AwsServiceEndpoint.KMS], 'DMS')).toEqual([]);
    expect(Object.keys(interfaceEndpoints(synth(base)))).toEqual(['com.amazonaws.eu-west-1.kms']);
  });
});

describe('InterfaceEndpoints in an imported VPC', () => {
  test('its subnets, its CIDR block, named after the construct', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'us-east-1', namePrefix: 'acme' });
    const network = AwsNetwork.fromAttributes({ vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], vpcCidr: '172.16.0.0/16' });
    const endpoints = new InterfaceEndpoints(stack, 'SharedEndpoints', { network, services: [AwsServiceEndpoint.REDSHIFT_DATA] });
    const out = synth(stack);
    expect(out.only('aws_vpc_endpoint')).toEqual({
      vpc_id: 'vpc-1',
      service_name: 'com.amazonaws.us-east-1.redshift-data',
      vpc_endpoint_type: 'Interface',
      subnet_ids: ['subnet-a', 'subnet-b'],
      security_group_ids: [ref(out, 'aws_security_group', 'SharedEndpoints_SecurityGroup', 'id')],
      private_dns_enabled: true,
      tags: { Name: 'acme-shared-endpoints-redshift-data' },
    });
    expect(out.only('aws_security_group').name).toBe('acme-shared-endpoints');
    expect(out.only('aws_vpc_security_group_ingress_rule').cidr_ipv4).toBe('172.16.0.0/16');
    expect(() => endpoints.add(['dms' as AwsServiceEndpoint])).toThrow('test/SharedEndpoints: invalid services[0]: received "dms"; use one of');
  });

  test('not in a PrivateNetwork, which creates its own', () => {
    const { stack, network } = networkStack();
    expect(() => new InterfaceEndpoints(stack, 'More', { network, services: [AwsServiceEndpoint.KMS] })).toThrow(
      'test/More: invalid network: received "test/Network"; this network creates its own interface endpoints, once per service '
      + '(a second endpoint of a service with private DNS cannot share the VPC): use its addInterfaceEndpoints(...) or its interfaceEndpoints prop.');
  });
});
