import { awsStack, ref, under } from './aws-lake-fixture';
import { LakeTableDefinition, TableFormat } from '../../../../src/lake';
import { AwsDataLake, CRAWLER_MAX_TRAVERSAL_DEPTH, ICEBERG_FORMAT_VERSION } from '../../../../src/lake/aws';
import { ICEBERG_TABLE_IGNORED_CHANGES } from '../../../../src/lake/aws/private/iceberg-table';
import { warnings } from '../../../support/annotations';
import { synth } from '../../../support/synth';

const ORDERS: LakeTableDefinition = {
  zone: 'curated',
  name: 'orders',
  columns: [{ name: 'order_id', type: 'bigint' }, { name: 'amount', type: 'decimal(10,2)', comment: 'in EUR' }, { name: 'day', type: 'date' }],
};

describe('Iceberg tables', () => {
  test('an EXTERNAL_TABLE created through Glue (iceberg_input CREATE) at <zone uri><table>/, protected, engines own its evolution', () => {
    const stack = awsStack();
    new AwsDataLake(stack, 'Lake', { tables: [ORDERS] });
    const out = synth(stack);
    expect(under(out, 'aws_glue_catalog_table', 'Lake_Table-curated-orders')).toEqual({
      name: 'orders',
      database_name: ref(out, 'aws_glue_catalog_database', 'Lake_Zone-curated_Database', 'name'),
      table_type: 'EXTERNAL_TABLE',
      open_table_format_input: { iceberg_input: { metadata_operation: 'CREATE', version: ICEBERG_FORMAT_VERSION } },
      storage_descriptor: {
        location: `s3://${ref(out, 'aws_s3_bucket', 'Lake_Zone-curated_Bucket', 'bucket')}/orders/`,
        columns: [{ name: 'order_id', type: 'bigint' }, { name: 'amount', type: 'decimal(10,2)', comment: 'in EUR' }, { name: 'day', type: 'date' }],
      },
      lifecycle: { ignore_changes: ICEBERG_TABLE_IGNORED_CHANGES, prevent_destroy: true },
    });
    expect(ICEBERG_FORMAT_VERSION).toBe('2');
    expect(ICEBERG_TABLE_IGNORED_CHANGES).toEqual(['parameters', 'storage_descriptor', 'open_table_format_input']);
    expect(warnings(stack)).toEqual([]);
  });

  test('partition keys: the table is created unpartitioned (Glue rejects them on Iceberg) with a warning saying how to partition it', () => {
    const stack = awsStack();
    new AwsDataLake(stack, 'Lake', { tables: [{ ...ORDERS, partitionKeys: ['day'] }] });
    const table = under(synth(stack), 'aws_glue_catalog_table', 'Lake_Table-curated-orders');
    expect(table.partition_keys).toBeUndefined();
    expect(warnings(stack)).toEqual([{
      path: 'test/Lake/Table-curated-orders',
      message: 'table "orders" is created unpartitioned: Glue cannot create a partitioned Iceberg table with AWS provider 5.x. '
        + 'Set the partition spec from its first writer, for example in Spark: ALTER TABLE acme_curated.orders ADD PARTITION FIELD day.',
    }]);
  });

  test('tables in several zones', () => {
    const stack = awsStack();
    new AwsDataLake(stack, 'Lake', { tables: [ORDERS, { ...ORDERS, zone: 'raw' }] });
    const out = synth(stack);
    expect(under(out, 'aws_glue_catalog_table', 'Lake_Table-raw-orders').database_name).toBe(ref(out, 'aws_glue_catalog_database', 'Lake_Zone-raw_Database', 'name'));
  });
});

describe('Hudi and Delta lakes', () => {
  test.each([
    [TableFormat.HUDI, 'HUDI'],
    [TableFormat.DELTA, 'DELTA'],
  ])('%s: tables cannot be declared (their writers create them; the crawler registers them)', (tableFormat, name) => {
    expect(() => new AwsDataLake(awsStack(), 'Lake', { tableFormat, tables: [ORDERS] })).toThrow(
      `test/Lake: tables cannot be declared in a TableFormat.${name} lake: Terraform (Glue CreateTable) can only create Iceberg tables from a schema; `
      + 'Hudi and Delta tables are created by their writers (Spark with the Hudi or Delta libraries) and registered from the table metadata they leave in S3. '
      + 'Write them under the zone\'s location and the zone\'s crawler registers them, or use TableFormat.ICEBERG to declare tables here.',
    );
  });

  test('a Hudi lake crawls each zone with a Hudi target', () => {
    const stack = awsStack();
    new AwsDataLake(stack, 'Lake', { tableFormat: TableFormat.HUDI, zones: [{ name: 'raw' }] });
    const crawler = under(synth(stack), 'aws_glue_crawler', 'Lake_Zone-raw_Crawler');
    expect(crawler.hudi_target).toEqual([{ paths: [expect.stringMatching(/^s3:\/\/\$\{aws_s3_bucket\.Lake_Zone-raw_Bucket_\w+\.bucket\}\/$/)], maximum_traversal_depth: CRAWLER_MAX_TRAVERSAL_DEPTH }]);
    expect(crawler.iceberg_target).toBeUndefined();
    expect(crawler.description).toBe('Registers hudi tables of the raw zone (cdktf-data-pipelines)');
  });

  test('a Delta lake crawls each zone with a Delta target creating native Delta tables', () => {
    const stack = awsStack();
    const lake = new AwsDataLake(stack, 'Lake', { tableFormat: TableFormat.DELTA, zones: [{ name: 'raw' }] });
    const out = synth(stack);
    expect(lake.tableFormat).toBe(TableFormat.DELTA);
    expect(under(out, 'aws_glue_crawler', 'Lake_Zone-raw_Crawler').delta_target).toEqual([{
      delta_tables: [`s3://${ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'bucket')}/`], write_manifest: false, create_native_delta_table: true,
    }]);
  });
});

describe('table validation', () => {
  const lake = (tables: LakeTableDefinition[]) => () => new AwsDataLake(awsStack(), 'Lake', { tables });

  test('a table in an unknown zone', () => {
    expect(lake([{ ...ORDERS, zone: 'gold' }])).toThrow('test/Lake: invalid tables[0].zone: received "gold"; use one of this lake\'s zones: raw, curated, analytics.');
  });

  test('a table name Athena cannot read unquoted', () => {
    expect(lake([{ ...ORDERS, name: 'Orders-2024' }])).toThrow(
      'test/Lake: invalid tables[0].name: received "Orders-2024"; use 1 to 255 lowercase letters, digits and underscores, starting with a letter.');
  });

  test('two tables with one name in one zone', () => {
    expect(lake([ORDERS, ORDERS])).toThrow('test/Lake: two tables of zone "curated" are named "orders"; table names must be unique within a zone.');
  });

  test('no columns, a bad column name or type, duplicate columns', () => {
    expect(lake([{ ...ORDERS, columns: [] }])).toThrow('test/Lake: invalid tables[0].columns: received []; declare at least one column.');
    expect(lake([{ ...ORDERS, columns: [{ name: 'Order Id', type: 'bigint' }] }])).toThrow(
      'test/Lake: invalid tables[0].columns[0].name: received "Order Id"; use 1 to 255 lowercase letters, digits and underscores, not starting with a digit.');
    expect(lake([{ ...ORDERS, columns: [{ name: 'id', type: ' ' }] }])).toThrow(
      'test/Lake: invalid tables[0].columns[0].type: received " "; use a Glue/Hive type such as "string", "bigint", "timestamp" or "decimal(10,2)".');
    expect(lake([{ ...ORDERS, columns: [{ name: 'id', type: 'bigint' }, { name: 'id', type: 'string' }] }])).toThrow(
      'test/Lake: tables[0] ("orders") has two columns named "id"; column names must be unique.');
  });

  test('a partition key that is not a column', () => {
    expect(lake([{ ...ORDERS, partitionKeys: ['day', 'region'] }])).toThrow(
      'test/Lake: invalid tables[0].partitionKeys: received ["day","region"]; every partition key must be one of the table\'s columns (order_id, amount, day).');
  });

  test('an unknown table format', () => {
    expect(() => new AwsDataLake(awsStack(), 'Lake', { tableFormat: 'orc' as TableFormat })).toThrow(
      'test/Lake: invalid tableFormat: received "orc"; use one of iceberg, hudi, delta.');
  });
});
