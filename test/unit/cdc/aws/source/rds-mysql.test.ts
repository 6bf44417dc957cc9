import { addressUnder, resolved, sourceStack, under } from './source-fixture';
import {
  DEFAULT_CREDENTIAL_REVISION, DEFAULT_PASSWORD_LENGTH, DEFAULT_SECRET_RECOVERY_WINDOW_DAYS, PASSWORD_EXCLUDED_CHARACTERS, SecretStoreBackend,
} from '../../../../../src';
import { SourceEngine } from '../../../../../src/cdc';
import {
  RDS_DATABASE_INSIGHTS_MODE, DEFAULT_RDS_ALLOCATED_STORAGE_GIB, DEFAULT_AWS_SOURCE_BACKUP_RETENTION_DAYS,
  DEFAULT_AWS_SOURCE_LOG_RETENTION_DAYS, DEFAULT_RDS_ENHANCED_MONITORING_INTERVAL_SECONDS, DEFAULT_AWS_SOURCE_MASTER_USERNAME,
  DEFAULT_RDS_MULTI_AZ, DEFAULT_RDS_MYSQL_ENGINE_VERSION, DEFAULT_RDS_INSTANCE_CLASS, DEFAULT_AWS_SOURCE_DATABASE_NAME,
  RDS_MYSQL_SOURCE_PARAMETERS, RDS_PERFORMANCE_INSIGHTS_RETENTION_DAYS, RDS_LOG_EXPORTS, RDS_PORTS, RDS_STORAGE_TYPE, RdsSourceDatabase,
  RDS_STORAGE_AUTOSCALING_FACTOR,
} from '../../../../../src/cdc/aws/source';
import { ref, synth } from '../../../../support/synth';

describe('RdsSourceDatabase, MySQL with the defaults', () => {
  const stack = sourceStack();
  const db = new RdsSourceDatabase(stack, 'Orders', { engine: SourceEngine.MYSQL });
  const out = synth(stack);
  const instance = out.only('aws_db_instance');
  const key = ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn');

  test('the defaults are the documented values', () => {
    expect([DEFAULT_RDS_MYSQL_ENGINE_VERSION, DEFAULT_RDS_INSTANCE_CLASS, DEFAULT_RDS_ALLOCATED_STORAGE_GIB, RDS_STORAGE_AUTOSCALING_FACTOR])
      .toEqual(['8.4', 'db.m7g.large', 100, 2]);
    expect([DEFAULT_AWS_SOURCE_BACKUP_RETENTION_DAYS, DEFAULT_RDS_MULTI_AZ]).toEqual([7, true]);
    expect([DEFAULT_RDS_ENHANCED_MONITORING_INTERVAL_SECONDS, RDS_PERFORMANCE_INSIGHTS_RETENTION_DAYS]).toEqual([0, 7]);
    expect([DEFAULT_AWS_SOURCE_MASTER_USERNAME, DEFAULT_AWS_SOURCE_DATABASE_NAME, DEFAULT_AWS_SOURCE_LOG_RETENTION_DAYS]).toEqual(['cdcadmin', 'app', 365]);
  });

  test('identifier, engine and version from the defaults; minor versions upgraded, major ones never by accident', () => {
    expect(instance.identifier).toBe('acme-orders');
    expect(instance.engine).toBe('mysql');
    expect(instance.engine_version).toBe(DEFAULT_RDS_MYSQL_ENGINE_VERSION);
    expect(instance.auto_minor_version_upgrade).toBe(true);
    expect(instance.allow_major_version_upgrade).toBe(false);
  });

  test('class and gp3 storage with autoscaling up to twice the allocation', () => {
    expect(instance.instance_class).toBe(DEFAULT_RDS_INSTANCE_CLASS);
    expect(instance.storage_type).toBe(RDS_STORAGE_TYPE);
    expect(RDS_STORAGE_TYPE).toBe('gp3');
    expect(instance.allocated_storage).toBe(DEFAULT_RDS_ALLOCATED_STORAGE_GIB);
    expect(instance.max_allocated_storage).toBe(DEFAULT_RDS_ALLOCATED_STORAGE_GIB * RDS_STORAGE_AUTOSCALING_FACTOR);
  });

  test('storage encrypted with the platform key', () => {
    expect(instance.storage_encrypted).toBe(true);
    expect(instance.kms_key_id).toBe(key);
  });

  test('the master password: the ephemeral random password, sent only through password_wo; never a password in state', () => {
    expect(instance.username).toBe(DEFAULT_AWS_SOURCE_MASTER_USERNAME);
    expect(instance.manage_master_user_password).toBeUndefined();
    expect(instance.password).toBeUndefined();
    expect(instance.password_wo).toBe('${ephemeral.aws_secretsmanager_random_password.Orders_MasterCredential_Password_D5F95CFB.random_password}');
    expect(instance.password_wo_version).toBe(DEFAULT_CREDENTIAL_REVISION);
  });

  test('IAM database authentication; not publicly accessible; database and port', () => {
    expect(instance.iam_database_authentication_enabled).toBe(true);
    expect(instance.publicly_accessible).toBe(false);
    expect(instance.db_name).toBe(DEFAULT_AWS_SOURCE_DATABASE_NAME);
    expect(instance.port).toBe(3306);
    expect(RDS_PORTS[SourceEngine.MYSQL]).toBe(3306);
  });

  test('durability: Multi-AZ, 7 days of backups, tags copied to snapshots', () => {
    expect(instance.multi_az).toBe(true);
    expect(instance.backup_retention_period).toBe(DEFAULT_AWS_SOURCE_BACKUP_RETENTION_DAYS);
    expect(instance.copy_tags_to_snapshot).toBe(true);
  });

  test('retained: prevent_destroy, deletion protection, a final snapshot, automated backups kept after deletion', () => {
    expect(instance.lifecycle).toEqual({ prevent_destroy: true });
    expect(instance.deletion_protection).toBe(true);
    expect(instance.skip_final_snapshot).toBe(false);
    expect(instance.final_snapshot_identifier).toBe('acme-orders-final');
    expect(instance.delete_automated_backups).toBe(false);
    expect(db.removalPolicy).toBe('retain');
  });

  test('Database Insights (Standard) with Performance Insights under the platform key; no enhanced monitoring', () => {
    expect(instance.database_insights_mode).toBe(RDS_DATABASE_INSIGHTS_MODE);
    expect(RDS_DATABASE_INSIGHTS_MODE).toBe('standard');
    expect(instance.performance_insights_enabled).toBe(true);
    expect(instance.performance_insights_kms_key_id).toBe(key);
    expect(instance.performance_insights_retention_period).toBe(RDS_PERFORMANCE_INSIGHTS_RETENTION_DAYS);
    expect(instance.monitoring_interval).toBe(0);
    expect(instance.monitoring_role_arn).toBeUndefined();
    expect(out.resources('aws_iam_role_policy_attachment')).toEqual({});
  });

  test('the parameter group: ROW binlog with FULL row images, TLS required, slow query log to files; mysql8.4 family', () => {
    const group = out.only('aws_db_parameter_group');
    expect(instance.parameter_group_name).toBe(ref(out, 'aws_db_parameter_group', 'Orders_ParameterGroup', 'name'));
    expect(group.name).toBe('acme-orders');
    expect(group.family).toBe('mysql8.4');
    expect(group.parameter).toEqual([
      { name: 'binlog_format', value: 'ROW', apply_method: 'immediate' },
      { name: 'binlog_row_image', value: 'FULL', apply_method: 'immediate' },
      { name: 'require_secure_transport', value: '1', apply_method: 'immediate' },
      { name: 'slow_query_log', value: '1', apply_method: 'immediate' },
      { name: 'log_output', value: 'FILE', apply_method: 'immediate' },
    ]);
    expect(group.parameter).toEqual(RDS_MYSQL_SOURCE_PARAMETERS.map((p) => ({ name: p.name, value: p.value, apply_method: p.applyMethod })));
  });

  test('the subnet group of the platform network\'s private subnets', () => {
    const subnets = out.only('aws_db_subnet_group');
    expect(instance.db_subnet_group_name).toBe(ref(out, 'aws_db_subnet_group', 'Orders_SubnetGroup', 'name'));
    expect(subnets.name).toBe('acme-orders');
    expect(subnets.subnet_ids).toEqual([1, 2, 3].map((i) => ref(out, 'aws_subnet', `Network_PrivateSubnet${i}`, 'id')));
  });

  test('error, slow query and IAM authentication error logs exported into pre-created KMS-encrypted groups with retention', () => {
    expect(RDS_LOG_EXPORTS[SourceEngine.MYSQL]).toEqual(['error', 'slowquery', 'iam-db-auth-error']);
    expect(instance.enabled_cloudwatch_logs_exports).toEqual(RDS_LOG_EXPORTS[SourceEngine.MYSQL]);
    const addresses = RDS_LOG_EXPORTS[SourceEngine.MYSQL].map((type) => {
      const group = under(out, 'aws_cloudwatch_log_group', `Orders_Log-${type}_LogGroup`);
      expect(group.name).toBe(`/aws/rds/instance/acme-orders/${type}`);
      expect(group.kms_key_id).toBe(key);
      expect(group.retention_in_days).toBe(DEFAULT_AWS_SOURCE_LOG_RETENTION_DAYS);
      expect(group.lifecycle).toEqual({ prevent_destroy: true });
      return addressUnder(out, 'aws_cloudwatch_log_group', `Orders_Log-${type}_LogGroup`);
    });
    expect(instance.depends_on).toEqual(addresses);
  });

  test('the contract: engine, host, port, database, TLS', () => {
    expect(db.engine).toBe(SourceEngine.MYSQL);
    expect(resolved(stack, db.host)).toBe(ref(out, 'aws_db_instance', 'Orders_Instance', 'address'));
    expect(db.port).toBe(3306);
    expect(db.databaseName).toBe('app');
    expect(db.tlsRequired).toBe(true);
  });

  test('masterCredential: the generated master secret with the connection details DMS reads; it is the default cdcCredential', () => {
    expect(db.masterCredential.backend).toBe(SecretStoreBackend.SECRETS_MANAGER);
    expect(db.masterCredential.username).toBe(DEFAULT_AWS_SOURCE_MASTER_USERNAME);
    expect(db.masterCredential.credentialName).toBe('acme-orders-master');
    expect(resolved(stack, db.masterCredential.secretArn)).toBe(ref(out, 'aws_secretsmanager_secret', 'Orders_MasterCredential', 'arn'));
    expect(resolved(stack, db.masterCredential.kmsKeyArn)).toBe(key);
    expect(db.cdcCredential).toBe(db.masterCredential);
  });

  test('the master secret: under the key, retained, its value written only through secret_string_wo from the same ephemeral password', () => {
    const secret = out.only('aws_secretsmanager_secret');
    expect(secret.name).toBe('acme-orders-master');
    expect(secret.kms_key_id).toBe(key);
    expect(secret.recovery_window_in_days).toBe(DEFAULT_SECRET_RECOVERY_WINDOW_DAYS);
    expect(secret.lifecycle).toEqual({ prevent_destroy: true });
    const version = out.only('aws_secretsmanager_secret_version');
    expect(version.secret_string).toBeUndefined();
    expect(version.secret_string_wo).toBe('$' + `{jsonencode({"engine" = "mysql", "host" = ${ref(out, 'aws_db_instance', 'Orders_Instance', 'address').slice(2, -1)}, `
      + '"port" = 3306, "dbname" = "app", "username" = "cdcadmin", '
      + '"password" = ephemeral.aws_secretsmanager_random_password.Orders_MasterCredential_Password_D5F95CFB.random_password})}');
    expect(version.secret_string_wo_version).toBe(DEFAULT_CREDENTIAL_REVISION);
    expect(out.json.ephemeral.aws_secretsmanager_random_password).toEqual({
      Orders_MasterCredential_Password_D5F95CFB: {
        password_length: DEFAULT_PASSWORD_LENGTH,
        exclude_characters: PASSWORD_EXCLUDED_CHARACTERS,
        require_each_included_type: true,
      },
    });
  });
});
