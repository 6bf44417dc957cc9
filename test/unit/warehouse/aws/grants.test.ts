import { platformRefs, warehouseStack } from './redshift-fixture';
import { Identity } from '../../../../src';
import { RedshiftDeployment } from '../../../../src/warehouse/aws';
import { ensureUserProcedureSql } from '../../../../src/warehouse/aws/private/sql';
import { policyNamed, ref, synth, Synthesized } from '../../../support/synth';

/** The statements' SQL following their depends_on chain from the first one. */
function chain(out: Synthesized): string[] {
  const statements = out.resources('aws_redshiftdata_statement');
  const ids = Object.keys(statements);
  const first = ids.filter((id) => !(statements[id].depends_on ?? []).some((d: string) => d.startsWith('aws_redshiftdata_statement.')));
  expect(first).toHaveLength(1);
  const order = [first[0]];
  for (;;) {
    const last = `aws_redshiftdata_statement.${order[order.length - 1]}`;
    const next = ids.filter((id) => (statements[id].depends_on ?? []).includes(last));
    if (next.length === 0) break;
    expect(next).toHaveLength(1);
    order.push(next[0]);
  }
  expect(order).toHaveLength(ids.length);
  return order.map((id) => statements[id].sql);
}

const STATEMENT_OWNER = { StringEquals: { 'redshift-data:statement-owner-iam-userid': '$${aws:userid}' } };

describe('grantRead / grantWrite on serverless', () => {
  const { stack, warehouse } = warehouseStack();
  const analyst = new Identity(stack, 'Analyst', { name: 'analyst' });
  const etl = new Identity(stack, 'Etl', { name: 'etl' });
  warehouse.grantRead(analyst);
  warehouse.grantWrite(etl);
  warehouse.grantRead(analyst); // twice: no-op
  const out = synth(stack);
  const workgroup = ref(out, 'aws_redshiftserverless_workgroup', 'Workgroup', 'arn');
  const analystUser = `"IAMR:${ref(out, 'aws_iam_role', 'Analyst_Role', 'name')}"`;
  const etlUser = `"IAMR:${ref(out, 'aws_iam_role', 'Etl_Role', 'name')}"`;

  test('IAM: temporary credentials on the workgroup, the Data API on the workgroup, only statements the identity ran', () => {
    const expected = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['redshift-serverless:GetCredentials'], Resource: [workgroup] },
        { Effect: 'Allow', Action: ['redshift-data:BatchExecuteStatement', 'redshift-data:ExecuteStatement'], Resource: [workgroup] },
        {
          Effect: 'Allow',
          Action: ['redshift-data:CancelStatement', 'redshift-data:DescribeStatement', 'redshift-data:GetStatementResult'],
          Resource: ['*'],
          Condition: STATEMENT_OWNER,
        },
      ],
    };
    expect(policyNamed(out, 'redshift-warehouse-read')).toEqual(expected);
    expect(policyNamed(out, 'redshift-warehouse-write')).toEqual(expected);
    const roles = Object.values(out.resources('aws_iam_role_policy')).filter((p: any) => p.name.startsWith('redshift-warehouse-')).map((p: any) => p.role);
    expect(roles.sort()).toEqual([ref(out, 'aws_iam_role', 'Analyst_Role', 'name'), ref(out, 'aws_iam_role', 'Etl_Role', 'name')].sort());
  });

  test('SQL, one statement at a time: tables, then the ensure-user procedure, the IAM-mapped users and their grants per schema', () => {
    expect(chain(out)).toEqual([
      'CREATE SCHEMA IF NOT EXISTS "sales"',
      'CREATE TABLE IF NOT EXISTS "public"."events" ("id" bigint NOT NULL, "kind" varchar(64), "at" timestamp)',
      'CREATE TABLE IF NOT EXISTS "sales"."orders" ("order_id" bigint NOT NULL, "total" numeric(10,2))',
      ensureUserProcedureSql('public'),
      `CALL "public"."cdktf_dp_ensure_user"('IAMR:${ref(out, 'aws_iam_role', 'Analyst_Role', 'name')}')`,
      `GRANT USAGE ON SCHEMA "public" TO ${analystUser}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO ${analystUser}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT ON TABLES TO ${analystUser}`,
      `GRANT USAGE ON SCHEMA "sales" TO ${analystUser}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA "sales" TO ${analystUser}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "sales" GRANT SELECT ON TABLES TO ${analystUser}`,
      `CALL "public"."cdktf_dp_ensure_user"('IAMR:${ref(out, 'aws_iam_role', 'Etl_Role', 'name')}')`,
      `GRANT USAGE ON SCHEMA "public" TO ${etlUser}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO ${etlUser}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${etlUser}`,
      `GRANT USAGE ON SCHEMA "sales" TO ${etlUser}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "sales" TO ${etlUser}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "sales" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${etlUser}`,
    ]);
  });

  test('the ensure-user procedure creates a password-less user only when missing', () => {
    expect(ensureUserProcedureSql('public')).toBe([
      'CREATE OR REPLACE PROCEDURE "public"."cdktf_dp_ensure_user"(user_name VARCHAR(128))',
      'AS $$',
      'DECLARE',
      '  existing INTEGER;',
      'BEGIN',
      '  SELECT INTO existing COUNT(*) FROM pg_user WHERE LOWER(usename) = LOWER(user_name);',
      '  IF existing = 0 THEN',
      "    EXECUTE 'CREATE USER ' || quote_ident(user_name) || ' PASSWORD DISABLE';",
      '  END IF;',
      'END;',
      '$$ LANGUAGE plpgsql',
    ].join('\n'));
  });

  test('every statement signs in with the administrator\'s managed secret, on the workgroup and database, and carries no secret', () => {
    const secret = ref(out, 'aws_redshiftserverless_namespace', 'Namespace', 'admin_password_secret_arn');
    for (const s of Object.values(out.resources('aws_redshiftdata_statement')) as any[]) {
      expect(s.secret_arn).toBe(secret);
      expect(s.workgroup_name).toBe('acme-warehouse');
      expect(s.cluster_identifier).toBeUndefined();
      expect(s.database).toBe('analytics');
      expect(s.sql).not.toMatch(/PASSWORD '/);
    }
  });

  test('the first statement waits for the workgroup', () => {
    const first = (Object.values(out.resources('aws_redshiftdata_statement')) as any[]).find((s) => s.sql === 'CREATE SCHEMA IF NOT EXISTS "sales"');
    expect(first.depends_on).toEqual([`aws_redshiftserverless_workgroup.${Object.keys(out.resources('aws_redshiftserverless_workgroup'))[0]}`]);
  });
});

describe('grants on a provisioned cluster', () => {
  const { stack, warehouse } = warehouseStack({ deployment: RedshiftDeployment.provisioned(), tables: [] });
  warehouse.grantRead(new Identity(stack, 'Analyst', { name: 'analyst' }));
  const out = synth(stack);

  test('IAM: GetClusterCredentialsWithIAM on the database, the Data API on the cluster', () => {
    const { account, partition } = platformRefs(out);
    const cluster = ref(out, 'aws_redshift_cluster', 'Cluster', 'arn');
    expect(policyNamed(out, 'redshift-warehouse-read').Statement).toEqual([
      { Effect: 'Allow', Action: ['redshift:GetClusterCredentialsWithIAM'], Resource: [`arn:${partition}:redshift:eu-west-1:${account}:dbname:acme-warehouse/analytics`] },
      { Effect: 'Allow', Action: ['redshift-data:BatchExecuteStatement', 'redshift-data:ExecuteStatement'], Resource: [cluster] },
      {
        Effect: 'Allow',
        Action: ['redshift-data:CancelStatement', 'redshift-data:DescribeStatement', 'redshift-data:GetStatementResult'],
        Resource: ['*'],
        Condition: STATEMENT_OWNER,
      },
    ]);
  });

  test('without tables only the public schema is granted; statements address the cluster', () => {
    const user = `"IAMR:${ref(out, 'aws_iam_role', 'Analyst_Role', 'name')}"`;
    expect(chain(out).slice(2)).toEqual([
      `GRANT USAGE ON SCHEMA "public" TO ${user}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO ${user}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT ON TABLES TO ${user}`,
    ]);
    for (const s of Object.values(out.resources('aws_redshiftdata_statement')) as any[]) {
      expect(s.cluster_identifier).toBe('acme-warehouse');
      expect(s.workgroup_name).toBeUndefined();
      expect(s.secret_arn).toBe(ref(out, 'aws_redshift_cluster', 'Cluster', 'master_password_secret_arn'));
    }
  });
});

test('an identity without an IAM role cannot be granted', () => {
  const { warehouse } = warehouseStack();
  const identity = { identityName: 'pods', node: { path: 'test/Pods', addr: 'c0ffee' } } as any;
  expect(() => warehouse.grantRead(identity))
    .toThrow('test/Warehouse: cannot grant read to identity "pods" (test/Pods): it has no IAM role. Use an identity created on an AWS platform or Identity.fromAwsRole().');
});
