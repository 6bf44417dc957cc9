import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsPlatform, Identity, KinesisStreamingIngest, RemovalPolicy, S3Destination, SecureBucket, StreamCapacity, StreamingIngest,
} from '../src';
import { ExampleOptions } from './example';

/**
 * StreamingIngest on AWS: a Kinesis stream sized for 2,000 records/s of 1 KiB, a transform Lambda
 * and Firehose delivery to an encrypted S3 bucket; a producer identity allowed to write.
 */
export function streamingIngestAws(app: App, options: ExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, 'example-streaming-ingest-aws');
  new AwsPlatform(stack, 'Platform', {
    region: 'us-east-1',
    namePrefix: 'example-ingest',
    localEndpoint: options.localEndpointUrl ? { url: options.localEndpointUrl } : undefined,
    allowDataDestruction: options.localEndpointUrl !== undefined,
  });

  const removalPolicy = options.localEndpointUrl ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
  // #region usage
  const raw = new SecureBucket(stack, 'Raw', { name: 'raw-events', removalPolicy });
  const events = new StreamingIngest(stack, 'Events', {
    capacity: StreamCapacity.fromLoad({ recordsPerSecond: 2_000, averageRecordSizeBytes: 1_024 }),
    destinations: [new S3Destination({ bucket: raw })],
    aws: { transform: {} }, // Kinesis -> Lambda (bundled forwarder) -> Firehose direct PUT -> S3
    removalPolicy,
  });
  events.grantWrite(new Identity(stack, 'Producer', { name: 'producer', awsTrustedServices: ['ec2.amazonaws.com'] }));
  // #endregion

  const kinesis = events.backend as KinesisStreamingIngest;
  new TerraformOutput(stack, 'stream_name', { value: events.streamName });
  new TerraformOutput(stack, 'delivery_stream_name', { value: kinesis.deliveries[0].deliveryStreamName });
  new TerraformOutput(stack, 'bucket_name', { value: raw.bucketName });
  new TerraformOutput(stack, 'function_name', { value: kinesis.transform!.function.functionName });
  return stack;
}
