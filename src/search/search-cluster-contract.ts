import { IConstruct } from 'constructs';
import { IStreamDestination } from '../streaming/destination';

/** The engine behind a SearchCluster. */
export enum SearchEngine {
  /** Amazon OpenSearch Service (AWS), with OpenSearch Dashboards. */
  OPENSEARCH = 'opensearch',
  /** Elasticsearch managed by ECK (Kubernetes), with Kibana. */
  ELASTICSEARCH = 'elasticsearch',
}

/**
 * Which documents a search destination also keeps outside the cluster: in S3 on AWS; on Kubernetes,
 * rejected documents in Logstash's dead letter queue and, for ALL_DOCUMENTS, every record in an
 * archive Kafka topic.
 */
export enum SearchBackupMode {
  /** Only the documents the cluster rejected. */
  FAILED_DOCUMENTS_ONLY = 'failed-documents-only',
  /** Every document, whether or not it was indexed. */
  ALL_DOCUMENTS = 'all-documents',
}

/** How a StreamingIngest delivers into a SearchCluster index. */
export interface SearchDestinationOptions {
  /** Index (or index prefix, when rotated) to write to: lowercase letters, digits, "-" and "_". */
  readonly index: string;
  /**
   * Which documents are also kept outside the cluster.
   * @default SearchBackupMode.FAILED_DOCUMENTS_ONLY
   */
  readonly backupMode?: SearchBackupMode;
  /**
   * Short name of the destination in physical names.
   * @default - the index name
   */
  readonly destinationName?: string;
}

/** Log sources a SearchCluster indexes (each backend reads the field for its platform). */
export interface SearchLogSources {
  /**
   * AWS: CloudWatch log groups to subscribe.
   * @default - none
   */
  readonly logGroupNames?: string[];
  /**
   * Kubernetes: namespaces whose container logs are shipped.
   * @default - none
   */
  readonly namespaces?: string[];
  /**
   * Index prefix of the shipped logs.
   * @default DEFAULT_LOG_INDEX
   */
  readonly index?: string;
}

/** Index prefix of shipped logs. */
export const DEFAULT_LOG_INDEX = 'pipeline-logs';

/**
 * A search and analytics store with a dashboards UI: Amazon OpenSearch Service on AWS, ECK
 * Elasticsearch + Kibana on Kubernetes. It is a StreamingIngest destination and the log store of
 * an ObservabilityStack.
 */
export interface ISearchCluster extends IConstruct {
  /** Engine. */
  readonly engine: SearchEngine;
  /** HTTPS URL of the REST API. */
  readonly endpoint: string;
  /** HTTPS URL of OpenSearch Dashboards or Kibana. */
  readonly dashboardsUrl: string;
  /** A StreamingIngest destination writing each record as a document of `options.index`. */
  destination(options: SearchDestinationOptions): IStreamDestination;
  /** Ships logs into the cluster (CloudWatch subscription on AWS, a log shipper on Kubernetes). */
  ingestLogs(id: string, sources: SearchLogSources): void;
}
