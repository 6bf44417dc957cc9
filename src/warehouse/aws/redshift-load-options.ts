import { ISecureBucket } from '../../storage/aws/secure-bucket';
import { WarehouseDestinationOptions, WarehouseLakeLoadOptions } from '../warehouse-contract';

/** Seconds Firehose retries a failed COPY before it gives up on a batch (it then backs it up to S3). */
export const DEFAULT_FIREHOSE_RETRY_DURATION_SECONDS = 3600;
/** Longest retry duration Firehose accepts for Redshift, seconds. */
export const MAX_FIREHOSE_RETRY_DURATION_SECONDS = 7200;
/** Options of the COPY Firehose runs: GZIP-compressed JSON records matched to columns by name. */
export const DEFAULT_FIREHOSE_COPY_OPTIONS = "JSON 'auto' GZIP TIMEFORMAT 'auto'";
/** Seconds Firehose buffers before writing a batch to the staging bucket (fresh data within minutes). */
export const DEFAULT_REDSHIFT_BUFFERING_INTERVAL_SECONDS = 60;
/** MiB Firehose buffers before writing a batch to the staging bucket. */
export const DEFAULT_REDSHIFT_BUFFERING_SIZE_MIB = 5;
/** Key prefix of batches Firehose stages for COPY. */
export const FIREHOSE_STAGING_PREFIX = 'staging/';
/** Key prefix of the backup copy of every record (failed records can be reloaded from here). */
export const FIREHOSE_BACKUP_PREFIX = 'backup/';
/** When a lake load runs: hourly (an EventBridge schedule expression). */
export const DEFAULT_REDSHIFT_LAKE_LOAD_SCHEDULE = 'rate(1 hour)';

/** Which credential Firehose signs in to Redshift with. */
export enum FirehoseCredentialKind {
  /** A generated user that may only insert into the target table. */
  LOADER_USER = 'loader-user',
  /** The administrator's Redshift-managed secret. */
  ADMIN = 'admin',
}

/**
 * The Redshift credential of a Firehose destination: a generated loader user (the default: least
 * privilege) or the administrator's managed secret (an explicit opt-in).
 */
export class FirehoseCredential {
  /** A generated user (password in the SecretStore, never in state) with INSERT on the target table only. */
  public static loaderUser(): FirehoseCredential {
    return new FirehoseCredential(FirehoseCredentialKind.LOADER_USER);
  }

  /** The administrator's Redshift-managed secret: Firehose can then do anything in the database. */
  public static administrator(): FirehoseCredential {
    return new FirehoseCredential(FirehoseCredentialKind.ADMIN);
  }

  private constructor(
    /** Which credential. */
    public readonly kind: FirehoseCredentialKind,
  ) {}
}

/** Options of `RedshiftWarehouse.firehoseDestination`. */
export interface RedshiftFirehoseDestinationOptions extends WarehouseDestinationOptions {
  /**
   * Columns Firehose fills, in COPY order (each must be a column of the table).
   * @default - every column of the table
   */
  readonly columns?: string[];
  /**
   * COPY options (format, compression, time format). The staged objects are GZIP-compressed.
   * @default DEFAULT_FIREHOSE_COPY_OPTIONS ("JSON 'auto' GZIP TIMEFORMAT 'auto'")
   */
  readonly copyOptions?: string;
  /**
   * Seconds Firehose retries a failed COPY (0 to 7200).
   * @default DEFAULT_FIREHOSE_RETRY_DURATION_SECONDS (3600)
   */
  readonly retryDurationSeconds?: number;
  /**
   * Buffer interval before staging a batch, seconds (0 to 900).
   * @default DEFAULT_REDSHIFT_BUFFERING_INTERVAL_SECONDS (60)
   */
  readonly bufferingIntervalSeconds?: number;
  /**
   * Buffer size before staging a batch, MiB (1 to 128).
   * @default DEFAULT_REDSHIFT_BUFFERING_SIZE_MIB (5)
   */
  readonly bufferingSizeMiB?: number;
  /**
   * The Redshift credential Firehose uses.
   * @default FirehoseCredential.loaderUser()
   */
  readonly credential?: FirehoseCredential;
  /**
   * Bucket where Firehose stages batches (`staging/`) and backs up every record (`backup/`).
   * @default - a new SecureBucket named after the delivery stream
   */
  readonly stagingBucket?: ISecureBucket;
  /**
   * Short name of the destination, used in physical names (1 to 31 lowercase letters, digits, hyphens).
   * @default - "redshift-" + the table name with "_" as "-"
   */
  readonly destinationName?: string;
}

/** Format of the objects a lake load reads. */
export enum LakeFileFormat {
  /** Newline-delimited JSON, GZIP-compressed (what the lake's Firehose destinations deliver). */
  JSON_GZIP = 'json-gzip',
  /** Newline-delimited JSON, uncompressed. */
  JSON = 'json',
  /** Apache Parquet (the lake's destinations with `parquetTable`). */
  PARQUET = 'parquet',
}

/** Default format of a lake load (the lake destination's default delivery format). */
export const DEFAULT_LAKE_FILE_FORMAT = LakeFileFormat.JSON_GZIP;

/** Options of `RedshiftWarehouse.addLakeLoad`. */
export interface RedshiftLakeLoadOptions extends WarehouseLakeLoadOptions {
  /**
   * Format of the objects under the prefix.
   * @default DEFAULT_LAKE_FILE_FORMAT (LakeFileFormat.JSON_GZIP)
   */
  readonly format?: LakeFileFormat;
  /**
   * When the COPY runs, as an EventBridge schedule expression (`rate(...)` or `cron(...)`, UTC).
   * @default DEFAULT_REDSHIFT_LAKE_LOAD_SCHEDULE ("rate(1 hour)")
   */
  readonly schedule?: string;
}

/** Schema the streaming-ingestion external schemas are named after when none is given. */
export const DEFAULT_STREAMING_SCHEMA_PREFIX = 'kinesis_';

/** Options of `RedshiftWarehouse.streamingIngestion`. */
export interface RedshiftStreamingIngestionOptions {
  /** Name of the materialized view that receives the stream's records (lowercase letters, digits, underscores). */
  readonly materializedViewName: string;
  /**
   * Schema of the materialized view.
   * @default DEFAULT_WAREHOUSE_SCHEMA ("public")
   */
  readonly schema?: string;
  /**
   * Name of the external schema mapped to Kinesis.
   * @default - "kinesis_" + the materialized view name
   */
  readonly externalSchemaName?: string;
}
