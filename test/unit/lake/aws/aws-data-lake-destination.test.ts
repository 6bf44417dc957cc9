import { TerraformStack } from 'cdktf';
import { all, awsStack, platformRefs, ref, rolePolicy } from './aws-lake-fixture';
import { Identity, KinesisStreamingIngest } from '../../../../src';
import { IDataLake, TableFormat } from '../../../../src/lake';
import { AwsDataLake, LAKE_TIME_PARTITIONS, LakeDestination } from '../../../../src/lake/aws';
import { ATHENA_QUERY_ACTIONS, GLUE_READ_ACTIONS, LAKE_FORMATION_DATA_ACCESS, S3_WRITE_ACTIONS } from '../../../../src/lake/aws/private/lake-grants';
import { streamNameOf } from '../../../../src/lake/aws/private/zone-destination';
import { synth } from '../../../support/synth';

const ORDERS = { zone: 'curated', name: 'orders', columns: [{ name: 'order_id', type: 'bigint' }] };

function lakeStack(): { stack: TerraformStack; lake: AwsDataLake } {
  const stack = awsStack();
  return { stack, lake: new AwsDataLake(stack, 'Lake', { tables: [ORDERS] }) };
}

/** The extended_s3 configuration of the only delivery stream. */
function deliveredTo(stack: TerraformStack): any {
  return synth(stack).only('aws_kinesis_firehose_delivery_stream').extended_s3_configuration;
}

describe('AwsDataLake.destination', () => {
  test('a LakeDestination named lake-<zone> into the zone bucket, under the given prefix', () => {
    const { stack, lake } = lakeStack();
    const destination = lake.destination({ zone: 'raw', prefix: 'clicks' });
    expect(destination).toBeInstanceOf(LakeDestination);
    expect(destination.destinationName).toBe('lake-raw');
    expect((destination as LakeDestination).keyPrefix).toBe(`clicks/${LAKE_TIME_PARTITIONS}`);
    new KinesisStreamingIngest(stack, 'Events', { streamName: 'events', destinations: [destination] });
    const config = deliveredTo(stack);
    const out = synth(stack);
    expect(config.bucket_arn).toBe(ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'arn'));
    expect(config.prefix).toBe(`clicks/${LAKE_TIME_PARTITIONS}`);
    expect(config.kms_key_arn).toBe(platformRefs(out).sharedKeyArn);
  });

  test('without a prefix, records go under the name of the stream that binds the destination', () => {
    const { stack, lake } = lakeStack();
    const destination = lake.destination({ zone: 'raw' });
    expect(destination.destinationName).toBe('lake-raw');
    new KinesisStreamingIngest(stack, 'Events', { streamName: 'click-events', destinations: [destination] });
    expect(deliveredTo(stack).prefix).toBe(`click-events/${LAKE_TIME_PARTITIONS}`);
    expect(streamNameOf('click-events-lake-raw', 'lake-raw')).toBe('click-events');
    expect(streamNameOf('other', 'lake-raw')).toBe('other');
  });

  test('parquetTable: Parquet against the zone\'s table, with the catalog key', () => {
    const { stack, lake } = lakeStack();
    new KinesisStreamingIngest(stack, 'Events', { streamName: 'orders', destinations: [lake.destination({ zone: 'curated', prefix: 'orders', parquetTable: 'orders' })] });
    const config = deliveredTo(stack);
    expect(config.data_format_conversion_configuration.schema_configuration).toEqual(expect.objectContaining({ database_name: 'acme_curated', table_name: 'orders' }));
    const statements = rolePolicy(synth(stack), 'GlueSchemaPolicy').statements;
    expect(statements.at(-1)).toEqual({ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [platformRefs(synth(stack)).sharedKeyArn] });
  });

  test('an unknown zone, or a parquetTable the zone does not define', () => {
    const { lake } = lakeStack();
    expect(() => lake.destination({ zone: 'gold' })).toThrow('test/Lake: invalid zone: received "gold"; use one of this lake\'s zones: raw, curated, analytics.');
    expect(() => lake.destination({ zone: 'curated', parquetTable: 'customers' })).toThrow(
      'test/Lake: invalid parquetTable: received "customers"; use a table of zone "curated": orders.');
    expect(() => lake.destination({ zone: 'raw', parquetTable: 'orders' })).toThrow(
      'test/Lake: invalid parquetTable: received "orders"; declare the table in tables with zone "raw" first (the zone has no tables).');
  });
});

describe('AwsDataLake.fromLakeAttributes', () => {
  const ZONES = [
    { name: 'raw', bucketName: 'legacy-raw', kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/raw', databaseName: 'legacy_raw' },
    { name: 'curated', bucketName: 'legacy-curated', kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/curated', databaseName: 'legacy_curated' },
  ];

  function imported(extra: object = {}): { stack: TerraformStack; lake: IDataLake } {
    const stack = awsStack();
    return { stack, lake: AwsDataLake.fromLakeAttributes(stack, 'Legacy', { zones: ZONES, ...extra }) };
  }

  test('zones, locations, databases and the table format', () => {
    const { lake } = imported({ tableFormat: TableFormat.DELTA });
    expect(lake.zoneNames).toEqual(['raw', 'curated']);
    expect(lake.tableFormat).toBe(TableFormat.DELTA);
    expect(lake.zoneLocation('raw')).toBe('s3://legacy-raw/');
    expect(lake.databaseName('curated')).toBe('legacy_curated');
    expect(imported().lake.tableFormat).toBe(TableFormat.ICEBERG);
  });

  test('grants: the bucket, its key, the catalog key, Glue, and the given workgroup with its results', () => {
    const { stack, lake } = imported({
      workgroupName: 'legacy',
      athenaResultsBucketName: 'legacy-results',
      athenaResultsKmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/results',
      catalogKmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/catalog',
    });
    lake.grantRead(new Identity(stack, 'Analyst', { name: 'analyst' }), 'curated');
    lake.grantWrite(new Identity(stack, 'Etl', { name: 'etl' }), 'raw');
    const out = synth(stack);
    const { account, partition } = platformRefs(out);
    const read = rolePolicy(out, 'lake-legacy-curated-read').statements;
    expect(read[0].Resource).toEqual([`arn:${partition}:s3:::legacy-curated`, `arn:${partition}:s3:::legacy-curated/*`]);
    expect(read[1]).toEqual({
      Effect: 'Allow',
      Action: GLUE_READ_ACTIONS,
      Resource: [
        `arn:${partition}:glue:eu-west-1:${account}:catalog`,
        `arn:${partition}:glue:eu-west-1:${account}:database/legacy_curated`,
        `arn:${partition}:glue:eu-west-1:${account}:table/legacy_curated/*`,
      ],
    });
    expect(read[2]).toEqual({ Effect: 'Allow', Action: ATHENA_QUERY_ACTIONS, Resource: [`arn:${partition}:athena:eu-west-1:${account}:workgroup/legacy`] });
    expect(read[3].Resource).toEqual([`arn:${partition}:s3:::legacy-results`, `arn:${partition}:s3:::legacy-results/*`]);
    expect(read.slice(4)).toEqual([
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['arn:aws:kms:eu-west-1:111122223333:key/curated'] },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['arn:aws:kms:eu-west-1:111122223333:key/catalog'] },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: ['arn:aws:kms:eu-west-1:111122223333:key/results'] },
    ]);
    const write = rolePolicy(out, 'lake-legacy-raw-write').statements;
    expect(write[0]).toEqual({ Effect: 'Allow', Action: S3_WRITE_ACTIONS, Resource: [`arn:${partition}:s3:::legacy-raw`, `arn:${partition}:s3:::legacy-raw/*`] });
    expect(write.map((s: any) => s.Action[0])).not.toContain(ATHENA_QUERY_ACTIONS[0]);
    expect(out.resources('aws_lakeformation_permissions')).toEqual({});
  });

  test('without a workgroup, read grants give no Athena access; with lakeFormation, Lake Formation permissions', () => {
    const { stack, lake } = imported({ lakeFormation: true });
    lake.grantRead(new Identity(stack, 'Analyst', { name: 'analyst' }), 'raw');
    const out = synth(stack);
    const read = rolePolicy(out, 'lake-legacy-raw-read').statements;
    expect(JSON.stringify(read)).not.toContain('athena:');
    expect(read.at(-1)).toEqual({ Effect: 'Allow', Action: [LAKE_FORMATION_DATA_ACCESS], Resource: ['*'] });
    expect(all(out, 'aws_lakeformation_permissions').map((p) => [p.permissions, p.database ?? p.table])).toEqual([
      [['DESCRIBE'], { name: 'legacy_raw' }],
      [['DESCRIBE', 'SELECT'], { database_name: 'legacy_raw', wildcard: true }],
    ]);
  });

  test('a destination into an imported zone', () => {
    const { stack, lake } = imported();
    new KinesisStreamingIngest(stack, 'Events', { streamName: 'events', destinations: [lake.destination({ zone: 'raw', prefix: 'events' })] });
    expect(deliveredTo(stack)).toEqual(expect.objectContaining({ bucket_arn: `arn:${platformRefs(synth(stack)).partition}:s3:::legacy-raw`, kms_key_arn: ZONES[0].kmsKeyArn }));
  });

  test('errors: unknown zone, bad zone names, duplicate zones, bad database names', () => {
    const { lake, stack } = imported();
    expect(() => lake.grantRead(new Identity(stack, 'A', { name: 'a' }), 'gold')).toThrow(
      'test/Legacy: invalid zone: received "gold"; use one of this lake\'s zones: raw, curated.');
    expect(() => AwsDataLake.fromLakeAttributes(awsStack(), 'Legacy', { zones: [] })).toThrow(
      'test/Legacy: invalid zones: received []; declare at least one zone (the default is raw, curated, analytics).');
    expect(() => AwsDataLake.fromLakeAttributes(awsStack(), 'Legacy', { zones: [ZONES[0], ZONES[0]] })).toThrow(
      'test/Legacy: two zones are named "raw"; zone names must be unique.');
    expect(() => AwsDataLake.fromLakeAttributes(awsStack(), 'Legacy', { zones: [{ ...ZONES[0], name: 'Raw' }] })).toThrow(
      'test/Legacy: invalid zones[0].name: received "Raw"; use 2 to 20 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.');
    expect(() => AwsDataLake.fromLakeAttributes(awsStack(), 'Legacy', { zones: [{ ...ZONES[0], databaseName: 'Legacy Raw' }] })).toThrow(
      'test/Legacy: invalid zones[0].databaseName: received "Legacy Raw"; use 1 to 255 lowercase letters, digits, underscores and hyphens (Glue stores names in lowercase).');
  });
});
