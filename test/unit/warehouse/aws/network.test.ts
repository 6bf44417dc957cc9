import { refUnder, warehouseStack } from './redshift-fixture';
import { synth } from '../../../support/synth';

describe('the warehouse security group', () => {
  const { stack } = warehouseStack();
  const out = synth(stack);
  const group = refUnder(out, 'aws_security_group', 'Warehouse_Network_Group', 'id');

  test('in the platform VPC, named after the warehouse, no inline rules', () => {
    const sg = out.only('aws_security_group');
    expect(sg.name).toBe('acme-warehouse-redshift');
    expect(sg.vpc_id).toBe('$' + `{aws_vpc.${Object.keys(out.resources('aws_vpc'))[0]}.id}`);
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
  });

  test('no ingress until allowConnectionsFrom', () => {
    expect(out.resources('aws_vpc_security_group_ingress_rule')).toEqual({});
  });

  test('egress: HTTPS to S3 through the gateway endpoint\'s prefix list and HTTPS inside the VPC, nothing else', () => {
    const prefixList = Object.keys(out.data('aws_prefix_list'));
    expect(prefixList).toHaveLength(1);
    expect(out.data('aws_prefix_list')[prefixList[0]].name).toBe('com.amazonaws.eu-west-1.s3');
    const rules = Object.values(out.resources('aws_vpc_security_group_egress_rule')).map((r: any) => {
      const { ['//']: _meta, description: _d, ...rest } = r;
      return rest;
    });
    expect(rules).toEqual(expect.arrayContaining([
      { security_group_id: group, ip_protocol: 'tcp', from_port: 443, to_port: 443, prefix_list_id: '$' + `{data.aws_prefix_list.${prefixList[0]}.id}` },
      { security_group_id: group, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.40.0.0/16' },
    ]));
    expect(rules).toHaveLength(2);
  });
});
