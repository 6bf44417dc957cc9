import { TerraformStack } from 'cdktf';
import { awsStack, TABLES } from './redshift-fixture';
import { KubernetesSecretStoreStub } from './secret-store-stub';
import {
  AuditLogDestination, FirehoseAccess, RedshiftDeployment, RedshiftNodeType, RedshiftWarehouse, RedshiftWarehouseProps,
} from '../../../../src/warehouse/aws';
import { synth } from '../../../support/synth';

const PATH = 'test/Warehouse';

function build(props: RedshiftWarehouseProps, stack: TerraformStack = awsStack()): RedshiftWarehouse {
  return new RedshiftWarehouse(stack, 'Warehouse', props);
}

describe('serverless capacity', () => {
  test.each([
    [12, 'use a multiple of 8 from 8 to 1024 RPUs'],
    [0, 'use a multiple of 8 from 8 to 1024 RPUs'],
    [4, 'use a multiple of 8 from 8 to 1024 RPUs'],
    [1032, 'use a multiple of 8 from 8 to 1024 RPUs'],
    [8.5, 'use a multiple of 8 from 8 to 1024 RPUs'],
  ])('baseCapacityRpus %d', (rpus, allowed) => {
    expect(() => build({ deployment: RedshiftDeployment.serverless({ baseCapacityRpus: rpus }) }))
      .toThrow(`${PATH}: invalid deployment.baseCapacityRpus: received ${rpus}; ${allowed}.`);
  });

  test('maxCapacityRpus not a multiple of 8, or out of range', () => {
    expect(() => build({ deployment: RedshiftDeployment.serverless({ maxCapacityRpus: 100 }) }))
      .toThrow(`${PATH}: invalid deployment.maxCapacityRpus: received 100; use a multiple of 8 from 8 to 5632 RPUs.`);
    expect(() => build({ deployment: RedshiftDeployment.serverless({ maxCapacityRpus: 5640 }) }))
      .toThrow(`${PATH}: invalid deployment.maxCapacityRpus: received 5640; use a multiple of 8 from 8 to 5632 RPUs.`);
  });

  test('a ceiling below the base capacity conflicts', () => {
    expect(() => build({ deployment: RedshiftDeployment.serverless({ baseCapacityRpus: 64, maxCapacityRpus: 32 }) }))
      .toThrow(`${PATH}: deployment.maxCapacityRpus (32) is below deployment.baseCapacityRpus (64); set the maximum at or above the base capacity.`);
  });
});

describe('provisioned nodes', () => {
  test('a node type outside the RA3 allow-list', () => {
    expect(() => build({ deployment: RedshiftDeployment.provisioned({ nodeType: 'dc2.large' as RedshiftNodeType }) }))
      .toThrow(`${PATH}: invalid deployment.nodeType: received "dc2.large"; use one of ra3.large, ra3.xlplus, ra3.4xlarge, ra3.16xlarge.`);
  });

  test('single-node is only for ra3.large and ra3.xlplus', () => {
    expect(() => build({ deployment: RedshiftDeployment.provisioned({ nodeType: RedshiftNodeType.RA3_4XLARGE, numberOfNodes: 1 }) }))
      .toThrow(`${PATH}: invalid deployment.numberOfNodes: received 1; ra3.4xlarge clusters have 2 to 32 nodes (single-node clusters exist only for ra3.large and ra3.xlplus).`);
  });

  test('more nodes than the node type allows', () => {
    expect(() => build({ deployment: RedshiftDeployment.provisioned({ numberOfNodes: 17 }) }))
      .toThrow(`${PATH}: invalid deployment.numberOfNodes: received 17; ra3.large clusters have 1 node (single-node) or 2 to 16 nodes.`);
    expect(() => build({ deployment: RedshiftDeployment.provisioned({ nodeType: RedshiftNodeType.RA3_16XLARGE, numberOfNodes: 129 }) }))
      .toThrow(`${PATH}: invalid deployment.numberOfNodes: received 129; ra3.16xlarge clusters have 2 to 128 nodes (single-node clusters exist only for ra3.large and ra3.xlplus).`);
  });

  test('zero or fractional node counts', () => {
    expect(() => build({ deployment: RedshiftDeployment.provisioned({ numberOfNodes: 0 }) }))
      .toThrow(`${PATH}: invalid deployment.numberOfNodes: received 0; ra3.large clusters have 1 node (single-node) or 2 to 16 nodes.`);
    expect(() => build({ deployment: RedshiftDeployment.provisioned({ numberOfNodes: 2.5 }) }))
      .toThrow(`${PATH}: invalid deployment.numberOfNodes: received 2.5; ra3.large clusters have 1 node (single-node) or 2 to 16 nodes.`);
  });
});

describe('snapshot retention', () => {
  test.each([6, 36, 0])('%d days is outside 7..35', (days) => {
    expect(() => build({ deployment: RedshiftDeployment.provisioned(), snapshotRetentionDays: days }))
      .toThrow(`${PATH}: invalid snapshotRetentionDays: received ${days}; must be an integer from 7 to 35.`);
  });

  test('serverless has no snapshot retention to set', () => {
    expect(() => build({ snapshotRetentionDays: 14 }))
      .toThrow(`${PATH}: snapshotRetentionDays applies to provisioned clusters only: Redshift Serverless keeps its own recovery points (24 hours). Remove it or use RedshiftDeployment.provisioned(...).`);
  });
});

describe('conflicting and invalid options', () => {
  test('S3 audit logs on serverless', () => {
    expect(() => build({ auditLogs: AuditLogDestination.s3() }))
      .toThrow(`${PATH}: auditLogs: AuditLogDestination.s3() applies to provisioned clusters only: Redshift Serverless exports audit logs to CloudWatch Logs. Use AuditLogDestination.cloudWatch().`);
  });

  test('a log retention CloudWatch does not accept', () => {
    expect(() => build({ auditLogs: AuditLogDestination.cloudWatch({ retentionDays: 100 }) }))
      .toThrow(`${PATH}: invalid auditLogs.retentionDays: received 100; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.`);
    expect(() => build({ deployment: RedshiftDeployment.provisioned(), auditLogs: AuditLogDestination.s3({ retentionDays: 0 }) }))
      .toThrow(`${PATH}: invalid auditLogs.retentionDays: received 0; must be an integer from 1 to 36500.`);
  });

  test('a deployment not made by RedshiftDeployment', () => {
    expect(() => build({ deployment: { kind: 'dedicated' } as any }))
      .toThrow(`${PATH}: invalid deployment: received "dedicated"; use RedshiftDeployment.serverless(...) or RedshiftDeployment.provisioned(...).`);
  });

  test('port outside the ranges Redshift accepts', () => {
    expect(() => build({ port: 5432 + 100 }))
      .toThrow(`${PATH}: invalid port: received 5532; use a port from 5431 to 5455 or from 8191 to 8215.`);
  });

  test('database, administrator and warehouse names', () => {
    expect(() => build({ databaseName: 'Analytics' }))
      .toThrow(`${PATH}: invalid databaseName: received "Analytics"; use 1 to 64 lowercase letters, digits and underscores, starting with a letter.`);
    expect(() => build({ adminUsername: 'admin-user' }))
      .toThrow(`${PATH}: invalid adminUsername: received "admin-user"; use 1 to 127 lowercase letters, digits and underscores, starting with a letter or underscore.`);
    expect(() => build({ adminUsername: 'public' }))
      .toThrow(`${PATH}: invalid adminUsername: received "public"; use a name other than public and rdsdb.`);
    expect(() => build({ name: 'Data--Warehouse' }))
      .toThrow(`${PATH}: invalid name: received "Data--Warehouse"; use 2 to 40 lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit.`);
  });

  test('a secret store that is not Secrets Manager', () => {
    const stack = awsStack();
    expect(() => build({ secretStore: new KubernetesSecretStoreStub(stack, 'Store') }, stack))
      .toThrow(`${PATH}: invalid secretStore: received "kubernetes"; use a SecretsManagerStore: Redshift users are provisioned from Secrets Manager credentials.`);
  });

  test('no network on the platform', () => {
    expect(() => build({}, awsStack({ withoutNetwork: true })))
      .toThrow(`${PATH}: the Redshift warehouse runs in a private network, but the platform has none. Pass network to the AwsPlatform (new PrivateNetwork(...) or AwsNetwork.fromAttributes(...)).`);
  });

  test('serverless needs three subnets; the Firehose opt-in needs subnets', () => {
    expect(() => build({ firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds: ['subnet-a', 'subnet-b'] }) }))
      .toThrow(`${PATH}: invalid firehoseAccess.subnetIds: received ["subnet-a","subnet-b"]; Redshift Serverless needs at least 3 subnets in 3 availability zones.`);
    const noSubnets = FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds: [] });
    expect(() => build({ deployment: RedshiftDeployment.provisioned(), firehoseAccess: noSubnets }))
      .toThrow(`${PATH}: invalid firehoseAccess.subnetIds: received []; give the subnets routed to an internet gateway that the public endpoint runs in.`);
  });
});

describe('tables and identifiers', () => {
  test.each([
    ['a table name with a hyphen', [{ name: 'click-events', columns: [{ name: 'id', type: 'bigint' }] }],
      'invalid tables[0].name: received "click-events"; use 1 to 127 lowercase letters, digits and underscores, starting with a letter or underscore.'],
    ['an upper-case schema', [{ name: 'events', schema: 'Sales', columns: [{ name: 'id', type: 'bigint' }] }],
      'invalid tables[0].schema: received "Sales"; use 1 to 127 lowercase letters, digits and underscores, starting with a letter or underscore.'],
    ['a quote in a column name', [{ name: 'events', columns: [{ name: 'id"; DROP TABLE x; --', type: 'bigint' }] }],
      'invalid tables[0].columns[0].name: received "id\\"; DROP TABLE x; --"; use 1 to 127 lowercase letters, digits and underscores, starting with a letter or underscore.'],
    ['SQL in a column type', [{ name: 'events', columns: [{ name: 'id', type: 'bigint); DROP TABLE x; --' }] }],
      'invalid tables[0].columns[0].type: received "bigint); DROP TABLE x; --"; use a Redshift type such as "bigint", "varchar(256)", "numeric(10,2)" or "timestamp".'],
    ['no columns', [{ name: 'events', columns: [] }],
      'invalid tables[0].columns: received []; declare at least one column.'],
  ])('%s', (_label, tables, message) => {
    expect(() => build({ tables })).toThrow(`${PATH}: ${message}`);
  });

  test('duplicate tables and columns', () => {
    expect(() => build({ tables: [TABLES[0], TABLES[0]] }))
      .toThrow(`${PATH}: two tables are named "public.events"; table names must be unique per schema.`);
    expect(() => build({ tables: [{ name: 'events', columns: [{ name: 'id', type: 'bigint' }, { name: 'id', type: 'int' }] }] }))
      .toThrow(`${PATH}: table "public.events" declares column "id" twice; column names must be unique.`);
  });

  test('types with precision, scale, spaces and max are accepted', () => {
    const stack = awsStack();
    build({
      tables: [{
        name: 't',
        columns: [
          { name: 'a', type: 'numeric(10, 2)' }, { name: 'b', type: 'double precision' }, { name: 'c', type: 'varchar(max)' },
          { name: 'd', type: 'timestamptz' }, { name: 'e', type: 'super' },
        ],
      }],
    }, stack);
    const sql = Object.values(synth(stack).resources('aws_redshiftdata_statement')).map((r: any) => r.sql);
    expect(sql).toEqual(['CREATE TABLE IF NOT EXISTS "public"."t" ("a" numeric(10, 2), "b" double precision, "c" varchar(max), "d" timestamptz, "e" super)']);
  });
});
