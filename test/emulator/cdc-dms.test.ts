/**
 * Tier 3: deploy what moto can run of the `cdc-aws` example (the network with the interface endpoints
 * DMS asks for, the secret store with the generated CDC credential, the Kinesis stream, the lake, the
 * DMS security group, subnet group, roles, pre-created log group and endpoints) and read back through
 * DMS's JSON API what reached it: the source endpoint reads its credential from Secrets Manager with
 * TLS required and the PostgreSQL CDC settings, the target writes unformatted JSON to the stream keyed
 * by schema, table and primary key; and through EC2's query API the interface endpoints (one per
 * service, private DNS, one security group). Then destroy. Every resource not applied is named with the reason (its type) or the resource it
 * needs. Skipped loudly without terraform, the mirror or moto.
 */
import { cdcAws } from '../../examples/cdc-aws';
import { dmsInterfaceEndpoints } from '../../src/cdc/aws/dms/private/dms-network';
import { DMS_POSTGRES_PLUGIN } from '../../src/cdc/aws/dms/private/source-endpoint';
import { DMS_STREAM_MESSAGE_FORMAT } from '../../src/cdc/aws/dms/private/target-endpoint';
import { check, EmulatorDeployment, emulatorTier, needs, STEP_CAP_MS } from '../support/emulator-deployment';
import { MOTO_REGION } from '../support/moto';
import { skipTier } from '../support/terraform';

/** Resource types of the example not applied on moto, and why (their dependents are not applied either). */
export const NOT_APPLIED_ON_MOTO: ReadonlyArray<{ type: string; reason: string }> = [
  {
    type: 'aws_dms_replication_instance',
    reason: 'moto 5.2.1 answers CreateReplicationInstance with its timestamps as ISO strings where the DMS JSON protocol has epoch numbers, so the provider cannot decode the answer (measured); '
      + 'so the replication task, which needs the instance, is not applied either: its table mappings and settings are asserted in the unit tier and checked by terraform validate',
  },
  { type: 'aws_dms_replication_config', reason: 'moto 5.2.1 does not implement DMS Serverless (CreateReplicationConfig)' },
  { type: 'aws_dms_s3_endpoint', reason: 'the provider calls ModifyEndpoint right after creating an S3 endpoint and moto 5.2.1 does not implement ModifyEndpoint (the apply retries until it times out; measured)' },
  { type: 'aws_s3_bucket_policy', reason: 'moto 5.2.1 treats the lake buckets\' conditional Deny statements as unconditional (see the data-lake tier)' },
  { type: 'aws_s3_bucket_logging', reason: 'moto 5.2.1 needs the target bucket policy, which is not applied (see the data-lake tier)' },
  { type: 'aws_athena_workgroup', reason: 'moto 5.2.1 answers the provider\'s ListTagsForResource with "workgroup does not exist" (see the data-lake tier)' },
];

/** What this tier does not exercise on moto, and why. */
const NOT_EXERCISED_ON_MOTO: ReadonlyArray<{ what: string; reason: string }> = [
  { what: 'The account roles dms-vpc-role and dms-cloudwatch-logs-role', reason: 'moto 5.2.1 has no AWS managed AmazonDMS* policies to attach, so the example takes the roles as existing in local mode; the unit tier asserts them' },
  { what: 'Change data capture itself (snapshot, changes, records on the stream)', reason: 'moto runs no replication; nor is there a source database here' },
  { what: 'DMS event subscriptions', reason: 'moto 5.2.1 does not implement them (and the example sets no failure topic); the unit tier asserts the subscription' },
  ...NOT_APPLIED_ON_MOTO.map((r) => ({ what: `${r.type} (not applied)`, reason: r.reason })),
];

const EXAMPLE_NAME = 'cdc-aws';
const tier = emulatorTier();

/** One call of DMS's JSON API on moto. */
async function dms(url: string, action: string, body: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AmazonDMSv20160101.${action}`,
      'Authorization': `AWS4-HMAC-SHA256 Credential=testing/20250101/${MOTO_REGION}/dms/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`DMS ${action}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** The VPC endpoints moto holds, from EC2's query API (XML; each endpoint's fields follow its id). */
async function vpcEndpoints(url: string): Promise<Array<{ type?: string; service?: string; privateDns?: string; groups: string[] }>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Authorization': `AWS4-HMAC-SHA256 Credential=testing/20250101/${MOTO_REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: 'Action=DescribeVpcEndpoints&Version=2016-11-15',
    signal: AbortSignal.timeout(20_000),
  });
  const xml = await res.text();
  if (!res.ok) throw new Error(`EC2 DescribeVpcEndpoints: HTTP ${res.status}: ${xml.slice(0, 500)}`);
  const field = (block: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(block)?.[1];
  return xml.split('<vpcEndpointId>').slice(1).map((block) => ({
    type: field(block, 'vpcEndpointType'),
    service: field(block, 'serviceName'),
    privateDns: field(block, 'privateDnsEnabled'),
    groups: [...block.matchAll(/<groupId>([^<]*)<\/groupId>/g)].map((m) => m[1]),
  }));
}

if (!tier.ok) {
  skipTier('tier 3 (emulator, cdc dms)', tier.reason, 'deploy what moto runs of the DMS CDC example, read the endpoints back, destroy');
} else {
  describe(`tier 3: ${EXAMPLE_NAME} on the moto emulator (${tier.detail})`, () => {
    const deployment = new EmulatorDeployment({ name: EXAMPLE_NAME, build: (app, url) => cdcAws(app, { localEndpointUrl: url }) });
    let applied = false;
    let endpoints: any[] = [];

    beforeAll(() => deployment.start(NOT_EXERCISED_ON_MOTO), STEP_CAP_MS.moto + 30_000);
    afterAll(() => deployment.cleanup(), 90_000);

    test('terraform init + apply deploys everything moto implements; only the named types and their dependents are left out', () => {
      needs('setup (moto, synthesis)', deployment.ready);
      const apply = deployment.apply(NOT_APPLIED_ON_MOTO);
      expect(apply.excludedInState).toEqual([]);
      const notApplied = new Set(apply.notApplied.map((a) => a.split('.')[0]));
      expect([...notApplied].sort()).toEqual(expect.arrayContaining(['aws_dms_replication_instance', 'aws_dms_replication_task', 'aws_dms_replication_config', 'aws_dms_s3_endpoint']));
      const state = deployment.tf(['state', 'list'], 30_000);
      check('terraform state list', state);
      const addresses = state.stdout.split('\n').filter(Boolean);
      expect(addresses.filter((a) => a.startsWith('aws_dms_endpoint.')).sort()).toEqual([
        expect.stringMatching(/^aws_dms_endpoint\.OrdersToLake_Source_Endpoint_/),
        expect.stringMatching(/^aws_dms_endpoint\.Orders_Source_Endpoint_/),
        expect.stringMatching(/^aws_dms_endpoint\.Orders_Target_Endpoint_/),
      ]);
      for (const type of ['aws_dms_replication_subnet_group', 'aws_security_group', 'aws_cloudwatch_log_group', 'aws_kinesis_stream', 'aws_secretsmanager_secret_version', 'aws_vpc_endpoint']) {
        expect(addresses.some((a) => a.startsWith(`${type}.`))).toBe(true);
      }
      applied = true;
    }, STEP_CAP_MS.init + STEP_CAP_MS.apply + 40_000);

    test('DescribeEndpoints: the three endpoints reached DMS', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        endpoints = (await dms(deployment.moto!.url, 'DescribeEndpoints')).Endpoints;
        expect(endpoints.map((e) => e.EndpointIdentifier).sort()).toEqual(['example-cdc-orders-source', 'example-cdc-orders-target', 'example-cdc-orders-to-lake-source']);
      });
    }, STEP_CAP_MS.data);

    test('source endpoint: PostgreSQL, TLS required, the credential only through Secrets Manager, test_decoding, no DDL capture', () => {
      needs('the endpoints', endpoints.length > 0);
      const source = endpoints.find((e) => e.EndpointIdentifier === 'example-cdc-orders-source');
      expect(source.EngineName).toBe('postgres');
      expect(source.EndpointType.toLowerCase()).toBe('source');
      expect(source.SslMode).toBe('require');
      expect(source.Username).toBeUndefined();
      expect(source.Password).toBeUndefined();
      expect(source.ServerName).toBeUndefined();
      expect(source.KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
      const settings = source.PostgreSQLSettings;
      expect(settings.SecretsManagerSecretId).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:example-cdc-orders-cdc-/);
      expect(settings.SecretsManagerAccessRoleArn).toMatch(/^arn:aws:iam::\d{12}:role\/example-cdc-orders-dms-secrets$/);
      expect(settings.DatabaseName).toBe('orders');
      expect(settings.PluginName).toBe(DMS_POSTGRES_PLUGIN);
      expect(settings.CaptureDdls).toBe(false);
    });

    test('target endpoint: the Kinesis stream, unformatted JSON keyed by schema, table and primary key, through the target role', () => {
      needs('the endpoints', endpoints.length > 0);
      const target = endpoints.find((e) => e.EndpointIdentifier === 'example-cdc-orders-target');
      expect(target.EngineName).toBe('kinesis');
      expect(target.KinesisSettings).toEqual(expect.objectContaining({
        StreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/example-cdc-order-changes',
        MessageFormat: DMS_STREAM_MESSAGE_FORMAT,
        ServiceAccessRoleArn: 'arn:aws:iam::123456789012:role/example-cdc-orders-dms-target',
        PartitionIncludeSchemaTable: true,
        IncludePartitionValue: true,
        IncludeTransactionDetails: true,
      }));
    });

    test('interface endpoints: Secrets Manager, KMS, CloudWatch Logs and Kinesis, once each, private DNS, one security group', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const found = (await vpcEndpoints(deployment.moto!.url)).filter((e) => e.type === 'Interface');
        expect(found.map((e) => e.service).sort()).toEqual(dmsInterfaceEndpoints(true).map((s) => `com.amazonaws.${MOTO_REGION}.${s}`).sort());
        expect(found.every((e) => e.privateDns === 'true')).toBe(true);
        expect(new Set(found.flatMap((e) => e.groups)).size).toBe(1);
      });
    }, STEP_CAP_MS.data);

    test('terraform destroy removes what was applied', () => {
      needs('apply', applied);
      deployment.destroy();
      const state = deployment.tf(['state', 'list'], 30_000);
      expect(state.stdout.trim()).toBe('');
    }, STEP_CAP_MS.destroy + 10_000);
  });
}
