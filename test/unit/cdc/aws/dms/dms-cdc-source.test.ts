import { Testing, TerraformOutput } from 'cdktf';
import { awsStack, cdcCredential, dmsStack, PORTS, sourceDatabase, target, TargetChoice } from './dms-fixture';
import { CdcMode, SourceEngine } from '../../../../../src/cdc';
import {
  CDC_LATENCY_EVALUATION_PERIODS, CDC_LATENCY_PERIOD_SECONDS, DEFAULT_CDC_LATENCY_THRESHOLD_SECONDS, DEFAULT_DMS_ALLOCATED_STORAGE_GIB,
  DEFAULT_DMS_INSTANCE_CLASS, DEFAULT_DMS_LOG_RETENTION_DAYS, DEFAULT_DMS_MULTI_AZ, DMS_FAILURE_EVENT_CATEGORIES, DMS_MIGRATION_TYPES,
  DmsAccountRoles, DmsCapacity, DmsCdcSource, DmsSourceTls,
} from '../../../../../src/cdc/aws/dms';
import { DMS_LOG_COMPONENTS } from '../../../../../src/cdc/aws/dms/private/task-settings';
import { policyNamed, ref, synth } from '../../../../support/synth';

const KEY = (out: ReturnType<typeof synth>) => ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn');
const ACCOUNT = '${data.aws_caller_identity.Platform_Account_78874295.account_id}';
const PARTITION = '${data.aws_partition.Platform_Partition_290DDE87.partition}';

/** The resource of `type` whose logical id contains `part`. */
function named(out: ReturnType<typeof synth>, type: string, part: string): any {
  const matches = Object.entries(out.resources(type)).filter(([id]) => id.includes(part));
  expect(matches).toHaveLength(1);
  return matches[0][1];
}

const TRUST_DMS = {
  Version: '2012-10-17',
  Statement: [{
    Effect: 'Allow',
    Principal: { Service: ['dms.amazonaws.com', 'dms.eu-west-1.amazonaws.com'] },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
  }],
};

describe('DmsCdcSource on a replication instance (the default)', () => {
  const { stack, cdc } = dmsStack();
  const out = synth(stack);
  const instance = out.only('aws_dms_replication_instance');
  const task = out.only('aws_dms_replication_task');

  test('the contract: engine, capture name, patterns, mode', () => {
    expect(cdc.engine).toBe(SourceEngine.MYSQL);
    expect(cdc.captureName).toBe('acme-orders');
    expect(cdc.include).toEqual(['sales.*']);
    expect(cdc.exclude).toEqual([]);
    expect(cdc.mode).toBe(CdcMode.SNAPSHOT_THEN_STREAM);
  });

  test('instance: default class, storage and Multi-AZ; not public; the platform key; minor upgrades; the subnet group and security group', () => {
    expect(DEFAULT_DMS_INSTANCE_CLASS).toBe('dms.r6i.large');
    expect(DEFAULT_DMS_ALLOCATED_STORAGE_GIB).toBe(50);
    expect(DEFAULT_DMS_MULTI_AZ).toBe(true);
    expect(instance).toEqual({
      replication_instance_id: 'acme-orders',
      replication_instance_class: DEFAULT_DMS_INSTANCE_CLASS,
      allocated_storage: DEFAULT_DMS_ALLOCATED_STORAGE_GIB,
      multi_az: true,
      publicly_accessible: false,
      auto_minor_version_upgrade: true,
      kms_key_arn: KEY(out),
      network_type: 'IPV4',
      replication_subnet_group_id: ref(out, 'aws_dms_replication_subnet_group', 'Orders_Network_SubnetGroup', 'replication_subnet_group_id'),
      vpc_security_group_ids: [ref(out, 'aws_security_group', 'Orders_Network_SecurityGroup', 'id')],
      depends_on: [
        'aws_iam_role_policy_attachment.DmsAccountRoles_VpcRolePolicy_BF6E367D',
        'aws_iam_role_policy_attachment.DmsAccountRoles_CloudWatchLogsRolePolicy_2091E7BD',
      ],
    });
  });

  test('subnet group over the private subnets, after the account roles', () => {
    const group = out.only('aws_dms_replication_subnet_group');
    expect(group.replication_subnet_group_id).toBe('acme-orders');
    expect(group.subnet_ids).toEqual([1, 2, 3].map((i) => ref(out, 'aws_subnet', `Network_PrivateSubnet${i}`, 'id')));
    expect(group.depends_on).toEqual(instance.depends_on);
  });

  test('security group: no ingress; egress only to the source port and HTTPS inside the VPC', () => {
    expect(named(out, 'aws_security_group', 'Orders_Network').name).toBe('acme-orders-dms');
    // The only ingress rule of the stack is the interface endpoints' (HTTPS from the VPC).
    expect(Object.keys(out.resources('aws_vpc_security_group_ingress_rule'))).toEqual([expect.stringMatching(/^Network_InterfaceEndpoints_HttpsFromVpc_/)]);
    const egress = Object.entries(out.resources('aws_vpc_security_group_egress_rule')).filter(([id]) => id.startsWith('Orders_'));
    expect(egress.map(([, r]: [string, any]) => [r.from_port, r.to_port, r.cidr_ipv4]).sort()).toEqual([
      [PORTS[SourceEngine.MYSQL], PORTS[SourceEngine.MYSQL], '10.40.0.0/16'],
      [443, 443, '10.40.0.0/16'],
    ]);
  });

  test('task: full load then CDC, started on create, after the roles, grants, log group and interface endpoints', () => {
    expect(task.replication_task_id).toBe('acme-orders');
    expect(task.migration_type).toBe('full-load-and-cdc');
    expect(task.start_replication_task).toBe(true);
    expect(task.replication_instance_arn).toBe(ref(out, 'aws_dms_replication_instance', 'Orders_Instance', 'replication_instance_arn'));
    expect(task.source_endpoint_arn).toBe(ref(out, 'aws_dms_endpoint', 'Orders_Source', 'endpoint_arn'));
    expect(task.target_endpoint_arn).toBe(ref(out, 'aws_dms_endpoint', 'Orders_Target', 'endpoint_arn'));
    expect(task.depends_on).toEqual([
      'aws_iam_role_policy_attachment.DmsAccountRoles_VpcRolePolicy_BF6E367D',
      'aws_iam_role_policy_attachment.DmsAccountRoles_CloudWatchLogsRolePolicy_2091E7BD',
      expect.stringMatching(/^aws_iam_role_policy\.Orders_Source_SecretsPolicy_/),
      expect.stringMatching(/^aws_iam_role_policy\.Changes_Grant-kinesis-changes-write-/),
      expect.stringMatching(/^aws_iam_role_policy\.Orders_Target_DescribeStream_/),
      expect.stringMatching(/^aws_cloudwatch_log_group\.Orders_TaskLogs_LogGroup_/),
      ...['SecretsManager', 'Kms', 'Logs', 'KinesisStreams'].map((id) => expect.stringMatching(new RegExp(`^aws_vpc_endpoint\\.Network_InterfaceEndpoints_${id}_`))),
    ]);
  });

  test('task settings: CloudWatch logging of every component, nothing dropped at the target, before-images on a stream', () => {
    expect(JSON.parse(task.replication_task_settings)).toEqual({
      Logging: {
        EnableLogging: true,
        LogComponents: DMS_LOG_COMPONENTS.map((Id) => ({ Id, Severity: 'LOGGER_SEVERITY_DEFAULT' })),
      },
      FullLoadSettings: { TargetTablePrepMode: 'DO_NOTHING' },
      BeforeImageSettings: { EnableBeforeImage: true, FieldName: 'before-image', ColumnFilter: 'pk-only' },
    });
    expect(DMS_LOG_COMPONENTS).toEqual(['SOURCE_UNLOAD', 'SOURCE_CAPTURE', 'TARGET_LOAD', 'TARGET_APPLY', 'TASK_MANAGER']);
    expect(task.replication_task_settings).toBe(cdc.taskSettingsJson);
  });

  test('task logs: the group DMS writes to, created first with the platform key, a retention, retained', () => {
    const group = named(out, 'aws_cloudwatch_log_group', 'Orders_TaskLogs');
    expect(group).toEqual({ name: 'dms-tasks-acme-orders', kms_key_id: KEY(out), retention_in_days: DEFAULT_DMS_LOG_RETENTION_DAYS, lifecycle: { prevent_destroy: true } });
    expect(cdc.logGroupName).toBe('dms-tasks-acme-orders');
  });

  test('account roles: dms-vpc-role and dms-cloudwatch-logs-role with their AWS managed policies', () => {
    const roles = Object.values<any>(out.resources('aws_iam_role')).filter((r) => r.name.startsWith('dms-'));
    expect(roles.map((r) => r.name).sort()).toEqual(['dms-cloudwatch-logs-role', 'dms-vpc-role']);
    for (const role of roles) {
      expect(JSON.parse(role.assume_role_policy)).toEqual({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'dms.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
    }
    expect(Object.values<any>(out.resources('aws_iam_role_policy_attachment')).map((a) => a.policy_arn).sort()).toEqual([
      `arn:${PARTITION}:iam::aws:policy/service-role/AmazonDMSCloudWatchLogsRole`,
      `arn:${PARTITION}:iam::aws:policy/service-role/AmazonDMSVPCManagementRole`,
    ]);
  });

  test('source credential role: trusted by DMS for this account; GetSecretValue on the secret, kms:Decrypt through Secrets Manager only', () => {
    expect(JSON.parse(named(out, 'aws_iam_role', 'Orders_Source_SecretsRole').assume_role_policy)).toEqual(TRUST_DMS);
    expect(named(out, 'aws_iam_role', 'Orders_Source_SecretsRole').name).toBe('acme-orders-dms-secrets');
    expect(policyNamed(out, 'read-source-credential')).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadSourceCredential', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [ref(out, 'aws_secretsmanager_secret', 'Secrets_CdcUser', 'arn')] },
        {
          Sid: 'DecryptSourceCredential',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: [KEY(out)],
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
        },
      ],
    });
  });

  test('target role on Kinesis: the stream\'s write grant (put records, the stream key) and DescribeStream', () => {
    const role = named(out, 'aws_iam_role', 'Orders_Target_Role');
    expect(role.name).toBe('acme-orders-dms-target');
    expect(JSON.parse(role.assume_role_policy)).toEqual(TRUST_DMS);
    const stream = ref(out, 'aws_kinesis_stream', 'Changes', 'arn');
    expect(policyNamed(out, 'kinesis-changes-write').Statement).toEqual([
      { Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'], Resource: [stream] },
      { Effect: 'Allow', Action: ['kms:GenerateDataKey'], Resource: [KEY(out)] },
    ]);
    expect(policyNamed(out, 'describe-stream').Statement).toEqual([{ Effect: 'Allow', Action: ['kinesis:DescribeStream'], Resource: [stream] }]);
  });

  test('Kinesis target endpoint: unformatted JSON, partitioned by schema, table and primary key, transaction and control details', () => {
    expect(named(out, 'aws_dms_endpoint', 'Orders_Target')).toEqual({
      endpoint_id: 'acme-orders-target',
      endpoint_type: 'target',
      engine_name: 'kinesis',
      kms_key_arn: KEY(out),
      kinesis_settings: {
        stream_arn: ref(out, 'aws_kinesis_stream', 'Changes', 'arn'),
        service_access_role_arn: ref(out, 'aws_iam_role', 'Orders_Target_Role', 'arn'),
        message_format: 'json-unformatted',
        partition_include_schema_table: true,
        include_partition_value: true,
        include_transaction_details: true,
        include_control_details: true,
        include_table_alter_operations: true,
        include_null_and_empty: true,
      },
    });
  });

  test('metrics: CDC latency at the source and the target, by instance and task (the resource id of the task ARN)', () => {
    const metrics = cdc.metrics();
    expect(metrics.map((m) => m.metricName)).toEqual(['CDCLatencySource', 'CDCLatencyTarget']);
    for (const m of metrics) {
      expect(m.namespace).toBe('AWS/DMS');
      expect(m.statistic).toBe('Maximum');
      expect(m.periodSeconds).toBe(CDC_LATENCY_PERIOD_SECONDS);
      expect(m.evaluationPeriods).toBe(CDC_LATENCY_EVALUATION_PERIODS);
      expect(m.recommendedThreshold).toBe(DEFAULT_CDC_LATENCY_THRESHOLD_SECONDS);
      expect(m.comparisonOperator).toBe('GreaterThanThreshold');
      expect(Object.keys(m.dimensions)).toEqual(['ReplicationInstanceIdentifier', 'ReplicationTaskIdentifier']);
    }
    new TerraformOutput(stack, 'Dimensions', { value: metrics[0].dimensions });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.output.Dimensions.value).toEqual({
      ReplicationInstanceIdentifier: ref(out, 'aws_dms_replication_instance', 'Orders_Instance', 'replication_instance_id'),
      ReplicationTaskIdentifier: '${element(split(":", ' + ref(out, 'aws_dms_replication_task', 'Orders_Task', 'replication_task_arn').slice(2, -1) + '), 6)}',
    });
  });

  test('no failure subscription without a topic', () => {
    expect(out.resources('aws_dms_event_subscription')).toEqual({});
  });
});

describe('DmsCdcSource: every engine into every target', () => {
  const engines = Object.values(SourceEngine);
  const targets: TargetChoice[] = ['kinesis', 'lake'];
  test.each(engines.flatMap((e) => targets.map((t) => [e, t] as const)))('%s into %s synthesizes a task between the two endpoints', (engine, choice) => {
    const { stack } = dmsStack({}, { engine, target: choice });
    const out = synth(stack);
    const source = named(out, 'aws_dms_endpoint', 'Orders_Source');
    expect(source.engine_name).toBe({ mysql: 'mysql', postgresql: 'postgres', mongodb: 'mongodb' }[engine]);
    const targetType = choice === 'kinesis' ? 'aws_dms_endpoint' : 'aws_dms_s3_endpoint';
    expect(out.only('aws_dms_replication_task').target_endpoint_arn).toBe(ref(out, targetType, 'Orders_Target', 'endpoint_arn'));
    expect(named(out, 'aws_vpc_security_group_egress_rule', 'Orders_Network_ToSource').from_port).toBe(PORTS[engine]);
  });
});

describe('DmsCdcSource source endpoints', () => {
  const endpoint = (engine: SourceEngine, overrides = {}) => {
    const out = synth(dmsStack(overrides, { engine }).stack);
    return { out, source: named(out, 'aws_dms_endpoint', 'Orders_Source') };
  };
  const common = (out: ReturnType<typeof synth>) => ({
    endpoint_id: 'acme-orders-source',
    endpoint_type: 'source',
    secrets_manager_arn: ref(out, 'aws_secretsmanager_secret', 'Secrets_CdcUser', 'arn'),
    secrets_manager_access_role_arn: ref(out, 'aws_iam_role', 'Orders_Source_SecretsRole', 'arn'),
    ssl_mode: 'require',
    kms_key_arn: KEY(out),
    depends_on: [expect.stringMatching(/^aws_iam_role_policy\.Orders_Source_SecretsPolicy_/)],
  });

  test('MySQL: the secret and TLS only (no user, password, server or port on the endpoint)', () => {
    const { out, source } = endpoint(SourceEngine.MYSQL);
    expect(source).toEqual({ ...common(out), engine_name: 'mysql' });
  });

  test('PostgreSQL: the database, test_decoding, no DDL capture', () => {
    const { out, source } = endpoint(SourceEngine.POSTGRESQL);
    expect(source).toEqual({ ...common(out), engine_name: 'postgres', database_name: 'orders', postgres_settings: { plugin_name: 'test-decoding', capture_ddls: false } });
  });

  test('MongoDB (and DocumentDB): document mode, the document id extracted, password auth against admin', () => {
    const { out, source } = endpoint(SourceEngine.MONGODB);
    expect(source).toEqual({
      ...common(out),
      engine_name: 'mongodb',
      database_name: 'orders',
      mongodb_settings: { auth_type: 'password', auth_source: 'admin', nesting_level: 'none', extract_doc_id: 'true' },
    });
  });

  test('verify-full: the CA bundle imported as a DMS certificate and used by the endpoint', () => {
    const { out, source } = endpoint(SourceEngine.POSTGRESQL, { sourceTls: DmsSourceTls.verifyFull('PEM') });
    expect(out.only('aws_dms_certificate')).toEqual({ certificate_id: 'acme-orders-source-ca', certificate_pem: 'PEM' });
    expect(source.ssl_mode).toBe('verify-full');
    expect(source.certificate_arn).toBe(ref(out, 'aws_dms_certificate', 'SourceCa', 'certificate_arn'));
  });
});

describe('DmsCdcSource into a lake zone', () => {
  const { stack, cdc } = dmsStack({ mode: CdcMode.STREAM_ONLY }, { target: 'lake' });
  const out = synth(stack);
  const bucket = ref(out, 'aws_s3_bucket', 'Lake_Zone-raw_Bucket', 'bucket');

  test('S3 endpoint: Parquet under <zone>/cdc/<capture>/, SSE-KMS with the zone key, op column and commit timestamp, bucket owner checked', () => {
    expect(out.only('aws_dms_s3_endpoint')).toEqual({
      endpoint_id: 'acme-orders-target',
      endpoint_type: 'target',
      kms_key_arn: KEY(out),
      bucket_name: bucket,
      bucket_folder: 'cdc/orders',
      expected_bucket_owner: ACCOUNT,
      service_access_role_arn: ref(out, 'aws_iam_role', 'Orders_Target_Role', 'arn'),
      data_format: 'parquet',
      parquet_version: 'parquet-2-0',
      parquet_timestamp_in_millisecond: true,
      encryption_mode: 'SSE_KMS',
      server_side_encryption_kms_key_id: KEY(out),
      include_op_for_full_load: true,
      timestamp_column_name: 'cdc_commit_timestamp',
    });
  });

  test('target role: the zone\'s write grant and object tagging under the capture\'s folder; HTTPS to S3 through the gateway endpoint', () => {
    expect(policyNamed(out, 'lake-raw-write').Statement[0].Action).toContain('s3:PutObject');
    expect(named(out, 'aws_iam_role_policy', 'Lake_Grant-lake-raw-write').role).toBe(ref(out, 'aws_iam_role', 'Orders_Target_Role', 'name'));
    expect(policyNamed(out, 'tag-objects').Statement).toEqual([
      { Effect: 'Allow', Action: ['s3:PutObjectTagging'], Resource: [`arn:${PARTITION}:s3:::${bucket}/cdc/orders/*`] },
    ]);
    expect(named(out, 'aws_vpc_security_group_egress_rule', 'Orders_Network_HttpsToS3').prefix_list_id).toBe(ref(out, 'aws_prefix_list', 'Orders_Network_S3PrefixList', 'id', true));
  });

  test('changes only: migration type cdc; no before-images on files', () => {
    const task = out.only('aws_dms_replication_task');
    expect(task.migration_type).toBe(DMS_MIGRATION_TYPES[CdcMode.STREAM_ONLY]);
    expect(DMS_MIGRATION_TYPES).toEqual({ [CdcMode.SNAPSHOT_THEN_STREAM]: 'full-load-and-cdc', [CdcMode.STREAM_ONLY]: 'cdc' });
    expect(JSON.parse(task.replication_task_settings).BeforeImageSettings).toBeUndefined();
    expect(cdc.mode).toBe(CdcMode.STREAM_ONLY);
  });
});

describe('DmsCdcSource options', () => {
  test('two captures share one pair of account roles; DmsAccountRoles.existing() creates none and waits for none', () => {
    const stack = awsStack();
    const credential = cdcCredential(stack);
    const source = sourceDatabase(stack, SourceEngine.MYSQL, credential);
    const into = target(stack, 'kinesis');
    new DmsCdcSource(stack, 'A', { source, include: ['a.*'], target: into });
    new DmsCdcSource(stack, 'B', { source, include: ['b.*'], target: into });
    const out = synth(stack);
    expect(Object.values<any>(out.resources('aws_iam_role')).filter((r) => r.name.startsWith('dms-'))).toHaveLength(2);

    const other = awsStack();
    const cred = cdcCredential(other);
    new DmsCdcSource(other, 'C', { source: sourceDatabase(other, SourceEngine.MYSQL, cred), include: ['a.*'], target: target(other, 'kinesis'), accountRoles: DmsAccountRoles.existing() });
    const out2 = synth(other);
    expect(out2.resources('aws_iam_role_policy_attachment')).toEqual({});
    expect(out2.only('aws_dms_replication_instance').depends_on).toBeUndefined();
    expect(out2.only('aws_dms_replication_subnet_group').depends_on).toBeUndefined();
  });

  test('capacity.instance options, capture name, log retention', () => {
    const { stack, cdc } = dmsStack({
      capacity: DmsCapacity.instance({ instanceClass: 'dms.c6i.xlarge', allocatedStorageGiB: 200, multiAz: false }),
      captureName: 'shop',
      logRetentionDays: 30,
    });
    const out = synth(stack);
    expect(out.only('aws_dms_replication_instance')).toEqual(expect.objectContaining({
      replication_instance_id: 'acme-shop', replication_instance_class: 'dms.c6i.xlarge', allocated_storage: 200, multi_az: false,
    }));
    expect(named(out, 'aws_cloudwatch_log_group', 'Orders_TaskLogs')).toEqual(expect.objectContaining({ name: 'dms-tasks-acme-shop', retention_in_days: 30 }));
    expect(cdc.captureName).toBe('acme-shop');
  });

  test('failureTopicArn: an event subscription for the task\'s failures', () => {
    const topic = 'arn:aws:sns:eu-west-1:123456789012:cdc-failures';
    const out = synth(dmsStack({ failureTopicArn: topic }).stack);
    expect(DMS_FAILURE_EVENT_CATEGORIES).toEqual(['failure']);
    expect(out.only('aws_dms_event_subscription')).toEqual({
      name: 'acme-orders-failure',
      sns_topic_arn: topic,
      source_type: 'replication-task',
      source_ids: [ref(out, 'aws_dms_replication_task', 'Orders_Task', 'replication_task_id')],
      event_categories: ['failure'],
      enabled: true,
    });
  });
});
