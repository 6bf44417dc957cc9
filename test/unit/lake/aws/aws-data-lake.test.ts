import { TerraformOutput } from 'cdktf';
import { all, awsStack, glueArnsOf, idOf, platformRefs, ref, under } from './aws-lake-fixture';
import {
  ABORT_INCOMPLETE_MULTIPART_DAYS, DEFAULT_GLACIER_IR_AFTER_DAYS, DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS, DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS,
} from '../../../../src';
import { DEFAULT_LAKE_ZONES, DEFAULT_TABLE_FORMAT, TableFormat } from '../../../../src/lake';
import {
  ATHENA_ENGINE_VERSION, ATHENA_RESULTS_NONCURRENT_VERSION_DAYS, AwsDataLake, CRAWLER_DELETE_BEHAVIOR, CRAWLER_MAX_TRAVERSAL_DEPTH,
  CRAWLER_RECRAWL_BEHAVIOR, CRAWLER_UPDATE_BEHAVIOR, DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF, DEFAULT_ATHENA_RESULTS_EXPIRE_DAYS,
  DEFAULT_AUDIT_DATA_EVENTS, DEFAULT_CRAWLER_SCHEDULE, DEFAULT_LAKE_FORMATION,
} from '../../../../src/lake/aws';
import { ATHENA_RESULTS_PREFIX } from '../../../../src/lake/aws/private/lake-workgroup';
import { CRAWLER_GLUE_ACTIONS, CRAWLER_LOG_ACTIONS } from '../../../../src/lake/aws/private/zone-crawler';
import { warnings } from '../../../support/annotations';
import { synth, Synthesized } from '../../../support/synth';

describe('AwsDataLake with its defaults', () => {
  let out: Synthesized;
  let lake: AwsDataLake;
  beforeAll(() => {
    const stack = awsStack();
    lake = new AwsDataLake(stack, 'Lake');
    new TerraformOutput(stack, 'workgroup', { value: lake.workgroupName });
    new TerraformOutput(stack, 'raw_location', { value: lake.zoneLocation('raw') });
    new TerraformOutput(stack, 'raw_database', { value: lake.databaseName('raw') });
    new TerraformOutput(stack, 'raw_crawler', { value: lake.crawlerName('raw') });
    out = synth(stack);
  });

  test('the defaults are named constants', () => {
    expect(DEFAULT_LAKE_ZONES.map((z) => z.name)).toEqual(['raw', 'curated', 'analytics']);
    expect(DEFAULT_TABLE_FORMAT).toBe(TableFormat.ICEBERG);
    expect(DEFAULT_LAKE_FORMATION).toBe(false);
    expect(DEFAULT_AUDIT_DATA_EVENTS).toBe(false);
    expect(DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF).toBe(10 * 1024 * 1024 * 1024);
    expect(DEFAULT_CRAWLER_SCHEDULE).toBe('cron(0 2 * * ? *)');
    expect(DEFAULT_ATHENA_RESULTS_EXPIRE_DAYS).toBe(30);
    expect(lake.zoneNames).toEqual(['raw', 'curated', 'analytics']);
    expect(lake.tableFormat).toBe(TableFormat.ICEBERG);
    expect(lake.lakeFormation).toBe(false);
    expect(lake.auditTrailName).toBeUndefined();
  });

  test('one protected SecureBucket per zone, named <prefix>-<zone>, with the zone tiering and no expiry', () => {
    for (const zone of ['raw', 'curated', 'analytics']) {
      expect(under(out, 'aws_s3_bucket', `Lake_Zone-${zone}_Bucket`)).toEqual({ bucket: `acme-${zone}`, force_destroy: false, lifecycle: { prevent_destroy: true } });
      expect(under(out, 'aws_s3_bucket_server_side_encryption_configuration', `Lake_Zone-${zone}_Bucket`).rule).toEqual([
        { bucket_key_enabled: true, apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: platformRefs(out).sharedKeyArn } },
      ]);
      expect(under(out, 'aws_s3_bucket_lifecycle_configuration', `Lake_Zone-${zone}_Bucket`).rule).toEqual([
        {
          id: 'abort-incomplete-multipart-uploads',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: ABORT_INCOMPLETE_MULTIPART_DAYS }],
        },
        {
          id: 'tiering',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          transition: [
            { days: DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS, storage_class: 'STANDARD_IA' },
            { days: DEFAULT_GLACIER_IR_AFTER_DAYS, storage_class: 'GLACIER_IR' },
          ],
          noncurrent_version_expiration: [{ noncurrent_days: DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS }],
        },
      ]);
    }
  });

  test('one protected Glue database per zone, <prefix>_<zone>, located at the zone root', () => {
    expect(under(out, 'aws_glue_catalog_database', 'Lake_Zone-raw_Database')).toEqual({
      name: 'acme_raw',
      description: 'The raw zone of the acme lake (cdktf-data-pipelines)',
      location_uri: `s3://${ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'bucket')}/`,
      lifecycle: { prevent_destroy: true },
    });
    expect(all(out, 'aws_glue_catalog_database').map((d) => d.name).sort()).toEqual(['acme_analytics', 'acme_curated', 'acme_raw']);
  });

  test('zone locations, database and crawler names', () => {
    expect(out.json.output.raw_location.value).toBe(`s3://${ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'bucket')}/`);
    expect(out.json.output.raw_database.value).toBe(ref(out, 'aws_glue_catalog_database', 'Lake_Zone-raw_Database', 'name'));
    expect(out.json.output.raw_crawler.value).toBe(ref(out, 'aws_glue_crawler', 'Lake_Zone-raw_Crawler', 'name'));
  });

  test('Data Catalog encryption: SSE-KMS and encrypted connection passwords with the platform CMK', () => {
    const key = platformRefs(out).sharedKeyArn;
    expect(under(out, 'aws_glue_data_catalog_encryption_settings', 'Lake_Catalog_Encryption')).toEqual({
      data_catalog_encryption_settings: {
        encryption_at_rest: { catalog_encryption_mode: 'SSE-KMS', sse_aws_kms_key_id: key },
        connection_password_encryption: { return_connection_password_encrypted: true, aws_kms_key_id: key },
      },
    });
  });

  test('the Glue security configuration encrypts S3, CloudWatch logs and job bookmarks with the platform CMK', () => {
    const key = platformRefs(out).sharedKeyArn;
    expect(out.only('aws_glue_security_configuration')).toEqual({
      name: 'acme-lake',
      encryption_configuration: {
        s3_encryption: { s3_encryption_mode: 'SSE-KMS', kms_key_arn: key },
        cloudwatch_encryption: { cloudwatch_encryption_mode: 'SSE-KMS', kms_key_arn: key },
        job_bookmarks_encryption: { job_bookmarks_encryption_mode: 'CSE-KMS', kms_key_arn: key },
      },
    });
  });

  test('one scheduled crawler per zone: Iceberg target at the zone root, security configuration, recrawl everything, LOG on delete', () => {
    const crawler = under(out, 'aws_glue_crawler', 'Lake_Zone-raw_Crawler');
    expect(crawler).toEqual({
      name: 'acme-raw-crawler',
      description: 'Registers iceberg tables of the raw zone (cdktf-data-pipelines)',
      database_name: ref(out, 'aws_glue_catalog_database', 'Lake_Zone-raw_Database', 'name'),
      role: ref(out, 'aws_iam_role', 'Lake_Zone-raw_Crawler_Role', 'arn'),
      schedule: DEFAULT_CRAWLER_SCHEDULE,
      security_configuration: ref(out, 'aws_glue_security_configuration', 'Lake_Catalog_SecurityConfiguration', 'name'),
      iceberg_target: [{ paths: [`s3://${ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'bucket')}/`], maximum_traversal_depth: CRAWLER_MAX_TRAVERSAL_DEPTH }],
      recrawl_policy: { recrawl_behavior: CRAWLER_RECRAWL_BEHAVIOR },
      schema_change_policy: { delete_behavior: CRAWLER_DELETE_BEHAVIOR, update_behavior: CRAWLER_UPDATE_BEHAVIOR },
      depends_on: [`aws_iam_role_policy.${idOf(out, 'aws_iam_role_policy', 'Lake_Zone-raw_Crawler_Policy')}`],
    });
    expect([CRAWLER_RECRAWL_BEHAVIOR, CRAWLER_DELETE_BEHAVIOR, CRAWLER_UPDATE_BEHAVIOR]).toEqual(['CRAWL_EVERYTHING', 'LOG', 'UPDATE_IN_DATABASE']);
    expect(all(out, 'aws_glue_crawler').map((c) => c.name).sort()).toEqual(['acme-analytics-crawler', 'acme-curated-crawler', 'acme-raw-crawler']);
  });

  test('each crawler has its own least-privilege role: its zone bucket, the keys, its database, its encrypted logs', () => {
    const { account, partition, sharedKeyArn } = platformRefs(out);
    const role = under(out, 'aws_iam_role', 'Lake_Zone-raw_Crawler_Role');
    expect(role.name).toBe('acme-lake-raw-crawler');
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'glue.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      }],
    });
    const policy = under(out, 'aws_iam_role_policy', 'Lake_Zone-raw_Crawler_Policy');
    expect(policy.role).toBe(ref(out, 'aws_iam_role', 'Lake_Zone-raw_Crawler_Role', 'name'));
    const bucketArn = ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'arn');
    const logGroups = `arn:${partition}:logs:eu-west-1:${account}:log-group:/aws-glue/crawlers*`;
    expect(JSON.parse(policy.policy).Statement).toEqual([
      { Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:GetObject', 's3:ListBucket'], Resource: [bucketArn, `${bucketArn}/*`] },
      { Effect: 'Allow', Action: CRAWLER_GLUE_ACTIONS, Resource: glueArnsOf(out, ref(out, 'aws_glue_catalog_database', 'Lake_Zone-raw_Database', 'name')) },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Resource: [sharedKeyArn] },
      { Effect: 'Allow', Action: CRAWLER_LOG_ACTIONS, Resource: [logGroups, `${logGroups}:log-stream:*`] },
    ]);
    expect(CRAWLER_GLUE_ACTIONS.filter((a) => a.includes('Delete'))).toEqual([]);
  });

  test('the Athena workgroup: enforced, metrics, scan limit, engine AUTO, SSE_KMS results in <prefix>-athena-results', () => {
    expect(under(out, 'aws_athena_workgroup', 'Lake_Query_Workgroup')).toEqual({
      name: 'acme-lake',
      description: 'SQL over the acme lake (cdktf-data-pipelines)',
      state: 'ENABLED',
      force_destroy: false,
      configuration: {
        enforce_workgroup_configuration: true,
        publish_cloudwatch_metrics_enabled: true,
        requester_pays_enabled: false,
        bytes_scanned_cutoff_per_query: DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF,
        engine_version: { selected_engine_version: ATHENA_ENGINE_VERSION },
        result_configuration: {
          output_location: `s3://${ref(out, 'aws_s3_bucket', 'Lake_Query_Results_Bucket', 'bucket')}/${ATHENA_RESULTS_PREFIX}`,
          expected_bucket_owner: platformRefs(out).account,
          encryption_configuration: { encryption_option: 'SSE_KMS', kms_key_arn: platformRefs(out).sharedKeyArn },
        },
      },
      lifecycle: { prevent_destroy: true },
    });
    expect(ATHENA_ENGINE_VERSION).toBe('AUTO');
    expect(out.json.output.workgroup.value).toBe(ref(out, 'aws_athena_workgroup', 'Lake_Query_Workgroup', 'name'));
    expect(lake.sqlEndpoint).toBe('athena.eu-west-1.amazonaws.com:443');
  });

  test('the results bucket is a SecureBucket whose results expire', () => {
    expect(under(out, 'aws_s3_bucket', 'Lake_Query_Results_Bucket')).toEqual({ bucket: 'acme-athena-results', force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(under(out, 'aws_s3_bucket_lifecycle_configuration', 'Lake_Query_Results').rule[1]).toEqual({
      id: 'tiering',
      status: 'Enabled',
      filter: [{ prefix: '' }],
      expiration: [{ days: DEFAULT_ATHENA_RESULTS_EXPIRE_DAYS }],
      noncurrent_version_expiration: [{ noncurrent_days: ATHENA_RESULTS_NONCURRENT_VERSION_DAYS }],
    });
  });

  test('lakeFormation off: no registration, no Lake Formation permissions; auditDataEvents off: no trail', () => {
    expect(out.resources('aws_lakeformation_resource')).toEqual({});
    expect(out.resources('aws_lakeformation_permissions')).toEqual({});
    expect(out.resources('aws_cloudtrail')).toEqual({});
    expect(Object.keys(out.resources('aws_kms_key'))).toHaveLength(1);
  });

  test('no warnings', () => {
    expect(warnings(lake)).toEqual([]);
  });
});
