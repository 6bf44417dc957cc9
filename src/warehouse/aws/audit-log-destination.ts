/** Days audit logs (connections, user changes, queries) are kept. */
export const DEFAULT_AUDIT_LOG_RETENTION_DAYS = 365;

/** The Redshift audit logs exported: connections, user definition changes and every query. */
export const REDSHIFT_AUDIT_LOG_TYPES = ['connectionlog', 'useractivitylog', 'userlog'];

/** Where a warehouse's audit logs go. */
export enum AuditLogDestinationKind {
  /** CloudWatch Logs: one KMS-encrypted log group per log type, with retention. */
  CLOUDWATCH = 'cloudwatch',
  /** An S3 bucket (provisioned clusters only). */
  S3 = 's3',
}

/** Options of `AuditLogDestination.cloudWatch`. */
export interface CloudWatchAuditLogOptions {
  /**
   * Days the log groups keep events (one of the values CloudWatch Logs accepts).
   * @default DEFAULT_AUDIT_LOG_RETENTION_DAYS (365)
   */
  readonly retentionDays?: number;
}

/** Options of `AuditLogDestination.s3`. */
export interface S3AuditLogOptions {
  /**
   * Days the bucket keeps log files.
   * @default DEFAULT_AUDIT_LOG_RETENTION_DAYS (365)
   */
  readonly retentionDays?: number;
}

/**
 * Where the audit logs (connection, user and user-activity logs) of a warehouse are delivered.
 * Serverless warehouses export to CloudWatch Logs only.
 */
export class AuditLogDestination {
  /**
   * CloudWatch Logs (the default): the warehouse creates the log groups Redshift writes to
   * (`/aws/redshift/cluster/<id>/<type>` or `/aws/redshift/<namespace>/<type>`), encrypted with the
   * warehouse's key and expiring after `retentionDays`.
   */
  public static cloudWatch(options: CloudWatchAuditLogOptions = {}): AuditLogDestination {
    return new AuditLogDestination(AuditLogDestinationKind.CLOUDWATCH, options.retentionDays);
  }

  /**
   * A dedicated S3 bucket (`<namePrefix>-<warehouse>-audit`) under the library's bucket baseline
   * (public access blocked, TLS only, versioning, access logs, protection), writable only by
   * Redshift for this account. Provisioned clusters only. Redshift audit logging writes to S3 with
   * SSE-S3 only (it does not support SSE-KMS buckets), so this bucket uses SSE-S3.
   */
  public static s3(options: S3AuditLogOptions = {}): AuditLogDestination {
    return new AuditLogDestination(AuditLogDestinationKind.S3, options.retentionDays);
  }

  private constructor(
    /** Which destination. */
    public readonly kind: AuditLogDestinationKind,
    /** Retention, days. */
    public readonly retentionDays?: number,
  ) {}
}
