import { DataLakeBaseProps, TableFormat } from '../data-lake-contract';

/** Whether zones are registered with Lake Formation and grants add Lake Formation permissions. */
export const DEFAULT_LAKE_FORMATION = false;
/** Whether S3 data events on the zone buckets are recorded by a CloudTrail trail. */
export const DEFAULT_AUDIT_DATA_EVENTS = false;
/** Bytes one Athena query may scan before Athena cancels it (10 GiB). */
export const DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF = 10 * 1024 ** 3;
/** Smallest per-query scan limit Athena accepts, bytes (10 MB). */
export const MIN_ATHENA_BYTES_SCANNED_CUTOFF = 10_000_000;
/** Largest per-query scan limit accepted here, bytes (1 PiB: a larger limit is no guard). */
export const MAX_ATHENA_BYTES_SCANNED_CUTOFF = 1024 ** 5;
/** Days Athena query results are kept in the results bucket. */
export const DEFAULT_ATHENA_RESULTS_EXPIRE_DAYS = 30;
/** Days overwritten or deleted Athena results are kept (results can be recomputed). */
export const ATHENA_RESULTS_NONCURRENT_VERSION_DAYS = 1;
/** Athena engine version of the workgroup (AUTO: Athena upgrades it). */
export const ATHENA_ENGINE_VERSION = 'AUTO';
/** When the zone crawlers run: daily at 02:00 UTC (a Glue cron expression, 6 fields). */
export const DEFAULT_CRAWLER_SCHEDULE = 'cron(0 2 * * ? *)';
/** How deep below a zone's root the crawlers look for table metadata folders (Glue allows 1 to 20). */
export const CRAWLER_MAX_TRAVERSAL_DEPTH = 10;
/**
 * What later crawls crawl. Glue rejects `CRAWL_NEW_FOLDERS_ONLY` for Iceberg, Hudi and Delta
 * targets ("can only apply to Amazon S3 target"), so the zone crawlers crawl everything.
 */
export const CRAWLER_RECRAWL_BEHAVIOR = 'CRAWL_EVERYTHING';
/** What a crawler does with a table whose files were deleted: log it, never drop it. */
export const CRAWLER_DELETE_BEHAVIOR = 'LOG';
/** What a crawler does with a changed schema: update the catalog table. */
export const CRAWLER_UPDATE_BEHAVIOR = 'UPDATE_IN_DATABASE';
/** Iceberg table format version of the tables the lake creates (v2: row-level deletes). */
export const ICEBERG_FORMAT_VERSION = '2';
/** Shortest zone expiry, days. */
export const MIN_ZONE_EXPIRE_DAYS = 1;
/** Longest zone expiry, days (100 years). */
export const MAX_ZONE_EXPIRE_DAYS = 36500;
/** Shortest stay in S3 Standard before tiering to Standard-IA, days (an S3 minimum). */
export const MIN_ZONE_INFREQUENT_ACCESS_DAYS = 30;

/** Props of {@link AwsDataLake}. */
export interface AwsDataLakeProps extends DataLakeBaseProps {
  /**
   * Govern the lake with AWS Lake Formation: every zone location is registered (with a data-access
   * role), each crawler and each granted identity gets Lake Formation permissions on its zone's
   * database and tables. IAM grants are kept (Lake Formation checks both). The deploying principal
   * must be a Lake Formation data lake administrator.
   * @default false
   */
  readonly lakeFormation?: boolean;
  /**
   * Record S3 data events (reads and writes of objects) on the zone buckets with a CloudTrail
   * trail: KMS-encrypted with its own key, log file validation on, into its own bucket with the
   * library's bucket baseline. Data events are billed per event.
   * @default false
   */
  readonly auditDataEvents?: boolean;
  /**
   * Bytes one Athena query of the lake's workgroup may scan before Athena cancels it
   * (10,000,000 to 1 PiB).
   * @default 10737418240 (10 GiB)
   */
  readonly athenaBytesScannedCutoff?: number;
  /**
   * When the zone crawlers run, as a Glue cron expression (6 fields, UTC).
   * @default "cron(0 2 * * ? *)"
   */
  readonly crawlerSchedule?: string;
}

/** An existing zone of a lake. */
export interface AwsLakeZoneAttributes {
  /** Zone name. */
  readonly name: string;
  /** Name of the zone's bucket. */
  readonly bucketName: string;
  /** ARN of the KMS key the zone's bucket encrypts with. */
  readonly kmsKeyArn: string;
  /** Glue database of the zone. */
  readonly databaseName: string;
}

/** Attributes of an existing lake, for `AwsDataLake.fromLakeAttributes`. */
export interface AwsDataLakeAttributes {
  /** The zones. */
  readonly zones: AwsLakeZoneAttributes[];
  /**
   * Table format of the lake's tables.
   * @default TableFormat.ICEBERG
   */
  readonly tableFormat?: TableFormat;
  /**
   * Athena workgroup that read grants allow queries in.
   * @default - read grants give no Athena access
   */
  readonly workgroupName?: string;
  /**
   * Bucket the workgroup writes query results to (read grants may read and write it).
   * @default - read grants give no access to a results bucket
   */
  readonly athenaResultsBucketName?: string;
  /**
   * KMS key of the results bucket.
   * @default - read grants give no access to a results key
   */
  readonly athenaResultsKmsKeyArn?: string;
  /**
   * KMS key the Glue Data Catalog is encrypted with (grants add it).
   * @default - the catalog is not encrypted with a customer-managed key
   */
  readonly catalogKmsKeyArn?: string;
  /**
   * Whether the lake is governed by Lake Formation (grants add Lake Formation permissions).
   * @default false
   */
  readonly lakeFormation?: boolean;
}
