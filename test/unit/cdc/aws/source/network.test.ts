import { refUnder, sourceStack } from './source-fixture';
import { SourceEngine } from '../../../../../src/cdc';
import { RdsSourceDatabase } from '../../../../../src/cdc/aws/source';
import { ref, synth } from '../../../../support/synth';

describe('the source database security group', () => {
  test('in the platform VPC, named after the database, no inline rules, no ingress until allowConnectionsFrom, no egress', () => {
    const stack = sourceStack();
    const db = new RdsSourceDatabase(stack, 'Orders', { engine: SourceEngine.MYSQL });
    const out = synth(stack);
    const group = out.only('aws_security_group');
    expect(group.name).toBe('acme-orders-db');
    expect(group.description).toBe('RDS mysql orders: port 3306 from allowed clients only');
    expect(group.vpc_id).toBe(ref(out, 'aws_vpc', 'Network_Vpc', 'id'));
    expect(group.ingress).toBeUndefined();
    expect(group.egress).toBeUndefined();
    expect(out.resources('aws_vpc_security_group_ingress_rule')).toEqual({});
    expect(out.resources('aws_vpc_security_group_egress_rule')).toEqual({});
    expect(out.only('aws_db_instance').vpc_security_group_ids).toEqual([refUnder(out, 'aws_security_group', 'Orders_SecurityGroup', 'id')]);
    expect(db.securityGroupId).toBeDefined();
  });

  test('allowConnectionsFrom: the database port from the client group only, once per id', () => {
    const stack = sourceStack();
    const db = new RdsSourceDatabase(stack, 'Orders', { engine: SourceEngine.POSTGRESQL });
    db.allowConnectionsFrom('Dms', 'sg-0123456789abcdef0');
    db.allowConnectionsFrom('Dms', 'sg-0123456789abcdef0');
    db.allowConnectionsFrom('App', 'sg-0fedcba9876543210');
    const out = synth(stack);
    const rules = Object.values(out.resources('aws_vpc_security_group_ingress_rule')).map((r: any) => {
      const { ['//']: _meta, ...rest } = r;
      return rest;
    });
    const group = refUnder(out, 'aws_security_group', 'Orders_SecurityGroup', 'id');
    expect(rules).toHaveLength(2);
    expect(rules).toEqual(expect.arrayContaining([
      { security_group_id: group, description: 'Database clients: Dms', ip_protocol: 'tcp', from_port: 5432, to_port: 5432, referenced_security_group_id: 'sg-0123456789abcdef0' },
      { security_group_id: group, description: 'Database clients: App', ip_protocol: 'tcp', from_port: 5432, to_port: 5432, referenced_security_group_id: 'sg-0fedcba9876543210' },
    ]));
  });

  test('allowConnectionsFrom rejects what is not a security group id', () => {
    const db = new RdsSourceDatabase(sourceStack(), 'Orders', { engine: SourceEngine.MYSQL });
    expect(() => db.allowConnectionsFrom('Dms', '10.0.0.0/16'))
      .toThrow('test/Orders: invalid allowConnectionsFrom("Dms").securityGroupId: received "10.0.0.0/16"; use a security group id such as "sg-0123456789abcdef0".');
  });
});
