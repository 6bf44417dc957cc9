import { Construct } from 'constructs';
import { invalidConfig, invalidProp } from '../../core/errors';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination, KafkaConnectBindOptions } from '../../streaming/destination';
import { LakeDestinationOptions } from '../data-lake-contract';

/** What a {@link KubernetesLakeDestination} delivers into (implemented by KubernetesDataLake). */
export interface IKubernetesLakeSink {
  /** Adds the Kafka Connect resources delivering `topicName` into `zone` under `keyPrefix`. */
  addKafkaConnector(scope: Construct, options: KafkaConnectBindOptions, zone: string, keyPrefix: string): void;
}

/**
 * Delivers a Kafka StreamingIngest into a zone of a KubernetesDataLake: a Strimzi KafkaConnect
 * (one per lake and Kafka cluster) with the Aiven S3 sink connector (Apache-2.0), writing gzipped
 * JSON lines under `<prefix>/<topic>/yyyy/MM/dd/HH/` of the zone's bucket.
 */
export class KubernetesLakeDestination implements IStreamDestination {
  public readonly destinationName: string;

  constructor(private readonly lake: IKubernetesLakeSink, private readonly options: LakeDestinationOptions) {
    this.destinationName = `lake-${options.zone}`;
  }

  /** Kubernetes-only: this throws a PipelineValidationError. */
  public bindFirehose(scope: Construct, _options: FirehoseBindOptions): FirehoseDestinationConfig {
    throw invalidConfig(scope, `the KubernetesDataLake destination "${this.destinationName}" delivers through Kafka Connect on Kubernetes; use a Kafka StreamingIngest, or DataLake.destination on AWS.`);
  }

  public bindKafkaConnect(scope: Construct, options: KafkaConnectBindOptions): void {
    const o = this.options;
    if (o.partitionField !== undefined) {
      throw invalidProp(scope, 'partitionField', o.partitionField, 'the Kubernetes lake destination partitions by topic, date and hour only (the Aiven S3 sink cannot partition by a record field); remove partitionField');
    }
    if (o.parquetTable !== undefined) {
      throw invalidProp(scope, 'parquetTable', o.parquetTable, 'the Kubernetes lake destination writes gzipped JSON lines; convert to Iceberg/Parquet with Trino or Spark; remove parquetTable');
    }
    const prefix = o.prefix ?? `${options.topicName}/`;
    this.lake.addKafkaConnector(scope, options, o.zone, prefix.endsWith('/') ? prefix : `${prefix}/`);
  }
}
