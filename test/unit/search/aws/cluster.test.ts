import { TerraformOutput } from 'cdktf';
import { clusterStack, searchStack } from './search-fixture';
import { RemovalPolicy } from '../../../../src';
import {
  DEFAULT_DATA_INSTANCE_COUNT, DEFAULT_DATA_INSTANCE_TYPE, DEFAULT_DEDICATED_MASTER_COUNT, DEFAULT_DEDICATED_MASTER_TYPE,
  DEFAULT_OPENSEARCH_ENGINE_VERSION,
  DEFAULT_TLS_SECURITY_POLICY, DEFAULT_VOLUME_SIZE_GIB, OpenSearchSearchCluster, SearchEngine,
} from '../../../../src/search';
import { policyNamed, ref, synth } from '../../../support/synth';

describe('a cluster with the defaults', () => {
  const { stack, search } = clusterStack();
  const out = synth(stack);
  const domain = out.only('aws_opensearch_domain');

  test('names, engine and sizing from the documented defaults', () => {
    expect(search.engine).toBe(SearchEngine.OPENSEARCH);
    expect(search.domainName).toBe('acme-search');
    expect(domain.domain_name).toBe('acme-search');
    expect(domain.engine_version).toBe(DEFAULT_OPENSEARCH_ENGINE_VERSION);
    expect(domain.cluster_config).toEqual({
      instance_type: DEFAULT_DATA_INSTANCE_TYPE,
      instance_count: DEFAULT_DATA_INSTANCE_COUNT,
      zone_awareness_enabled: true,
      zone_awareness_config: { availability_zone_count: 3 },
      dedicated_master_enabled: false,
    });
    expect(domain.ebs_options).toEqual({ ebs_enabled: true, volume_type: 'gp3', volume_size: DEFAULT_VOLUME_SIZE_GIB });
    expect(domain.auto_tune_options).toEqual({ desired_state: 'ENABLED', rollback_on_disable: 'NO_ROLLBACK', use_off_peak_window: true });
    expect(domain.off_peak_window_options).toEqual({ enabled: true });
    expect(domain.software_update_options).toEqual({ auto_software_update_enabled: true });
  });

  test('encrypted at rest with the platform key, node to node, HTTPS only with TLS 1.2 PFS', () => {
    expect(domain.encrypt_at_rest).toEqual({ enabled: true, kms_key_id: ref(out, 'aws_kms_key', 'SharedKey', 'arn') });
    expect(domain.node_to_node_encryption).toEqual({ enabled: true });
    expect(domain.domain_endpoint_options).toEqual({ enforce_https: true, tls_security_policy: DEFAULT_TLS_SECURITY_POLICY });
    expect(DEFAULT_TLS_SECURITY_POLICY).toBe('Policy-Min-TLS-1-2-PFS-2023-10');
  });

  test('fine-grained access control: no anonymous access, no internal users, the master user is the security function role', () => {
    expect(domain.advanced_security_options).toEqual({
      enabled: true,
      anonymous_auth_enabled: false,
      internal_user_database_enabled: false,
      master_user_options: { master_user_arn: ref(out, 'aws_iam_role', 'SecurityConfig_Function_Role', 'arn') },
    });
    expect(JSON.stringify(domain)).not.toContain('master_user_password');
  });

  test('the access policy admits only this account\'s IAM principals, on this domain', () => {
    expect(JSON.parse(domain.access_policies).Statement).toEqual([{
      Effect: 'Allow',
      Principal: { AWS: 'arn:${data.aws_partition.Platform_Partition_290DDE87.partition}:iam::${data.aws_caller_identity.Platform_Account_78874295.account_id}:root' },
      Action: 'es:ESHttp*',
      Resource: 'arn:${data.aws_partition.Platform_Partition_290DDE87.partition}:es:eu-west-1:${data.aws_caller_identity.Platform_Account_78874295.account_id}:domain/acme-search/*',
    }]);
  });

  test('in the private subnets, one per zone, behind a security group with no rule until a client is admitted', () => {
    expect(domain.vpc_options.subnet_ids).toEqual([1, 2, 3].map((i) => ref(out, 'aws_subnet', `PrivateSubnet${i}`, 'id')));
    expect(domain.vpc_options.security_group_ids).toEqual([ref(out, 'aws_security_group', 'Search_SecurityGroup', 'id')]);
    const group = out.resources('aws_security_group');
    const domainGroup = Object.values(group).find((g: any) => g.name === 'acme-search-opensearch') as any;
    expect(domainGroup.ingress).toBeUndefined();
    expect(domainGroup.egress).toBeUndefined();
    const ingress = Object.values(out.resources('aws_vpc_security_group_ingress_rule')) as any[];
    expect(ingress).toEqual([expect.objectContaining({
      security_group_id: ref(out, 'aws_security_group', 'Search_SecurityGroup', 'id'),
      referenced_security_group_id: ref(out, 'aws_security_group', 'SecurityConfig_ClientGroup', 'id'),
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
    })]);
  });

  test('application, slow and audit logs to KMS-encrypted log groups with retention, writable by OpenSearch for this domain only', () => {
    expect(domain.log_publishing_options.map((o: any) => o.log_type)).toEqual(['ES_APPLICATION_LOGS', 'INDEX_SLOW_LOGS', 'SEARCH_SLOW_LOGS', 'AUDIT_LOGS']);
    const groups = Object.values(out.resources('aws_cloudwatch_log_group')).filter((g: any) => g.name.startsWith('/aws/opensearch/')) as any[];
    expect(groups.map((g) => g.name).sort()).toEqual(['application', 'audit', 'index-slow', 'search-slow'].map((s) => `/aws/opensearch/acme-search/${s}`));
    groups.forEach((g) => {
      expect(g.kms_key_id).toBe(ref(out, 'aws_kms_key', 'SharedKey', 'arn'));
      expect(g.retention_in_days).toBe(90);
    });
    const policy = out.only('aws_cloudwatch_log_resource_policy');
    const statement = JSON.parse(policy.policy_document).Statement[0];
    expect(statement.Principal).toEqual({ Service: 'es.amazonaws.com' });
    expect(statement.Action).toEqual(['logs:PutLogEvents', 'logs:CreateLogStream']);
    expect(statement.Resource).toHaveLength(4);
    expect(statement.Condition.ArnLike['aws:SourceArn']).toMatch(/:domain\/acme-search$/);
    expect(domain.depends_on).toEqual(['aws_cloudwatch_log_resource_policy.Search_Logs_ResourcePolicy_CAE0B66C']);
  });

  test('protected from deletion; endpoint and Dashboards URL from the domain', () => {
    expect(domain.lifecycle).toEqual({ prevent_destroy: true });
    const s2 = clusterStack();
    new TerraformOutput(s2.stack, 'endpoint', { value: s2.search.endpoint });
    new TerraformOutput(s2.stack, 'dashboards', { value: s2.search.dashboardsUrl });
    const outputs = synth(s2.stack).json.output;
    expect(outputs.endpoint.value).toBe('https://${aws_opensearch_domain.Search_Domain_AB6007CD.endpoint}');
    expect(outputs.dashboards.value).toBe('https://${aws_opensearch_domain.Search_Domain_AB6007CD.dashboard_endpoint}');
    expect(search.masterRoleArn).toBeDefined();
  });

  test('the security function: in the VPC, its role may call the security API of this domain only', () => {
    const fn = Object.values(out.resources('aws_lambda_function')).find((f: any) => f.function_name === 'acme-search-security') as any;
    expect(fn.handler).toBe('security-config.handler');
    expect(fn.vpc_config.security_group_ids).toEqual([ref(out, 'aws_security_group', 'SecurityConfig_ClientGroup', 'id')]);
    expect(fn.tracing_config).toEqual({ mode: 'Active' });
    expect(fn.reserved_concurrent_executions).toBe(1);
    expect(policyNamed(out, 'opensearch-security-api').Statement).toEqual([{
      Effect: 'Allow', Action: ['es:ESHttpGet', 'es:ESHttpPut'], Resource: ['${aws_opensearch_domain.Search_Domain_AB6007CD.arn}/_plugins/_security/*'],
    }]);
    const invocation = out.only('aws_lambda_invocation');
    expect(JSON.parse(invocation.input)).toEqual({
      endpoint: '${aws_opensearch_domain.Search_Domain_AB6007CD.endpoint}',
      roles: [{ name: 'pipeline_writer', clusterPermissions: ['cluster_monitor', 'cluster_composite_ops'], indexPermissions: [], backendRoles: [] }],
    });
    expect(invocation.depends_on).toContain('aws_opensearch_domain.Search_Domain_AB6007CD');
  });
});

describe('options', () => {
  test('dedicated masters with their defaults, a given size and two zones', () => {
    const { stack } = clusterStack({ dedicatedMasters: {}, instanceCount: 4, availabilityZoneCount: 2, volumeSizeGiB: 500 });
    const domain = synth(stack).only('aws_opensearch_domain');
    expect(domain.cluster_config).toEqual(expect.objectContaining({
      instance_count: 4,
      zone_awareness_config: { availability_zone_count: 2 },
      dedicated_master_enabled: true,
      dedicated_master_type: DEFAULT_DEDICATED_MASTER_TYPE,
      dedicated_master_count: DEFAULT_DEDICATED_MASTER_COUNT,
    }));
    expect(domain.vpc_options.subnet_ids).toHaveLength(2);
    expect(domain.ebs_options.volume_size).toBe(500);
  });

  test('one zone turns zone awareness off; burstable instances get Auto-Tune off', () => {
    const { stack } = clusterStack({ instanceType: 't3.small.search', instanceCount: 1, availabilityZoneCount: 1 });
    const domain = synth(stack).only('aws_opensearch_domain');
    expect(domain.cluster_config.zone_awareness_enabled).toBe(false);
    expect(domain.cluster_config.zone_awareness_config).toBeUndefined();
    expect(domain.vpc_options.subnet_ids).toHaveLength(1);
    expect(domain.auto_tune_options.desired_state).toBe('DISABLED');
  });

  test('DESTROY with the second opt-in drops prevent_destroy', () => {
    const stack = searchStack({ allowDataDestruction: true });
    new OpenSearchSearchCluster(stack, 'Search', { removalPolicy: RemovalPolicy.DESTROY });
    expect(synth(stack).only('aws_opensearch_domain').lifecycle).toBeUndefined();
  });

  test('allowConnectionsFrom admits a client group on HTTPS', () => {
    const { stack, search } = clusterStack();
    search.allowConnectionsFrom('Bastion', 'sg-0123456789abcdef0');
    const rules = Object.values(synth(stack).resources('aws_vpc_security_group_ingress_rule')) as any[];
    expect(rules).toContainEqual(expect.objectContaining({ referenced_security_group_id: 'sg-0123456789abcdef0', from_port: 443, to_port: 443, description: 'HTTPS from Bastion' }));
  });
});

describe('bad input fails at synth time with the exact message', () => {
  const cases: [string, object, string][] = [
    ['instance count', { instanceCount: 0 }, 'test/Search: invalid instanceCount: received 0; must be an integer from 1 to 80.'],
    ['fractional instance count', { instanceCount: 2.5 }, 'test/Search: invalid instanceCount: received 2.5; must be an integer from 1 to 80.'],
    ['zone count', { availabilityZoneCount: 4 }, 'test/Search: invalid availabilityZoneCount: received 4; use 1 (no zone awareness), 2 or 3.'],
    ['odd count over two zones', { instanceCount: 3, availabilityZoneCount: 2 },
      'test/Search: instanceCount (3) must be a multiple of availabilityZoneCount (2): zone awareness places the same number of data nodes in each zone.'],
    ['volume too small', { volumeSizeGiB: 5 }, 'test/Search: invalid volumeSizeGiB: received 5; must be an integer from 10 to 24576.'],
    ['volume too large', { volumeSizeGiB: 30_000 }, 'test/Search: invalid volumeSizeGiB: received 30000; must be an integer from 10 to 24576.'],
    ['master count', { dedicatedMasters: { count: 2 } }, 'test/Search: invalid dedicatedMasters.count: received 2; use 3 or 5 (an odd quorum that survives the loss of a node).'],
    ['instance type', { instanceType: 'r7g.large' }, 'test/Search: invalid instanceType: received "r7g.large"; use an OpenSearch instance type such as "r7g.large.search".'],
    ['engine version', { engineVersion: '2.19' }, 'test/Search: invalid engineVersion: received "2.19"; use an OpenSearch engine version such as "OpenSearch_2.19".'],
    ['Auto-Tune on a burstable type', { instanceType: 't3.small.search', autoTune: true },
      'test/Search: invalid autoTune: received true; t3 instances do not support Auto-Tune; leave it unset or use another instance type.'],
    ['domain name', { name: 'a-very-long-search-domain-name' },
      'test/Search: invalid generated name: received "acme-a-very-long-search-domain-name"; OpenSearch domain names have 3 to 28 characters of lowercase letters, '
      + 'digits and hyphens, starting with a letter; this one has 35; it is namePrefix + the construct\'s name: shorten either.'],
  ];
  test.each(cases)('%s', (_what, props, message) => {
    expect(() => clusterStack(props)).toThrow(message);
  });

  test('more zones than private subnets', () => {
    const stack = searchStack({ subnets: 2 });
    expect(() => new OpenSearchSearchCluster(stack, 'Search')).toThrow(
      'test/Search: availabilityZoneCount (3) needs a private subnet in each zone, but the platform\'s network has 2.');
  });

  test('no network', () => {
    const stack = searchStack({ withoutNetwork: true });
    expect(() => new OpenSearchSearchCluster(stack, 'Search')).toThrow(
      'test/Search: the OpenSearch domain runs in a private network, but the platform has none. Pass network to the AwsPlatform (new PrivateNetwork(...) or AwsNetwork.fromAttributes(...)).');
  });
});
