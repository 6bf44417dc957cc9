import { IConstruct } from 'constructs';
import { IIdentity } from '../identity/identity';
import { RemovalPolicy } from '../platform/platform';
import { IStreamDestination } from '../streaming/destination';

/** Open table formats a lake's tables can use. */
export enum TableFormat {
  /** Apache Iceberg (first-class: Glue/Athena on AWS, Hive Metastore + Trino/Spark on Kubernetes). */
  ICEBERG = 'iceberg',
  /** Apache Hudi. */
  HUDI = 'hudi',
  /** Delta Lake. */
  DELTA = 'delta',
}

/** Default table format. */
export const DEFAULT_TABLE_FORMAT = TableFormat.ICEBERG;

/** One zone of a lake (raw/bronze, curated/silver, analytics/gold, or user-named). */
export interface LakeZoneOptions {
  /** Zone name: 2 to 20 lowercase letters, digits and hyphens. */
  readonly name: string;
  /**
   * Days objects stay in the standard storage class before tiering (AWS) ; informational on Kubernetes.
   * @default 30
   */
  readonly infrequentAccessAfterDays?: number;
  /**
   * Days after which objects expire.
   * @default - never (data is kept; noncurrent versions expire)
   */
  readonly expireAfterDays?: number;
}

/** The default zones: raw (bronze), curated (silver), analytics (gold). */
export const DEFAULT_LAKE_ZONES: LakeZoneOptions[] = [{ name: 'raw' }, { name: 'curated' }, { name: 'analytics' }];

/** A column of a catalog table. */
export interface LakeColumn {
  /** Column name. */
  readonly name: string;
  /** Hive/Glue type, for example `string`, `bigint`, `timestamp`, `decimal(10,2)`. */
  readonly type: string;
  /**
   * Description.
   * @default - none
   */
  readonly comment?: string;
}

/** A table of the lake's catalog, in the lake's table format. */
export interface LakeTableDefinition {
  /** Zone the table lives in. */
  readonly zone: string;
  /** Table name (lowercase letters, digits, underscores). */
  readonly name: string;
  /** Columns. */
  readonly columns: LakeColumn[];
  /**
   * Partition columns (must also be listed in `columns` for Iceberg hidden partitioning by identity).
   * @default - unpartitioned
   */
  readonly partitionKeys?: string[];
}

/** Options for delivering a StreamingIngest into a zone of the lake. */
export interface LakeDestinationOptions {
  /** Zone to deliver to. */
  readonly zone: string;
  /**
   * Key prefix inside the zone.
   * @default - the stream's name
   */
  readonly prefix?: string;
  /**
   * A record field (JSON key) to partition by, besides date and hour (dynamic partitioning).
   * @default - date/hour only
   */
  readonly partitionField?: string;
  /**
   * Catalog table whose schema the records are converted to Parquet against.
   * @default - records are delivered as they arrive (newline-delimited JSON, GZIP)
   */
  readonly parquetTable?: string;
}

/**
 * A zoned data lake: storage per zone, a catalog of databases and tables in an open table format,
 * a SQL access point, and grants per zone and per database. Also a StreamingIngest destination.
 */
export interface IDataLake extends IConstruct {
  /** Zone names. */
  readonly zoneNames: string[];
  /** The table format of the lake's tables. */
  readonly tableFormat: TableFormat;
  /** Storage location (URI) of a zone, for example `s3://acme-raw/`. */
  zoneLocation(zone: string): string;
  /** Catalog database of a zone. */
  databaseName(zone: string): string;
  /** Lets `identity` read a zone's data and catalog. */
  grantRead(identity: IIdentity, zone: string): void;
  /** Lets `identity` write a zone's data and catalog. */
  grantWrite(identity: IIdentity, zone: string): void;
  /** A destination that delivers a StreamingIngest's records into a zone. */
  destination(options: LakeDestinationOptions): IStreamDestination;
}

/** Props every DataLake backend accepts. */
export interface DataLakeBaseProps {
  /**
   * Zones.
   * @default DEFAULT_LAKE_ZONES (raw, curated, analytics)
   */
  readonly zones?: LakeZoneOptions[];
  /**
   * Table format.
   * @default TableFormat.ICEBERG
   */
  readonly tableFormat?: TableFormat;
  /**
   * Tables of the catalog.
   * @default - none
   */
  readonly tables?: LakeTableDefinition[];
  /**
   * What happens to the lake's data on removal. DESTROY also needs the platform's
   * `allowDataDestruction`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
