import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsDataLake, AwsPlatform, Identity, PrivateNetwork, RedshiftDeployment, RedshiftWarehouse, RemovalPolicy, SecretsManagerStore, StreamingIngest,
} from '../src';
import { ExampleOptions } from './example';

/**
 * The warehouse on AWS: a private Redshift Serverless workgroup (CMK, TLS required, audit logs,
 * managed admin password) reading a Kinesis StreamingIngest through streaming ingestion, loading the
 * lake's curated zone hourly by COPY, a read-only user for BI tools and an analyst role.
 */
export function warehouseAws(app: App, options: ExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, 'example-warehouse-aws');
  new AwsPlatform(stack, 'Platform', {
    region: 'us-east-1',
    namePrefix: 'example-wh',
    localEndpoint: options.localEndpointUrl ? { url: options.localEndpointUrl } : undefined,
    allowDataDestruction: options.localEndpointUrl !== undefined,
  });
  const removalPolicy = options.localEndpointUrl ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
  new PrivateNetwork(stack, 'Network', { removalPolicy });
  const lake = new AwsDataLake(stack, 'Lake', { removalPolicy });

  // #region usage
  const warehouse = new RedshiftWarehouse(stack, 'Warehouse', {
    deployment: RedshiftDeployment.serverless({ baseCapacityRpus: 8 }),
    tables: [{ name: 'orders', columns: [{ name: 'order_id', type: 'bigint', nullable: false }, { name: 'amount', type: 'decimal(12,2)' }] }],
    secretStore: new SecretsManagerStore(stack, 'Secrets', { removalPolicy }),
    removalPolicy,
  });
  const clicks = new StreamingIngest(stack, 'Clicks', { removalPolicy });
  warehouse.streamingIngestion(clicks, { materializedViewName: 'clicks' }); // private: Redshift reads Kinesis
  warehouse.loadFromLake('Orders', { lake, zone: 'curated', prefix: 'orders/', table: 'orders' }); // hourly COPY
  const bi = warehouse.addReadOnlyUser('Bi', 'bi_reader'); // password generated into Secrets Manager
  warehouse.grantRead(new Identity(stack, 'Analyst', { name: 'analyst' })); // IAM temporary credentials
  // #endregion

  new TerraformOutput(stack, 'bi_secret_arn', { value: bi.secretArn! });
  new TerraformOutput(stack, 'stream_name', { value: clicks.streamName });
  return stack;
}
