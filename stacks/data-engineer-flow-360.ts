import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { Identity, KubernetesDataLake, KubernetesPlatform, StreamCapacity, StreamingIngest } from '../src';

/**
 * Reference architecture 4, DataEngineerFlow360, on Kubernetes. Today: the Kafka platform (Strimzi
 * operator, a KRaft cluster, topics for the CDC and clickstream feeds, users with ACLs) and the lake
 * (SeaweedFS object store with raw/curated/analytics buckets, Hive Metastore on CloudNativePG,
 * Trino with an Iceberg catalog, the Spark operator) fed by Kafka Connect S3 sinks from both
 * topics into the raw zone. The MySQL / PostgreSQL / MongoDB sources with Debezium, Airflow, the
 * PostgreSQL warehouse, Prometheus/Grafana, ELK and Vault arrive with the Warehouse, CdcSource and
 * ObservabilityStack issues.
 */
export class DataEngineerFlow360Stack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubernetesPlatform(this, 'Platform', { namePrefix: 'def360', namespace: 'data-platform' });
    // Kafka Connect runs an image with the S3 sink plugin built by your CI (Strimzi cannot build one
    // under Pod Security "restricted"); see the README.
    const connectImage = new TerraformVariable(this, 'kafka_connect_image', {
      type: 'string',
      description: 'Kafka Connect image (Strimzi Kafka base + the Aiven S3 sink connector) for the lake sinks',
    });
    const lake = new KubernetesDataLake(this, 'Lake', { kafkaConnect: { image: connectImage.stringValue } });
    const orders = new StreamingIngest(this, 'OrdersCdc', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 3_000, averageRecordSizeBytes: 2_048 }),
      retentionHours: 168,
      destinations: [lake.destination({ zone: 'raw' })],
    });
    const clicks = new StreamingIngest(this, 'Clickstream', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 20_000, averageRecordSizeBytes: 600 }),
      retentionHours: 72,
      destinations: [lake.destination({ zone: 'raw' })],
    });
    const connect = new Identity(this, 'KafkaConnect', { name: 'kafka-connect' });
    orders.grantWrite(connect);
    clicks.grantWrite(connect);
    const spark = new Identity(this, 'Spark', { name: 'spark' });
    orders.grantRead(spark);
    clicks.grantRead(spark);
  }
}
