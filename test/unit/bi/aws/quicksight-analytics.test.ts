import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsPlatform, Identity, PrivateNetwork } from '../../../../src';
import { BiEngine } from '../../../../src/bi';
import {
  MAX_QUICKSIGHT_DATA_SOURCE_PRINCIPALS, QUICKSIGHT_DATA_SOURCE_OWNER_ACTIONS, QUICKSIGHT_DATA_SOURCE_READER_ACTIONS, QUICKSIGHT_DATABASE_USER,
  QUICKSIGHT_SECRETS_ROLE_NAME, QUICKSIGHT_SERVICE_ROLE_NAME, QuickSightAnalytics, QuickSightAnalyticsProps,
} from '../../../../src/bi/aws';
import { QUICKSIGHT_VPC_CONNECTION_EC2_ACTIONS } from '../../../../src/bi/aws/private/quicksight-vpc-connection';
import { AwsDataLake } from '../../../../src/lake/aws';
import { KubernetesDataLake } from '../../../../src/lake/k8s';
import { SecretStoreBackend } from '../../../../src/secrets/secret-store-contract';
import { RedshiftWarehouse } from '../../../../src/warehouse/aws';
import { IWarehouse, WarehouseEngine } from '../../../../src/warehouse/warehouse-contract';
import { warnings } from '../../../support/annotations';
import { newStack, policyNamed, ref, synth, Synthesized } from '../../../support/synth';
import { FixtureWarehouse, postgresFixture } from '../bi-fixtures';

const OWNER = 'arn:aws:quicksight:us-east-1:123456789012:group/default/bi-admins';
const READER = 'arn:aws:quicksight:us-east-1:123456789012:group/default/analysts';
const USER = 'arn:aws:quicksight:us-east-1:123456789012:user/default/jane@example.com';

/** An AWS stack (acme, eu-west-1) with a PrivateNetwork registered on the platform. */
function awsStack(network = true): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  if (network) new PrivateNetwork(stack, 'Network');
  return stack;
}

const WAREHOUSE_SG = 'sg-0123456789abcdef0';
const SALES_HOST = 'sales.123456789012.eu-west-1.redshift-serverless.amazonaws.com';

/** An existing Redshift Serverless warehouse, through the real RedshiftWarehouse import. */
function importedRedshift(stack: Construct, id = 'Sales', port?: number): IWarehouse {
  return RedshiftWarehouse.fromRedshiftAttributes(stack, id, {
    engine: WarehouseEngine.REDSHIFT_SERVERLESS,
    endpoint: id === 'Sales' ? SALES_HOST : `${id.toLowerCase()}.123456789012.eu-west-1.redshift-serverless.amazonaws.com`,
    port,
    adminSecretArn: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${id.toLowerCase()}-admin-AbCdEf`,
    workgroupName: id.toLowerCase(),
    securityGroupId: WAREHOUSE_SG,
  });
}

function build(props: Partial<QuickSightAnalyticsProps> = {}) {
  const stack = awsStack();
  const sales = importedRedshift(stack);
  const bi = new QuickSightAnalytics(stack, 'Bi', { warehouses: [sales], owners: [OWNER], readers: [READER, USER], ...props });
  return { stack, bi, sales, out: synth(stack) };
}

/** `aws_iam_role_policy.<id>` etc. of the one resource of `type` whose id starts with `prefix`. */
const fqn = (out: Synthesized, type: string, prefix: string) => `${type}.${Object.keys(out.resources(type)).find((k) => k.startsWith(prefix))}`;

const account = (out: Synthesized) => ref(out, 'aws_caller_identity', 'Platform_Account', 'account_id', true);
const partition = (out: Synthesized) => ref(out, 'aws_partition', 'Platform_Partition', 'partition', true);
const dataSource = (out: Synthesized, id: string) => out.resources('aws_quicksight_data_source')[
  Object.keys(out.resources('aws_quicksight_data_source')).find((k) => k.startsWith(`Bi_DataSource-${id}_`))!];

describe('QuickSightAnalytics: VPC connection', () => {
  let out: Synthesized;
  beforeAll(() => ({ out } = build()));

  test('one VPC connection in the private subnets, with its own security group and role', () => {
    const connection = out.only('aws_quicksight_vpc_connection');
    expect(connection).toEqual({
      aws_account_id: account(out),
      vpc_connection_id: 'acme-bi',
      name: 'acme bi',
      role_arn: ref(out, 'aws_iam_role', 'Bi_VpcConnection_Role', 'arn'),
      security_group_ids: [ref(out, 'aws_security_group', 'Bi_VpcConnection_SecurityGroup', 'id')],
      subnet_ids: [1, 2, 3].map((i) => ref(out, 'aws_subnet', `Network_PrivateSubnet${i}_`, 'id')),
      depends_on: [`aws_iam_role_policy.${Object.keys(out.resources('aws_iam_role_policy')).find((k) => k.startsWith('Bi_VpcConnection_RolePolicy'))}`],
    });
  });

  test('security group: no ingress, egress only to the warehouse port inside the VPC', () => {
    const group = Object.entries(out.resources('aws_security_group')).find(([k]) => k.startsWith('Bi_'))![1];
    expect(group).toEqual({
      name: 'acme-bi-quicksight',
      description: 'QuickSight bi: network interfaces of the VPC connection; egress to warehouse ports only',
      vpc_id: ref(out, 'aws_vpc', 'Network_Vpc', 'id'),
    });
    expect(group.ingress).toBeUndefined();
    expect(group.egress).toBeUndefined();
    expect(Object.values(out.resources('aws_vpc_security_group_egress_rule'))).toEqual([{
      security_group_id: ref(out, 'aws_security_group', 'Bi_VpcConnection_SecurityGroup', 'id'),
      description: 'QuickSight to warehouses on port 5439',
      ip_protocol: 'tcp',
      from_port: 5439,
      to_port: 5439,
      cidr_ipv4: '10.40.0.0/16',
    }]);
    // The only ingress rule is the warehouse's, from this group.
    expect(Object.keys(out.resources('aws_vpc_security_group_ingress_rule'))).toEqual([expect.stringMatching(/^Sales_From-Bi-Sales_/)]);
  });

  test('execution role: trusted by QuickSight; exactly the network-interface actions, scoped where EC2 allows', () => {
    const role = out.resources('aws_iam_role')[Object.keys(out.resources('aws_iam_role')).find((k) => k.startsWith('Bi_VpcConnection_Role'))!];
    expect(role.name).toBe('acme-bi-quicksight-vpc');
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'quicksight.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const ec2 = `arn:${partition(out)}:ec2:eu-west-1:${account(out)}`;
    const group = `${ec2}:security-group/${ref(out, 'aws_security_group', 'Bi_VpcConnection_SecurityGroup', 'id')}`;
    const subnets = [1, 2, 3].map((i) => `${ec2}:subnet/${ref(out, 'aws_subnet', `Network_PrivateSubnet${i}_`, 'id')}`);
    const policy = policyNamed(out, 'quicksight-vpc-connection');
    expect(policy.Statement).toEqual([
      { Effect: 'Allow', Action: ['ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['ec2:CreateNetworkInterface'], Resource: [`${ec2}:network-interface/*`, ...subnets, group] },
      { Effect: 'Allow', Action: ['ec2:ModifyNetworkInterfaceAttribute', 'ec2:DeleteNetworkInterface'], Resource: [`${ec2}:network-interface/*`, group] },
    ]);
    const actions = policy.Statement.flatMap((s: any) => s.Action).sort();
    expect(actions).toEqual([...QUICKSIGHT_VPC_CONNECTION_EC2_ACTIONS].sort());
  });
});

describe('QuickSightAnalytics: warehouse data source', () => {
  let out: Synthesized;
  let bi: QuickSightAnalytics;
  beforeAll(() => ({ out, bi } = build()));
  const secretArn = () => ref(out, 'aws_secretsmanager_secret', 'DefaultSecretStore_sales-ReadOnly-Bi-Sales_Secret', 'arn');

  test('REDSHIFT data source over the VPC connection with SSL, the read-only secret and permissions', () => {
    expect(dataSource(out, 'Sales')).toEqual({
      aws_account_id: account(out),
      data_source_id: 'acme-bi-sales',
      name: 'Sales',
      type: 'REDSHIFT',
      parameters: { redshift: { host: SALES_HOST, port: 5439, database: 'analytics' } },
      credentials: { secret_arn: secretArn() },
      vpc_connection_properties: { vpc_connection_arn: ref(out, 'aws_quicksight_vpc_connection', 'Bi_VpcConnection', 'arn') },
      ssl_properties: { disable_ssl: false },
      permission: [
        { principal: OWNER, actions: QUICKSIGHT_DATA_SOURCE_OWNER_ACTIONS },
        { principal: READER, actions: QUICKSIGHT_DATA_SOURCE_READER_ACTIONS },
        { principal: USER, actions: QUICKSIGHT_DATA_SOURCE_READER_ACTIONS },
      ],
      depends_on: expect.any(Array),
    });
    // After the secret policy, the VPC connection, the user (its secret, value and the Data API call
    // creating it) and the warehouse's ingress rule: QuickSight connects when it creates the source.
    expect(dataSource(out, 'Sales').depends_on).toEqual(expect.arrayContaining([
      fqn(out, 'aws_iam_role_policy', 'Bi_SecretAccess-Sales'),
      fqn(out, 'aws_quicksight_vpc_connection', 'Bi_VpcConnection'),
      fqn(out, 'aws_secretsmanager_secret', 'DefaultSecretStore_sales-ReadOnly-Bi-Sales_Secret'),
      fqn(out, 'aws_secretsmanager_secret_version', 'DefaultSecretStore_sales-ReadOnly-Bi-Sales_Version'),
      fqn(out, 'aws_lambda_invocation', 'Sales_UserFunction_User-ReadOnly-Bi-Sales'),
      fqn(out, 'aws_vpc_security_group_ingress_rule', 'Sales_From-Bi-Sales'),
    ]));
    expect(bi.engine).toBe(BiEngine.QUICKSIGHT);
    expect(bi.dataSourceNames).toEqual(['Sales']);
    expect(bi.dataSourceIds).toEqual(['acme-bi-sales']);
  });

  test('reader actions are a subset of owner actions and never modify or delete', () => {
    expect(QUICKSIGHT_DATA_SOURCE_READER_ACTIONS.every((a) => QUICKSIGHT_DATA_SOURCE_OWNER_ACTIONS.includes(a))).toBe(true);
    expect(QUICKSIGHT_DATA_SOURCE_READER_ACTIONS.filter((a) => /Update|Delete/.test(a))).toEqual([]);
  });

  test('the warehouse creates a read-only user (never the admin credential) and opens its port to the security group', () => {
    const invocation = out.only('aws_lambda_invocation');
    expect(JSON.parse(invocation.input)).toMatchObject({
      username: QUICKSIGHT_DATABASE_USER, userSecretArn: secretArn(), grants: [{ schema: 'public', privilege: 'SELECT' }],
    });
    expect(Object.values(out.resources('aws_vpc_security_group_ingress_rule'))).toEqual([{
      security_group_id: WAREHOUSE_SG,
      referenced_security_group_id: ref(out, 'aws_security_group', 'Bi_VpcConnection_SecurityGroup', 'id'),
      description: 'Redshift clients: Bi-Sales',
      ip_protocol: 'tcp',
      from_port: 5439,
      to_port: 5439,
    }]);
    // The admin secret is only the Data API's (creating the user), never QuickSight's.
    expect(JSON.stringify(out.resources('aws_quicksight_data_source'))).not.toContain('sales-admin');
    expect(JSON.stringify(out.resources('aws_iam_role_policy'))).not.toMatch(/aws-quicksight[^"]*"[^}]*sales-admin/);
  });

  test('QuickSight\'s Secrets Manager role may read exactly that secret, and decrypt it only through Secrets Manager', () => {
    const policy = out.resources('aws_iam_role_policy')[Object.keys(out.resources('aws_iam_role_policy')).find((k) => k.startsWith('Bi_SecretAccess-Sales'))!];
    expect(policy.role).toBe(QUICKSIGHT_SECRETS_ROLE_NAME);
    expect(policy.name).toBe('acme-bi-sales-secret');
    expect(JSON.parse(policy.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadDataSourceSecret', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [secretArn()] },
        {
          Sid: 'DecryptDataSourceSecret',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: [ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn')],
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
        },
      ],
    });
    // No resource policy: the secret store owns the secret's one policy.
    expect(out.resources('aws_secretsmanager_secret_policy')).toEqual({});
  });

  test('no QuickSight resource carries a password; the secret\'s value is write-only', () => {
    expect(JSON.stringify(out.resources('aws_quicksight_data_source'))).not.toMatch(/password|credential_pair/);
    expect(out.only('aws_secretsmanager_secret_version').secret_string).toBeUndefined();
  });
});

describe('QuickSightAnalytics: options', () => {
  test('two warehouses on one port share one egress rule; a second port adds one; addWarehouse after construction', () => {
    const stack = awsStack();
    const bi = new QuickSightAnalytics(stack, 'Bi', { owners: [OWNER] });
    bi.addWarehouse('Sales', importedRedshift(stack, 'Sales'));
    bi.addWarehouse('Finance', importedRedshift(stack, 'Finance'));
    bi.addWarehouse('Legacy', importedRedshift(stack, 'Legacy', 5440));
    const out = synth(stack);
    expect(Object.values(out.resources('aws_quicksight_vpc_connection'))).toHaveLength(1);
    expect(Object.values(out.resources('aws_vpc_security_group_egress_rule')).map((r: any) => r.from_port)).toEqual([5439, 5440]);
    expect(bi.dataSourceNames).toEqual(['Sales', 'Finance', 'Legacy']);
    expect(dataSource(out, 'Legacy').parameters.redshift.port).toBe(5440);
  });

  test('custom account, database user, network and roles', () => {
    const stack = awsStack(false);
    const network = new PrivateNetwork(stack, 'Other', { registerWithPlatform: false, cidr: '10.50.0.0/16' });
    const secretsRole = Identity.fromAwsRole(stack, 'Secrets', { roleName: 'qs-secrets', roleArn: 'arn:aws:iam::123456789012:role/qs-secrets' });
    const sales = importedRedshift(stack);
    new QuickSightAnalytics(stack, 'Bi', {
      awsAccountId: '210987654321', databaseUser: 'bi_reader', network, secretsRole, warehouses: [sales], owners: [OWNER],
    });
    const out = synth(stack);
    expect(out.only('aws_quicksight_vpc_connection').aws_account_id).toBe('210987654321');
    expect(out.only('aws_quicksight_vpc_connection').subnet_ids[0]).toBe(ref(out, 'aws_subnet', 'Other_PrivateSubnet1_', 'id'));
    expect(out.only('aws_vpc_security_group_egress_rule').cidr_ipv4).toBe('10.50.0.0/16');
    expect(dataSource(out, 'Sales').aws_account_id).toBe('210987654321');
    expect(JSON.parse(out.only('aws_lambda_invocation').input).username).toBe('bi_reader');
    expect(policyNamed(out, 'acme-bi-sales-secret')).toBeDefined();
    const policy = Object.values(out.resources('aws_iam_role_policy')).find((p: any) => p.name === 'acme-bi-sales-secret') as any;
    expect(policy.role).toBe('qs-secrets');
  });

  test('lakes: an ATHENA data source on the lake\'s workgroup; QuickSight\'s service role reads every zone', () => {
    const stack = awsStack();
    const lake = new AwsDataLake(stack, 'Lake');
    const bi = new QuickSightAnalytics(stack, 'Bi', { lakes: [lake], readers: [READER] });
    const out = synth(stack);
    expect(dataSource(out, 'Lake')).toEqual({
      aws_account_id: account(out),
      data_source_id: 'acme-bi-lake',
      name: 'Lake',
      type: 'ATHENA',
      parameters: { athena: { work_group: ref(out, 'aws_athena_workgroup', 'Lake_Query_Workgroup', 'name') } },
      permission: [{ principal: READER, actions: QUICKSIGHT_DATA_SOURCE_READER_ACTIONS }],
      depends_on: expect.any(Array),
    });
    // Created after the lake's workgroup and the grants to QuickSight's service role.
    expect(dataSource(out, 'Lake').depends_on).toEqual(expect.arrayContaining([
      fqn(out, 'aws_athena_workgroup', 'Lake_Query_Workgroup'),
      ...lake.zoneNames.map((zone) => fqn(out, 'aws_iam_role_policy', `Lake_Grant-lake-${zone}-read-`)),
    ]));
    for (const zone of lake.zoneNames) {
      const policy = Object.values(out.resources('aws_iam_role_policy')).find((p: any) => p.name === `lake-${zone}-read`) as any;
      expect(policy.role).toBe(QUICKSIGHT_SERVICE_ROLE_NAME);
    }
    // Lakes alone need no VPC connection.
    expect(out.resources('aws_quicksight_vpc_connection')).toEqual({});
    expect(bi.vpcConnectionArn).toBeUndefined();
  });

  test('no owners or readers: a warning, and data sources without permissions', () => {
    const stack = awsStack();
    const bi = new QuickSightAnalytics(stack, 'Bi', { warehouses: [importedRedshift(stack)] });
    const out = synth(stack);
    expect(dataSource(out, 'Sales').permission).toBeUndefined();
    expect(warnings(bi).map((w) => w.message)).toEqual([
      'no owners or readers: no QuickSight user or group can see the data sources (only the API can). Pass the ARNs of QuickSight users or groups.',
    ]);
  });
});

describe('QuickSightAnalytics: validation', () => {
  const attempt = (f: (stack: TerraformStack) => void, network = true) => () => f(awsStack(network));

  test('a principal that is not a QuickSight user or group ARN', () => {
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { owners: ['arn:aws:iam::123456789012:role/admin'] }))).toThrow(
      'test/Bi: invalid owners[0]: received "arn:aws:iam::123456789012:role/admin"; use the ARN of a QuickSight user or group, such as "arn:aws:quicksight:us-east-1:123456789012:group/default/analysts".',
    );
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { readers: [READER, 'analysts'] }))).toThrow(
      'test/Bi: invalid readers[1]: received "analysts"; use the ARN of a QuickSight user or group, such as "arn:aws:quicksight:us-east-1:123456789012:group/default/analysts".',
    );
  });

  test('a principal listed as owner and reader, or twice', () => {
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { owners: [OWNER], readers: [OWNER] }))).toThrow(
      `test/Bi: invalid readers: received ["${OWNER}"]; a principal is either an owner or a reader; remove it from one of the lists.`,
    );
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { readers: [READER, READER] }))).toThrow(
      `test/Bi: invalid readers[1]: received "${READER}"; list each principal once.`,
    );
  });

  test('more principals than QuickSight accepts', () => {
    const readers = Array.from({ length: MAX_QUICKSIGHT_DATA_SOURCE_PRINCIPALS + 1 }, (_, i) => `arn:aws:quicksight:us-east-1:123456789012:user/default/u${i}`);
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { readers }))).toThrow(
      'test/Bi: invalid owners and readers: received 65 principals; QuickSight accepts at most 64 per data source (grant groups rather than users).',
    );
  });

  test('account id and database user', () => {
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { awsAccountId: '1234' }))).toThrow(
      'test/Bi: invalid awsAccountId: received "1234"; use a 12-digit AWS account id.',
    );
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { databaseUser: 'QuickSight' }))).toThrow(
      'test/Bi: invalid databaseUser: received "QuickSight"; use 1 to 63 lowercase letters, digits and underscores, starting with a letter or underscore.',
    );
  });

  test('a Kubernetes (PostgreSQL) warehouse', () => {
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { warehouses: [postgresFixture(s)] }))).toThrow(
      'test/Bi: invalid engine of warehouse "Sales": received "postgresql"; QuickSight reads Amazon Redshift warehouses (REDSHIFT_SERVERLESS or REDSHIFT) over its VPC connection; read a PostgreSQL warehouse on Kubernetes with GrafanaAnalytics.',
    );
  });

  test('a Redshift warehouse whose read-only credential is not in Secrets Manager', () => {
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', {
      warehouses: [new FixtureWarehouse(s, 'Odd', { engine: WarehouseEngine.REDSHIFT, endpoint: 'odd', port: 5439, backend: SecretStoreBackend.VAULT })],
    }))).toThrow(
      'test/Bi: the read-only credential of warehouse "Odd" (test/Odd/ReadOnly-Bi-Odd) has no Secrets Manager secret (backend "vault"); QuickSight reads data source credentials from AWS Secrets Manager only.',
    );
  });

  test('duplicate ids, a warehouse added twice, malformed ids', () => {
    expect(attempt((s) => {
      const bi = new QuickSightAnalytics(s, 'Bi', { warehouses: [importedRedshift(s, 'Sales')] });
      bi.addWarehouse('Sales', importedRedshift(s, 'Other'));
    })).toThrow('test/Bi: invalid id: received "Sales"; data source "Sales" already uses it; give each data source its own id (ids that are equal in kebab case clash too).');
    expect(attempt((s) => {
      const bi = new QuickSightAnalytics(s, 'Bi', { warehouses: [importedRedshift(s, 'Sales')] });
      bi.addWarehouse('sales', importedRedshift(s, 'Other'));
    })).toThrow('test/Bi: invalid id: received "sales"; data source "Sales" already uses it; give each data source its own id (ids that are equal in kebab case clash too).');
    expect(attempt((s) => {
      const sales = importedRedshift(s, 'Sales');
      const bi = new QuickSightAnalytics(s, 'Bi', { warehouses: [sales] });
      bi.addWarehouse('SalesAgain', sales);
    })).toThrow('test/Bi: invalid warehouse: received "test/Sales"; it is already the data source "Sales"; add each warehouse once.');
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi').addWarehouse('sales data', importedRedshift(s)))).toThrow(
      'test/Bi: invalid id: received "sales data"; use 1 to 40 letters, digits and hyphens, starting with a letter or digit.',
    );
  });

  test('a lake without an Athena workgroup', () => {
    expect(attempt((s) => {
      const lake = KubernetesDataLake.fromLakeAttributes(s, 'K8sLake', {
        zoneNames: ['raw'], bucketPrefix: 'acme', sqlEndpoint: 'http://acme-trino.acme.svc:8080', metastoreUri: 'thrift://acme-hive-metastore.acme.svc:9083',
      });
      new QuickSightAnalytics(s, 'Bi', { lakes: [lake] });
    })).toThrow(
      'test/Bi: invalid lake "K8sLake": received "test/K8sLake"; QuickSight reads lakes through Athena: use an AwsDataLake (it exposes workgroupName); a Kubernetes lake has no Athena workgroup and an imported AWS lake does not expose its workgroup.',
    );
  });

  test('a warehouse without a network', () => {
    expect(attempt((s) => new QuickSightAnalytics(s, 'Bi', { warehouses: [importedRedshift(s)] }), false)).toThrow(
      'test/Bi: QuickSight\'s VPC connection runs in a private network, but the platform has none. Pass network to the AwsPlatform (new PrivateNetwork(...) or AwsNetwork.fromAttributes(...)).',
    );
  });
});
