import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsDataLake, AwsPlatform, PrivateNetwork, RemovalPolicy, SecretsManagerStore, StreamingIngest,
} from '../src';
import { ExampleOptions } from './example';
import { CdcMode, CdcTarget, SourceDatabase, SourceEngine } from '../src/cdc';
import { DmsAccountRoles, DmsCapacity, DmsCdcSource } from '../src/cdc/aws/dms';

/**
 * Change data capture on AWS with DMS: the `sales` schema of an existing PostgreSQL database,
 * snapshot then changes, into a Kinesis StreamingIngest (a Multi-AZ replication instance), and the
 * `sales.orders` changes into the lake's raw zone as Parquet (DMS Serverless). The CDC user's
 * credential is generated into Secrets Manager; DMS reads it from there.
 */
export function cdcAws(app: App, options: ExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, 'example-cdc-aws');
  new AwsPlatform(stack, 'Platform', {
    region: 'us-east-1',
    namePrefix: 'example-cdc',
    localEndpoint: options.localEndpointUrl ? { url: options.localEndpointUrl } : undefined,
    allowDataDestruction: options.localEndpointUrl !== undefined,
  });
  const removalPolicy = options.localEndpointUrl ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
  new PrivateNetwork(stack, 'Network', { removalPolicy });
  const secrets = new SecretsManagerStore(stack, 'Secrets', { removalPolicy });
  const lake = new AwsDataLake(stack, 'Lake', { removalPolicy });
  // moto has no AWS managed DMS policies to attach: against it, take the account roles as existing.
  const accountRoles = options.localEndpointUrl ? DmsAccountRoles.existing() : DmsAccountRoles.create();

  // #region usage
  const connection = { host: 'orders.internal.example.com', port: 5432, engine: 'postgres', databaseName: 'orders' };
  const ordersDb = SourceDatabase.fromAttributes(stack, 'OrdersDb', {
    engine: SourceEngine.POSTGRESQL,
    host: connection.host,
    port: connection.port,
    databaseName: connection.databaseName,
    // generated into Secrets Manager with the connection DMS reads; the DBA creates dms_cdc with it
    cdcCredential: secrets.generateCredential('CdcUser', { name: 'orders-cdc', username: 'dms_cdc', connection }),
  });
  const changes = new StreamingIngest(stack, 'OrderChanges', { removalPolicy });
  const toStream = new DmsCdcSource(stack, 'Orders', {
    source: ordersDb,
    include: ['sales.*'],
    exclude: ['sales.audit_*'],
    target: CdcTarget.stream(changes), // snapshot, then every change, keyed by table and primary key
    accountRoles, // dms-vpc-role and dms-cloudwatch-logs-role: create them, or use the account's
    removalPolicy,
  });
  new DmsCdcSource(stack, 'OrdersToLake', {
    source: ordersDb,
    include: ['sales.orders'],
    target: CdcTarget.lake(lake, 'raw'), // Parquet files under raw/cdc/orders-to-lake/
    mode: CdcMode.STREAM_ONLY,
    capacity: DmsCapacity.serverless({ maxCapacityUnits: 8 }),
    accountRoles,
    removalPolicy,
  });
  // #endregion

  new TerraformOutput(stack, 'task_arn', { value: toStream.replicationArn });
  new TerraformOutput(stack, 'capture_name', { value: toStream.captureName });
  new TerraformOutput(stack, 'stream_name', { value: changes.streamName });
  return stack;
}
