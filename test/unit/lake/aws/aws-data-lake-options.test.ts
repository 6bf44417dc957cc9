import { all, awsStack, ref, under } from './aws-lake-fixture';
import { KeyStrategy, RemovalPolicy } from '../../../../src';
import { AwsDataLake } from '../../../../src/lake/aws';
import { warnings } from '../../../support/annotations';
import { synth } from '../../../support/synth';

describe('options', () => {
  test('zones, scan limit and crawler schedule', () => {
    const stack = awsStack();
    new AwsDataLake(stack, 'Lake', {
      zones: [{ name: 'bronze' }, { name: 'gold-v2', infrequentAccessAfterDays: 60 }],
      athenaBytesScannedCutoff: 1_000_000_000,
      crawlerSchedule: 'cron(15 * * * ? *)',
    });
    const out = synth(stack);
    expect(all(out, 'aws_s3_bucket').map((b) => b.bucket).sort()).toEqual(['acme-access-logs-eu-west-1', 'acme-athena-results', 'acme-bronze', 'acme-gold-v2']);
    expect(all(out, 'aws_glue_catalog_database').map((d) => d.name).sort()).toEqual(['acme_bronze', 'acme_gold_v2']);
    expect(all(out, 'aws_glue_crawler').map((c) => c.schedule)).toEqual(['cron(15 * * * ? *)', 'cron(15 * * * ? *)']);
    expect(out.only('aws_athena_workgroup').configuration.bytes_scanned_cutoff_per_query).toBe(1_000_000_000);
    // a later first transition keeps the 60 days between the two
    expect(under(out, 'aws_s3_bucket_lifecycle_configuration', 'Lake_Zone-gold-v2_Bucket').rule[1].transition).toEqual([
      { days: 60, storage_class: 'STANDARD_IA' }, { days: 120, storage_class: 'GLACIER_IR' },
    ]);
  });

  test('a key per store: the zones, the catalog and the results each get their own rotating key, in the grants too', () => {
    const stack = awsStack({ keyStrategy: KeyStrategy.keyPerStore() });
    new AwsDataLake(stack, 'Lake', { zones: [{ name: 'raw' }] });
    const out = synth(stack);
    expect(all(out, 'aws_kms_alias').map((a) => a.name).sort()).toEqual(['alias/acme-athena-results', 'alias/acme-lake-catalog', 'alias/acme-raw']);
    const catalogKey = ref(out, 'aws_kms_key', 'Lake_Catalog_Key', 'arn');
    expect(out.only('aws_glue_security_configuration').encryption_configuration.s3_encryption.kms_key_arn).toBe(catalogKey);
    const statements = JSON.parse(under(out, 'aws_iam_role_policy', 'Lake_Zone-raw_Crawler_Policy').policy).Statement;
    expect(statements[2]).toEqual({
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      Resource: [ref(out, 'aws_kms_key', 'Lake_Zone-raw_Bucket_Key', 'arn'), catalogKey],
    });
  });

  test('DESTROY with the second opt-in: nothing is protected, buckets and workgroup can be force-destroyed', () => {
    const stack = awsStack({ allowDataDestruction: true });
    new AwsDataLake(stack, 'Lake', { removalPolicy: RemovalPolicy.DESTROY, auditDataEvents: true });
    const out = synth(stack);
    const protectedResources = Object.entries<Record<string, any>>(out.json.resource)
      .flatMap(([type, byName]) => Object.entries(byName).filter(([, r]) => r.lifecycle?.prevent_destroy).map(([name]) => `${type}.${name}`));
    expect(protectedResources).toEqual([]);
    expect(all(out, 'aws_s3_bucket').every((b) => b.force_destroy === true)).toBe(true);
    expect(out.only('aws_athena_workgroup').force_destroy).toBe(true);
  });

  test('DESTROY without the opt-in keeps everything protected, with a warning', () => {
    const stack = awsStack();
    new AwsDataLake(stack, 'Lake', { zones: [{ name: 'raw' }], removalPolicy: RemovalPolicy.DESTROY });
    const out = synth(stack);
    expect(under(out, 'aws_glue_catalog_database', 'Lake_Zone-raw_Database').lifecycle).toEqual({ prevent_destroy: true });
    expect(under(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket').lifecycle).toEqual({ prevent_destroy: true });
    expect(out.only('aws_athena_workgroup').lifecycle).toEqual({ prevent_destroy: true });
    expect(warnings(stack).map((w) => w.path)).toContain('test/Lake/Zone-raw/Database');
  });
});
