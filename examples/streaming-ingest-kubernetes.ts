import { App, TerraformStack } from 'cdktf';
import { Identity, KubernetesPlatform, StreamCapacity, StreamingIngest } from '../src';

/**
 * The same StreamingIngest declaration on Kubernetes: Strimzi operator, a KRaft Kafka cluster
 * (3 brokers, RF 3, min ISR 2, TLS + mTLS users, simple authorization), a topic sized from the
 * declared load and a Kafka user allowed to write.
 */
export function streamingIngestKubernetes(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'example-streaming-ingest-kubernetes');
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'example-ingest' });

  // #region usage
  const events = new StreamingIngest(stack, 'Events', {
    capacity: StreamCapacity.fromLoad({ recordsPerSecond: 2_000, averageRecordSizeBytes: 1_024 }),
  });
  events.grantWrite(new Identity(stack, 'Producer', { name: 'producer' }));
  // #endregion
  return stack;
}
