import { App, TerraformStack } from 'cdktf';
import { KubernetesDataLake, KubernetesPlatform, StreamingIngest } from '../src';

/**
 * The lake on Kubernetes: SeaweedFS (S3 API) with a bucket per zone, Hive Metastore on
 * CloudNativePG, Trino with an Iceberg catalog, the Spark operator, and a Kafka Connect S3 sink
 * from a StreamingIngest topic into the raw zone.
 */
export function dataLakeKubernetes(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'example-data-lake-kubernetes');
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'example-lake' });

  // #region usage
  const lake = new KubernetesDataLake(stack, 'Lake', {
    // Strimzi Kafka base image + the Aiven S3 sink plugin, built by your CI
    kafkaConnect: { image: 'registry.example.com/data/kafka-connect-s3:4.3.1' },
  });
  new StreamingIngest(stack, 'Events', {
    destinations: [lake.destination({ zone: 'raw' })], // Kafka Connect S3 sink -> s3://<prefix>-raw/
  });
  // #endregion
  return stack;
}
