/**
 * The Firehose `extended_s3` configuration shared by every S3-backed destination (S3Destination,
 * the DataLake's LakeDestination): buffering limits, the delivery role's S3/KMS/logs policy, and
 * the configuration block. Internal: not exported from the package.
 */
import {
  KinesisFirehoseDeliveryStreamExtendedS3ConfigurationDataFormatConversionConfiguration as FormatConversionConfiguration,
  KinesisFirehoseDeliveryStreamExtendedS3ConfigurationDynamicPartitioningConfiguration as DynamicPartitioningConfiguration,
  KinesisFirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfiguration as ProcessingConfiguration,
} from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import { invalidConfig } from '../../core/errors';
import { integerInRange } from '../../core/validate';
import { attachRolePolicy } from '../../identity/aws-grant';
import { ISecureBucket } from '../../storage/aws/secure-bucket';
import { FirehoseBindOptions, FirehoseDestinationConfig } from '../destination';

/** Longest buffer interval Firehose accepts for S3, seconds. @internal */
export const MAX_S3_BUFFERING_INTERVAL_SECONDS = 900;
/** Largest buffer Firehose accepts for S3, MiB. @internal */
export const MAX_S3_BUFFERING_SIZE_MIB = 128;

/** What Firehose needs on the bucket to deliver (and to clean up multipart uploads). @internal */
export const S3_DELIVERY_ACTIONS = [
  's3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject',
];

/** Buffering asked for by a destination, with its defaults and an optional floor. @internal */
export interface BufferingRequest {
  readonly intervalSeconds?: number;
  readonly sizeMiB?: number;
  readonly defaultIntervalSeconds: number;
  readonly defaultSizeMiB: number;
  /** The smallest size a feature of the destination needs, and that feature (for the error). */
  readonly minimum?: { readonly sizeMiB: number; readonly feature: string };
}

/** Resolved buffering hints. @internal */
export interface BufferingHints {
  readonly intervalSeconds: number;
  readonly sizeMiB: number;
}

/**
 * Validates buffering props (0-900 s, 1-128 MiB, and the feature's floor) and applies defaults.
 * @internal
 */
export function resolveBuffering(scope: Construct, request: BufferingRequest): BufferingHints {
  const intervalSeconds = integerInRange(
    scope, 'bufferingIntervalSeconds', request.intervalSeconds, 0, MAX_S3_BUFFERING_INTERVAL_SECONDS, request.defaultIntervalSeconds);
  const sizeMiB = integerInRange(scope, 'bufferingSizeMiB', request.sizeMiB, 1, MAX_S3_BUFFERING_SIZE_MIB, request.defaultSizeMiB);
  const min = request.minimum;
  if (min && sizeMiB < min.sizeMiB) {
    throw invalidConfig(scope, `bufferingSizeMiB (${sizeMiB}) must be at least ${min.sizeMiB} with ${min.feature}; Firehose requires it.`);
  }
  return { intervalSeconds, sizeMiB };
}

/** Everything an `extended_s3` configuration varies by, resolved. @internal */
export interface ExtendedS3Settings {
  readonly bucket: ISecureBucket;
  readonly prefix: string;
  readonly errorOutputPrefix: string;
  readonly buffering: BufferingHints;
  /** Firehose-level compression (`UNCOMPRESSED` with format conversion, which compresses itself). */
  readonly compressionFormat: string;
  readonly formatConversion?: FormatConversionConfiguration;
  readonly dynamicPartitioning?: DynamicPartitioningConfiguration;
  readonly processing?: ProcessingConfiguration;
}

/**
 * Grants the delivery role the bucket, its key and the error log streams (inline policy
 * `S3DeliveryPolicy`), and returns the `extended_s3` configuration: SSE with the bucket's key and
 * delivery errors logged to the delivery stream's log stream.
 * @internal
 */
export function extendedS3Destination(scope: Construct, options: FirehoseBindOptions, settings: ExtendedS3Settings): FirehoseDestinationConfig {
  const { bucket } = settings;
  attachRolePolicy(scope, 'S3DeliveryPolicy', options.role.name, [
    { actions: S3_DELIVERY_ACTIONS, resources: [bucket.bucketArn, `${bucket.bucketArn}/*`] },
    { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [bucket.encryptionKey.keyArn] },
    { actions: ['logs:PutLogEvents'], resources: [`${options.logGroupArn}:log-stream:*`] },
  ]);
  return {
    destination: 'extended_s3',
    extendedS3Configuration: {
      bucketArn: bucket.bucketArn,
      roleArn: options.role.arn,
      prefix: settings.prefix,
      errorOutputPrefix: settings.errorOutputPrefix,
      bufferingInterval: settings.buffering.intervalSeconds,
      bufferingSize: settings.buffering.sizeMiB,
      compressionFormat: settings.compressionFormat,
      kmsKeyArn: bucket.encryptionKey.keyArn,
      cloudwatchLoggingOptions: { enabled: true, logGroupName: options.logGroupName, logStreamName: options.logStreamName },
      dataFormatConversionConfiguration: settings.formatConversion,
      dynamicPartitioningConfiguration: settings.dynamicPartitioning,
      processingConfiguration: settings.processing,
    },
  };
}
