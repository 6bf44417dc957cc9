import { TerraformStack } from 'cdktf';
import { DEFAULT_LOG_RETENTION_DAYS } from '../../../../src';
import {
  DEFAULT_LAKE_BUFFERING_INTERVAL_SECONDS,
  DEFAULT_LAKE_BUFFERING_SIZE_MIB,
  DEFAULT_LAKE_PARTITIONING_RETRY_SECONDS,
  LAKE_ERROR_OUTPUT_ROOT,
  LAKE_PARTITION_QUERY_ENGINE,
  LAKE_TIME_PARTITION_KEYS,
  LAKE_TIME_PARTITIONS,
  LakeDestination,
  LakeDestinationProps,
  MAX_LAKE_PARTITIONING_RETRY_SECONDS,
  MIN_DYNAMIC_PARTITIONING_BUFFER_MIB,
} from '../../../../src/lake/aws/lake-destination';
import {
  DEFAULT_PARQUET_COMPRESSION,
  GLUE_SCHEMA_ACTIONS,
  PARQUET_SCHEMA_VERSION,
  ParquetCompression,
  ParquetConversion,
} from '../../../../src/lake/aws/parquet-conversion';
import { AwsPlatform } from '../../../../src/platform/aws/aws-platform';
import { SecureBucket } from '../../../../src/storage/aws/secure-bucket';
import { DEFAULT_S3_COMPRESSION, S3Destination } from '../../../../src/streaming/aws/s3-destination';
import { StreamingIngest } from '../../../../src/streaming/streaming-ingest';
import { newStack, policyNamed, ref, synth, Synthesized } from '../../../support/synth';

const S3_ACTIONS = ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'];
const CATALOG_KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const DELIVERY_PATH = 'test/ClickEvents/Kinesis/Delivery-raw';

type Props = Omit<LakeDestinationProps, 'bucket' | 'destinationName'> & { destinationName?: string };

/** A Kinesis StreamingIngest "ClickEvents" delivering into a SecureBucket "Raw" through one LakeDestination. */
function lakeIngest(props: Props, transform = false): { stack: TerraformStack; out: Synthesized; destination: LakeDestination } {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  const bucket = new SecureBucket(stack, 'Raw', { name: 'raw' });
  const destination = new LakeDestination({ destinationName: 'raw', bucket, ...props });
  new StreamingIngest(stack, 'ClickEvents', { destinations: [destination], aws: transform ? { transform: {} } : undefined });
  return { stack, out: synth(stack), destination };
}


const config = (out: Synthesized) => out.only('aws_kinesis_firehose_delivery_stream').extended_s3_configuration;

describe('LakeDestination: date/hour partitions (no partition field)', () => {
  test('extended S3 configuration: Hive-style date/hour prefix, error prefix, lake buffering, GZIP, the bucket and its key', () => {
    const { out, destination } = lakeIngest({ prefix: 'events' });
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect(delivery.name).toBe('acme-click-events-raw');
    expect(delivery.destination).toBe('extended_s3');
    expect(config(out)).toEqual({
      bucket_arn: ref(out, 'aws_s3_bucket', 'Raw_Bucket', 'arn'),
      role_arn: ref(out, 'aws_iam_role', 'Delivery-raw_Role', 'arn'),
      prefix: 'events/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/',
      error_output_prefix: 'errors/events/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/',
      buffering_interval: DEFAULT_LAKE_BUFFERING_INTERVAL_SECONDS,
      buffering_size: DEFAULT_LAKE_BUFFERING_SIZE_MIB,
      compression_format: DEFAULT_S3_COMPRESSION,
      kms_key_arn: ref(out, 'aws_kms_key', 'SharedKey', 'arn'),
      cloudwatch_logging_options: {
        enabled: true,
        log_group_name: ref(out, 'aws_cloudwatch_log_group', 'ErrorLogs', 'name'),
        log_stream_name: ref(out, 'aws_cloudwatch_log_stream', 'DestinationErrors', 'name'),
      },
    });
    // Without a partition field there is no dynamic partitioning (timestamps are plain custom prefixes).
    expect(destination.dynamicPartitioning).toBe(false);
    expect(destination.partitionKeys).toEqual(['dt', 'hour']);
    expect(destination.prefix).toBe('events/');
    expect(destination.keyPrefix).toBe(config(out).prefix);
    expect(destination.errorOutputPrefix).toBe(config(out).error_output_prefix);
  });

  test('the documented constants', () => {
    expect(LAKE_TIME_PARTITIONS).toBe('dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/');
    expect(LAKE_TIME_PARTITION_KEYS).toEqual(['dt', 'hour']);
    expect(LAKE_ERROR_OUTPUT_ROOT).toBe('errors/');
    expect([DEFAULT_LAKE_BUFFERING_INTERVAL_SECONDS, DEFAULT_LAKE_BUFFERING_SIZE_MIB, MIN_DYNAMIC_PARTITIONING_BUFFER_MIB]).toEqual([300, 128, 64]);
    expect([DEFAULT_LAKE_PARTITIONING_RETRY_SECONDS, MAX_LAKE_PARTITIONING_RETRY_SECONDS]).toEqual([300, 7200]);
    expect(LAKE_PARTITION_QUERY_ENGINE).toBe('JQ-1.6');
    expect([DEFAULT_PARQUET_COMPRESSION, PARQUET_SCHEMA_VERSION]).toEqual(['SNAPPY', 'LATEST']);
    expect(GLUE_SCHEMA_ACTIONS).toEqual(['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions']);
  });

  test('the delivery role gets the bucket, its key and the error log streams; nothing on "*"; the stream waits for it', () => {
    const { out } = lakeIngest({ prefix: 'events' });
    const bucketArn = ref(out, 'aws_s3_bucket', 'Raw_Bucket', 'arn');
    const document = policyNamed(out, 'S3DeliveryPolicy');
    expect(document.Statement).toEqual([
      { Effect: 'Allow', Action: S3_ACTIONS, Resource: [bucketArn, `${bucketArn}/*`] },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [ref(out, 'aws_kms_key', 'SharedKey', 'arn')] },
      { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [`${ref(out, 'aws_cloudwatch_log_group', 'ErrorLogs', 'arn')}:log-stream:*`] },
    ]);
    expect(JSON.stringify(document)).not.toContain('"*"');
    expect(Object.values(out.resources('aws_iam_role_policy')).map((p: any) => p.name).sort()).toEqual(['ReadSource', 'S3DeliveryPolicy']);
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect([...delivery.depends_on].sort()).toEqual(Object.keys(out.resources('aws_iam_role_policy')).map((id) => `aws_iam_role_policy.${id}`).sort());
    expect(out.only('aws_cloudwatch_log_group').retention_in_days).toBe(DEFAULT_LOG_RETENTION_DAYS);
  });

  test('a prefix with a trailing slash or nested segments is used as given, with one trailing slash', () => {
    expect(config(lakeIngest({ prefix: 'events/' }).out).prefix).toBe('events/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/');
    const nested = lakeIngest({ prefix: 'clicks/v1.2/source=web//' });
    expect(config(nested.out).prefix).toBe('clicks/v1.2/source=web/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/');
    expect(config(nested.out).error_output_prefix).toBe('errors/clicks/v1.2/source=web/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/');
  });

  test('behind a transform (direct PUT): server-side encryption with the key, no Kinesis source', () => {
    const { out } = lakeIngest({ prefix: 'events', partitionField: 'event_type' }, true);
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect(delivery.kinesis_source_configuration).toBeUndefined();
    expect(delivery.server_side_encryption).toEqual({ enabled: true, key_type: 'CUSTOMER_MANAGED_CMK', key_arn: ref(out, 'aws_kms_key', 'SharedKey', 'arn') });
    expect(delivery.extended_s3_configuration.dynamic_partitioning_configuration)
      .toEqual({ enabled: true, retry_duration: DEFAULT_LAKE_PARTITIONING_RETRY_SECONDS });
  });
});

describe('LakeDestination: dynamic partitioning by a record field', () => {
  test('dynamic partitioning on, a JQ 1.6 MetadataExtraction processor, the field after date and hour', () => {
    const { out, destination } = lakeIngest({ prefix: 'events', partitionField: 'event_type' });
    const c = config(out);
    expect(c.prefix).toBe('events/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/event_type=!{partitionKeyFromQuery:event_type}/');
    // The error prefix cannot use partitionKeyFromQuery (records fail before a key exists).
    expect(c.error_output_prefix).toBe('errors/events/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/');
    expect(c.dynamic_partitioning_configuration).toEqual({ enabled: true, retry_duration: 300 });
    expect(c.processing_configuration).toEqual({
      enabled: true,
      processors: [{
        type: 'MetadataExtraction',
        parameters: [
          { parameter_name: 'MetadataExtractionQuery', parameter_value: '{event_type: .event_type}' },
          { parameter_name: 'JsonParsingEngine', parameter_value: 'JQ-1.6' },
        ],
      }],
    });
    expect(c.buffering_size).toBe(DEFAULT_LAKE_BUFFERING_SIZE_MIB);
    expect(c.buffering_interval).toBe(DEFAULT_LAKE_BUFFERING_INTERVAL_SECONDS);
    expect(c.compression_format).toBe('GZIP');
    expect(c.data_format_conversion_configuration).toBeUndefined();
    expect(destination.dynamicPartitioning).toBe(true);
    expect(destination.partitionKeys).toEqual(['dt', 'hour', 'event_type']);
  });

  test('explicit retry duration and buffering (0 s and the 64 MiB floor are values)', () => {
    const { out } = lakeIngest({
      prefix: 'events', partitionField: 'Country_Code', partitioningRetrySeconds: 0, bufferingIntervalSeconds: 0, bufferingSizeMiB: 64,
    });
    const c = config(out);
    expect(c.dynamic_partitioning_configuration).toEqual({ enabled: true, retry_duration: 0 });
    expect([c.buffering_interval, c.buffering_size]).toEqual([0, 64]);
    expect(c.prefix).toBe('events/dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/Country_Code=!{partitionKeyFromQuery:Country_Code}/');
    expect(c.processing_configuration.processors[0].parameters[0].parameter_value).toBe('{Country_Code: .Country_Code}');
    expect(config(lakeIngest({ prefix: 'events', partitionField: '_kind', partitioningRetrySeconds: 7200 }).out).dynamic_partitioning_configuration.retry_duration).toBe(7200);
  });

  test('without a partition field a small buffer is allowed (no dynamic partitioning, no conversion)', () => {
    expect(config(lakeIngest({ prefix: 'events', bufferingSizeMiB: 5 }).out).buffering_size).toBe(5);
  });
});

describe('LakeDestination: Parquet conversion against a Glue table', () => {
  test('OpenX JSON in, Parquet (Snappy) out, the table schema read with the delivery role; Firehose compression off', () => {
    const { out } = lakeIngest({ prefix: 'events', partitionField: 'event_type', parquet: { databaseName: 'acme_raw', tableName: 'click_events' } });
    const c = config(out);
    expect(c.data_format_conversion_configuration).toEqual({
      enabled: true,
      input_format_configuration: { deserializer: { open_x_json_ser_de: {} } },
      output_format_configuration: { serializer: { parquet_ser_de: { compression: 'SNAPPY' } } },
      schema_configuration: {
        database_name: 'acme_raw',
        table_name: 'click_events',
        role_arn: ref(out, 'aws_iam_role', 'Delivery-raw_Role', 'arn'),
        version_id: 'LATEST',
      },
    });
    expect(c.compression_format).toBe('UNCOMPRESSED');
    // Both features together: dynamic partitioning stays on.
    expect(c.dynamic_partitioning_configuration).toEqual({ enabled: true, retry_duration: 300 });
  });

  test('the role may read that table\'s schema only: catalog, database and table ARNs; the stream waits for the grant', () => {
    const { out } = lakeIngest({ prefix: 'events', parquet: { databaseName: 'acme_raw', tableName: 'click_events' } });
    const partition = ref(out, 'aws_partition', 'Partition', 'partition', true);
    const account = ref(out, 'aws_caller_identity', 'Account', 'account_id', true);
    const glue = `arn:${partition}:glue:eu-west-1:${account}`;
    expect(policyNamed(out, 'GlueSchemaPolicy').Statement).toEqual([{
      Effect: 'Allow',
      Action: ['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions'],
      Resource: [`${glue}:catalog`, `${glue}:database/acme_raw`, `${glue}:table/acme_raw/click_events`],
    }]);
    const gluePolicy = Object.keys(out.resources('aws_iam_role_policy')).find((id) => id.includes('GlueSchemaPolicy'));
    expect(out.only('aws_kinesis_firehose_delivery_stream').depends_on).toContain(`aws_iam_role_policy.${gluePolicy}`);
    // Parquet alone (no partition field): no dynamic partitioning, the 64 MiB floor still applies.
    expect(config(out).dynamic_partitioning_configuration).toBeUndefined();
    expect(config(out).processing_configuration).toBeUndefined();
  });

  test('an encrypted catalog adds kms:Decrypt on its key; GZIP column compression', () => {
    const { out } = lakeIngest({
      prefix: 'events',
      parquet: { databaseName: 'acme_raw', tableName: 'click_events', compression: ParquetCompression.GZIP, catalogEncryptionKey: { keyArn: CATALOG_KEY_ARN } },
    });
    expect(policyNamed(out, 'GlueSchemaPolicy').Statement[1]).toEqual({ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [CATALOG_KEY_ARN] });
    expect(config(out).data_format_conversion_configuration.output_format_configuration).toEqual({ serializer: { parquet_ser_de: { compression: 'GZIP' } } });
  });

  test('ParquetConversion also plugs into S3Destination\'s formatConversion hook', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    new StreamingIngest(stack, 'ClickEvents', {
      destinations: [new S3Destination({ formatConversion: new ParquetConversion({ databaseName: 'lake', tableName: 'clicks' }) })],
    });
    const c = config(synth(stack));
    expect(c.data_format_conversion_configuration.schema_configuration.table_name).toBe('clicks');
    expect([c.compression_format, c.buffering_size]).toEqual(['UNCOMPRESSED', 64]);
  });
});

describe('LakeDestination errors', () => {
  test.each([
    ['a hyphen', 'event-type'],
    ['a leading digit', '1st'],
    ['a nested path', 'user.id'],
    ['an empty name', ''],
    ['65 characters', 'a'.repeat(65)],
  ])('partitionField with %s', (_what, partitionField) => {
    expect(() => lakeIngest({ prefix: 'events', partitionField })).toThrow(
      `${DELIVERY_PATH}: invalid partitionField: received ${JSON.stringify(partitionField)}; use a top-level JSON key of 1 to 64 letters, digits and underscores, `
      + 'not starting with a digit (it is read with the JQ query ".<field>" and becomes a partition column).',
    );
  });

  test.each(['dt', 'hour'])('partitionField %j is a reserved time partition', (partitionField) => {
    expect(() => lakeIngest({ prefix: 'events', partitionField })).toThrow(
      `${DELIVERY_PATH}: invalid partitionField: received "${partitionField}"; use a field other than "dt" and "hour", which are the date/hour partitions every lake delivery has.`,
    );
  });

  test.each([
    ['empty', ''],
    ['with a leading slash', '/events'],
    ['with a Firehose expression', 'events/!{timestamp:yyyy}'],
    ['with an empty segment', 'a//b'],
    ['with spaces', 'events with spaces'],
    ['of 513 characters', 'x'.repeat(513)],
  ])('prefix %s', (_what, prefix) => {
    expect(() => lakeIngest({ prefix })).toThrow(
      `${DELIVERY_PATH}: invalid prefix: received ${JSON.stringify(prefix)}; use 1 to 512 characters of letters, digits, "_", ".", "=", "-" in "/"-separated segments, `
      + 'without a leading "/" or Firehose expressions (the destination adds the date/hour and field partitions).',
    );
  });

  test('a buffer below 64 MiB with a partition field', () => {
    expect(() => lakeIngest({ prefix: 'events', partitionField: 'event_type', bufferingSizeMiB: 63 })).toThrow(
      `${DELIVERY_PATH}: bufferingSizeMiB (63) must be at least 64 with partitionField (dynamic partitioning); Firehose requires it.`,
    );
  });

  test('a buffer below 64 MiB with Parquet', () => {
    expect(() => lakeIngest({ prefix: 'events', parquet: { databaseName: 'lake', tableName: 'clicks' }, bufferingSizeMiB: 5 })).toThrow(
      `${DELIVERY_PATH}: bufferingSizeMiB (5) must be at least 64 with parquet (format conversion); Firehose requires it.`,
    );
  });

  test('buffering and retry out of range', () => {
    expect(() => lakeIngest({ prefix: 'events', bufferingIntervalSeconds: 901 })).toThrow(
      `${DELIVERY_PATH}: invalid bufferingIntervalSeconds: received 901; must be an integer from 0 to 900.`,
    );
    expect(() => lakeIngest({ prefix: 'events', bufferingSizeMiB: 129 })).toThrow(
      `${DELIVERY_PATH}: invalid bufferingSizeMiB: received 129; must be an integer from 1 to 128.`,
    );
    expect(() => lakeIngest({ prefix: 'events', partitionField: 'event_type', partitioningRetrySeconds: 7201 })).toThrow(
      `${DELIVERY_PATH}: invalid partitioningRetrySeconds: received 7201; must be an integer from 0 to 7200.`,
    );
  });

  test('Glue names Firehose cannot match (uppercase, spaces)', () => {
    const allowed = 'use 1 to 255 lowercase letters, digits, underscores and hyphens (Glue stores names in lowercase).';
    expect(() => lakeIngest({ prefix: 'events', parquet: { databaseName: 'Acme_Raw', tableName: 'clicks' } })).toThrow(
      `${DELIVERY_PATH}: invalid parquet.databaseName: received "Acme_Raw"; ${allowed}`,
    );
    expect(() => lakeIngest({ prefix: 'events', parquet: { databaseName: 'acme_raw', tableName: 'click events' } })).toThrow(
      `${DELIVERY_PATH}: invalid parquet.tableName: received "click events"; ${allowed}`,
    );
  });

  test('an unknown Parquet compression', () => {
    expect(() => lakeIngest({ prefix: 'events', parquet: { databaseName: 'lake', tableName: 'clicks', compression: 'ZSTD' as ParquetCompression } })).toThrow(
      `${DELIVERY_PATH}: invalid compression: received "ZSTD"; use one of SNAPPY, GZIP, UNCOMPRESSED.`,
    );
  });

  test('a destination name that is not lowercase letters, digits and hyphens', () => {
    expect(() => lakeIngest({ prefix: 'events', destinationName: 'Raw_Zone' })).toThrow(
      'test/ClickEvents/Kinesis/Delivery-Raw_Zone: invalid destinationName: received "Raw_Zone"; use 1 to 31 lowercase letters, digits and hyphens.',
    );
  });

  test('on Kubernetes (Kafka Connect) it is refused: AWS-only', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    const destination = new LakeDestination({ destinationName: 'raw', bucket: new SecureBucket(stack, 'Raw', { name: 'raw' }), prefix: 'events' });
    expect(() => destination.bindKafkaConnect(stack, {} as any)).toThrow(
      'test: LakeDestination "raw" is AWS-only (Kinesis Data Firehose into an S3 zone); on Kubernetes use KubernetesDataLake.destination({ zone }) instead.',
    );
  });
});
