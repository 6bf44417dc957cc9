import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { all, awsStack, glueArnsOf, platformRefs, ref, rolePolicy, under } from './aws-lake-fixture';
import { IIdentity, Identity } from '../../../../src';
import { AwsDataLake } from '../../../../src/lake/aws';
import { LF_DATABASE_PERMISSIONS, LF_LOCATION_PERMISSIONS, LF_TABLE_PERMISSIONS } from '../../../../src/lake/aws/private/lake-formation';
import {
  ATHENA_QUERY_ACTIONS, ATHENA_RESULTS_ACTIONS, GLUE_READ_ACTIONS, GLUE_WRITE_ACTIONS, LAKE_FORMATION_DATA_ACCESS, S3_READ_ACTIONS, S3_WRITE_ACTIONS,
} from '../../../../src/lake/aws/private/lake-grants';
import { synth, Synthesized } from '../../../support/synth';

function lakeWithGrants(lakeFormation: boolean): { stack: TerraformStack; out: Synthesized } {
  const stack = awsStack();
  const lake = new AwsDataLake(stack, 'Lake', { lakeFormation });
  const analyst = new Identity(stack, 'Analyst', { name: 'analyst' });
  const etl = new Identity(stack, 'Etl', { name: 'etl' });
  lake.grantRead(analyst, 'curated');
  lake.grantRead(analyst, 'curated'); // twice: a no-op
  lake.grantWrite(etl, 'raw');
  return { stack, out: synth(stack) };
}

const arns = (out: Synthesized, zone: string) => ({
  bucket: ref(out, 'aws_s3_bucket', `Lake_Zone-${zone}_Bucket`, 'arn'),
  database: ref(out, 'aws_glue_catalog_database', `Lake_Zone-${zone}_Database`, 'name'),
});

describe('grants without Lake Formation', () => {
  let out: Synthesized;
  beforeAll(() => ({ out } = lakeWithGrants(false)));

  test('grantRead: the zone bucket, Glue catalog/database/tables, the Athena workgroup and its results, the keys', () => {
    const { bucket, database } = arns(out, 'curated');
    const results = ref(out, 'aws_s3_bucket', 'Lake_Query_Results_Bucket', 'arn');
    const policy = rolePolicy(out, 'lake-curated-read');
    expect(policy.role).toBe(ref(out, 'aws_iam_role', 'Analyst_Role', 'name'));
    expect(policy.statements).toEqual([
      { Effect: 'Allow', Action: S3_READ_ACTIONS, Resource: [bucket, `${bucket}/*`] },
      { Effect: 'Allow', Action: GLUE_READ_ACTIONS, Resource: glueArnsOf(out, database) },
      { Effect: 'Allow', Action: ATHENA_QUERY_ACTIONS, Resource: [ref(out, 'aws_athena_workgroup', 'Lake_Query_Workgroup', 'arn')] },
      { Effect: 'Allow', Action: ATHENA_RESULTS_ACTIONS, Resource: [results, `${results}/*`] },
      // zone, catalog and results share the platform's key: one statement, the union of the actions
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [platformRefs(out).sharedKeyArn] },
    ]);
    expect(S3_READ_ACTIONS.some((a) => /Put|Delete/.test(a))).toBe(false);
  });

  test('grantWrite: the zone bucket and tables, never deleting a table; no Athena', () => {
    const { bucket, database } = arns(out, 'raw');
    const policy = rolePolicy(out, 'lake-raw-write');
    expect(policy.role).toBe(ref(out, 'aws_iam_role', 'Etl_Role', 'name'));
    expect(policy.statements).toEqual([
      { Effect: 'Allow', Action: S3_WRITE_ACTIONS, Resource: [bucket, `${bucket}/*`] },
      { Effect: 'Allow', Action: GLUE_WRITE_ACTIONS, Resource: glueArnsOf(out, database) },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Resource: [platformRefs(out).sharedKeyArn] },
    ]);
    expect(GLUE_WRITE_ACTIONS).not.toContain('glue:DeleteTable');
    expect(GLUE_WRITE_ACTIONS).not.toContain('glue:DeleteDatabase');
  });

  test('a grant given twice is attached once; no Lake Formation resources', () => {
    expect(all(out, 'aws_iam_role_policy').map((p) => p.name).filter((n) => n.startsWith('lake-')).sort()).toEqual(['lake-curated-read', 'lake-raw-write']);
    expect(out.resources('aws_lakeformation_permissions')).toEqual({});
    expect(out.resources('aws_lakeformation_resource')).toEqual({});
    expect(JSON.stringify(out.resources('aws_iam_role_policy'))).not.toContain(LAKE_FORMATION_DATA_ACCESS);
  });
});

describe('grants with Lake Formation', () => {
  let out: Synthesized;
  beforeAll(() => ({ out } = lakeWithGrants(true)));

  test('every zone location is registered through a data-access role trusted by Lake Formation', () => {
    const { account, sharedKeyArn } = platformRefs(out);
    const role = under(out, 'aws_iam_role', 'Lake_LakeFormation_Role');
    expect(role.name).toBe('acme-lake-formation');
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'lakeformation.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': account } },
    }]);
    const buckets = ['raw', 'curated', 'analytics'].map((z) => arns(out, z).bucket);
    expect(rolePolicy(out, 'DataAccess').statements).toEqual([
      { Effect: 'Allow', Action: ['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject'], Resource: [...buckets, ...buckets.map((b) => `${b}/*`)] },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Resource: [sharedKeyArn] },
    ]);
    for (const zone of ['raw', 'curated', 'analytics']) {
      expect(under(out, 'aws_lakeformation_resource', `Lake_LakeFormation_Location-${zone}`)).toEqual({
        arn: arns(out, zone).bucket,
        role_arn: ref(out, 'aws_iam_role', 'Lake_LakeFormation_Role', 'arn'),
        depends_on: [`aws_iam_role_policy.${Object.keys(out.resources('aws_iam_role_policy')).find((k) => k.startsWith('Lake_LakeFormation_DataAccess_'))}`],
      });
    }
  });

  test('grantRead: DESCRIBE on the database, SELECT and DESCRIBE on its tables', () => {
    const principal = ref(out, 'aws_iam_role', 'Analyst_Role', 'arn');
    const { database } = arns(out, 'curated');
    const mine = all(out, 'aws_lakeformation_permissions').filter((p) => p.principal === principal);
    expect(mine).toEqual([
      { principal, permissions: LF_DATABASE_PERMISSIONS.read, database: { name: database } },
      { principal, permissions: LF_TABLE_PERMISSIONS.read, table: { database_name: database, wildcard: true } },
    ]);
    expect(LF_DATABASE_PERMISSIONS.read).toEqual(['DESCRIBE']);
    expect(LF_TABLE_PERMISSIONS.read).toEqual(['DESCRIBE', 'SELECT']);
  });

  test('grantWrite: ALL but DROP on the database and its tables, and the data location once registered', () => {
    const principal = ref(out, 'aws_iam_role', 'Etl_Role', 'arn');
    const { bucket, database } = arns(out, 'raw');
    const mine = all(out, 'aws_lakeformation_permissions').filter((p) => p.principal === principal);
    expect(mine).toEqual([
      // (in logical-id order: Database, Location, Tables)
      { principal, permissions: LF_DATABASE_PERMISSIONS.write, database: { name: database } },
      {
        principal,
        permissions: LF_LOCATION_PERMISSIONS,
        data_location: { arn: bucket },
        depends_on: [`aws_lakeformation_resource.${Object.keys(out.resources('aws_lakeformation_resource')).find((k) => k.startsWith('Lake_LakeFormation_Location-raw_'))}`],
      },
      { principal, permissions: LF_TABLE_PERMISSIONS.write, table: { database_name: database, wildcard: true } },
    ]);
    expect(LF_DATABASE_PERMISSIONS.write).toEqual(['ALTER', 'CREATE_TABLE', 'DESCRIBE']);
    expect(LF_TABLE_PERMISSIONS.write).toEqual(['ALTER', 'DELETE', 'DESCRIBE', 'INSERT', 'SELECT']);
    expect([...LF_DATABASE_PERMISSIONS.write, ...LF_TABLE_PERMISSIONS.write]).not.toContain('DROP');
  });

  test('each crawler role gets write permissions on its own zone only', () => {
    for (const zone of ['raw', 'curated', 'analytics']) {
      const principal = ref(out, 'aws_iam_role', `Lake_Zone-${zone}_Crawler_Role`, 'arn');
      const mine = all(out, 'aws_lakeformation_permissions').filter((p) => p.principal === principal);
      expect(mine.map((p) => p.permissions)).toEqual([LF_DATABASE_PERMISSIONS.write, LF_LOCATION_PERMISSIONS, LF_TABLE_PERMISSIONS.write]);
      expect(mine[0].database).toEqual({ name: arns(out, zone).database });
    }
    // 3 crawlers x 3 + analyst read 2 + etl write 3
    expect(Object.keys(out.resources('aws_lakeformation_permissions'))).toHaveLength(14);
  });

  test('IAM grants add lakeformation:GetDataAccess (it has no resource-level permissions)', () => {
    expect(rolePolicy(out, 'lake-curated-read').statements.at(-1)).toEqual({ Effect: 'Allow', Action: [LAKE_FORMATION_DATA_ACCESS], Resource: ['*'] });
    expect(rolePolicy(out, 'lake-raw-write').statements.at(-1)).toEqual({ Effect: 'Allow', Action: [LAKE_FORMATION_DATA_ACCESS], Resource: ['*'] });
  });
});

describe('grant errors', () => {
  test('an unknown zone, in every zone method', () => {
    const stack = awsStack();
    const lake = new AwsDataLake(stack, 'Lake');
    const identity = new Identity(stack, 'Analyst', { name: 'analyst' });
    const message = 'test/Lake: invalid zone: received "gold"; use one of this lake\'s zones: raw, curated, analytics.';
    expect(() => lake.grantRead(identity, 'gold')).toThrow(message);
    expect(() => lake.grantWrite(identity, 'gold')).toThrow(message);
    expect(() => lake.zoneLocation('gold')).toThrow(message);
    expect(() => lake.databaseName('gold')).toThrow(message);
    expect(() => lake.zoneBucket('gold')).toThrow(message);
    expect(() => lake.crawlerName('gold')).toThrow(message);
  });

  test('with Lake Formation, an identity without an IAM role ARN', () => {
    const stack = awsStack();
    const lake = new AwsDataLake(stack, 'Lake', { lakeFormation: true });
    class NameOnly extends Construct implements IIdentity {
      public readonly identityName = 'legacy';
      public readonly awsRoleName = 'legacy-role';
    }
    expect(() => lake.grantRead(new NameOnly(stack, 'Legacy'), 'raw')).toThrow(
      'test/Lake: cannot grant Lake Formation permissions to identity "legacy" (test/Legacy): it has no IAM role ARN. Use an identity created on an AWS platform or Identity.fromAwsRole().');
  });

  test('an identity without an IAM role', () => {
    const stack = awsStack();
    const lake = new AwsDataLake(stack, 'Lake');
    expect(() => lake.grantWrite(Identity.fromServiceAccount(stack, 'Sa', 'spark'), 'raw')).toThrow(
      'test/Lake: cannot grant AWS permissions to identity "spark" (test/Sa): it has no IAM role. Use an identity created on an AWS platform or Identity.fromAwsRole().');
  });
});
