import { awsStack, refUnder, resolved, under, warehouseStack } from './redshift-fixture';
import { RemovalPolicy } from '../../../../src';
import {
  DEFAULT_ADMIN_USERNAME, DEFAULT_AUDIT_LOG_RETENTION_DAYS, DEFAULT_REDSHIFT_PORT, DEFAULT_SERVERLESS_BASE_CAPACITY_RPUS,
  REDSHIFT_AUDIT_LOG_TYPES, RedshiftDeployment, RedshiftWarehouse,
} from '../../../../src/warehouse/aws';
import { SERVERLESS_CONFIG_PARAMETERS } from '../../../../src/warehouse/aws/private/serverless-warehouse';
import { DEFAULT_WAREHOUSE_DATABASE, WarehouseEngine } from '../../../../src/warehouse/warehouse-contract';
import { warnings } from '../../../support/annotations';
import { ref, synth } from '../../../support/synth';

describe('RedshiftWarehouse, serverless (the default deployment)', () => {
  const { stack, warehouse } = warehouseStack();
  const out = synth(stack);
  const namespace = out.only('aws_redshiftserverless_namespace');
  const workgroup = out.only('aws_redshiftserverless_workgroup');
  const key = ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn');
  const role = refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'arn');

  test('namespace: name, database, administrator from the defaults', () => {
    expect(namespace.namespace_name).toBe('acme-warehouse');
    expect(namespace.db_name).toBe(DEFAULT_WAREHOUSE_DATABASE);
    expect(namespace.admin_username).toBe(DEFAULT_ADMIN_USERNAME);
  });

  test('namespace: encrypted with the platform key; the administrator password managed by Redshift under the same key', () => {
    expect(namespace.kms_key_id).toBe(key);
    expect(namespace.manage_admin_password).toBe(true);
    expect(namespace.admin_password_secret_kms_key_id).toBe(key);
    expect(namespace.admin_user_password).toBeUndefined();
    expect(namespace.admin_user_password_wo).toBeUndefined();
  });

  test('namespace: the warehouse role is attached and default', () => {
    expect(namespace.iam_roles).toEqual([role]);
    expect(namespace.default_iam_role_arn).toBe(role);
  });

  test('namespace: connection, user and user-activity logs exported, into pre-created KMS-encrypted groups with retention', () => {
    expect(namespace.log_exports).toEqual(REDSHIFT_AUDIT_LOG_TYPES);
    expect(REDSHIFT_AUDIT_LOG_TYPES).toEqual(['connectionlog', 'useractivitylog', 'userlog']);
    for (const type of REDSHIFT_AUDIT_LOG_TYPES) {
      const group = under(out, 'aws_cloudwatch_log_group', `Warehouse_Serverless_AuditLog-${type}`);
      expect(group.name).toBe(`/aws/redshift/acme-warehouse/${type}`);
      expect(group.kms_key_id).toBe(key);
      expect(group.retention_in_days).toBe(DEFAULT_AUDIT_LOG_RETENTION_DAYS);
      expect(group.lifecycle).toEqual({ prevent_destroy: true });
      expect(namespace.depends_on).toContain(`aws_cloudwatch_log_group.${Object.keys(out.resources('aws_cloudwatch_log_group')).find((id) => id.includes(`AuditLog-${type}`))}`);
    }
  });

  test('namespace: protected from deletion (RETAIN by default)', () => {
    expect(namespace.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('workgroup: base capacity from the default, no ceiling, port', () => {
    expect(workgroup.workgroup_name).toBe('acme-warehouse');
    expect(workgroup.namespace_name).toBe(ref(out, 'aws_redshiftserverless_namespace', 'Namespace', 'namespace_name'));
    expect(workgroup.base_capacity).toBe(DEFAULT_SERVERLESS_BASE_CAPACITY_RPUS);
    expect(DEFAULT_SERVERLESS_BASE_CAPACITY_RPUS).toBe(8);
    expect(workgroup.max_capacity).toBeUndefined();
    expect(workgroup.port).toBe(DEFAULT_REDSHIFT_PORT);
  });

  test('workgroup: publicly_accessible false stated explicitly, enhanced VPC routing', () => {
    expect(workgroup.publicly_accessible).toBe(false);
    expect(workgroup.enhanced_vpc_routing).toBe(true);
  });

  test('workgroup: the private subnets and the warehouse security group', () => {
    expect(workgroup.subnet_ids).toEqual([1, 2, 3].map((i) => ref(out, 'aws_subnet', `Network_PrivateSubnet${i}`, 'id')));
    expect(workgroup.security_group_ids).toEqual([refUnder(out, 'aws_security_group', 'Warehouse_Network_Group', 'id')]);
  });

  test('workgroup: require_ssl and user-activity logging on; every parameter stated (no perpetual diff)', () => {
    const parameters = Object.fromEntries(workgroup.config_parameter.map((p: any) => [p.parameter_key, p.parameter_value]));
    expect(parameters.require_ssl).toBe('true');
    expect(parameters.enable_user_activity_logging).toBe('true');
    expect(parameters).toEqual(SERVERLESS_CONFIG_PARAMETERS);
    expect(Object.keys(parameters).sort()).toEqual([
      'auto_mv', 'datestyle', 'enable_case_sensitive_identifier', 'enable_user_activity_logging', 'max_query_execution_time',
      'query_group', 'require_ssl', 'search_path', 'use_fips_ssl',
    ]);
  });

  test('the warehouse role trusts Redshift and Redshift Serverless and has no permission of its own', () => {
    const r = under(out, 'aws_iam_role', 'Warehouse_Role');
    expect(r.name).toBe('acme-warehouse-redshift');
    expect(JSON.parse(r.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'] }, Action: 'sts:AssumeRole' }],
    });
    expect(Object.values(out.resources('aws_iam_role_policy')).filter((p: any) => p.role === refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'name'))).toEqual([]);
  });

  test('the contract attributes', () => {
    expect(warehouse.engine).toBe(WarehouseEngine.REDSHIFT_SERVERLESS);
    expect(resolved(stack, warehouse.endpoint)).toBe('$' + `{${'aws_redshiftserverless_workgroup'}.${Object.keys(out.resources('aws_redshiftserverless_workgroup'))[0]}.endpoint[0].address}`);
    expect(warehouse.port).toBe(DEFAULT_REDSHIFT_PORT);
    expect(warehouse.databaseName).toBe(DEFAULT_WAREHOUSE_DATABASE);
    expect(warehouse.identifier).toBe('acme-warehouse');
  });

  test('the administrator credential is the namespace\'s managed secret, under the warehouse key', () => {
    expect(warehouse.adminCredential.backend).toBe('secrets-manager');
    expect(warehouse.adminCredential.username).toBe(DEFAULT_ADMIN_USERNAME);
    expect(resolved(stack, warehouse.adminCredential.secretArn)).toBe(ref(out, 'aws_redshiftserverless_namespace', 'Namespace', 'admin_password_secret_arn'));
    expect(resolved(stack, warehouse.adminCredential.kmsKeyArn)).toBe(key);
  });
});

describe('serverless sizing', () => {
  test('base and max capacity', () => {
    const { stack } = warehouseStack({ deployment: RedshiftDeployment.serverless({ baseCapacityRpus: 32, maxCapacityRpus: 512 }) });
    const workgroup = synth(stack).only('aws_redshiftserverless_workgroup');
    expect(workgroup.base_capacity).toBe(32);
    expect(workgroup.max_capacity).toBe(512);
  });

  test('a ceiling equal to the base is allowed', () => {
    const { stack } = warehouseStack({ deployment: RedshiftDeployment.serverless({ baseCapacityRpus: 1024, maxCapacityRpus: 1024 }) });
    expect(synth(stack).only('aws_redshiftserverless_workgroup').max_capacity).toBe(1024);
  });
});

describe('serverless removal policy', () => {
  test('DESTROY with the platform opt-in: no prevent_destroy on the namespace or the audit log groups', () => {
    const { stack } = warehouseStack({ removalPolicy: RemovalPolicy.DESTROY }, { allowDataDestruction: true });
    const out = synth(stack);
    expect(out.only('aws_redshiftserverless_namespace').lifecycle).toBeUndefined();
    expect(under(out, 'aws_cloudwatch_log_group', 'Warehouse_Serverless_AuditLog-userlog').lifecycle).toBeUndefined();
  });

  test('DESTROY without the opt-in stays RETAIN, with a warning', () => {
    const stack = awsStack();
    const warehouse = new RedshiftWarehouse(stack, 'Warehouse', { removalPolicy: RemovalPolicy.DESTROY });
    const out = synth(stack);
    expect(out.only('aws_redshiftserverless_namespace').lifecycle).toEqual({ prevent_destroy: true });
    expect(warnings(warehouse)).toContainEqual({
      path: 'test/Warehouse',
      message: 'removalPolicy DESTROY ignored: the platform does not set allowDataDestruction: true (the second opt-in), so the data is retained.',
    });
  });
});
