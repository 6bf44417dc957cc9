import { KinesisFirehoseDeliveryStreamExtendedS3ConfigurationDataFormatConversionConfiguration } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import { invalidConfig, invalidProp } from '../../core/errors';
import { ISecureBucket, SecureBucket } from '../../storage/aws/secure-bucket';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination, KafkaConnectBindOptions } from '../destination';
import { extendedS3Destination, resolveBuffering } from './extended-s3-config';

/** Seconds Firehose buffers before writing (60 s: fresh data in S3 within about a minute). */
export const DEFAULT_S3_BUFFERING_INTERVAL_SECONDS = 60;
/** MiB Firehose buffers before writing. */
export const DEFAULT_S3_BUFFERING_SIZE_MIB = 5;
/** Smallest buffer Firehose accepts with record format conversion, MiB. */
export const MIN_FORMAT_CONVERSION_BUFFER_MIB = 64;
/** Object key prefix of delivered records (Firehose appends `yyyy/MM/dd/HH/`). */
export const DEFAULT_S3_PREFIX = 'data/';
/** Key prefix of records Firehose failed to deliver or convert. */
export const DEFAULT_S3_ERROR_OUTPUT_PREFIX = 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/';

/** Compression of delivered objects. */
export enum S3Compression {
  /** GZIP (readable by Athena, Glue, Spark, Redshift COPY). */
  GZIP = 'GZIP',
  /** Hadoop-compatible Snappy. */
  HADOOP_SNAPPY = 'HADOOP_SNAPPY',
  /** ZIP. */
  ZIP = 'ZIP',
  /** No compression (an explicit opt-out). */
  UNCOMPRESSED = 'UNCOMPRESSED',
}

/** Default compression of delivered objects. */
export const DEFAULT_S3_COMPRESSION = S3Compression.GZIP;

/**
 * Converts records to a columnar format (Parquet/ORC) on delivery. Implemented by the DataLake's
 * catalog tables; any implementation returns the Firehose conversion configuration.
 */
export interface IRecordFormatConversion {
  /** The Firehose data format conversion configuration, with what the role needs granted. */
  bindFormatConversion(
    scope: Construct,
    options: FirehoseBindOptions,
  ): KinesisFirehoseDeliveryStreamExtendedS3ConfigurationDataFormatConversionConfiguration;
}

/** Props of {@link S3Destination}. */
export interface S3DestinationProps {
  /**
   * Bucket to deliver to.
   * @default - a new SecureBucket named `<namePrefix>-<streamName>-<destinationName>`
   */
  readonly bucket?: ISecureBucket;
  /**
   * Short name, used in physical names.
   * @default "s3"
   */
  readonly destinationName?: string;
  /**
   * Object key prefix (Firehose appends `yyyy/MM/dd/HH/` unless the prefix uses `!{timestamp:...}`).
   * @default "data/"
   */
  readonly prefix?: string;
  /**
   * Key prefix of failed records.
   * @default "errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/"
   */
  readonly errorOutputPrefix?: string;
  /**
   * Compression (ignored with format conversion, which compresses columns itself).
   * @default S3Compression.GZIP
   */
  readonly compression?: S3Compression;
  /**
   * Buffer interval, seconds (0 to 900).
   * @default 60
   */
  readonly bufferingIntervalSeconds?: number;
  /**
   * Buffer size, MiB (1 to 128; at least 64 with format conversion).
   * @default 5
   */
  readonly bufferingSizeMiB?: number;
  /**
   * Record format conversion hook (Parquet/ORC against a catalog schema).
   * @default - records are delivered as they arrive
   */
  readonly formatConversion?: IRecordFormatConversion;
}

/** Delivers a StreamingIngest's records to S3 through Firehose, encrypted with the bucket's CMK. */
export class S3Destination implements IStreamDestination {
  public readonly destinationName: string;

  constructor(private readonly props: S3DestinationProps = {}) {
    this.destinationName = props.destinationName ?? 's3';
  }

  public bindFirehose(scope: Construct, options: FirehoseBindOptions): FirehoseDestinationConfig {
    const p = this.props;
    const conversion = p.formatConversion?.bindFormatConversion(scope, options);
    const buffering = resolveBuffering(scope, {
      intervalSeconds: p.bufferingIntervalSeconds,
      sizeMiB: p.bufferingSizeMiB,
      defaultIntervalSeconds: DEFAULT_S3_BUFFERING_INTERVAL_SECONDS,
      defaultSizeMiB: conversion ? MIN_FORMAT_CONVERSION_BUFFER_MIB : DEFAULT_S3_BUFFERING_SIZE_MIB,
      minimum: conversion ? { sizeMiB: MIN_FORMAT_CONVERSION_BUFFER_MIB, feature: 'formatConversion' } : undefined,
    });
    const compression = p.compression ?? DEFAULT_S3_COMPRESSION;
    if (!Object.values(S3Compression).includes(compression)) {
      throw invalidProp(scope, 'compression', compression, `use one of ${Object.values(S3Compression).join(', ')}`);
    }
    const bucket = p.bucket ?? new SecureBucket(scope, 'Bucket', { name: options.resourceSuffix, removalPolicy: options.removalPolicy });
    return extendedS3Destination(scope, options, {
      bucket,
      prefix: p.prefix ?? DEFAULT_S3_PREFIX,
      errorOutputPrefix: p.errorOutputPrefix ?? DEFAULT_S3_ERROR_OUTPUT_PREFIX,
      buffering,
      compressionFormat: conversion ? S3Compression.UNCOMPRESSED : compression,
      formatConversion: conversion,
    });
  }

  /** S3Destination is AWS-only (Firehose): this throws a PipelineValidationError. */
  public bindKafkaConnect(scope: Construct, _options: KafkaConnectBindOptions): void {
    throw invalidConfig(scope, `S3Destination "${this.destinationName}" is AWS-only (Kinesis Data Firehose); on Kubernetes use KubernetesDataLake.destination({ zone }) instead.`);
  }
}
