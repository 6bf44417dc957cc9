import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import {
  KinesisFirehoseDeliveryStreamExtendedS3ConfigurationDataFormatConversionConfiguration as FormatConversionConfig,
} from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsPlatform,
  DEFAULT_LOG_RETENTION_DAYS,
  DEFAULT_S3_BUFFERING_INTERVAL_SECONDS,
  DEFAULT_S3_BUFFERING_SIZE_MIB,
  DEFAULT_S3_COMPRESSION,
  DEFAULT_S3_ERROR_OUTPUT_PREFIX,
  DEFAULT_S3_PREFIX,
  FirehoseBindOptions,
  FirehoseDelivery,
  IRecordFormatConversion,
  MIN_FORMAT_CONVERSION_BUFFER_MIB,
  S3Compression,
  S3Destination,
  S3DestinationProps,
  SecureBucket,
  StreamingIngest,
} from '../../../../src';
import { newStack, policyNamed, ref, synth, Synthesized } from '../../../support/synth';

function awsStack(): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  return stack;
}


/** A StreamingIngest "ClickEvents" delivering to one S3Destination, Kinesis-sourced unless `transform`. */
function ingestWith(
  destination: S3DestinationProps | ((stack: TerraformStack) => S3DestinationProps) = {},
  transform = false,
): { stack: TerraformStack; out: Synthesized } {
  const stack = awsStack();
  const props = typeof destination === 'function' ? destination(stack) : destination;
  new StreamingIngest(stack, 'ClickEvents', { destinations: [new S3Destination(props)], aws: transform ? { transform: {} } : undefined });
  return { stack, out: synth(stack) };
}

const S3_ACTIONS = ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'];

/** A stand-in for the DataLake's catalog tables: returns a Parquet conversion and grants Glue access. */
class FakeParquetConversion implements IRecordFormatConversion {
  public received?: FirehoseBindOptions;
  public bindFormatConversion(scope: Construct, options: FirehoseBindOptions): FormatConversionConfig {
    this.received = options;
    new IamRolePolicy(scope, 'GlueSchema', {
      role: options.role.name,
      name: 'glue-schema',
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['glue:GetTableVersions'], Resource: ['arn:aws:glue:eu-west-1:111122223333:table/lake/clicks'] }] }),
    });
    return {
      enabled: true,
      inputFormatConfiguration: { deserializer: { openXJsonSerDe: {} } },
      outputFormatConfiguration: { serializer: { parquetSerDe: { compression: 'SNAPPY' } } },
      schemaConfiguration: { databaseName: 'lake', tableName: 'clicks', roleArn: options.role.arn },
    };
  }
}

describe('Firehose delivery to S3, Kinesis-sourced', () => {
  test('reads the stream with its own role; no SSE (the source stream encrypts)', () => {
    const { out } = ingestWith();
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect(delivery.name).toBe('acme-click-events-s3');
    expect(delivery.destination).toBe('extended_s3');
    expect(delivery.kinesis_source_configuration).toEqual({
      kinesis_stream_arn: ref(out, 'aws_kinesis_stream', 'Stream', 'arn'),
      role_arn: ref(out, 'aws_iam_role', 'Delivery-s3_Role', 'arn'),
    });
    expect(delivery.server_side_encryption).toBeUndefined();

    expect(policyNamed(out, 'ReadSource').Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:ListShards'],
        Resource: [ref(out, 'aws_kinesis_stream', 'Stream', 'arn')],
      },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [ref(out, 'aws_kms_key', 'SharedKey', 'arn')] },
    ]);
  });

  test('extended S3 configuration: the documented defaults, the bucket key, error logging', () => {
    const { out } = ingestWith();
    const config = out.only('aws_kinesis_firehose_delivery_stream').extended_s3_configuration;
    expect(config).toEqual({
      bucket_arn: ref(out, 'aws_s3_bucket', 'Delivery-s3_Bucket', 'arn'),
      role_arn: ref(out, 'aws_iam_role', 'Delivery-s3_Role', 'arn'),
      prefix: DEFAULT_S3_PREFIX,
      error_output_prefix: DEFAULT_S3_ERROR_OUTPUT_PREFIX,
      buffering_interval: DEFAULT_S3_BUFFERING_INTERVAL_SECONDS,
      buffering_size: DEFAULT_S3_BUFFERING_SIZE_MIB,
      compression_format: DEFAULT_S3_COMPRESSION,
      kms_key_arn: ref(out, 'aws_kms_key', 'SharedKey', 'arn'),
      cloudwatch_logging_options: {
        enabled: true,
        log_group_name: ref(out, 'aws_cloudwatch_log_group', 'ErrorLogs', 'name'),
        log_stream_name: ref(out, 'aws_cloudwatch_log_stream', 'DestinationErrors', 'name'),
      },
    });
    expect([DEFAULT_S3_PREFIX, DEFAULT_S3_BUFFERING_INTERVAL_SECONDS, DEFAULT_S3_BUFFERING_SIZE_MIB, DEFAULT_S3_COMPRESSION]).toEqual(['data/', 60, 5, 'GZIP']);
    expect(DEFAULT_S3_ERROR_OUTPUT_PREFIX).toBe('errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/');
    // Without a bucket, the destination creates a SecureBucket named after the delivery stream.
    const buckets = Object.values(out.resources('aws_s3_bucket')).map((b: any) => b.bucket).sort();
    expect(buckets).toEqual(['acme-access-logs-eu-west-1', 'acme-click-events-s3']);
  });

  test('the role trusts Firehose for this account only (sts:ExternalId)', () => {
    const { out } = ingestWith();
    const role = Object.values(out.resources('aws_iam_role')).find((r: any) => r.name === 'acme-click-events-s3-firehose') as any;
    expect(role).toBeDefined();
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'firehose.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': ref(out, 'aws_caller_identity', 'Account', 'account_id', true) } },
      }],
    });
  });

  test('the S3 policy: bucket and objects, the bucket key, the error log streams; nothing on "*"', () => {
    const { out } = ingestWith();
    const bucketArn = ref(out, 'aws_s3_bucket', 'Delivery-s3_Bucket', 'arn');
    const document = policyNamed(out, 'S3DeliveryPolicy');
    expect(document.Statement).toEqual([
      { Effect: 'Allow', Action: S3_ACTIONS, Resource: [bucketArn, `${bucketArn}/*`] },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [ref(out, 'aws_kms_key', 'SharedKey', 'arn')] },
      { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [`${ref(out, 'aws_cloudwatch_log_group', 'ErrorLogs', 'arn')}:log-stream:*`] },
    ]);
    expect(JSON.stringify(document)).not.toContain('"*"');
  });

  test('the delivery stream is created after every policy of its role', () => {
    const { out } = ingestWith();
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    const policies = Object.keys(out.resources('aws_iam_role_policy')).map((id) => `aws_iam_role_policy.${id}`);
    expect(policies).toHaveLength(2);
    expect([...delivery.depends_on].sort()).toEqual(policies.sort());
  });

  test('delivery errors go to a KMS-encrypted log group with the default retention', () => {
    const { out } = ingestWith();
    const group = out.only('aws_cloudwatch_log_group');
    expect(group).toEqual({
      name: '/aws/kinesisfirehose/acme-click-events-s3',
      retention_in_days: DEFAULT_LOG_RETENTION_DAYS,
      kms_key_id: ref(out, 'aws_kms_key', 'SharedKey', 'arn'),
    });
    expect(DEFAULT_LOG_RETENTION_DAYS).toBe(90);
    expect(out.only('aws_cloudwatch_log_stream')).toEqual({ name: 's3', log_group_name: ref(out, 'aws_cloudwatch_log_group', 'ErrorLogs', 'name') });
  });
});

describe('Firehose delivery to S3 behind a transform (direct PUT)', () => {
  test('no Kinesis source, server-side encryption with the customer-managed key', () => {
    const { out } = ingestWith({}, true);
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect(delivery.kinesis_source_configuration).toBeUndefined();
    expect(delivery.server_side_encryption).toEqual({
      enabled: true,
      key_type: 'CUSTOMER_MANAGED_CMK',
      key_arn: ref(out, 'aws_kms_key', 'SharedKey', 'arn'),
    });
    // The Firehose role does not read the stream; the function does.
    expect(Object.values(out.resources('aws_iam_role_policy')).map((p: any) => p.name)).not.toContain('ReadSource');
    const s3Policy = Object.keys(out.resources('aws_iam_role_policy')).find((id) => id.includes('S3DeliveryPolicy'));
    expect(delivery.depends_on).toEqual([`aws_iam_role_policy.${s3Policy}`]);
    expect(delivery.extended_s3_configuration.compression_format).toBe(DEFAULT_S3_COMPRESSION);
  });
});

describe('S3Destination options', () => {
  test('explicit prefix, error prefix, compression and buffering (0 s is a value)', () => {
    const { out } = ingestWith({
      prefix: 'clicks/!{timestamp:yyyy/MM/dd}/',
      errorOutputPrefix: 'failed/',
      compression: S3Compression.HADOOP_SNAPPY,
      bufferingIntervalSeconds: 0,
      bufferingSizeMiB: 128,
    });
    const config = out.only('aws_kinesis_firehose_delivery_stream').extended_s3_configuration;
    expect(config.prefix).toBe('clicks/!{timestamp:yyyy/MM/dd}/');
    expect(config.error_output_prefix).toBe('failed/');
    expect(config.compression_format).toBe('HADOOP_SNAPPY');
    expect(config.buffering_interval).toBe(0);
    expect(config.buffering_size).toBe(128);
  });

  test('an existing bucket and a custom name: no bucket created, its ARN and key used', () => {
    const kmsKeyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const { out } = ingestWith((stack) => ({ bucket: SecureBucket.fromAttributes(stack, { bucketName: 'existing-lake', kmsKeyArn }), destinationName: 'lake' }));
    // Only the stack's access-log bucket would exist if a SecureBucket were created: none is.
    expect(out.resources('aws_s3_bucket')).toEqual({});
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect(delivery.name).toBe('acme-click-events-lake');
    const partition = `\${data.aws_partition.${Object.keys(out.data('aws_partition'))[0]}.partition}`;
    const bucketArn = `arn:${partition}:s3:::existing-lake`;
    expect(delivery.extended_s3_configuration.bucket_arn).toBe(bucketArn);
    expect(delivery.extended_s3_configuration.kms_key_arn).toBe(kmsKeyArn);
    expect(policyNamed(out, 'S3DeliveryPolicy').Statement.slice(0, 2)).toEqual([
      { Effect: 'Allow', Action: S3_ACTIONS, Resource: [bucketArn, `${bucketArn}/*`] },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [kmsKeyArn] },
    ]);
  });

  test('two destinations get a delivery stream, role and log group each', () => {
    const stack = awsStack();
    new StreamingIngest(stack, 'ClickEvents', { destinations: [new S3Destination({ destinationName: 'raw' }), new S3Destination({ destinationName: 'archive' })] });
    const out = synth(stack);
    const names = Object.values(out.resources('aws_kinesis_firehose_delivery_stream')).map((d: any) => d.name).sort();
    expect(names).toEqual(['acme-click-events-archive', 'acme-click-events-raw']);
    expect(Object.values(out.resources('aws_iam_role')).map((r: any) => r.name).sort()).toEqual(['acme-click-events-archive-firehose', 'acme-click-events-raw-firehose']);
    expect(Object.values(out.resources('aws_cloudwatch_log_group')).map((g: any) => g.name).sort()).toEqual([
      '/aws/kinesisfirehose/acme-click-events-archive', '/aws/kinesisfirehose/acme-click-events-raw',
    ]);
  });
});

describe('record format conversion hook', () => {
  test('a conversion forces UNCOMPRESSED and a 64 MiB buffer, and its grants come before the stream', () => {
    const conversion = new FakeParquetConversion();
    const { out } = ingestWith({ formatConversion: conversion, compression: S3Compression.ZIP });
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    const config = delivery.extended_s3_configuration;
    expect(config.compression_format).toBe('UNCOMPRESSED');
    expect(config.buffering_size).toBe(MIN_FORMAT_CONVERSION_BUFFER_MIB);
    expect(MIN_FORMAT_CONVERSION_BUFFER_MIB).toBe(64);
    expect(config.buffering_interval).toBe(DEFAULT_S3_BUFFERING_INTERVAL_SECONDS);
    expect(config.data_format_conversion_configuration).toEqual({
      enabled: true,
      input_format_configuration: { deserializer: { open_x_json_ser_de: {} } },
      output_format_configuration: { serializer: { parquet_ser_de: { compression: 'SNAPPY' } } },
      schema_configuration: { database_name: 'lake', table_name: 'clicks', role_arn: ref(out, 'aws_iam_role', 'Delivery-s3_Role', 'arn') },
    });
    const gluePolicy = Object.keys(out.resources('aws_iam_role_policy')).find((id) => id.includes('GlueSchema'));
    expect(delivery.depends_on).toContain(`aws_iam_role_policy.${gluePolicy}`);

    expect(conversion.received?.deliveryStreamName).toBe('acme-click-events-s3');
    expect(conversion.received?.resourceSuffix).toBe('click-events-s3');
  });

  test('an explicit buffer of at least 64 MiB is kept with a conversion', () => {
    const { out } = ingestWith({ formatConversion: new FakeParquetConversion(), bufferingSizeMiB: 100 });
    expect(out.only('aws_kinesis_firehose_delivery_stream').extended_s3_configuration.buffering_size).toBe(100);
  });

  test('a buffer below 64 MiB with a conversion is refused', () => {
    expect(() => ingestWith({ formatConversion: new FakeParquetConversion(), bufferingSizeMiB: 5 })).toThrow(
      'test/ClickEvents/Kinesis/Delivery-s3: bufferingSizeMiB (5) must be at least 64 with formatConversion; Firehose requires it.',
    );
  });
});

describe('errors', () => {
  test('buffering interval above 900 seconds', () => {
    expect(() => ingestWith({ bufferingIntervalSeconds: 901 })).toThrow(
      'test/ClickEvents/Kinesis/Delivery-s3: invalid bufferingIntervalSeconds: received 901; must be an integer from 0 to 900.',
    );
  });

  test('buffering size of 0 MiB', () => {
    expect(() => ingestWith({ bufferingSizeMiB: 0 })).toThrow(
      'test/ClickEvents/Kinesis/Delivery-s3: invalid bufferingSizeMiB: received 0; must be an integer from 1 to 128.',
    );
  });

  test('a destination name that is not lowercase letters, digits and hyphens', () => {
    expect(() => ingestWith({ destinationName: 'Backup_1' })).toThrow(
      'test/ClickEvents/Kinesis/Delivery-Backup_1: invalid destinationName: received "Backup_1"; use 1 to 31 lowercase letters, digits and hyphens.',
    );
  });

  test('an unknown compression', () => {
    expect(() => ingestWith({ compression: 'BROTLI' as S3Compression })).toThrow(
      'test/ClickEvents/Kinesis/Delivery-s3: invalid compression: received "BROTLI"; use one of GZIP, HADOOP_SNAPPY, ZIP, UNCOMPRESSED.',
    );
  });

  test('a log retention CloudWatch does not accept (2 days)', () => {
    const delivery = (logRetentionDays: number) => {
      const stack = awsStack();
      new FirehoseDelivery(stack, 'Delivery', {
        name: 'orders-s3',
        source: {},
        destination: new S3Destination(),
        key: { keyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
        logRetentionDays,
      });
      return synth(stack);
    };
    expect(delivery(365).only('aws_cloudwatch_log_group').retention_in_days).toBe(365);
    expect(() => delivery(2)).toThrow(
      'test/Delivery: invalid logRetentionDays: received 2; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.',
    );
    expect(() => delivery(0)).toThrow('test/Delivery: invalid logRetentionDays: received 0; must be an integer from 1 to 3653.');
  });
});
