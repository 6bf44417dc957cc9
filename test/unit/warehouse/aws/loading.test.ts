import { platformRefs, refUnder, under, warehouseStack } from './redshift-fixture';
import { AwsDataLake, StreamingIngest, StreamingEngine } from '../../../../src';
import {
  DEFAULT_REDSHIFT_LAKE_LOAD_SCHEDULE, LakeFileFormat, RedshiftDeployment,
} from '../../../../src/warehouse/aws';
import { LAKE_LOAD_MAX_EVENT_AGE_SECONDS, LAKE_LOAD_MAX_RETRY_ATTEMPTS } from '../../../../src/warehouse/aws/private/lake-load';
import { policyNamed, ref, synth, Synthesized } from '../../../support/synth';

function statement(out: Synthesized, idPart: string): any {
  const matches = Object.entries(out.resources('aws_redshiftdata_statement')).filter(([id]) => id.includes(idPart));
  expect(matches).toHaveLength(1);
  return matches[0][1];
}

function policiesOn(out: Synthesized, roleRef: string): any[] {
  return Object.values(out.resources('aws_iam_role_policy')).filter((p: any) => p.role === roleRef).map((p: any) => ({ name: p.name, ...JSON.parse(p.policy) }));
}

describe('loadFromLake on serverless', () => {
  const { stack, warehouse } = warehouseStack();
  const lake = new AwsDataLake(stack, 'Lake');
  warehouse.loadFromLake('Events', { lake, zone: 'raw', prefix: 'click-events/', table: 'events' });
  const out = synth(stack);
  const warehouseRole = refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'arn');
  const loadRole = under(out, 'aws_iam_role', 'Warehouse_LakeLoad-Events_Role');

  test('an EventBridge rule on the default schedule runs the COPY through the Data API on the workgroup', () => {
    const rule = out.only('aws_cloudwatch_event_rule');
    expect(rule.name).toBe('acme-warehouse-load-events');
    expect(rule.schedule_expression).toBe(DEFAULT_REDSHIFT_LAKE_LOAD_SCHEDULE);
    expect(DEFAULT_REDSHIFT_LAKE_LOAD_SCHEDULE).toBe('rate(1 hour)');
    const target = out.only('aws_cloudwatch_event_target');
    expect(target.rule).toBe(ref(out, 'aws_cloudwatch_event_rule', 'Schedule', 'name'));
    expect(target.arn).toBe(ref(out, 'aws_redshiftserverless_workgroup', 'Workgroup', 'arn'));
    expect(target.role_arn).toBe(refUnder(out, 'aws_iam_role', 'Warehouse_LakeLoad-Events_Role', 'arn'));
    expect(target.retry_policy).toEqual({
      maximum_retry_attempts: LAKE_LOAD_MAX_RETRY_ATTEMPTS,
      maximum_event_age_in_seconds: LAKE_LOAD_MAX_EVENT_AGE_SECONDS,
    });
  });

  test('the COPY: JSON GZIP (the default format) from the zone location, with the warehouse role; no secret', () => {
    const target = out.only('aws_cloudwatch_event_target');
    expect(target.redshift_target).toEqual({
      database: 'analytics',
      sql: `COPY "public"."events" ("id", "kind", "at") FROM 's3://${ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'bucket')}/click-events/' `
        + `IAM_ROLE '${warehouseRole}' FORMAT AS JSON 'auto' GZIP TIMEFORMAT 'auto'`,
      statement_name: 'acme-warehouse-load-events',
      with_event: false,
    });
  });

  test('the rule\'s role: trusted by EventBridge for this account, SQL on the workgroup and its own temporary credentials only', () => {
    const { account } = platformRefs(out);
    expect(JSON.parse(loadRole.assume_role_policy).Statement).toEqual([{
      Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': account } },
    }]);
    const workgroup = ref(out, 'aws_redshiftserverless_workgroup', 'Workgroup', 'arn');
    expect(policyNamed(out, 'lake-load').Statement).toEqual([
      { Effect: 'Allow', Action: ['redshift-data:BatchExecuteStatement', 'redshift-data:ExecuteStatement'], Resource: [workgroup] },
      { Effect: 'Allow', Action: ['redshift-serverless:GetCredentials'], Resource: [workgroup] },
    ]);
  });

  test('the rule\'s IAM-mapped user may only insert into the target table', () => {
    const user = '"IAMR:acme-warehouse-load-events"';
    expect(statement(out, 'User-load-events').sql).toBe('CALL "public"."cdktf_dp_ensure_user"(\'IAMR:acme-warehouse-load-events\')');
    expect(statement(out, 'Load-events-1').sql).toBe(`GRANT USAGE ON SCHEMA "public" TO ${user}`);
    expect(statement(out, 'Load-events-2').sql).toBe(`GRANT INSERT ON TABLE "public"."events" TO ${user}`);
  });

  test('the warehouse role gets read on the zone from the lake (objects, key, catalog)', () => {
    const policies = policiesOn(out, refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'name'));
    expect(policies.map((p) => p.name)).toEqual(['lake-raw-read']);
    const bucket = ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'arn');
    expect(policies[0].Statement[0]).toEqual({
      Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'], Resource: [bucket, `${bucket}/*`],
    });
  });

  test('the target waits for its policy and for the grants', () => {
    const target = out.only('aws_cloudwatch_event_target');
    expect(target.depends_on).toEqual([
      `aws_iam_role_policy.${Object.keys(out.resources('aws_iam_role_policy')).find((id) => id.includes('LakeLoad-Events_Permissions'))}`,
      `aws_redshiftdata_statement.${Object.keys(out.resources('aws_redshiftdata_statement')).find((id) => id.includes('Load-events-2'))}`,
    ]);
  });
});

describe('lake loads on a provisioned cluster, with options', () => {
  const { stack, warehouse } = warehouseStack({ deployment: RedshiftDeployment.provisioned() });
  const lake = new AwsDataLake(stack, 'Lake');
  const sql = warehouse.addLakeLoad('Orders', {
    lake, zone: 'curated', prefix: 'orders/', table: 'orders', schema: 'sales', format: LakeFileFormat.PARQUET, schedule: 'cron(0 2 * * ? *)',
  });
  const out = synth(stack);

  test('Parquet COPY matched by position, on the given schedule', () => {
    expect(sql).toContain('FORMAT AS PARQUET');
    expect(out.only('aws_cloudwatch_event_rule').schedule_expression).toBe('cron(0 2 * * ? *)');
    expect(out.only('aws_cloudwatch_event_target').redshift_target.sql)
      .toBe(`COPY "sales"."orders" FROM 's3://${ref(out, 'aws_s3_bucket', 'Lake_Zone-curated_Bucket', 'bucket')}/orders/' IAM_ROLE '${refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'arn')}' FORMAT AS PARQUET`);
  });

  test('a password-less loader user through GetClusterCredentials scoped to that user and database', () => {
    const target = out.only('aws_cloudwatch_event_target');
    expect(target.arn).toBe(ref(out, 'aws_redshift_cluster', 'Cluster', 'arn'));
    expect(target.redshift_target.db_user).toBe('lake_loader_orders');
    const { account, partition } = platformRefs(out);
    expect(policyNamed(out, 'lake-load').Statement[1]).toEqual({
      Effect: 'Allow',
      Action: ['redshift:GetClusterCredentials'],
      Resource: [
        `arn:${partition}:redshift:eu-west-1:${account}:dbuser:acme-warehouse/lake_loader_orders`,
        `arn:${partition}:redshift:eu-west-1:${account}:dbname:acme-warehouse/analytics`,
      ],
    });
    expect(statement(out, 'User-load-orders').sql).toBe('CALL "public"."cdktf_dp_ensure_user"(\'lake_loader_orders\')');
    expect(statement(out, 'Load-orders-2').sql).toBe('GRANT INSERT ON TABLE "sales"."orders" TO "lake_loader_orders"');
  });

  test('uncompressed JSON', () => {
    const s = warehouseStack();
    const l = new AwsDataLake(s.stack, 'Lake');
    expect(s.warehouse.addLakeLoad('Raw', { lake: l, zone: 'raw', prefix: 'x/', table: 'events', format: LakeFileFormat.JSON }))
      .toMatch(/FORMAT AS JSON 'auto' TIMEFORMAT 'auto'$/);
  });
});

describe('lake load errors', () => {
  test.each([
    [{ table: 'nope' }, 'invalid table: received "public.nope"; use a table of this warehouse: public.events, sales.orders.'],
    [{ table: 'events', prefix: '/abs' }, 'invalid prefix: received "/abs"; use a key prefix of letters, digits and !_.*()=/- that does not start with "/".'],
    [{ table: 'events', prefix: "x'; DROP" }, 'invalid prefix: received "x\'; DROP"; use a key prefix of letters, digits and !_.*()=/- that does not start with "/".'],
    [{ table: 'events', schedule: 'every hour' }, 'invalid schedule: received "every hour"; use an EventBridge schedule expression such as "rate(1 hour)" or "cron(0 2 * * ? *)".'],
    [{ table: 'events', format: 'csv' }, 'invalid format: received "csv"; use one of json-gzip, json, parquet.'],
  ])('%j', (options, message) => {
    const { stack, warehouse } = warehouseStack();
    const lake = new AwsDataLake(stack, 'Lake');
    expect(() => warehouse.addLakeLoad('Load', { lake, zone: 'raw', prefix: 'p/', ...options } as any)).toThrow(`test/Warehouse: ${message}`);
  });

  test('an unknown zone is the lake\'s error; a repeated id is refused', () => {
    const { stack, warehouse } = warehouseStack();
    const lake = new AwsDataLake(stack, 'Lake');
    expect(() => warehouse.loadFromLake('Load', { lake, zone: 'gold', prefix: 'p/', table: 'events' }))
      .toThrow('test/Lake: invalid zone: received "gold"; use one of this lake\'s zones: raw, curated, analytics.');
    warehouse.loadFromLake('Load', { lake, zone: 'raw', prefix: 'p/', table: 'events' });
    expect(() => warehouse.loadFromLake('Load', { lake, zone: 'raw', prefix: 'q/', table: 'events' }))
      .toThrow('test/Warehouse: two lake loads are named "Load"; give each load its own id.');
  });
});

describe('streaming ingestion from Kinesis (private)', () => {
  const { stack, warehouse } = warehouseStack();
  const stream = new StreamingIngest(stack, 'ClickEvents');
  const view = warehouse.streamingIngestion(stream, { materializedViewName: 'click_events' });
  const out = synth(stack);
  const role = refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'arn');

  test('an external schema from Kinesis with the warehouse role, then an auto-refreshed materialized view', () => {
    expect(view).toBe('public.click_events');
    expect(statement(out, 'Stream-kinesis_click_events').sql).toBe(`CREATE EXTERNAL SCHEMA IF NOT EXISTS "kinesis_click_events" FROM KINESIS IAM_ROLE '${role}'`);
    expect(statement(out, 'Stream-public-click_events').sql).toBe([
      'CREATE MATERIALIZED VIEW "public"."click_events" AUTO REFRESH YES AS',
      'SELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number, refresh_time,',
      '  JSON_PARSE(kinesis_data) AS payload',
      `FROM "kinesis_click_events"."${ref(out, 'aws_kinesis_stream', 'Stream', 'name')}"`,
      'WHERE CAN_JSON_PARSE(kinesis_data)',
    ].join('\n'));
  });

  test('the warehouse role reads the stream and its key (the stream\'s own grant), and the schema waits for it', () => {
    const policies = policiesOn(out, refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'name'));
    expect(policies.map((p) => p.name)).toEqual(['kinesis-click-events-read']);
    expect(policies[0].Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:SubscribeToShard'],
        Resource: [ref(out, 'aws_kinesis_stream', 'Stream', 'arn')],
      },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn')] },
    ]);
    const policyId = Object.entries(out.resources('aws_iam_role_policy')).find(([, p]: any) => p.name === 'kinesis-click-events-read')![0];
    expect(statement(out, 'Stream-kinesis_click_events').depends_on).toContain(`aws_iam_role_policy.${policyId}`);
  });

  test('no public endpoint and no Firehose', () => {
    expect(out.only('aws_redshiftserverless_workgroup').publicly_accessible).toBe(false);
    expect(out.resources('aws_kinesis_firehose_delivery_stream')).toEqual({});
  });

  test('a schema of its own is created; names are checked', () => {
    const s = warehouseStack();
    const st = new StreamingIngest(s.stack, 'Clicks');
    expect(s.warehouse.streamingIngestion(st, { materializedViewName: 'clicks', schema: 'streams', externalSchemaName: 'kds' })).toBe('streams.clicks');
    const o = synth(s.stack);
    expect(statement(o, 'Schema-streams').sql).toBe('CREATE SCHEMA IF NOT EXISTS "streams"');
    expect(() => s.warehouse.streamingIngestion(st, { materializedViewName: 'Click-Events' }))
      .toThrow('test/Warehouse: invalid materializedViewName: received "Click-Events"; use 1 to 127 lowercase letters, digits and underscores, starting with a letter or underscore.');
  });

  test('MSK is refused with the alternatives', () => {
    const s = warehouseStack();
    const msk = { engine: StreamingEngine.MSK, streamName: 'orders' } as any;
    expect(() => s.warehouse.streamingIngestion(msk, { materializedViewName: 'orders' }))
      .toThrow('test/Warehouse: invalid stream: received "msk"; streaming ingestion reads Kinesis streams here; for MSK use a Kinesis StreamingIngest or load through the lake.');
  });
});

describe('Spectrum schema over a lake zone', () => {
  const { stack, warehouse } = warehouseStack();
  const lake = new AwsDataLake(stack, 'Lake');
  const schema = warehouse.addSpectrumSchema(lake, 'curated');
  const out = synth(stack);

  test('CREATE EXTERNAL SCHEMA from the zone\'s catalog database with the warehouse role, after the lake grant', () => {
    expect(schema).toBe('lake_curated');
    const s = statement(out, 'Spectrum-lake_curated');
    expect(s.sql).toBe(`CREATE EXTERNAL SCHEMA IF NOT EXISTS "lake_curated" FROM DATA CATALOG DATABASE '${ref(out, 'aws_glue_catalog_database', 'Zone-curated_Database', 'name')}' `
      + `IAM_ROLE '${refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'arn')}'`);
    const grant = Object.entries(out.resources('aws_iam_role_policy')).find(([, p]: any) => p.name === 'lake-curated-read')![0];
    expect(s.depends_on).toContain(`aws_iam_role_policy.${grant}`);
  });
});
