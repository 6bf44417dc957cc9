import { awsStack, platformRefs, TABLES } from './redshift-fixture';
import { AwsDataLake, Identity } from '../../../../src';
import { FirehoseAccess, RedshiftWarehouse, RedshiftWarehouseAttributes } from '../../../../src/warehouse/aws';
import { WarehouseEngine } from '../../../../src/warehouse/warehouse-contract';
import { policyNamed, synth } from '../../../support/synth';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:redshift!acme-dwh-admin-AbCdEf';
const ROLE = 'arn:aws:iam::111122223333:role/acme-dwh-redshift';
const CLUSTER: RedshiftWarehouseAttributes = {
  engine: WarehouseEngine.REDSHIFT,
  endpoint: 'acme-dwh.abc123.eu-west-1.redshift.amazonaws.com',
  clusterIdentifier: 'acme-dwh',
  adminSecretArn: SECRET,
  adminSecretKmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1234',
  securityGroupId: 'sg-0123456789abcdef0',
  roleArn: ROLE,
  tables: TABLES,
};

describe('an imported provisioned cluster', () => {
  const stack = awsStack();
  const warehouse = RedshiftWarehouse.fromRedshiftAttributes(stack, 'Dwh', CLUSTER);
  warehouse.grantRead(new Identity(stack, 'Analyst', { name: 'analyst' }));
  warehouse.allowConnectionsFrom('Bi', { securityGroupId: 'sg-0fedcba9876543210' });
  const lake = new AwsDataLake(stack, 'Lake');
  warehouse.loadFromLake('Events', { lake, zone: 'raw', prefix: 'events/', table: 'events' });
  const out = synth(stack);

  test('attributes and defaults; nothing created for the warehouse itself', () => {
    expect(warehouse.engine).toBe(WarehouseEngine.REDSHIFT);
    expect(warehouse.endpoint).toBe(CLUSTER.endpoint);
    expect(warehouse.port).toBe(5439);
    expect(warehouse.databaseName).toBe('analytics');
    expect(warehouse.adminCredential.secretArn).toBe(SECRET);
    expect(warehouse.adminCredential.username).toBe('warehouse_admin');
    expect(out.resources('aws_redshift_cluster')).toEqual({});
    expect(out.resources('aws_security_group')).toEqual({});
    expect(Object.values(out.resources('aws_redshiftdata_statement')).some((s: any) => s.sql.startsWith('CREATE TABLE'))).toBe(false);
  });

  test('grants: credentials on the named database of the cluster; SQL with the imported secret', () => {
    const { account, partition } = platformRefs(out);
    expect(policyNamed(out, 'redshift-dwh-read').Statement.slice(0, 2)).toEqual([
      { Effect: 'Allow', Action: ['redshift:GetClusterCredentialsWithIAM'], Resource: [`arn:${partition}:redshift:eu-west-1:${account}:dbname:acme-dwh/analytics`] },
      { Effect: 'Allow', Action: ['redshift-data:BatchExecuteStatement', 'redshift-data:ExecuteStatement'], Resource: [`arn:${partition}:redshift:eu-west-1:${account}:cluster:acme-dwh`] },
    ]);
    for (const s of Object.values(out.resources('aws_redshiftdata_statement')) as any[]) {
      expect(s.secret_arn).toBe(SECRET);
      expect(s.cluster_identifier).toBe('acme-dwh');
      expect(s.depends_on ?? []).not.toContain(expect.stringContaining('aws_redshift_cluster'));
    }
  });

  test('allowConnectionsFrom adds one ingress rule on the imported security group', () => {
    expect(Object.values(out.resources('aws_vpc_security_group_ingress_rule'))).toEqual([expect.objectContaining({
      security_group_id: 'sg-0123456789abcdef0',
      referenced_security_group_id: 'sg-0fedcba9876543210',
      ip_protocol: 'tcp',
      from_port: 5439,
      to_port: 5439,
    })]);
  });

  test('lake loads use the imported role', () => {
    expect(out.only('aws_cloudwatch_event_target').redshift_target.sql).toContain(`IAM_ROLE '${ROLE}'`);
    const grant = Object.values(out.resources('aws_iam_role_policy')).find((p: any) => p.name === 'lake-raw-read') as any;
    expect(grant.role).toBe('acme-dwh-redshift');
  });

  test('a Firehose destination is refused unless the attributes say Firehose can reach it', () => {
    expect(() => warehouse.destination({ table: 'events' })).toThrow(/^test\/Dwh: a Firehose destination needs a warehouse that Amazon Data Firehose can reach/);
    const s = awsStack();
    const open = RedshiftWarehouse.fromRedshiftAttributes(s, 'Dwh', { ...CLUSTER, firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds: [] }) });
    expect(open.destination({ table: 'events' }).destinationName).toBe('redshift-events');
  });
});

describe('an imported serverless workgroup', () => {
  test('the workgroup ARN is looked up by name', () => {
    const stack = awsStack();
    const warehouse = RedshiftWarehouse.fromRedshiftAttributes(stack, 'Dwh', {
      engine: WarehouseEngine.REDSHIFT_SERVERLESS, endpoint: 'dwh.example', workgroupName: 'acme-dwh', adminSecretArn: SECRET, port: 5440, databaseName: 'dev',
    });
    warehouse.grantWrite(new Identity(stack, 'Etl', { name: 'etl' }));
    const out = synth(stack);
    const lookup = Object.keys(out.data('aws_redshiftserverless_workgroup'));
    expect(lookup).toHaveLength(1);
    expect(out.data('aws_redshiftserverless_workgroup')[lookup[0]].workgroup_name).toBe('acme-dwh');
    const arn = '$' + `{data.aws_redshiftserverless_workgroup.${lookup[0]}.arn}`;
    expect(policyNamed(out, 'redshift-dwh-write').Statement[0]).toEqual({ Effect: 'Allow', Action: ['redshift-serverless:GetCredentials'], Resource: [arn] });
    expect(warehouse.port).toBe(5440);
    for (const s of Object.values(out.resources('aws_redshiftdata_statement')) as any[]) {
      expect(s.workgroup_name).toBe('acme-dwh');
      expect(s.database).toBe('dev');
    }
  });
});

describe('import errors', () => {
  test.each([
    [{ ...CLUSTER, engine: WarehouseEngine.POSTGRESQL }, 'invalid engine: received "postgresql"; use WarehouseEngine.REDSHIFT or WarehouseEngine.REDSHIFT_SERVERLESS.'],
    [{ ...CLUSTER, clusterIdentifier: undefined }, 'invalid clusterIdentifier: received undefined; give the cluster identifier of a REDSHIFT warehouse.'],
    [{ ...CLUSTER, engine: WarehouseEngine.REDSHIFT_SERVERLESS }, 'invalid workgroupName: received undefined; give the workgroup name of a REDSHIFT_SERVERLESS warehouse.'],
    [{ ...CLUSTER, adminSecretArn: '' }, 'invalid adminSecretArn: received ""; give the ARN of the administrator\'s Secrets Manager secret.'],
    [{ ...CLUSTER, roleArn: 'acme-dwh-redshift' }, 'invalid roleArn: received "acme-dwh-redshift"; give an IAM role ARN (arn:<partition>:iam::<account>:role/<name>).'],
  ])('%#', (attrs, message) => {
    expect(() => RedshiftWarehouse.fromRedshiftAttributes(awsStack(), 'Dwh', attrs)).toThrow(`test/Dwh: ${message}`);
  });

  test('without a role: loads, streams and Spectrum schemas say what is missing; without a security group: connections', () => {
    const stack = awsStack();
    const warehouse = RedshiftWarehouse.fromRedshiftAttributes(stack, 'Dwh', { ...CLUSTER, roleArn: undefined, securityGroupId: undefined });
    const lake = new AwsDataLake(stack, 'Lake');
    expect(() => warehouse.loadFromLake('Events', { lake, zone: 'raw', prefix: 'p/', table: 'events' }))
      .toThrow('test/Dwh: loadFromLake needs an IAM role attached to the warehouse; import the warehouse with roleArn (a role attached to it that Redshift can assume).');
    expect(() => warehouse.allowConnectionsFrom('Bi', { securityGroupId: 'sg-1' }))
      .toThrow('test/Dwh: allowConnectionsFrom needs the warehouse\'s security group; import the warehouse with securityGroupId.');
  });
});

describe('allowConnectionsFrom on a created warehouse', () => {
  test('one rule per client group; pod labels and empty peers are refused', () => {
    const stack = awsStack();
    const warehouse = new RedshiftWarehouse(stack, 'Warehouse');
    warehouse.allowConnectionsFrom('Bi', { securityGroupId: 'sg-0fedcba9876543210' });
    warehouse.allowConnectionsFrom('Bi', { securityGroupId: 'sg-0fedcba9876543210' });
    const out = synth(stack);
    const rules = Object.values(out.resources('aws_vpc_security_group_ingress_rule')) as any[];
    expect(rules).toHaveLength(1);
    expect(rules[0].referenced_security_group_id).toBe('sg-0fedcba9876543210');
    expect(rules[0].from_port).toBe(5439);
    expect(() => warehouse.allowConnectionsFrom('Pods', { podLabels: { app: 'bi' } }))
      .toThrow('test/Warehouse: invalid peer.podLabels: received {"app":"bi"}; pod labels select Kubernetes clients; on AWS give the clients\' securityGroupId.');
    expect(() => warehouse.allowConnectionsFrom('None', {}))
      .toThrow('test/Warehouse: invalid peer.securityGroupId: received undefined; give the security group of the clients.');
  });
});
