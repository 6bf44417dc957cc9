import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsPlatform, CloudWatchObservability, ObservabilityStack, RemovalPolicy, S3Destination, SecureBucket, StreamCapacity, StreamingIngest,
} from '../src';
import { ExampleOptions } from './example';

/**
 * ObservabilityStack on AWS: a Kinesis stream with a transform Lambda and Firehose delivery to S3,
 * watched by CloudWatch alarms (stream, Lambda, dead-letter queue, delivery) that notify an
 * encrypted SNS topic, a dashboard, and a Managed Prometheus workspace; one threshold overridden.
 */
export function observabilityAws(app: App, options: ExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, 'example-observability-aws');
  new AwsPlatform(stack, 'Platform', {
    region: 'us-east-1',
    namePrefix: 'example-obs',
    localEndpoint: options.localEndpointUrl ? { url: options.localEndpointUrl } : undefined,
    allowDataDestruction: options.localEndpointUrl !== undefined,
  });
  const removalPolicy = options.localEndpointUrl ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
  const raw = new SecureBucket(stack, 'Raw', { name: 'raw-events', removalPolicy });

  // #region usage
  const events = new StreamingIngest(stack, 'Events', {
    capacity: StreamCapacity.fromLoad({ recordsPerSecond: 1_000, averageRecordSizeBytes: 1_024 }),
    destinations: [new S3Destination({ bucket: raw })],
    aws: { transform: {} },
    removalPolicy,
  });
  const observability = new ObservabilityStack(stack, 'Observability', {
    aws: { notificationEmails: ['data-oncall@example.com'], managedPrometheus: true, removalPolicy },
    // Consumers of this stream tolerate five minutes of lag.
    alarmOverrides: [{ scope: events, alarm: 'kinesis-iterator-age', threshold: 300_000 }],
  });
  // #endregion

  const cloudwatch = observability.implementation as CloudWatchObservability;
  new TerraformOutput(stack, 'alarm_topic_arn', { value: cloudwatch.alarmTopicArn });
  new TerraformOutput(stack, 'dashboard_name', { value: cloudwatch.dashboardName });
  new TerraformOutput(stack, 'stream_name', { value: events.streamName });
  return stack;
}
