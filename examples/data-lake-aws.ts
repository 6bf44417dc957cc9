import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsDataLake, AwsPlatform, Identity, KinesisStreamingIngest, RemovalPolicy, StreamCapacity, StreamingIngest,
} from '../src';
import { ExampleOptions } from './example';

/**
 * A zoned data lake on AWS fed by a StreamingIngest: Kinesis -> transform Lambda -> Firehose
 * (direct PUT) -> the lake's raw zone, partitioned by date, hour and the records' `event_type`
 * (Firehose dynamic partitioning); an Iceberg table in the raw zone; Athena over the catalog.
 */
export function dataLakeAws(app: App, options: ExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, 'example-data-lake-aws');
  new AwsPlatform(stack, 'Platform', {
    region: 'us-east-1',
    namePrefix: 'example-lake',
    localEndpoint: options.localEndpointUrl ? { url: options.localEndpointUrl } : undefined,
    allowDataDestruction: options.localEndpointUrl !== undefined,
  });
  const removalPolicy = options.localEndpointUrl ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

  // #region usage
  const lake = new AwsDataLake(stack, 'Lake', {
    // zones: raw, curated, analytics (the default); tables: Iceberg (the default)
    tables: [{
      zone: 'raw',
      name: 'click_events',
      columns: [
        { name: 'id', type: 'bigint' },
        { name: 'event_type', type: 'string' },
        { name: 'payload', type: 'string' },
      ],
    }],
    removalPolicy,
  });
  const events = new StreamingIngest(stack, 'Events', {
    capacity: StreamCapacity.fromLoad({ recordsPerSecond: 2_000, averageRecordSizeBytes: 1_024 }),
    // s3://<raw zone>/events/dt=<yyyy-MM-dd>/hour=<HH>/event_type=<value>/
    destinations: [lake.destination({ zone: 'raw', partitionField: 'event_type' })],
    aws: { transform: {} }, // Kinesis -> Lambda (bundled forwarder) -> Firehose direct PUT -> raw zone
    removalPolicy,
  });
  events.grantWrite(new Identity(stack, 'Producer', { name: 'producer', awsTrustedServices: ['ec2.amazonaws.com'] }));
  // #endregion

  const kinesis = events.backend as KinesisStreamingIngest;
  const delivery = kinesis.deliveries[0];
  new TerraformOutput(stack, 'stream_name', { value: events.streamName });
  new TerraformOutput(stack, 'delivery_stream_name', { value: delivery.deliveryStreamName });
  new TerraformOutput(stack, 'function_name', { value: kinesis.transform!.function.functionName });
  new TerraformOutput(stack, 'bucket_name', { value: lake.zoneBucket('raw').bucketName });
  // The delivery stream's key prefix expression in the raw zone, as deployed.
  new TerraformOutput(stack, 'raw_prefix', { value: delivery.deliveryStream.extendedS3Configuration.prefix });
  new TerraformOutput(stack, 'database_name', { value: lake.databaseName('raw') });
  new TerraformOutput(stack, 'table_name', { value: 'click_events' });
  new TerraformOutput(stack, 'workgroup_name', { value: lake.workgroupName });
  return stack;
}
