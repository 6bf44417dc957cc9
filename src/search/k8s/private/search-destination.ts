import { Construct } from 'constructs';
import { invalidConfig } from '../../../core/errors';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination, KafkaConnectBindOptions } from '../../../streaming/destination';
import { SearchBackupMode } from '../../search-cluster-contract';

/** What a search destination delivers into. @internal */
export interface ResolvedSearchDestination {
  readonly index: string;
  readonly backupMode: SearchBackupMode;
  readonly destinationName: string;
}

/** What an {@link ElasticsearchDestination} loads into (implemented by ElasticsearchSearchCluster). @internal */
export interface IElasticsearchSink {
  /** Adds the Logstash that loads `options.topicName` into the destination's index. */
  addLogstash(scope: Construct, options: KafkaConnectBindOptions, destination: ResolvedSearchDestination): void;
}

/** The default destination name of an index: hyphens for underscores, at most 31 characters. @internal */
export function searchDestinationName(index: string): string {
  return index.replace(/_/g, '-').slice(0, 31).replace(/-+$/, '');
}

/**
 * Loads a Kafka StreamingIngest into an Elasticsearch index through a Logstash of the cluster.
 * Kubernetes only.
 * @internal
 */
export class ElasticsearchDestination implements IStreamDestination {
  public readonly destinationName: string;

  constructor(private readonly sink: IElasticsearchSink, private readonly destination: ResolvedSearchDestination) {
    this.destinationName = destination.destinationName;
  }

  /** Kubernetes-only: this throws a PipelineValidationError. */
  public bindFirehose(scope: Construct, _options: FirehoseBindOptions): FirehoseDestinationConfig {
    throw invalidConfig(scope, `the ElasticsearchSearchCluster destination "${this.destinationName}" loads through Logstash on Kubernetes; use a Kafka StreamingIngest, or an OpenSearch search cluster's destination on AWS.`);
  }

  public bindKafkaConnect(scope: Construct, options: KafkaConnectBindOptions): void {
    this.sink.addLogstash(scope, options, this.destination);
  }
}
