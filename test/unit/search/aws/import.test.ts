import { searchStack } from './search-fixture';
import { StreamingIngest } from '../../../../src';
import { OpenSearchSearchCluster, SearchEngine } from '../../../../src/search';
import { warnings } from '../../../support/annotations';
import { synth } from '../../../support/synth';

const ATTRS = {
  domainArn: 'arn:aws:es:eu-west-1:123456789012:domain/logs',
  domainEndpoint: 'vpc-logs-abc123.eu-west-1.es.amazonaws.com',
  securityGroupId: 'sg-0123456789abcdef0',
};

describe('an imported domain', () => {
  const stack = searchStack();
  const search = OpenSearchSearchCluster.fromAttributes(stack, 'Existing', ATTRS);
  new StreamingIngest(stack, 'Audit', { destinations: [search.destination({ index: 'audit' })] });
  const out = synth(stack);

  test('endpoint and Dashboards URL from the attributes; no domain, no security function', () => {
    expect(search.engine).toBe(SearchEngine.OPENSEARCH);
    expect(search.endpoint).toBe('https://vpc-logs-abc123.eu-west-1.es.amazonaws.com');
    expect(search.dashboardsUrl).toBe('https://vpc-logs-abc123.eu-west-1.es.amazonaws.com/_dashboards');
    expect(out.resources('aws_opensearch_domain')).toEqual({});
    expect(out.resources('aws_lambda_invocation')).toEqual({});
  });

  test('the destination delivers to the domain and is admitted by its security group', () => {
    const config = out.only('aws_kinesis_firehose_delivery_stream').opensearch_configuration;
    expect(config.domain_arn).toBe(ATTRS.domainArn);
    expect(Object.values(out.resources('aws_vpc_security_group_ingress_rule'))).toEqual([expect.objectContaining({ security_group_id: ATTRS.securityGroupId, from_port: 443 })]);
  });

  test('a warning names the role to map in the security plugin', () => {
    expect(warnings(stack).map((w) => w.message)).toContainEqual(expect.stringContaining('the OpenSearch domain is imported: map this delivery stream\'s role'));
  });

  test('a bad ARN or endpoint fails', () => {
    const s = searchStack();
    expect(() => OpenSearchSearchCluster.fromAttributes(s, 'A', { ...ATTRS, domainArn: 'logs' })).toThrow(
      'test/A: invalid domainArn: received "logs"; use an OpenSearch domain ARN such as "arn:aws:es:eu-west-1:123456789012:domain/search".');
    expect(() => OpenSearchSearchCluster.fromAttributes(s, 'B', { ...ATTRS, domainEndpoint: 'https://x.es.amazonaws.com' })).toThrow(
      'test/B: invalid domainEndpoint: received "https://x.es.amazonaws.com"; give the host name of the domain\'s endpoint, without "https://".');
  });
});
