import { App, TerraformStack } from 'cdktf';
import {
  AwsDataLake, AwsPlatform, Identity, PrivateNetwork, S3Destination, StreamingIngest,
} from '../../src';
import {
  AuditLogDestination, FirehoseAccess, FirehoseCredential, LakeFileFormat, RedshiftDeployment, RedshiftNodeType, RedshiftWarehouse,
} from '../../src/warehouse/aws';
import { TABLES } from '../unit/warehouse/aws/redshift-fixture';

/** Subnets routed to an internet gateway, for the Firehose opt-in (literal ids: validate only). */
export const PUBLIC_SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60003'];

/**
 * Every Redshift feature in real stacks, for `terraform validate` against the AWS provider:
 * - `redshift-serverless`: a PrivateNetwork, a serverless warehouse with tables, grants, a read-only
 *   user, a Kinesis StreamingIngest ingested privately (streaming ingestion), a lake with a lake load
 *   and a Spectrum schema;
 * - `redshift-provisioned`: the same on a provisioned cluster with audit logs to S3;
 * - `redshift-firehose`: a serverless warehouse opened to Firehose, and a stream delivering to it.
 */
export function buildRedshiftApp(app: App): void {
  for (const deployment of ['serverless', 'provisioned'] as const) {
    const stack = new TerraformStack(app, `redshift-${deployment}`);
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    new PrivateNetwork(stack, 'Network');
    const warehouse = new RedshiftWarehouse(stack, 'Warehouse', {
      tables: TABLES,
      deployment: deployment === 'serverless'
        ? RedshiftDeployment.serverless({ baseCapacityRpus: 8, maxCapacityRpus: 64 })
        : RedshiftDeployment.provisioned({ nodeType: RedshiftNodeType.RA3_XLPLUS, numberOfNodes: 2 }),
      auditLogs: deployment === 'serverless' ? undefined : AuditLogDestination.s3(),
    });
    const analyst = new Identity(stack, 'Analyst', { name: 'analyst' });
    warehouse.grantRead(analyst);
    warehouse.grantWrite(new Identity(stack, 'Etl', { name: 'etl' }));
    warehouse.addReadOnlyUser('Bi', 'bi_reader');
    const lake = new AwsDataLake(stack, 'Lake');
    const stream = new StreamingIngest(stack, 'ClickEvents', { destinations: [lake.destination({ zone: 'raw' })] });
    warehouse.streamingIngestion(stream, { materializedViewName: 'click_events' });
    warehouse.loadFromLake('Events', { lake, zone: 'raw', prefix: 'click-events/', table: 'events' });
    warehouse.addLakeLoad('Orders', { lake, zone: 'curated', prefix: 'orders/', table: 'orders', schema: 'sales', format: LakeFileFormat.PARQUET, schedule: 'cron(0 2 * * ? *)' });
    warehouse.addSpectrumSchema(lake, 'curated');
  }

  const stack = new TerraformStack(app, 'redshift-firehose');
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  new PrivateNetwork(stack, 'Network');
  const warehouse = new RedshiftWarehouse(stack, 'Warehouse', {
    tables: TABLES,
    firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds: PUBLIC_SUBNETS }),
  });
  new StreamingIngest(stack, 'ClickEvents', {
    destinations: [
      warehouse.destination({ table: 'events' }),
      warehouse.firehoseDestination({ table: 'orders', schema: 'sales', credential: FirehoseCredential.administrator(), destinationName: 'orders' }),
      new S3Destination(),
    ],
  });
}
