import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Identity, KubernetesPlatform, StreamCapacity, StreamingIngest } from '../src';

/**
 * Reference architecture 4, DataEngineerFlow360, on Kubernetes. Today: the Kafka platform (Strimzi
 * operator, a KRaft cluster, topics for the CDC and clickstream feeds, users with ACLs for the
 * Kafka Connect workers that will write them and the Spark jobs that will read them). The MySQL /
 * PostgreSQL / MongoDB sources with Debezium, Spark, Airflow, HDFS/Hive, the PostgreSQL warehouse,
 * Prometheus/Grafana, ELK and Vault arrive with the DataLake, Warehouse, CdcSource and
 * ObservabilityStack issues.
 */
export class DataEngineerFlow360Stack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubernetesPlatform(this, 'Platform', { namePrefix: 'def360', namespace: 'data-platform' });
    const orders = new StreamingIngest(this, 'OrdersCdc', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 3_000, averageRecordSizeBytes: 2_048 }),
      retentionHours: 168,
    });
    const clicks = new StreamingIngest(this, 'Clickstream', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 20_000, averageRecordSizeBytes: 600 }),
      retentionHours: 72,
    });
    const connect = new Identity(this, 'KafkaConnect', { name: 'kafka-connect' });
    orders.grantWrite(connect);
    clicks.grantWrite(connect);
    const spark = new Identity(this, 'Spark', { name: 'spark' });
    orders.grantRead(spark);
    clicks.grantRead(spark);
  }
}
