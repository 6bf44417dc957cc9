import { Construct } from 'constructs';
import { checkGlueName, ParquetConversion, ParquetConversionProps } from './parquet-conversion';
import { invalidConfig, invalidProp } from '../../core/errors';
import { integerInRange, isUnresolved } from '../../core/validate';
import { ISecureBucket } from '../../storage/aws/secure-bucket';
import { extendedS3Destination, resolveBuffering } from '../../streaming/aws/extended-s3-config';
import { DEFAULT_S3_COMPRESSION, MIN_FORMAT_CONVERSION_BUFFER_MIB, S3Compression } from '../../streaming/aws/s3-destination';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination, KafkaConnectBindOptions } from '../../streaming/destination';

/**
 * Date and hour partitions of every lake delivery, Hive style (`dt=2024-05-01/hour=13/`), from the
 * arrival time of the oldest record of each object (UTC).
 */
export const LAKE_TIME_PARTITIONS = 'dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/';
/** Partition keys of {@link LAKE_TIME_PARTITIONS}, reserved: a `partitionField` cannot use them. */
export const LAKE_TIME_PARTITION_KEYS = ['dt', 'hour'];
/** Root of the key prefix of records Firehose failed to partition, convert or deliver. */
export const LAKE_ERROR_OUTPUT_ROOT = 'errors/';
/**
 * Seconds Firehose buffers before writing to the lake: fewer, larger objects per partition (what
 * Athena, Spark and Glue read fastest), data in S3 within 5 minutes.
 */
export const DEFAULT_LAKE_BUFFERING_INTERVAL_SECONDS = 300;
/** MiB Firehose buffers before writing to the lake (the largest Firehose allows). */
export const DEFAULT_LAKE_BUFFERING_SIZE_MIB = 128;
/** Smallest buffer Firehose accepts with dynamic partitioning, MiB. */
export const MIN_DYNAMIC_PARTITIONING_BUFFER_MIB = 64;
/** Seconds Firehose retries delivering a dynamically partitioned object (Firehose allows 0 to 7,200). */
export const DEFAULT_LAKE_PARTITIONING_RETRY_SECONDS = 300;
/** Longest retry duration Firehose accepts for dynamic partitioning, seconds. */
export const MAX_LAKE_PARTITIONING_RETRY_SECONDS = 7200;
/** The engine Firehose evaluates the partition key query with. */
export const LAKE_PARTITION_QUERY_ENGINE = 'JQ-1.6';

/** A partition field: a JSON key that JQ reads as `.<field>` unquoted, and a valid Glue column name. */
const PARTITION_FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Prefix segments: S3-safe characters that need no escaping and are not Firehose expressions. */
const PREFIX = /^[A-Za-z0-9_.=-]+(\/[A-Za-z0-9_.=-]+)*$/;
const MAX_PREFIX_LENGTH = 512;

/** The Glue table records are converted to Parquet against. */
export interface LakeParquetTable extends ParquetConversionProps {}

/** Props of {@link LakeDestination}. */
export interface LakeDestinationProps {
  /** Short name, used in physical names (lowercase letters, digits, hyphens). */
  readonly destinationName: string;
  /** The zone's bucket. */
  readonly bucket: ISecureBucket;
  /**
   * Key prefix inside the bucket, without expressions (`events` or `events/`); the date/hour and
   * field partitions follow it.
   */
  readonly prefix: string;
  /**
   * A top-level record field (JSON key) to partition by after date and hour, with Firehose dynamic
   * partitioning (`<field>=<value>/`). Records without it go to the error prefix.
   * @default - date/hour partitions only, no dynamic partitioning
   */
  readonly partitionField?: string;
  /**
   * Converts records to Parquet against this Glue table's schema.
   * @default - records are delivered as they arrive (newline-delimited JSON, GZIP)
   */
  readonly parquet?: LakeParquetTable;
  /**
   * Buffer interval, seconds (0 to 900).
   * @default 300
   */
  readonly bufferingIntervalSeconds?: number;
  /**
   * Buffer size, MiB (1 to 128; at least 64 with `partitionField` or `parquet`).
   * @default 128
   */
  readonly bufferingSizeMiB?: number;
  /**
   * How long Firehose retries delivering a dynamically partitioned object, seconds (0 to 7,200).
   * @default 300
   */
  readonly partitioningRetrySeconds?: number;
}

/**
 * Delivers a StreamingIngest's records into a lake zone through Firehose: Hive-style date/hour
 * partitions, optionally partitioned further by a record field (dynamic partitioning with a JQ
 * query) and converted to Parquet against a Glue table; failed records under `errors/<prefix>/`;
 * SSE with the bucket's key; delivery errors logged.
 */
export class LakeDestination implements IStreamDestination {
  public readonly destinationName: string;
  /** The key prefix as given, with exactly one trailing slash (`events/`). */
  public readonly prefix: string;
  /** The Firehose prefix expression objects are written under. */
  public readonly keyPrefix: string;
  /** The Firehose prefix expression of failed records. */
  public readonly errorOutputPrefix: string;
  /** Partition keys, in key order (`dt`, `hour`, then the partition field when there is one). */
  public readonly partitionKeys: string[];
  /** Whether Firehose dynamic partitioning is on (with a partition field). */
  public readonly dynamicPartitioning: boolean;

  constructor(private readonly props: LakeDestinationProps) {
    this.destinationName = props.destinationName;
    this.prefix = isUnresolved(props.prefix) ? `${props.prefix}/` : `${props.prefix.replace(/\/+$/, '')}/`;
    const field = props.partitionField;
    this.dynamicPartitioning = field !== undefined;
    this.keyPrefix = `${this.prefix}${LAKE_TIME_PARTITIONS}${field !== undefined ? `${field}=!{partitionKeyFromQuery:${field}}/` : ''}`;
    this.errorOutputPrefix = `${LAKE_ERROR_OUTPUT_ROOT}${this.prefix}!{firehose:error-output-type}/${LAKE_TIME_PARTITIONS}`;
    this.partitionKeys = [...LAKE_TIME_PARTITION_KEYS, ...(field !== undefined ? [field] : [])];
  }

  public bindFirehose(scope: Construct, options: FirehoseBindOptions): FirehoseDestinationConfig {
    const p = this.props;
    this.checkPrefix(scope);
    const field = p.partitionField;
    if (field !== undefined) this.checkPartitionField(scope, field);
    if (p.parquet) {
      checkGlueName(scope, 'parquet.databaseName', p.parquet.databaseName);
      checkGlueName(scope, 'parquet.tableName', p.parquet.tableName);
    }
    const retry = integerInRange(
      scope, 'partitioningRetrySeconds', p.partitioningRetrySeconds, 0, MAX_LAKE_PARTITIONING_RETRY_SECONDS, DEFAULT_LAKE_PARTITIONING_RETRY_SECONDS);
    const buffering = resolveBuffering(scope, {
      intervalSeconds: p.bufferingIntervalSeconds,
      sizeMiB: p.bufferingSizeMiB,
      defaultIntervalSeconds: DEFAULT_LAKE_BUFFERING_INTERVAL_SECONDS,
      defaultSizeMiB: DEFAULT_LAKE_BUFFERING_SIZE_MIB,
      minimum: field !== undefined
        ? { sizeMiB: MIN_DYNAMIC_PARTITIONING_BUFFER_MIB, feature: 'partitionField (dynamic partitioning)' }
        : p.parquet ? { sizeMiB: MIN_FORMAT_CONVERSION_BUFFER_MIB, feature: 'parquet (format conversion)' } : undefined,
    });
    const conversion = p.parquet ? new ParquetConversion(p.parquet).bindFormatConversion(scope, options) : undefined;
    return extendedS3Destination(scope, options, {
      bucket: p.bucket,
      prefix: this.keyPrefix,
      errorOutputPrefix: this.errorOutputPrefix,
      buffering,
      compressionFormat: conversion ? S3Compression.UNCOMPRESSED : DEFAULT_S3_COMPRESSION,
      formatConversion: conversion,
      dynamicPartitioning: field !== undefined ? { enabled: true, retryDuration: retry } : undefined,
      processing: field !== undefined
        ? {
          enabled: true,
          processors: [{
            type: 'MetadataExtraction',
            parameters: [
              { parameterName: 'MetadataExtractionQuery', parameterValue: `{${field}: .${field}}` },
              { parameterName: 'JsonParsingEngine', parameterValue: LAKE_PARTITION_QUERY_ENGINE },
            ],
          }],
        }
        : undefined,
    });
  }

  /** LakeDestination is AWS-only (Firehose into S3): this throws a PipelineValidationError. */
  public bindKafkaConnect(scope: Construct, _options: KafkaConnectBindOptions): void {
    throw invalidConfig(scope, `LakeDestination "${this.destinationName}" is AWS-only (Kinesis Data Firehose into an S3 zone); on Kubernetes use KubernetesDataLake.destination({ zone }) instead.`);
  }

  private checkPrefix(scope: Construct): void {
    const prefix = this.props.prefix;
    if (isUnresolved(prefix)) return;
    const trimmed = prefix.replace(/\/+$/, '');
    if (trimmed.length > MAX_PREFIX_LENGTH || !PREFIX.test(trimmed)) {
      throw invalidProp(scope, 'prefix', prefix,
        `use 1 to ${MAX_PREFIX_LENGTH} characters of letters, digits, "_", ".", "=", "-" in "/"-separated segments, `
        + 'without a leading "/" or Firehose expressions (the destination adds the date/hour and field partitions)');
    }
  }

  private checkPartitionField(scope: Construct, field: string): void {
    if (!PARTITION_FIELD.test(field)) {
      throw invalidProp(scope, 'partitionField', field,
        'use a top-level JSON key of 1 to 64 letters, digits and underscores, not starting with a digit (it is read with the JQ query ".<field>" and becomes a partition column)');
    }
    if (LAKE_TIME_PARTITION_KEYS.includes(field)) {
      throw invalidProp(scope, 'partitionField', field,
        `use a field other than ${LAKE_TIME_PARTITION_KEYS.map((k) => `"${k}"`).join(' and ')}, which are the date/hour partitions every lake delivery has`);
    }
  }
}
