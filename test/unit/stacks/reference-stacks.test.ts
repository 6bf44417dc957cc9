/**
 * The reference architectures wire the public constructs the way their docs say: explicit assertions
 * on the synthesized stacks (the constructs' own behaviour is covered by their unit tests).
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { FIREHOSE_REDSHIFT_CIDR_BLOCKS, QUICKSIGHT_DATA_SOURCE_READER_ACTIONS } from '../../../src';
import { buildReferenceApp } from '../../../stacks/app';
import { DEF360_NAMESPACE, DEF360_VAULT_TLS_SECRET } from '../../../stacks/data-engineer-flow-360-vault';
import { synthesizedCustomResources } from '../../support/schemas';

const app: App = Testing.app();
buildReferenceApp(app);
const cache = new Map<string, any>();
function stackJson(id: string): any {
  if (!cache.has(id)) {
    const stack = app.node.children.find((c): c is TerraformStack => c instanceof TerraformStack && c.node.id === id);
    if (!stack) throw new Error(`no stack ${id}`);
    cache.set(id, JSON.parse(Testing.synth(stack, true)));
  }
  return cache.get(id);
}
const all = (json: any, type: string): any[] => Object.values(json.resource?.[type] ?? {});
const only = (json: any, type: string): any => {
  const found = all(json, type);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('real-time-warehouse: server events -> Kinesis -> Firehose -> Redshift Serverless -> QuickSight', () => {
  const json = () => stackJson('real-time-warehouse');

  test('the workgroup is reachable from the region\'s Firehose CIDR block only, in the public subnets, TLS required', () => {
    const workgroup = only(json(), 'aws_redshiftserverless_workgroup');
    expect(workgroup.publicly_accessible).toBe(true);
    expect(workgroup.enhanced_vpc_routing).toBe(true);
    expect(workgroup.subnet_ids).toHaveLength(3);
    for (const id of workgroup.subnet_ids) expect(id).toMatch(/^\$\{aws_subnet\.FirehoseSubnets_Subnet\d_/);
    expect(workgroup.config_parameter).toEqual(expect.arrayContaining([{ parameter_key: 'require_ssl', parameter_value: 'true' }]));
    const cidrRules = all(json(), 'aws_vpc_security_group_ingress_rule').filter((r) => r.cidr_ipv4 !== undefined);
    expect(cidrRules.map((r) => r.cidr_ipv4)).toEqual([FIREHOSE_REDSHIFT_CIDR_BLOCKS['eu-west-1']]);
    expect(cidrRules[0].from_port).toBe(5439);
    expect(cidrRules[0].to_port).toBe(5439);
  });

  test('Firehose COPYs the server events into public.server_events, with its failed records backed up', () => {
    const delivery = only(json(), 'aws_kinesis_firehose_delivery_stream');
    expect(delivery.destination).toBe('redshift');
    const redshift = delivery.redshift_configuration;
    expect(redshift.data_table_name).toBe('public.server_events');
    expect(redshift.data_table_columns).toBe('event_id,event_type,service,status_code,latency_ms,occurred_at');
    expect(redshift.s3_backup_mode).toBe('Enabled');
    expect(redshift.secrets_manager_configuration.enabled).toBe(true);
    expect(redshift.cluster_jdbcurl).toMatch(/^jdbc:redshift:\/\/\$\{aws_redshiftserverless_workgroup\..+\.endpoint\[0\]\.address\}:5439\/analytics$/);
  });

  test('QuickSight reads it over its VPC connection with a read-only user from Secrets Manager, for the analysts group', () => {
    const source = only(json(), 'aws_quicksight_data_source');
    expect(source.type).toBe('REDSHIFT');
    expect(source.ssl_properties).toEqual({ disable_ssl: false });
    expect(source.credentials.secret_arn).toMatch(/^\$\{aws_secretsmanager_secret\..*ReadOnly/);
    expect(source.vpc_connection_properties.vpc_connection_arn).toMatch(/^\$\{aws_quicksight_vpc_connection\./);
    expect(source.permission).toEqual([{ actions: QUICKSIGHT_DATA_SOURCE_READER_ACTIONS, principal: '${var.quicksight_analysts_group_arn}' }]);
  });
});

describe('cdc-lakehouse: the warehouse behind the lake', () => {
  const json = () => stackJson('cdc-lakehouse');

  test('a private workgroup, loaded hourly by COPY from the analytics zone, with a Spectrum schema over the curated zone', () => {
    const workgroup = only(json(), 'aws_redshiftserverless_workgroup');
    expect(workgroup.publicly_accessible).toBe(false);
    const statements = all(json(), 'aws_redshiftdata_statement').map((s) => s.sql as string);
    const spectrum = statements.filter((sql) => sql.startsWith('CREATE EXTERNAL SCHEMA IF NOT EXISTS "lake_curated" FROM DATA CATALOG DATABASE'));
    expect(spectrum).toHaveLength(1);
    expect(spectrum[0]).toMatch(/DATABASE '\$\{aws_glue_catalog_database\.Lake_Zone-curated_Database_[0-9A-F]+\.name\}' IAM_ROLE '\$\{aws_iam_role\.Warehouse_Role_[0-9A-F]+\.arn\}'$/);
    const target = only(json(), 'aws_cloudwatch_event_target');
    expect(target.redshift_target.sql).toMatch(/^COPY "analytics"\."daily_revenue" FROM 's3:\/\/.*\/daily_revenue\/'.* FORMAT AS PARQUET/);
  });
});

describe('cdc-lakehouse: RDS PostgreSQL -> DMS -> the change stream', () => {
  const json = () => stackJson('cdc-lakehouse');

  test('DMS reads the generated master secret over TLS and writes every change of sales.* into the Kinesis change stream', () => {
    const endpoints = all(json(), 'aws_dms_endpoint');
    const source = endpoints.find((e) => e.endpoint_type === 'source');
    expect(source.engine_name).toBe('postgres');
    expect(source.ssl_mode).toBe('require');
    expect(source.secrets_manager_arn).toMatch(/^\$\{aws_secretsmanager_secret\.OrdersDb_MasterCredential_Secret_[0-9A-F]+\.arn\}$/);
    const target = endpoints.find((e) => e.endpoint_type === 'target');
    expect(target.kinesis_settings.stream_arn).toMatch(/^\$\{aws_kinesis_stream\.Changes_Kinesis_Stream_[0-9A-F]+\.arn\}$/);
    expect(target.kinesis_settings.partition_include_schema_table).toBe(true);
    const task = only(json(), 'aws_dms_replication_task');
    expect(task.migration_type).toBe('full-load-and-cdc');
    expect(task.start_replication_task).toBe(true);
    const rules = JSON.parse(task.table_mappings).rules.map((r: any) => [r['rule-action'], r['object-locator']['schema-name'], r['object-locator']['table-name']]);
    expect(rules).toEqual([['include', 'sales', '%'], ['exclude', 'sales', 'audit_%']]);
    const instance = only(json(), 'aws_dms_replication_instance');
    expect([instance.multi_az, instance.publicly_accessible]).toEqual([true, false]);
  });

  test('the database admits DMS only, and its password is write-only', () => {
    const rds = only(json(), 'aws_db_instance');
    expect(rds.publicly_accessible).toBe(false);
    expect(rds.password).toBeUndefined();
    expect(rds.password_wo).toMatch(/^\$\{ephemeral\.aws_secretsmanager_random_password\./);
    const ingress = all(json(), 'aws_vpc_security_group_ingress_rule').filter((r) => String(r.security_group_id).includes('OrdersDb'));
    expect(ingress).toHaveLength(1);
    expect(ingress[0].referenced_security_group_id).toMatch(/OrdersCapture/);
    expect(ingress[0].from_port).toBe(5432);
  });

  test('the source database is watched: CPU, free storage and the WAL its replication slot holds, on its instance, to the on-call topic', () => {
    const rdsAlarms = all(json(), 'aws_cloudwatch_metric_alarm').filter((a) => a.namespace === 'AWS/RDS');
    expect(rdsAlarms.map((a) => [a.metric_name, a.comparison_operator, a.threshold]).sort()).toEqual([
      ['CPUUtilization', 'GreaterThanOrEqualToThreshold', 90],
      ['FreeStorageSpace', 'LessThanThreshold', 10 * 1024 ** 3],
      ['OldestReplicationSlotLag', 'GreaterThanThreshold', 20 * 1024 ** 3],
    ]);
    for (const alarm of rdsAlarms) {
      expect(alarm.dimensions).toEqual({ DBInstanceIdentifier: expect.stringMatching(/^\$\{aws_db_instance\.OrdersDb_Instance_[0-9A-F]+\.identifier\}$/) });
      expect(alarm.alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.[A-Za-z0-9_]+\.arn\}$/)]);
    }
  });
});

describe('data-engineer-flow-360: Vault in its own stack; the warehouse, its loaders and Grafana in the main one', () => {
  test('the Vault stack installs Vault (TLS from the named Secret) and nothing else', () => {
    const json = stackJson('data-engineer-flow-360-vault');
    const vault = all(json, 'helm_release').find((r) => r.chart === 'vault');
    expect(vault).toBeDefined();
    const values = JSON.parse(vault.values[0]);
    expect(values.global.tlsDisable).toBe(false);
    expect(JSON.stringify(values)).toContain(DEF360_VAULT_TLS_SECRET);
    expect(all(json, 'helm_release')).toHaveLength(1);
    expect(json.provider.vault).toBeUndefined();
  });

  test('the main stack keeps generated credentials in Vault (write-only, mirrored into Secrets) and never installs Vault', () => {
    const json = stackJson('data-engineer-flow-360');
    expect(json.provider.vault).toBeDefined();
    expect(json.terraform.required_version).toBe('>= 1.11.0'); // write-only attributes
    expect(all(json, 'helm_release').some((r) => r.chart === 'vault')).toBe(false);
    const kv = all(json, 'vault_kv_secret_v2');
    const generated = [
      'bi-admin', 'catalog-db-admin', 'catalog-db-cdc', 'customers-db-app', 'customers-db-cdc', 'customers-db-root', 'logs-exporter', 'monitoring-grafana-admin', 'orders-db-cdc',
      'warehouse-grafana-reader', 'warehouse-loader',
    ];
    expect(kv.map((s) => s.name).sort()).toEqual(generated.map((n) => `def360/${n}`));
    for (const secret of kv) {
      expect(secret.data_json_wo).toMatch(/^\$\{jsonencode\(\{"username" = "[a-z0-9_]+", "password" = local\.[A-Za-z0-9_-]+\}\)\}$/);
      expect(secret.data_json).toBeUndefined();
    }
    const mirrors = all(json, 'kubernetes_secret_v1');
    expect(mirrors.map((s) => s.metadata.name).sort()).toEqual(generated.map((n) => `def360-${n}`));
    for (const mirror of mirrors) {
      expect(mirror.metadata.namespace).toBe(DEF360_NAMESPACE);
      expect(mirror.data).toBeUndefined();
    }
  });

  test('the warehouse: CloudNativePG with backups into the lake, a pooler, the orders table, loaded by the Debezium JDBC sink', () => {
    const json = stackJson('data-engineer-flow-360');
    const resources = synthesizedCustomResources(json);
    const cluster = resources.find((r) => r.kind === 'Cluster' && r.metadata.name.includes('warehouse'));
    expect(cluster.spec.instances).toBe(3);
    expect(cluster.spec.bootstrap.initdb.postInitApplicationSQL.join('\n')).toContain('CREATE TABLE IF NOT EXISTS "public"."orders"');
    expect(cluster.spec.plugins).toEqual([expect.objectContaining({ name: 'barman-cloud.cloudnative-pg.io', isWALArchiver: true })]);
    expect(resources.filter((r) => r.kind === 'ScheduledBackup')).toHaveLength(1);
    expect(resources.filter((r) => r.kind === 'Pooler')).toHaveLength(1);
    const sink = resources.find((r) => r.kind === 'KafkaConnector' && r.spec.class === 'io.debezium.connector.jdbc.JdbcSinkConnector');
    expect(sink.spec.config.topics).toBe('def360-orders-cdc');
    expect(all(json, 'helm_release').find((r) => r.chart === 'grafana')).toBeDefined();
  });

  test('the OLTP sources are captured by Debezium into their CDC topics, over TLS, with the CDC users from Vault', () => {
    const json = stackJson('data-engineer-flow-360');
    const connectors = synthesizedCustomResources(json).filter((r) => r.kind === 'KafkaConnector' && String(r.spec.class).startsWith('io.debezium.connector.')
      && r.spec.class !== 'io.debezium.connector.jdbc.JdbcSinkConnector');
    const byClass = Object.fromEntries(connectors.map((c) => [c.spec.class, c.spec.config]));
    expect(Object.keys(byClass).sort()).toEqual([
      'io.debezium.connector.mongodb.MongoDbConnector', 'io.debezium.connector.mysql.MySqlConnector', 'io.debezium.connector.postgresql.PostgresConnector',
    ]);
    const postgres = byClass['io.debezium.connector.postgresql.PostgresConnector'];
    expect(postgres['database.sslmode']).toBe('require');
    expect(postgres['plugin.name']).toBe('pgoutput');
    expect(postgres['database.password']).toBe('$${secrets:data-platform/def360-orders-db-cdc:password}');
    expect(byClass['io.debezium.connector.mysql.MySqlConnector']['database.ssl.mode']).toBe('required');
    const clusters = synthesizedCustomResources(json).filter((r) => r.kind === 'Cluster' && r.apiVersion === 'postgresql.cnpg.io/v1');
    expect(clusters.map((c) => c.metadata.name).sort()).toEqual(expect.arrayContaining([expect.stringContaining('orders-db')]));
    expect(synthesizedCustomResources(json).filter((r) => r.kind === 'MongoDBCommunity')).toHaveLength(1);
    expect(all(json, 'kubernetes_stateful_set_v1').map((s) => s.metadata.name)).toEqual([expect.stringContaining('customers-db')]);
  });
});
