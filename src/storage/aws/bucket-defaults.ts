/** Days after which incomplete multipart uploads are aborted. */
export const ABORT_INCOMPLETE_MULTIPART_DAYS = 1;
/** Days after which current objects move to S3 Standard-IA. */
export const DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS = 30;
/** Days after which current objects move to S3 Glacier Instant Retrieval. */
export const DEFAULT_GLACIER_IR_AFTER_DAYS = 90;
/** Days noncurrent (overwritten or deleted) versions are kept. */
export const DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS = 90;
/** Days server access logs are kept in the log bucket. */
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 365;
