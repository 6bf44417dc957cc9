import { addressUnder, refUnder, resolved, sourceStack } from './source-fixture';
import { KeyStrategy, RemovalPolicy, SecretsManagerStore } from '../../../../../src';
import { SourceEngine } from '../../../../../src/cdc';
import {
  DEFAULT_RDS_POSTGRESQL_ENGINE_VERSION, MAX_RDS_ALLOCATED_STORAGE_GIB, RDS_POSTGRESQL_SOURCE_PARAMETERS, RDS_LOG_EXPORTS, RDS_PORTS,
  RdsSourceDatabase,
} from '../../../../../src/cdc/aws/source';
import { ref, synth } from '../../../../support/synth';

describe('RdsSourceDatabase, PostgreSQL with the defaults', () => {
  const stack = sourceStack();
  const db = new RdsSourceDatabase(stack, 'Billing', { engine: SourceEngine.POSTGRESQL });
  const out = synth(stack);
  const instance = out.only('aws_db_instance');

  test('engine postgres 17, port 5432', () => {
    expect(DEFAULT_RDS_POSTGRESQL_ENGINE_VERSION).toBe('17');
    expect(instance.engine).toBe('postgres');
    expect(instance.engine_version).toBe(DEFAULT_RDS_POSTGRESQL_ENGINE_VERSION);
    expect(instance.port).toBe(5432);
    expect(RDS_PORTS[SourceEngine.POSTGRESQL]).toBe(5432);
    expect(db.port).toBe(5432);
    expect(db.engine).toBe(SourceEngine.POSTGRESQL);
  });

  test('the parameter group: logical replication (static, pending-reboot) and TLS forced; postgres17 family', () => {
    const group = out.only('aws_db_parameter_group');
    expect(group.family).toBe('postgres17');
    expect(group.parameter).toEqual([
      { name: 'rds.logical_replication', value: '1', apply_method: 'pending-reboot' },
      { name: 'rds.force_ssl', value: '1', apply_method: 'immediate' },
    ]);
    expect(group.parameter).toEqual(RDS_POSTGRESQL_SOURCE_PARAMETERS.map((p) => ({ name: p.name, value: p.value, apply_method: p.applyMethod })));
  });

  test('PostgreSQL, upgrade and IAM authentication error logs exported', () => {
    expect(RDS_LOG_EXPORTS[SourceEngine.POSTGRESQL]).toEqual(['postgresql', 'upgrade', 'iam-db-auth-error']);
    expect(instance.enabled_cloudwatch_logs_exports).toEqual(RDS_LOG_EXPORTS[SourceEngine.POSTGRESQL]);
    expect(Object.values(out.resources('aws_cloudwatch_log_group')).map((g: any) => g.name)).toEqual(expect.arrayContaining([
      '/aws/rds/instance/acme-billing/postgresql', '/aws/rds/instance/acme-billing/upgrade', '/aws/rds/instance/acme-billing/iam-db-auth-error',
    ]));
  });

  test('the same baseline as MySQL', () => {
    expect([instance.storage_encrypted, instance.iam_database_authentication_enabled, instance.multi_az]).toEqual([true, true, true]);
    expect(instance.password_wo).toMatch(/^\$\{ephemeral\.aws_secretsmanager_random_password\./);
    expect(instance.publicly_accessible).toBe(false);
    expect(instance.lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('RdsSourceDatabase options', () => {
  test('version, class, storage, ceiling, single-AZ, backups, log retention, name and database', () => {
    const stack = sourceStack();
    new RdsSourceDatabase(stack, 'Db', {
      engine: SourceEngine.POSTGRESQL,
      engineVersion: '16',
      instanceClass: 'db.r7g.xlarge',
      allocatedStorageGiB: 500,
      maxAllocatedStorageGiB: 2000,
      multiAz: false,
      backupRetentionDays: 35,
      logRetentionDays: 30,
      name: 'ledger',
      databaseName: 'ledger_db',
      masterUsername: 'owner1',
    });
    const out = synth(stack);
    const instance = out.only('aws_db_instance');
    expect(out.only('aws_db_parameter_group').family).toBe('postgres16');
    expect([instance.identifier, instance.engine_version, instance.instance_class]).toEqual(['acme-ledger', '16', 'db.r7g.xlarge']);
    expect([instance.allocated_storage, instance.max_allocated_storage]).toEqual([500, 2000]);
    expect([instance.multi_az, instance.backup_retention_period]).toEqual([false, 35]);
    expect([instance.db_name, instance.username]).toEqual(['ledger_db', 'owner1']);
    expect(Object.values(out.resources('aws_cloudwatch_log_group')).filter((g: any) => g.name.startsWith('/aws/rds/')).map((g: any) => g.retention_in_days))
      .toEqual([30, 30, 30]);
  });

  test('MySQL 8.0 uses the mysql8.0 family', () => {
    const stack = sourceStack();
    new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.MYSQL, engineVersion: '8.0' });
    expect(synth(stack).only('aws_db_parameter_group').family).toBe('mysql8.0');
  });

  test('the autoscaling ceiling is capped at the largest storage, and left out when the allocation is already the largest', () => {
    const capped = sourceStack();
    new RdsSourceDatabase(capped, 'Db', { engine: SourceEngine.MYSQL, allocatedStorageGiB: 40_000 });
    expect(synth(capped).only('aws_db_instance').max_allocated_storage).toBe(MAX_RDS_ALLOCATED_STORAGE_GIB);
    const full = sourceStack();
    new RdsSourceDatabase(full, 'Db', { engine: SourceEngine.MYSQL, allocatedStorageGiB: MAX_RDS_ALLOCATED_STORAGE_GIB });
    expect(synth(full).only('aws_db_instance').max_allocated_storage).toBeUndefined();
  });

  test('enhanced monitoring: the interval, a role only RDS monitoring of this account assumes, the AWS-managed policy attached first', () => {
    const stack = sourceStack();
    new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.MYSQL, enhancedMonitoringIntervalSeconds: 15 });
    const out = synth(stack);
    const instance = out.only('aws_db_instance');
    const role = out.resources('aws_iam_role')[Object.keys(out.resources('aws_iam_role')).find((id) => id.startsWith('Db_MonitoringRole'))!];
    expect(instance.monitoring_interval).toBe(15);
    expect(instance.monitoring_role_arn).toBe(refUnder(out, 'aws_iam_role', 'Db_MonitoringRole', 'arn'));
    expect(role.name).toBe('acme-db-monitoring');
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'monitoring.rds.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': ref(out, 'aws_caller_identity', 'Platform_Account', 'account_id', true) } },
      }],
    });
    const attachment = out.only('aws_iam_role_policy_attachment');
    expect(attachment.role).toBe(refUnder(out, 'aws_iam_role', 'Db_MonitoringRole', 'name'));
    expect(attachment.policy_arn).toBe(`arn:${ref(out, 'aws_partition', 'Platform_Partition', 'partition', true)}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`);
    expect(instance.depends_on).toContain(addressUnder(out, 'aws_iam_role_policy_attachment', 'Db_MonitoringPolicy'));
  });

  test('the master password revision is sent to RDS and to the secret together', () => {
    const stack = sourceStack();
    new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.POSTGRESQL, masterPasswordRevision: 2 });
    const out = synth(stack);
    const version = out.only('aws_secretsmanager_secret_version');
    expect(version.secret_string_wo_version).toBe(2);
    expect(out.only('aws_db_instance').password_wo_version).toBe(2);
    expect(version.secret_string_wo).toContain('"engine" = "postgres"');
    expect(version.secret_string_wo).toContain('"port" = 5432');
    expect(version.secret_string_wo).toContain('"username" = "cdcadmin"');
  });

  test('a CDC credential of one\'s own replaces the master one', () => {
    const stack = sourceStack();
    const store = new SecretsManagerStore(stack, 'Secrets');
    const cdc = store.generateCredential('Cdc', { name: 'orders-cdc', username: 'cdc_reader' });
    const db = new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.MYSQL, cdcCredential: cdc });
    expect(db.cdcCredential).toBe(cdc);
    expect(db.masterCredential).not.toBe(cdc);
    expect(db.masterCredential.username).toBe('cdcadmin');
    expect(Object.keys(synth(stack).resources('aws_secretsmanager_secret')).filter((id) => id.startsWith('Db_'))).toEqual([
      expect.stringMatching(/^Db_MasterCredential_Secret_/),
    ]);
  });

  test('a per-store key strategy gives the database its own key (alias acme-rds-<name>)', () => {
    const stack = sourceStack({ keyStrategy: KeyStrategy.keyPerStore() });
    new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.MYSQL });
    const out = synth(stack);
    const key = refUnder(out, 'aws_kms_key', 'Db_Key', 'arn');
    const instance = out.only('aws_db_instance');
    expect([instance.kms_key_id, instance.performance_insights_kms_key_id]).toEqual([key, key]);
    expect(out.only('aws_secretsmanager_secret').kms_key_id).toBe(key);
    expect(Object.values(out.resources('aws_kms_alias')).map((a: any) => a.name)).toContain('alias/acme-rds-db');
  });
});

describe('RdsSourceDatabase removal', () => {
  test('DESTROY with the platform opt-in: no protection, no final snapshot, automated backups deleted, logs not protected', () => {
    const stack = sourceStack({ allowDataDestruction: true });
    const db = new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.MYSQL, removalPolicy: RemovalPolicy.DESTROY });
    const out = synth(stack);
    const instance = out.only('aws_db_instance');
    expect(db.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(instance.lifecycle).toBeUndefined();
    expect(instance.deletion_protection).toBe(false);
    expect(instance.skip_final_snapshot).toBe(true);
    expect(instance.final_snapshot_identifier).toBeUndefined();
    expect(instance.delete_automated_backups).toBe(true);
    for (const group of Object.values(out.resources('aws_cloudwatch_log_group')).filter((g: any) => g.name.startsWith('/aws/rds/'))) {
      expect((group as any).lifecycle).toBeUndefined();
    }
    const secret = out.only('aws_secretsmanager_secret');
    expect(secret.lifecycle).toBeUndefined();
    expect(secret.recovery_window_in_days).toBe(0);
  });

  test('DESTROY without the opt-in stays RETAIN', () => {
    const stack = sourceStack();
    const db = new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.MYSQL, removalPolicy: RemovalPolicy.DESTROY });
    const instance = synth(stack).only('aws_db_instance');
    expect(db.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(instance.lifecycle).toEqual({ prevent_destroy: true });
    expect([instance.deletion_protection, instance.skip_final_snapshot, instance.final_snapshot_identifier]).toEqual([true, false, 'acme-db-final']);
  });

  test('resourceId and arn are the instance\'s', () => {
    const stack = sourceStack();
    const db = new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.MYSQL });
    const out = synth(stack);
    expect(resolved(stack, db.resourceId)).toBe(ref(out, 'aws_db_instance', 'Db_Instance', 'resource_id'));
    expect(resolved(stack, db.arn)).toBe(ref(out, 'aws_db_instance', 'Db_Instance', 'arn'));
  });
});
