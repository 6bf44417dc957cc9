/**
 * Tier 3: Firehose -> Redshift and QuickSight on moto. Redshift itself cannot run on moto, so the
 * stack delivers into an existing (imported) cluster opened to Firehose, as a user with a cluster
 * made elsewhere would: the delivery stream with its Redshift destination, its S3 side (the staging
 * and backup bucket, CMK), the loader credential generated into Secrets Manager, and QuickSight's
 * network and IAM wiring are applied; the Redshift destination configuration is read back from
 * Firehose's API and compared with the synthesized one. Skipped loudly without terraform, the
 * mirror or moto.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DescribeDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsPlatform, FirehoseAccess, KinesisStreamingIngest, PrivateNetwork, PublicSubnets, QUICKSIGHT_ROLE_PATH, QUICKSIGHT_SECRETS_ROLE_NAME,
  QUICKSIGHT_SERVICE_ROLE_NAME, QuickSightAnalytics, RedshiftWarehouse, RemovalPolicy, SecretsManagerStore, StreamingIngest, WarehouseEngine,
} from '../../src';
import { EmulatorDeployment, emulatorTier, needs, STEP_CAP_MS } from '../support/emulator-deployment';
import { skipTier } from '../support/terraform';

/** Resource types not applied on moto, and why (their dependents are not applied either). */
const NOT_APPLIED_ON_MOTO: ReadonlyArray<{ type: string; reason: string }> = [
  { type: 'aws_redshiftdata_statement', reason: 'moto\'s redshift-data keeps every statement in STARTED forever (and there is no cluster behind the imported endpoint): the table DDL is asserted in the unit tier' },
  { type: 'aws_lambda_invocation', reason: 'moto runs Lambda code only in Docker, which is not here; the user Lambda\'s logic is unit-tested and its function is created' },
  { type: 'aws_quicksight_vpc_connection', reason: 'moto 5.2.1 does not implement CreateVPCConnection (404); the unit tier asserts its subnets, security group and role' },
  { type: 'aws_quicksight_data_source', reason: 'moto 5.2.1 accepts CreateDataSource but answers DescribeDataSource with string timestamps, which the provider\'s waiter rejects; it also needs the VPC connection' },
  { type: 'aws_vpc_security_group_ingress_rule', reason: 'the rules open the imported cluster\'s security group (made elsewhere, so absent from moto) to Firehose and QuickSight; the unit tier asserts them' },
  { type: 'aws_s3_bucket_policy', reason: 'moto 5.2.1 evaluates the TLS-only Deny statement as a Deny for every request (see the data-lake tier)' },
  { type: 'aws_s3_bucket_logging', reason: 'moto 5.2.1 needs the log bucket policy first, which is not applied (above)' },
];

const CLUSTER_ENDPOINT = 'analytics.c0ffee123456.us-east-1.redshift.amazonaws.com';
const TABLE = { name: 'server_events', columns: [{ name: 'event_id', type: 'varchar(64)' }, { name: 'occurred_at', type: 'timestamp' }] };

/** Server events -> Kinesis -> Firehose -> an existing Redshift cluster; QuickSight on it. */
function build(app: App, localEndpointUrl: string): void {
  const stack = new TerraformStack(app, 'emulator-warehouse-firehose');
  new AwsPlatform(stack, 'Platform', { region: 'us-east-1', namePrefix: 'emu-wh', localEndpoint: { url: localEndpointUrl }, allowDataDestruction: true });
  const removalPolicy = RemovalPolicy.DESTROY;
  const network = new PrivateNetwork(stack, 'Network', { removalPolicy });
  const publicSubnets = new PublicSubnets(stack, 'FirehoseSubnets', { network, purpose: 'Redshift endpoint reachable by Amazon Data Firehose' });
  const warehouse = RedshiftWarehouse.fromRedshiftAttributes(stack, 'Warehouse', {
    engine: WarehouseEngine.REDSHIFT,
    clusterIdentifier: 'analytics',
    endpoint: CLUSTER_ENDPOINT,
    adminSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:analytics-admin-AbCdEf',
    securityGroupId: 'sg-0123456789abcdef0',
    tables: [TABLE],
    firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds: publicSubnets.subnetIds }),
    secretStore: new SecretsManagerStore(stack, 'Secrets', { removalPolicy }),
  });
  const events = new StreamingIngest(stack, 'ServerEvents', { destinations: [warehouse.destination({ table: 'server_events' })], removalPolicy });
  new QuickSightAnalytics(stack, 'Analytics', { warehouses: [warehouse] });
  const delivery = (events.backend as KinesisStreamingIngest).deliveries[0];
  new TerraformOutput(stack, 'delivery_stream_name', { value: delivery.deliveryStreamName });
}

/** Creates an IAM role under /service-role/ in moto (IAM's query API; no IAM SDK client is installed). */
async function createMotoRole(motoUrl: string, roleName: string): Promise<void> {
  const body = new URLSearchParams({
    Action: 'CreateRole',
    Version: '2010-05-08',
    RoleName: roleName,
    Path: QUICKSIGHT_ROLE_PATH,
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'quicksight.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  });
  const response = await fetch(`${motoUrl}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Authorization': 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request' },
    body,
  });
  if (!response.ok) throw new Error(`moto CreateRole ${roleName}: ${response.status} ${await response.text()}`);
}

const tier = emulatorTier();

if (!tier.ok) {
  skipTier('tier 3 (emulator, Firehose -> Redshift)', tier.reason, 'deploy the delivery stream into an imported Redshift and read its configuration back');
} else {
  describe(`tier 3: Firehose -> Redshift and QuickSight wiring on the moto emulator (${tier.detail})`, () => {
    const deployment = new EmulatorDeployment({ name: 'warehouse-firehose', build });
    let applied = false;

    beforeAll(async () => {
      await deployment.start(NOT_APPLIED_ON_MOTO.map((r) => ({ what: `${r.type} (not applied)`, reason: r.reason })));
      // The QuickSight console creates these roles when Secrets Manager and Athena access are turned
      // on (a documented prerequisite); here they are made in moto the same way, through IAM's API.
      for (const role of [QUICKSIGHT_SECRETS_ROLE_NAME, QUICKSIGHT_SERVICE_ROLE_NAME]) await createMotoRole(deployment.moto!.url, role);
      // The imported cluster's helper resources (the user Lambda's logs and the key they share) are
      // retained by design, as the cluster is; the emulator must be emptied, so this copy of the
      // configuration drops prevent_destroy.
      const file = path.join(deployment.stack!.dir, 'cdk.tf.json');
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      for (const byName of Object.values<any>(json.resource)) for (const r of Object.values<any>(byName)) delete r.lifecycle?.prevent_destroy;
      fs.writeFileSync(file, JSON.stringify(json, null, 2));
    }, STEP_CAP_MS.moto + 30_000);
    afterAll(() => deployment.cleanup(), 90_000);

    test('terraform init + apply: the delivery stream, its S3 side, the loader credential and QuickSight\'s IAM and network', () => {
      needs('setup (moto, synthesis)', deployment.ready);
      const apply = deployment.apply(NOT_APPLIED_ON_MOTO);
      expect(apply.excludedInState).toEqual([]);
      expect(apply.notApplied.some((a) => a.startsWith('aws_kinesis_firehose_delivery_stream.'))).toBe(false);
      deployment.readOutputs();
      applied = true;
    }, STEP_CAP_MS.init + STEP_CAP_MS.apply + 40_000);

    test('Firehose holds the Redshift destination as synthesized: COPY, secret, retry, backup of failed records, CMK staging bucket', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const synthesized = Object.values<any>(deployment.stack!.json.resource.aws_kinesis_firehose_delivery_stream)[0].redshift_configuration;
        const DeliveryStreamName = deployment.outputs.delivery_stream_name;
        const description = await deployment.clients!.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName }));
        const redshift = description.DeliveryStreamDescription!.Destinations![0].RedshiftDestinationDescription!;
        expect(redshift.ClusterJDBCURL).toBe(`jdbc:redshift://${CLUSTER_ENDPOINT}:5439/analytics`);
        expect(redshift.CopyCommand).toEqual({ DataTableName: 'public.server_events', DataTableColumns: 'event_id,occurred_at', CopyOptions: synthesized.copy_options });
        expect(redshift.RetryOptions).toEqual({ DurationInSeconds: synthesized.retry_duration });
        expect(redshift.S3BackupMode).toBe('Enabled');
        const staging = redshift.S3DestinationDescription!;
        expect(staging.CompressionFormat).toBe('GZIP');
        expect(staging.EncryptionConfiguration?.KMSEncryptionConfig?.AWSKMSKeyARN).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
        const bucket = staging.BucketARN!.replace('arn:aws:s3:::', '');
        await deployment.clients!.s3.send(new HeadBucketCommand({ Bucket: bucket }));
      });
    }, STEP_CAP_MS.data);

    test('terraform destroy removes what was applied', () => {
      needs('apply', applied);
      deployment.destroy();
      expect(deployment.tf(['state', 'list'], 30_000).stdout.trim()).toBe('');
    }, STEP_CAP_MS.destroy + 10_000);
  });
}
