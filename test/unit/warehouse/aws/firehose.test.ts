import { awsStack, refUnder, TABLES, warehouseStack } from './redshift-fixture';
import { StreamingIngest } from '../../../../src';
import {
  DEFAULT_FIREHOSE_COPY_OPTIONS, DEFAULT_FIREHOSE_RETRY_DURATION_SECONDS, DEFAULT_REDSHIFT_BUFFERING_INTERVAL_SECONDS,
  DEFAULT_REDSHIFT_BUFFERING_SIZE_MIB, FIREHOSE_BACKUP_PREFIX, FIREHOSE_REDSHIFT_CIDR_BLOCKS, FIREHOSE_STAGING_PREFIX, FirehoseAccess,
  FirehoseCredential, RedshiftDeployment, RedshiftWarehouse,
} from '../../../../src/warehouse/aws';
import { policyNamed, ref, synth } from '../../../support/synth';

const PUBLIC_SUBNETS = ['subnet-0000000000000000a', 'subnet-0000000000000000b', 'subnet-0000000000000000c'];
const OPEN = FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds: PUBLIC_SUBNETS });

const PRIVATE_PROBLEM = 'test/Warehouse: a Firehose destination needs a warehouse that Amazon Data Firehose can reach, and Firehose connects to '
  + 'Redshift in a VPC only through a publicly accessible endpoint (https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-rs-vpc); '
  + 'this warehouse is private. Load privately with warehouse.streamingIngestion(stream, { materializedViewName }) (Redshift reads the Kinesis stream itself) '
  + 'or through the lake (a lake destination on the stream, then warehouse.loadFromLake(...)); '
  + 'or opt in with firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds }) (a public endpoint in subnets routed '
  + 'to an internet gateway, reachable only from the region\'s Firehose CIDR block).';

describe('a private warehouse (the default) rejects Firehose', () => {
  test('destination() fails at synth time, naming the documented reason and the alternatives', () => {
    const { warehouse } = warehouseStack();
    expect(() => warehouse.destination({ table: 'events' })).toThrow(PRIVATE_PROBLEM);
    expect(() => warehouse.firehoseDestination({ table: 'events' })).toThrow(PRIVATE_PROBLEM);
  });

  test('the same for a provisioned cluster; no ingress rule at all', () => {
    const { stack, warehouse } = warehouseStack({ deployment: RedshiftDeployment.provisioned() });
    expect(() => warehouse.destination({ table: 'events' })).toThrow(PRIVATE_PROBLEM);
    expect(synth(stack).resources('aws_vpc_security_group_ingress_rule')).toEqual({});
  });
});

describe('the Firehose opt-in', () => {
  const { stack, warehouse } = warehouseStack({ firehoseAccess: OPEN });
  new StreamingIngest(stack, 'ClickEvents', { destinations: [warehouse.destination({ table: 'events' })] });
  const out = synth(stack);

  test('the workgroup is publicly accessible in the given subnets', () => {
    const workgroup = out.only('aws_redshiftserverless_workgroup');
    expect(workgroup.publicly_accessible).toBe(true);
    expect(workgroup.subnet_ids).toEqual(PUBLIC_SUBNETS);
  });

  test('ingress only from the region\'s Firehose CIDR block, on the warehouse port', () => {
    expect(Object.values(out.resources('aws_vpc_security_group_ingress_rule'))).toEqual([expect.objectContaining({
      security_group_id: refUnder(out, 'aws_security_group', 'Warehouse_Network_Group', 'id'),
      ip_protocol: 'tcp',
      from_port: 5439,
      to_port: 5439,
      cidr_ipv4: '52.19.239.192/27',
    })]);
    expect(FIREHOSE_REDSHIFT_CIDR_BLOCKS['eu-west-1']).toBe('52.19.239.192/27');
    expect(JSON.stringify(out.json)).not.toContain('0.0.0.0/0');
  });

  test('the Redshift configuration: JDBC URL, table and columns, COPY options, retries from the defaults', () => {
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect(delivery.name).toBe('acme-click-events-redshift-events');
    expect(delivery.destination).toBe('redshift');
    const config = delivery.redshift_configuration;
    const workgroup = Object.keys(out.resources('aws_redshiftserverless_workgroup'))[0];
    expect(config.cluster_jdbcurl).toBe('jdbc:redshift://$' + `{aws_redshiftserverless_workgroup.${workgroup}.endpoint[0].address}:5439/analytics`);
    expect(config.data_table_name).toBe('public.events');
    expect(config.data_table_columns).toBe('id,kind,at');
    expect(config.copy_options).toBe(DEFAULT_FIREHOSE_COPY_OPTIONS);
    expect(DEFAULT_FIREHOSE_COPY_OPTIONS).toBe("JSON 'auto' GZIP TIMEFORMAT 'auto'");
    expect(config.retry_duration).toBe(DEFAULT_FIREHOSE_RETRY_DURATION_SECONDS);
    expect(config.role_arn).toBe(ref(out, 'aws_iam_role', 'Delivery-redshift-events_Role', 'arn'));
    expect(config.username).toBeUndefined();
    expect(config.password).toBeUndefined();
  });

  test('signs in through Secrets Manager with a generated loader credential', () => {
    const config = out.only('aws_kinesis_firehose_delivery_stream').redshift_configuration;
    expect(config.secrets_manager_configuration).toEqual({
      enabled: true,
      secret_arn: ref(out, 'aws_secretsmanager_secret', 'Loader-public-events_Secret', 'arn'),
      role_arn: ref(out, 'aws_iam_role', 'Delivery-redshift-events_Role', 'arn'),
    });
    expect(out.only('aws_secretsmanager_secret').name).toBe('acme-warehouse-loader-events');
  });

  test('the loader user is created by the user function with INSERT on the target table only', () => {
    const input = JSON.parse(out.only('aws_lambda_invocation').input);
    expect(input.username).toBe('loader_events');
    expect(input.grants).toEqual([{ schema: 'public', table: 'events', privilege: 'INSERT' }]);
  });

  test('staging in a KMS-encrypted SecureBucket, GZIP, buffering from the defaults; every record backed up', () => {
    const config = out.only('aws_kinesis_firehose_delivery_stream').redshift_configuration;
    const bucket = ref(out, 'aws_s3_bucket', 'Delivery-redshift-events_StagingBucket', 'arn');
    const logging = {
      enabled: true,
      log_group_name: ref(out, 'aws_cloudwatch_log_group', 'Delivery-redshift-events_ErrorLogs', 'name'),
      log_stream_name: ref(out, 'aws_cloudwatch_log_stream', 'Delivery-redshift-events_DestinationErrors', 'name'),
    };
    const staged = (prefix: string) => ({
      bucket_arn: bucket,
      role_arn: ref(out, 'aws_iam_role', 'Delivery-redshift-events_Role', 'arn'),
      prefix,
      buffering_interval: DEFAULT_REDSHIFT_BUFFERING_INTERVAL_SECONDS,
      buffering_size: DEFAULT_REDSHIFT_BUFFERING_SIZE_MIB,
      compression_format: 'GZIP',
      kms_key_arn: ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn'),
      cloudwatch_logging_options: logging,
    });
    expect(config.s3_configuration).toEqual(staged(FIREHOSE_STAGING_PREFIX));
    expect(config.s3_backup_mode).toBe('Enabled');
    expect(config.s3_backup_configuration).toEqual(staged(FIREHOSE_BACKUP_PREFIX));
    expect(config.cloudwatch_logging_options).toEqual(logging);
    expect(Object.values(out.resources('aws_s3_bucket')).map((b: any) => b.bucket)).toContain('acme-click-events-redshift-events');
  });

  test('the delivery role: the staging bucket and key, its log streams, and read on the loader secret through Secrets Manager only', () => {
    const bucket = ref(out, 'aws_s3_bucket', 'Delivery-redshift-events_StagingBucket', 'arn');
    const key = ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn');
    expect(policyNamed(out, 'RedshiftStagingPolicy').Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
        Resource: [bucket, `${bucket}/*`],
      },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [key] },
      { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [`${ref(out, 'aws_cloudwatch_log_group', 'Delivery-redshift-events_ErrorLogs', 'arn')}:log-stream:*`] },
    ]);
    expect(policyNamed(out, 'redshift-credential-read').Statement).toEqual([
      { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [ref(out, 'aws_secretsmanager_secret', 'Loader-public-events_Secret', 'arn')] },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [key], Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } },
    ]);
  });

  test('the delivery stream waits for its credential policy', () => {
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect(delivery.depends_on).toContain(`aws_iam_role_policy.${Object.keys(out.resources('aws_iam_role_policy')).find((id) => id.includes('RedshiftCredentialPolicy'))}`);
  });
});

describe('Firehose destination options', () => {
  test('columns, COPY options, retries, buffering, the administrator credential, a destination name', () => {
    const { stack, warehouse } = warehouseStack({ firehoseAccess: OPEN, deployment: RedshiftDeployment.provisioned() });
    new StreamingIngest(stack, 'Orders', {
      destinations: [warehouse.firehoseDestination({
        table: 'orders',
        schema: 'sales',
        columns: ['order_id'],
        copyOptions: "JSON 'auto ignorecase' GZIP",
        retryDurationSeconds: 7200,
        bufferingIntervalSeconds: 300,
        bufferingSizeMiB: 64,
        credential: FirehoseCredential.administrator(),
        destinationName: 'orders',
      })],
    });
    const out = synth(stack);
    const config = out.only('aws_kinesis_firehose_delivery_stream').redshift_configuration;
    expect(config.cluster_jdbcurl).toBe(`jdbc:redshift://${ref(out, 'aws_redshift_cluster', 'Cluster', 'dns_name')}:5439/analytics`);
    expect(config.data_table_name).toBe('sales.orders');
    expect(config.data_table_columns).toBe('order_id');
    expect(config.copy_options).toBe("JSON 'auto ignorecase' GZIP");
    expect(config.retry_duration).toBe(7200);
    expect(config.s3_configuration.buffering_interval).toBe(300);
    expect(config.s3_configuration.buffering_size).toBe(64);
    expect(config.secrets_manager_configuration.secret_arn).toBe(ref(out, 'aws_redshift_cluster', 'Cluster', 'master_password_secret_arn'));
    expect(out.resources('aws_lambda_invocation')).toEqual({});
    expect(out.only('aws_redshift_cluster').publicly_accessible).toBe(true);
    expect(out.only('aws_redshift_subnet_group').subnet_ids).toEqual(PUBLIC_SUBNETS);
  });

  test.each([
    [{ table: 'nope' }, 'invalid table: received "public.nope"; use a table of this warehouse: public.events, sales.orders.'],
    [{ table: 'orders' }, 'invalid table: received "public.orders"; use a table of this warehouse: public.events, sales.orders.'],
    [{ table: 'events', columns: ['id', 'missing'] }, 'invalid columns: received "missing"; use columns of public.events: id, kind, at.'],
    [{ table: 'events', columns: [] }, 'invalid columns: received []; list at least one column.'],
    [{ table: 'events', retryDurationSeconds: 7201 }, 'invalid retryDurationSeconds: received 7201; must be an integer from 0 to 7200.'],
    [{ table: 'events', copyOptions: "JSON 'auto'; DROP TABLE x" }, 'invalid copyOptions: received "JSON \'auto\'; DROP TABLE x"; give COPY options such as "JSON \'auto\' GZIP", without ";".'],
    [{ table: 'events', destinationName: 'Redshift_Events' }, 'invalid destinationName: received "Redshift_Events"; use 1 to 31 lowercase letters, digits and hyphens (set destinationName when the table name is long).'],
  ])('%j is rejected', (options, message) => {
    const { warehouse } = warehouseStack({ firehoseAccess: OPEN });
    expect(() => warehouse.firehoseDestination(options)).toThrow(`test/Warehouse: ${message}`);
  });

  test('a warehouse without tables names the fix', () => {
    const { warehouse } = warehouseStack({ firehoseAccess: OPEN, tables: [] });
    expect(() => warehouse.destination({ table: 'events' }))
      .toThrow('test/Warehouse: invalid table: received "public.events"; declare the table in the warehouse\'s tables first (it has none).');
  });

  test('a long table name needs a destination name', () => {
    const long = 'a_very_long_table_name_for_events';
    const { warehouse } = warehouseStack({ firehoseAccess: OPEN, tables: [{ name: long, columns: [{ name: 'id', type: 'bigint' }] }] });
    expect(() => warehouse.destination({ table: long }))
      .toThrow('test/Warehouse: invalid destinationName: received "redshift-a-very-long-table-name-for-events"; use 1 to 31 lowercase letters, digits and hyphens (set destinationName when the table name is long).');
  });

  test('a region without a published Firehose CIDR block is refused', () => {
    const stack = awsStack({ region: 'eu-isoe-west-1' });
    expect(() => new RedshiftWarehouse(stack, 'Warehouse', { tables: TABLES, firehoseAccess: OPEN }))
      .toThrow(/^test\/Warehouse: firehoseAccess: Amazon Data Firehose publishes no Redshift CIDR block for region "eu-isoe-west-1" \(known regions: af-south-1, ap-east-1, .*, us-west-2\); use FirehoseAccess.none\(\) and load with streamingIngestion or loadFromLake.$/);
  });

  test('Firehose CIDR blocks are /27 blocks for every region code in the table', () => {
    for (const [region, cidr] of Object.entries(FIREHOSE_REDSHIFT_CIDR_BLOCKS)) {
      expect(region).toMatch(/^[a-z]{2}(-gov)?-[a-z]+-\d$/);
      expect(cidr).toMatch(/^\d+\.\d+\.\d+\.\d+\/27$/);
    }
    expect(FIREHOSE_REDSHIFT_CIDR_BLOCKS['us-east-1']).toBe('52.70.63.192/27');
  });

  test('a Kafka topic on Kubernetes cannot deliver to Redshift', () => {
    const { stack, warehouse } = warehouseStack({ firehoseAccess: OPEN });
    expect(() => warehouse.destination({ table: 'events' }).bindKafkaConnect(stack, {} as any))
      .toThrow('test: the Redshift destination "redshift-events" is AWS-only (Amazon Data Firehose); a Kafka topic on Kubernetes cannot deliver to it.');
  });
});
