import { DB_PARAMETER_APPLY_IMMEDIATE, DB_PARAMETER_APPLY_PENDING_REBOOT, AwsSourceDatabaseBaseProps, AwsDatabaseParameter } from './source-database-props';

/** DocumentDB engine version of new source databases (5.0, the long-term-support line). */
export const DEFAULT_DOCUMENTDB_ENGINE_VERSION = '5.0.0';
/** Engine versions accepted, with their cluster parameter group families. */
export const DOCUMENTDB_ENGINE_FAMILIES: Record<string, string> = {
  '4.0.0': 'docdb4.0',
  '5.0.0': 'docdb5.0',
};
/** Port DocumentDB listens on. */
export const DOCUMENTDB_PORT = 27017;
/** Instance class of new clusters (Graviton2, memory optimized: 2 vCPU, 16 GiB). */
export const DEFAULT_DOCUMENTDB_INSTANCE_CLASS = 'db.r6g.large';
/** Instance classes accepted. */
export const DOCUMENTDB_INSTANCE_CLASSES: string[] = [
  'db.t4g.medium',
  ...['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'].map((size) => `db.r6g.${size}`),
];
/**
 * Instances of a new cluster: a primary and a replica in another availability zone to fail over to
 * (the storage itself keeps six copies across three zones whatever the count).
 */
export const DEFAULT_DOCUMENTDB_INSTANCE_COUNT = 2;
/** Most instances of a cluster (a primary and 15 replicas). */
export const MAX_DOCUMENTDB_INSTANCE_COUNT = 16;
/** Hours the change stream log is kept: how long a stopped capture can resume without a new snapshot. */
export const DEFAULT_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS = 24;
/** Fewest hours of change stream log DocumentDB keeps. */
export const MIN_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS = 1;
/** Most hours of change stream log DocumentDB keeps (7 days). */
export const MAX_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS = 168;
/** Logs exported to CloudWatch Logs (audit events and slow operations). */
export const DOCUMENTDB_LOG_EXPORTS = ['audit', 'profiler'];
/** Operations slower than this are written to the profiler log, ms. */
export const DOCUMENTDB_PROFILER_THRESHOLD_MS = 100;

/**
 * The cluster parameter group: TLS required (static), audit logs and the profiler on, and the
 * change stream log kept `changeStreamRetentionHours` (in seconds).
 */
export function documentDbClusterParameters(changeStreamRetentionHours: number): AwsDatabaseParameter[] {
  return [
    { name: 'tls', value: 'enabled', applyMethod: DB_PARAMETER_APPLY_PENDING_REBOOT },
    { name: 'audit_logs', value: 'enabled', applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
    { name: 'profiler', value: 'enabled', applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
    { name: 'profiler_threshold_ms', value: String(DOCUMENTDB_PROFILER_THRESHOLD_MS), applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
    { name: 'change_stream_log_retention_duration', value: String(changeStreamRetentionHours * 3600), applyMethod: DB_PARAMETER_APPLY_IMMEDIATE },
  ];
}

/** Props of {@link DocumentDbSourceDatabase}. */
export interface DocumentDbSourceDatabaseProps extends AwsSourceDatabaseBaseProps {
  /**
   * Engine version (a key of DOCUMENTDB_ENGINE_FAMILIES).
   * @default DEFAULT_DOCUMENTDB_ENGINE_VERSION ("5.0.0")
   */
  readonly engineVersion?: string;
  /**
   * Instance class (one of DOCUMENTDB_INSTANCE_CLASSES).
   * @default DEFAULT_DOCUMENTDB_INSTANCE_CLASS ("db.r6g.large")
   */
  readonly instanceClass?: string;
  /**
   * Number of instances (1 to 16): one primary, the rest replicas to fail over to.
   * @default DEFAULT_DOCUMENTDB_INSTANCE_COUNT (2)
   */
  readonly instanceCount?: number;
  /**
   * Hours the change stream log is kept (1 to 168).
   * @default DEFAULT_DOCUMENTDB_CHANGE_STREAM_RETENTION_HOURS (24)
   */
  readonly changeStreamRetentionHours?: number;
}
