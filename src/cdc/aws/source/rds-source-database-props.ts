import { DB_PARAMETER_APPLY_IMMEDIATE, DB_PARAMETER_APPLY_PENDING_REBOOT, AwsSourceDatabaseBaseProps, AwsDatabaseParameter } from './source-database-props';
import { SourceEngine } from '../../cdc-contract';

/** RDS for MySQL major version of new source databases (MySQL 8.4 LTS). */
export const DEFAULT_RDS_MYSQL_ENGINE_VERSION = '8.4';
/** RDS for PostgreSQL major version of new source databases. */
export const DEFAULT_RDS_POSTGRESQL_ENGINE_VERSION = '17';
/**
 * Major versions accepted per engine: those in RDS standard support. A major version only, so RDS
 * picks the minor version and `auto_minor_version_upgrade` keeps it current.
 */
export const RDS_ENGINE_VERSIONS: Record<string, string[]> = {
  [SourceEngine.MYSQL]: ['8.0', '8.4'],
  [SourceEngine.POSTGRESQL]: ['14', '15', '16', '17', '18'],
};
/** The RDS `engine` argument per SourceEngine. */
export const RDS_ENGINE_NAMES: Record<string, string> = {
  [SourceEngine.MYSQL]: 'mysql',
  [SourceEngine.POSTGRESQL]: 'postgres',
};
/** Port per engine (the engines' defaults). */
export const RDS_PORTS: Record<string, number> = {
  [SourceEngine.MYSQL]: 3306,
  [SourceEngine.POSTGRESQL]: 5432,
};

/** Instance class of new source databases (Graviton, general purpose: 2 vCPU, 8 GiB). */
export const DEFAULT_RDS_INSTANCE_CLASS = 'db.m7g.large';
const sizes = (family: string, list: string[]) => list.map((size) => `db.${family}.${size}`);
const GRAVITON_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];
const INTEL_SIZES = [...GRAVITON_SIZES, '24xlarge', '32xlarge'];
/**
 * Instance classes accepted: current generations that every accepted engine version runs on and
 * that support Performance Insights (so not db.t4g.micro or db.t4g.small).
 */
export const RDS_SOURCE_INSTANCE_CLASSES: string[] = [
  ...sizes('t4g', ['medium', 'large', 'xlarge', '2xlarge']),
  ...sizes('m6g', GRAVITON_SIZES), ...sizes('m7g', GRAVITON_SIZES), ...sizes('m6i', INTEL_SIZES),
  ...sizes('r6g', GRAVITON_SIZES), ...sizes('r7g', GRAVITON_SIZES), ...sizes('r6i', INTEL_SIZES),
];

/** Storage of new source databases, GiB (gp3). */
export const DEFAULT_RDS_ALLOCATED_STORAGE_GIB = 100;
/** Smallest gp3 storage RDS for MySQL and PostgreSQL allocate, GiB. */
export const MIN_RDS_ALLOCATED_STORAGE_GIB = 20;
/** Largest storage RDS for MySQL and PostgreSQL allocate, GiB. */
export const MAX_RDS_ALLOCATED_STORAGE_GIB = 65_536;
/** Storage autoscaling ceiling, as a multiple of the allocated storage (capped at MAX_RDS_ALLOCATED_STORAGE_GIB). */
export const RDS_STORAGE_AUTOSCALING_FACTOR = 2;
/** Storage type (baseline 3,000 IOPS and 125 MiB/s at any size). */
export const RDS_STORAGE_TYPE = 'gp3';
/** Whether a standby runs in a second availability zone (synchronous replication, automatic failover). */
export const DEFAULT_RDS_MULTI_AZ = true;
/** Enhanced monitoring interval, seconds; 0 turns it off (its OS metrics go to the account-wide, unencrypted RDSOSMetrics log group). */
export const DEFAULT_RDS_ENHANCED_MONITORING_INTERVAL_SECONDS = 0;
/** Intervals enhanced monitoring accepts, seconds (0: off). */
export const RDS_ENHANCED_MONITORING_INTERVALS_SECONDS = [0, 1, 5, 10, 15, 30, 60];
/** Days Performance Insights keeps data (the free tier). */
export const RDS_PERFORMANCE_INSIGHTS_RETENTION_DAYS = 7;
/** CloudWatch Database Insights mode (Standard: Performance Insights with the free retention). */
export const RDS_DATABASE_INSIGHTS_MODE = 'standard';

/** Logs exported to CloudWatch Logs per engine. */
export const RDS_LOG_EXPORTS: Record<string, string[]> = {
  [SourceEngine.MYSQL]: ['error', 'slowquery', 'iam-db-auth-error'],
  [SourceEngine.POSTGRESQL]: ['postgresql', 'upgrade', 'iam-db-auth-error'],
};

/**
 * The MySQL parameter group: the row-based binlog with full row images that CDC reads, TLS
 * required, and the slow query log written to files (so it can be exported).
 */
export const RDS_MYSQL_SOURCE_PARAMETERS: AwsDatabaseParameter[] = [
  { name: 'binlog_format', value: 'ROW', applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
  { name: 'binlog_row_image', value: 'FULL', applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
  { name: 'require_secure_transport', value: '1', applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
  { name: 'slow_query_log', value: '1', applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
  { name: 'log_output', value: 'FILE', applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
];

/** The PostgreSQL parameter group: logical replication (static) and TLS required. */
export const RDS_POSTGRESQL_SOURCE_PARAMETERS: AwsDatabaseParameter[] = [
  { name: 'rds.logical_replication', value: '1', applyMethod: DB_PARAMETER_APPLY_PENDING_REBOOT },
  { name: 'rds.force_ssl', value: '1', applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
];


/** Props of {@link RdsSourceDatabase}. */
export interface RdsSourceDatabaseProps extends AwsSourceDatabaseBaseProps {
  /** SourceEngine.MYSQL or SourceEngine.POSTGRESQL. */
  readonly engine: SourceEngine;
  /**
   * Major engine version (one of RDS_ENGINE_VERSIONS for the engine).
   * @default DEFAULT_RDS_MYSQL_ENGINE_VERSION ("8.4") or DEFAULT_RDS_POSTGRESQL_ENGINE_VERSION ("17")
   */
  readonly engineVersion?: string;
  /**
   * Instance class (one of RDS_SOURCE_INSTANCE_CLASSES).
   * @default DEFAULT_RDS_INSTANCE_CLASS ("db.m7g.large")
   */
  readonly instanceClass?: string;
  /**
   * Allocated gp3 storage, GiB (20 to 65536).
   * @default DEFAULT_RDS_ALLOCATED_STORAGE_GIB (100)
   */
  readonly allocatedStorageGiB?: number;
  /**
   * Ceiling of storage autoscaling, GiB (above allocatedStorageGiB, at most 65536). Binlogs and WAL
   * kept for a stalled capture grow the storage; autoscaling keeps the database writable.
   * @default - allocatedStorageGiB × RDS_STORAGE_AUTOSCALING_FACTOR, at most MAX_RDS_ALLOCATED_STORAGE_GIB
   */
  readonly maxAllocatedStorageGiB?: number;
  /**
   * Run a standby in a second availability zone.
   * @default DEFAULT_RDS_MULTI_AZ (true)
   */
  readonly multiAz?: boolean;
  /**
   * Enhanced monitoring interval in seconds (0, 1, 5, 10, 15, 30 or 60); any value but 0 creates the
   * monitoring role.
   * @default DEFAULT_RDS_ENHANCED_MONITORING_INTERVAL_SECONDS (0: off)
   */
  readonly enhancedMonitoringIntervalSeconds?: number;
}
