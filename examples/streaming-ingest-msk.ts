import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsPlatform, Identity, MskClusterType, PrivateNetwork, RemovalPolicy, StreamCapacity, StreamingEngine, StreamingIngest,
} from '../src';
import { ExampleOptions } from './example';

/**
 * StreamingIngest on Amazon MSK: the same contract as Kinesis, on a provisioned 3-broker cluster
 * in a private network (TLS, IAM auth, RF 3 / min ISR 2), with a producer and a consumer identity.
 */
export function streamingIngestMsk(app: App, options: ExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, 'example-streaming-ingest-msk');
  new AwsPlatform(stack, 'Platform', {
    region: 'eu-west-1',
    namePrefix: 'example-msk',
    localEndpoint: options.localEndpointUrl ? { url: options.localEndpointUrl } : undefined,
    allowDataDestruction: options.localEndpointUrl !== undefined,
  });
  const removalPolicy = options.localEndpointUrl ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

  // #region usage
  new PrivateNetwork(stack, 'Network', { subnetCount: 3, removalPolicy });
  const orders = new StreamingIngest(stack, 'Orders', {
    capacity: StreamCapacity.fromLoad({ recordsPerSecond: 10_000, averageRecordSizeBytes: 2_048 }),
    aws: { engine: StreamingEngine.MSK, msk: { clusterType: MskClusterType.PROVISIONED, brokers: 3 } },
    removalPolicy,
  });
  orders.grantWrite(new Identity(stack, 'OrderService', { name: 'order-service', awsTrustedServices: ['ecs-tasks.amazonaws.com'] }));
  orders.grantRead(new Identity(stack, 'Analytics', { name: 'analytics', awsTrustedServices: ['ecs-tasks.amazonaws.com'] }));
  // #endregion

  new TerraformOutput(stack, 'bootstrap_servers', { value: orders.bootstrapServers });
  new TerraformOutput(stack, 'topic', { value: orders.streamName });
  return stack;
}
