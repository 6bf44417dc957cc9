import { App, TerraformStack, Testing } from 'cdktf';
import { awsStack, cdcCredential, dmsStack, IMPORTED_VPC_CIDR, sourceDatabase, target } from './dms-fixture';
import { AwsPlatform, PrivateNetwork } from '../../../../../src';
import { SourceEngine } from '../../../../../src/cdc';
import { DmsAccountRoles, DmsCapacity, DmsCdcSource } from '../../../../../src/cdc/aws/dms';
import { DMS_INTERFACE_ENDPOINTS, dmsInterfaceEndpoints } from '../../../../../src/cdc/aws/dms/private/dms-network';
import { AwsServiceEndpoint } from '../../../../../src/network/aws/aws-service-endpoint';
import { warnings } from '../../../../support/annotations';
import { ref, synth, Synthesized } from '../../../../support/synth';

/** Service names of the stack's interface endpoints, sorted. */
function interfaceServices(out: Synthesized): string[] {
  return Object.values<any>(out.resources('aws_vpc_endpoint')).filter((e) => e.vpc_endpoint_type === 'Interface').map((e) => e.service_name).sort();
}

/** `aws_vpc_endpoint.<logical id>` of the network's endpoint of `id` (SecretsManager, Kms, ...). */
function endpointDependency(out: Synthesized, id: string): string {
  return ref(out, 'aws_vpc_endpoint', `Network_InterfaceEndpoints_${id}_`, 'id').slice(2, -4);
}

const IMPORTED_WARNING = (services: string[]) => 'DMS needs VPC interface endpoints for '
  + services.map((s) => `com.amazonaws.eu-west-1.${s}`).join(', ')
  + ', and this library adds them to a PrivateNetwork only, not to an imported network. Make sure the VPC has them, '
  + 'with private DNS enabled and HTTPS allowed from its CIDR block (new InterfaceEndpoints(...) creates them), or a NAT gateway.';

describe('DmsCdcSource interface endpoints', () => {
  test('what DMS needs: Secrets Manager, KMS, CloudWatch Logs, and Kinesis for a stream target (S3 has the gateway endpoint)', () => {
    expect(DMS_INTERFACE_ENDPOINTS).toEqual([AwsServiceEndpoint.SECRETS_MANAGER, AwsServiceEndpoint.KMS, AwsServiceEndpoint.LOGS]);
    expect(dmsInterfaceEndpoints(true)).toEqual([...DMS_INTERFACE_ENDPOINTS, AwsServiceEndpoint.KINESIS_STREAMS]);
    expect(dmsInterfaceEndpoints(false)).toEqual(DMS_INTERFACE_ENDPOINTS);
  });

  test('Kinesis target in a PrivateNetwork: the four endpoints, private DNS, reachable on HTTPS from the DMS security group', () => {
    const { stack } = dmsStack();
    const out = synth(stack);
    expect(interfaceServices(out)).toEqual([
      'com.amazonaws.eu-west-1.kinesis-streams', 'com.amazonaws.eu-west-1.kms', 'com.amazonaws.eu-west-1.logs', 'com.amazonaws.eu-west-1.secretsmanager',
    ]);
    const endpointGroup = ref(out, 'aws_security_group', 'Network_InterfaceEndpoints_SecurityGroup', 'id');
    for (const endpoint of Object.values<any>(out.resources('aws_vpc_endpoint')).filter((e) => e.vpc_endpoint_type === 'Interface')) {
      expect(endpoint.private_dns_enabled).toBe(true);
      expect(endpoint.security_group_ids).toEqual([endpointGroup]);
      expect(endpoint.subnet_ids).toEqual(out.only('aws_dms_replication_subnet_group').subnet_ids);
    }
    // DMS -> endpoints: HTTPS out to the VPC CIDR block, HTTPS in from it.
    const https = (rule: any) => rule.ip_protocol === 'tcp' && rule.from_port === 443 && rule.to_port === 443 && rule.cidr_ipv4 === '10.40.0.0/16';
    const dmsGroup = ref(out, 'aws_security_group', 'Orders_Network_SecurityGroup', 'id');
    expect(Object.values<any>(out.resources('aws_vpc_security_group_egress_rule')).filter((r) => r.security_group_id === dmsGroup && https(r))).toHaveLength(1);
    expect(https(out.only('aws_vpc_security_group_ingress_rule'))).toBe(true);
    expect(out.only('aws_vpc_security_group_ingress_rule').security_group_id).toBe(endpointGroup);
    expect(warnings(stack)).toEqual([]);
  });

  test('lake target on DMS Serverless: Secrets Manager, KMS and Logs; the replication config waits for them', () => {
    const out = synth(dmsStack({ capacity: DmsCapacity.serverless() }, { target: 'lake' }).stack);
    expect(interfaceServices(out)).toEqual(['com.amazonaws.eu-west-1.kms', 'com.amazonaws.eu-west-1.logs', 'com.amazonaws.eu-west-1.secretsmanager']);
    expect(out.only('aws_dms_replication_config').depends_on.slice(-3)).toEqual(['SecretsManager', 'Kms', 'Logs'].map((id) => endpointDependency(out, id)));
  });

  test('two captures (stream and lake) share one endpoint per service and one endpoint security group', () => {
    const stack = awsStack();
    const credential = cdcCredential(stack);
    const source = sourceDatabase(stack, SourceEngine.POSTGRESQL, credential);
    const a = new DmsCdcSource(stack, 'A', { source, include: ['a.*'], target: target(stack, 'kinesis') });
    const b = new DmsCdcSource(stack, 'B', { source, include: ['b.*'], target: target(stack, 'lake'), capacity: DmsCapacity.serverless() });
    const out = synth(stack);
    expect(interfaceServices(out)).toHaveLength(4);
    expect(Object.keys(out.resources('aws_security_group')).filter((id) => id.startsWith('Network_'))).toHaveLength(1);
    expect(a.securityGroupId).not.toBe(b.securityGroupId);
    const kms = endpointDependency(out, 'Kms');
    expect(out.only('aws_dms_replication_task').depends_on).toContain(kms);
    expect(out.only('aws_dms_replication_config').depends_on).toContain(kms);
  });

  test('an imported network: no endpoint created, nothing waited for, a warning naming the endpoints its VPC must provide', () => {
    const { stack } = dmsStack({ accountRoles: DmsAccountRoles.existing() }, { importedNetwork: true });
    const out = synth(stack);
    expect(out.resources('aws_vpc_endpoint')).toEqual({});
    expect(out.only('aws_dms_replication_task').depends_on.some((d: string) => d.startsWith('aws_vpc_endpoint.'))).toBe(false);
    expect(warnings(stack)).toEqual([{ path: 'test/Orders', message: IMPORTED_WARNING(['secretsmanager', 'kms', 'logs', 'kinesis-streams']) }]);
    // The DMS security group still allows HTTPS to the imported VPC's CIDR block.
    expect(Object.values<any>(out.resources('aws_vpc_security_group_egress_rule')).some((r) => r.from_port === 443 && r.cidr_ipv4 === IMPORTED_VPC_CIDR)).toBe(true);

    const lake = dmsStack({}, { importedNetwork: true, target: 'lake' });
    expect(warnings(lake.stack).map((w) => w.message)).toEqual([IMPORTED_WARNING(['secretsmanager', 'kms', 'logs'])]);
  });

  test('a PrivateNetwork of another stack: the endpoints go there; the task does not depend across stacks', () => {
    const app: App = Testing.app();
    const base = new TerraformStack(app, 'base');
    new AwsPlatform(base, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    const network = new PrivateNetwork(base, 'Network', { registerWithPlatform: false });
    const stack = new TerraformStack(app, 'cdc');
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', network });
    new DmsCdcSource(stack, 'Orders', {
      source: sourceDatabase(stack, SourceEngine.MYSQL, cdcCredential(stack)), include: ['sales.*'], target: target(stack, 'kinesis'),
    });
    expect(interfaceServices(synth(base))).toHaveLength(4);
    const out = synth(stack);
    expect(out.resources('aws_vpc_endpoint')).toEqual({});
    expect(out.only('aws_dms_replication_task').depends_on.some((d: string) => d.startsWith('aws_vpc_endpoint.'))).toBe(false);
    expect(warnings(stack)).toEqual([]);
  });
});
