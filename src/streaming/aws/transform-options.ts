import * as path from 'path';

/** Directory of the bundled Kinesis -> Firehose forwarder function. */
export const STREAM_FORWARDER_DIR = path.join(__dirname, '..', '..', '..', 'assets', 'lambda', 'stream-forwarder');
/** Lambda runtime of the transform function. */
export const DEFAULT_TRANSFORM_RUNTIME = 'nodejs20.x';
/** Memory of the transform function, MiB. */
export const DEFAULT_TRANSFORM_MEMORY_MIB = 256;
/** Timeout of one invocation, seconds. */
export const DEFAULT_TRANSFORM_TIMEOUT_SECONDS = 60;
/** Records per invocation. */
export const DEFAULT_TRANSFORM_BATCH_SIZE = 500;
/** Retries of a failed batch before it goes to the dead-letter queue (bounded, never infinite). */
export const DEFAULT_TRANSFORM_MAX_RETRY_ATTEMPTS = 3;
/** Age after which a record is sent to the dead-letter queue instead of being retried, seconds. */
export const DEFAULT_TRANSFORM_MAX_RECORD_AGE_SECONDS = 3_600;
/** Concurrency reserved for the function (caps it, and guarantees it). */
export const DEFAULT_TRANSFORM_RESERVED_CONCURRENCY = 10;
/** Days the dead-letter queue keeps a failed batch's metadata (the SQS maximum). */
export const DLQ_RETENTION_SECONDS = 1_209_600;

/** Code of a transform function: a directory zipped as an asset, and its handler. */
export interface TransformCode {
  /** Directory with the function code (zipped as an asset at synth time). */
  readonly directory: string;
  /** Handler, for example `index.handler`. */
  readonly handler: string;
}

/**
 * The optional Lambda between a Kinesis stream and its Firehose delivery streams. The function
 * receives Kinesis batches and writes to the delivery streams named in the environment variable
 * `DELIVERY_STREAM_NAMES` (comma-separated); it returns `batchItemFailures` for partial retries.
 */
export interface StreamTransformOptions {
  /**
   * The function code.
   * @default - the bundled forwarder (`assets/lambda/stream-forwarder`): frames each record as one line and forwards it
   */
  readonly code?: TransformCode;
  /**
   * Memory, MiB (128 to 10240).
   * @default 256
   */
  readonly memoryMiB?: number;
  /**
   * Timeout, seconds (1 to 900).
   * @default 60
   */
  readonly timeoutSeconds?: number;
  /**
   * Records per invocation (1 to 10000).
   * @default 500
   */
  readonly batchSize?: number;
  /**
   * Retries of a failed batch, bisecting it on each error (0 to 10000).
   * @default 3
   */
  readonly maxRetryAttempts?: number;
  /**
   * Oldest record age still processed, seconds (60 to 604800).
   * @default 3600
   */
  readonly maxRecordAgeSeconds?: number;
  /**
   * Reserved concurrency (1 to 1000).
   * @default 10
   */
  readonly reservedConcurrency?: number;
  /**
   * Log retention, days.
   * @default 90
   */
  readonly logRetentionDays?: number;
}
