import { RemovalPolicy } from '../../platform/platform';
import { ISecureBucket } from '../../storage/aws/secure-bucket';
import { SearchDestinationOptions } from '../search-cluster-contract';

/** Engine version of new domains. */
export const DEFAULT_OPENSEARCH_ENGINE_VERSION = 'OpenSearch_2.19';
/** Instance type of data nodes (Graviton, memory-optimized: the usual choice for log and event search). */
export const DEFAULT_DATA_INSTANCE_TYPE = 'r7g.large.search';
/** Data nodes: one per availability zone. */
export const DEFAULT_DATA_INSTANCE_COUNT = 3;
/** Most data nodes of a domain (the OpenSearch Service default quota). */
export const MAX_DATA_INSTANCE_COUNT = 80;
/** Availability zones the data nodes (and their replicas) are spread over (zone awareness). */
export const DEFAULT_AVAILABILITY_ZONE_COUNT = 3;
/** Availability zone counts OpenSearch accepts: 1 (no zone awareness), 2 or 3. */
export const ALLOWED_AVAILABILITY_ZONE_COUNTS = [1, 2, 3];
/** Instance type of dedicated master nodes. */
export const DEFAULT_DEDICATED_MASTER_TYPE = 'm7g.large.search';
/** Dedicated master nodes (a quorum survives the loss of one zone). */
export const DEFAULT_DEDICATED_MASTER_COUNT = 3;
/** Dedicated master counts OpenSearch recommends (an odd quorum). */
export const ALLOWED_DEDICATED_MASTER_COUNTS = [3, 5];
/** gp3 EBS volume per data node, GiB. */
export const DEFAULT_VOLUME_SIZE_GIB = 100;
/** Smallest gp3 volume OpenSearch accepts, GiB. */
export const MIN_VOLUME_SIZE_GIB = 10;
/** Largest EBS volume of any OpenSearch instance type, GiB (each type has its own, smaller limit). */
export const MAX_VOLUME_SIZE_GIB = 24_576;
/** TLS policy of the HTTPS endpoint: TLS 1.2 or later with perfect forward secrecy ciphers only. */
export const DEFAULT_TLS_SECURITY_POLICY = 'Policy-Min-TLS-1-2-PFS-2023-10';
/** Instance type families that do not support Auto-Tune (burstable). */
export const AUTO_TUNE_UNSUPPORTED_FAMILIES = ['t2', 't3', 't4g'];
/** The OpenSearch security plugin role Firehose delivery roles and log shippers are mapped to. */
export const WRITER_SECURITY_ROLE = 'pipeline_writer';

/** How often Firehose starts a new index (it appends the date to the index name). */
export enum IndexRotation {
  /** One index, never rotated. */
  NO_ROTATION = 'NoRotation',
  /** A new index every hour (`<index>-YYYY-MM-DD-HH`). */
  ONE_HOUR = 'OneHour',
  /** A new index every day (`<index>-YYYY-MM-DD`), Firehose's documented default. */
  ONE_DAY = 'OneDay',
  /** A new index every week (`<index>-YYYY-ww`). */
  ONE_WEEK = 'OneWeek',
  /** A new index every month (`<index>-YYYY-MM`). */
  ONE_MONTH = 'OneMonth',
}

/** Index rotation of destinations: daily indexes keep shards small and make retention a matter of deleting old indexes. */
export const DEFAULT_INDEX_ROTATION = IndexRotation.ONE_DAY;
/** Seconds Firehose retries a failed bulk request before backing the documents up to S3. */
export const DEFAULT_SEARCH_RETRY_DURATION_SECONDS = 300;
/** Longest retry duration Firehose accepts for OpenSearch, seconds. */
export const MAX_SEARCH_RETRY_DURATION_SECONDS = 7_200;
/** Seconds Firehose buffers before a bulk request: documents are searchable within about 15 seconds. */
export const DEFAULT_SEARCH_BUFFERING_INTERVAL_SECONDS = 15;
/** MiB Firehose buffers before a bulk request (well under the 10 MiB bulk limit of small instance types). */
export const DEFAULT_SEARCH_BUFFERING_SIZE_MIB = 5;
/** Longest buffer interval Firehose accepts for OpenSearch, seconds. */
export const MAX_SEARCH_BUFFERING_INTERVAL_SECONDS = 900;
/** Largest buffer Firehose accepts for OpenSearch, MiB. */
export const MAX_SEARCH_BUFFERING_SIZE_MIB = 100;
/** Key prefix of failed documents in the backup bucket (Firehose adds the failure type and date). */
export const SEARCH_BACKUP_ERROR_PREFIX = 'failed/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/';

/** Dedicated master nodes (cluster management apart from data nodes). */
export interface DedicatedMasterOptions {
  /**
   * Instance type.
   * @default DEFAULT_DEDICATED_MASTER_TYPE ("m7g.large.search")
   */
  readonly instanceType?: string;
  /**
   * Number of dedicated master nodes (3 or 5).
   * @default DEFAULT_DEDICATED_MASTER_COUNT (3)
   */
  readonly count?: number;
}

/** Props of {@link OpenSearchSearchCluster}. */
export interface OpenSearchSearchClusterProps {
  /**
   * Domain name suffix after the platform's namePrefix (the whole domain name has 3 to 28
   * lowercase letters, digits and hyphens, starting with a letter).
   * @default - the construct id in kebab case
   */
  readonly name?: string;
  /**
   * Engine version (`OpenSearch_<major>.<minor>`).
   * @default DEFAULT_OPENSEARCH_ENGINE_VERSION ("OpenSearch_2.19")
   */
  readonly engineVersion?: string;
  /**
   * Instance type of the data nodes (`<family>.<size>.search`).
   * @default DEFAULT_DATA_INSTANCE_TYPE ("r7g.large.search")
   */
  readonly instanceType?: string;
  /**
   * Number of data nodes (1 to 80, a multiple of availabilityZoneCount).
   * @default DEFAULT_DATA_INSTANCE_COUNT (3)
   */
  readonly instanceCount?: number;
  /**
   * Availability zones the data nodes are spread over: 2 or 3 turn zone awareness on (replicas in
   * another zone), 1 turns it off. The platform's network needs a private subnet per zone.
   * @default DEFAULT_AVAILABILITY_ZONE_COUNT (3)
   */
  readonly availabilityZoneCount?: number;
  /**
   * Dedicated master nodes.
   * @default - none: data nodes also manage the cluster
   */
  readonly dedicatedMasters?: DedicatedMasterOptions;
  /**
   * gp3 EBS volume per data node, GiB (10 to 24576; each instance type has a smaller maximum).
   * @default DEFAULT_VOLUME_SIZE_GIB (100)
   */
  readonly volumeSizeGiB?: number;
  /**
   * Auto-Tune (JVM and queue tuning in the off-peak window).
   * @default - on, except for burstable instance types (AUTO_TUNE_UNSUPPORTED_FAMILIES), which do not support it
   */
  readonly autoTune?: boolean;
  /**
   * Retention of the application, slow and audit log groups, days.
   * @default DEFAULT_LOG_RETENTION_DAYS (90)
   */
  readonly logRetentionDays?: number;
  /**
   * Removal policy of the domain (RETAIN sets `prevent_destroy`).
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Attributes of an existing domain, for `OpenSearchSearchCluster.fromAttributes`. */
export interface OpenSearchSearchClusterAttributes {
  /** ARN of the domain. */
  readonly domainArn: string;
  /** Host name of the domain's VPC endpoint (without `https://`). */
  readonly domainEndpoint: string;
  /** Security group of the domain; destinations and log shippers are admitted to it on HTTPS. */
  readonly securityGroupId: string;
  /**
   * KMS key for the delivery streams, backup buckets and log groups this construct creates.
   * @default - the platform's key for `search-<id>`
   */
  readonly kmsKeyArn?: string;
  /**
   * HTTPS URL of OpenSearch Dashboards.
   * @default - `https://<domainEndpoint>/_dashboards`
   */
  readonly dashboardsUrl?: string;
}

/** Options of `OpenSearchSearchCluster.firehoseDestination`. */
export interface OpenSearchDestinationOptions extends SearchDestinationOptions {
  /**
   * How often a new index is started.
   * @default DEFAULT_INDEX_ROTATION (IndexRotation.ONE_DAY)
   */
  readonly indexRotation?: IndexRotation;
  /**
   * Seconds Firehose retries a failed bulk request before backing the documents up (0 to 7200).
   * @default DEFAULT_SEARCH_RETRY_DURATION_SECONDS (300)
   */
  readonly retryDurationSeconds?: number;
  /**
   * Buffer interval, seconds (0 to 900).
   * @default DEFAULT_SEARCH_BUFFERING_INTERVAL_SECONDS (15)
   */
  readonly bufferingIntervalSeconds?: number;
  /**
   * Buffer size, MiB (1 to 100).
   * @default DEFAULT_SEARCH_BUFFERING_SIZE_MIB (5)
   */
  readonly bufferingSizeMiB?: number;
  /**
   * Bucket of the backed-up documents (under `<index>/`).
   * @default - a new SecureBucket named after the delivery stream
   */
  readonly backupBucket?: ISecureBucket;
}
