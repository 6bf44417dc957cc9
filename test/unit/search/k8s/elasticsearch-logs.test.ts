import { TerraformStack } from 'cdktf';
import { DEFAULT_LOG_SHIPPER_RESOURCES, ElasticsearchSearchCluster } from '../../../../src/search/k8s';
import { DEFAULT_LOG_INDEX } from '../../../../src/search/search-cluster-contract';
import { inspect, platformStack } from '../../../support/kubernetes';

const BEAT = 'acme-search-logs-pipeline';

function logsStack(): { stack: TerraformStack; search: ElasticsearchSearchCluster } {
  const stack = platformStack();
  const search = new ElasticsearchSearchCluster(stack, 'Search');
  search.ingestLogs('Pipeline', { namespaces: ['acme', 'ingest'] });
  return { stack, search };
}

function terraformValue(value: any): any {
  return JSON.parse(JSON.stringify(value).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
}

describe('ElasticsearchSearchCluster.ingestLogs: Filebeat', () => {
  test('a Filebeat DaemonSet in the log shipper namespace writing through its elasticsearchRef', () => {
    const { stack, search } = logsStack();
    const beats = inspect(stack).ofKind('Beat');
    expect(beats).toHaveLength(1);
    const beat = beats[0];
    expect(beat.apiVersion).toBe('beat.k8s.elastic.co/v1beta1');
    expect(beat.metadata.name).toBe(BEAT);
    expect(beat.metadata.namespace).toBe('acme-logs');
    expect(search.logShipperNamespace).toBe('acme-logs');
    expect(beat.spec.type).toBe('filebeat');
    expect(beat.spec.version).toBe('9.5.0');
    expect(beat.spec.elasticsearchRef).toEqual({ name: 'acme-search', namespace: 'acme' });
    expect(beat.spec.deployment).toBeUndefined();
    expect(terraformValue(beat.spec.config)).toEqual({
      'filebeat.autodiscover': {
        providers: [{
          'type': 'kubernetes',
          'node': '${NODE_NAME}',
          'hints.enabled': false,
          'add_resource_metadata': { deployment: false, cronjob: false },
          'templates': [{
            condition: { or: [{ equals: { 'kubernetes.namespace': 'acme' } }, { equals: { 'kubernetes.namespace': 'ingest' } }] },
            config: [{
              'type': 'filestream',
              'id': 'container-${data.kubernetes.container.id}',
              'paths': ['/var/log/containers/*-${data.kubernetes.container.id}.log'],
              'parsers': [{ container: {} }],
              'prospector.scanner.symlinks': true,
            }],
          }],
        }],
      },
      'output.elasticsearch': { index: `${DEFAULT_LOG_INDEX}-%{+yyyy.MM.dd}` },
      'setup.template.enabled': false,
      'setup.ilm.enabled': false,
    });
    expect(beat.spec.config['output.elasticsearch'].index).toBe('pipeline-logs-%%{+yyyy.MM.dd}');
  });

  test('the pod: read-only hostPath mounts of the log directories, root without capabilities, its service account', () => {
    const { stack } = logsStack();
    const pod = inspect(stack).ofKind('Beat')[0].spec.daemonSet.podTemplate;
    expect(pod.metadata.labels['beat.k8s.elastic.co/name']).toBe(BEAT);
    expect(pod.spec.serviceAccountName).toBe(BEAT);
    expect(pod.spec.automountServiceAccountToken).toBe(true);
    expect(pod.spec.securityContext).toEqual({ runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.spec.volumes).toEqual([
      { name: 'logs-0', hostPath: { path: '/var/log/containers', type: 'Directory' } },
      { name: 'logs-1', hostPath: { path: '/var/log/pods', type: 'Directory' } },
    ]);
    expect(pod.spec.containers).toEqual([{
      name: 'filebeat',
      resources: {
        requests: { cpu: DEFAULT_LOG_SHIPPER_RESOURCES.cpuRequest, memory: DEFAULT_LOG_SHIPPER_RESOURCES.memoryRequest },
        limits: { memory: DEFAULT_LOG_SHIPPER_RESOURCES.memoryLimit },
      },
      env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
      securityContext: { runAsUser: 0, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
      volumeMounts: [
        { name: 'logs-0', mountPath: '/var/log/containers', readOnly: true },
        { name: 'logs-1', mountPath: '/var/log/pods', readOnly: true },
      ],
    }]);
  });

  test('the log shipper namespace enforces "privileged", denies by default and is managed by the operator', () => {
    const { stack } = logsStack();
    const { out, values } = inspect(stack);
    const namespace = Object.values<any>(out.resources('kubernetes_namespace_v1')).find((n) => n.metadata.name === 'acme-logs');
    expect(namespace.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
      'pod-security.kubernetes.io/audit': 'privileged',
      'pod-security.kubernetes.io/warn': 'privileged',
    });
    const policies = Object.values<any>(out.resources('kubernetes_network_policy_v1')).filter((p) => p.metadata.namespace === 'acme-logs');
    expect(policies.map((p) => p.metadata.name).sort()).toEqual(['allow-acme-search-logs-pipeline', 'allow-dns', 'default-deny']);
    expect(policies.find((p) => p.metadata.name === 'default-deny').spec).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
    const beat = policies.find((p) => p.metadata.name === `allow-${BEAT}`);
    expect(beat.spec.pod_selector).toEqual({ match_labels: { 'beat.k8s.elastic.co/name': BEAT } });
    expect(beat.spec.egress).toEqual([
      { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }, { port: '6443', protocol: 'TCP' }] },
      {
        to: [{
          namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'acme' } },
          pod_selector: { match_labels: { 'elasticsearch.k8s.elastic.co/cluster-name': 'acme-search', 'common.k8s.elastic.co/type': 'elasticsearch' } },
        }],
        ports: [{ port: '9200', protocol: 'TCP' }],
      },
    ]);
    expect(values('acme-eck-operator').managedNamespaces).toEqual(['acme', 'acme-logs']);
  });

  test('the nodes accept Filebeat from the log shipper namespace on 9200', () => {
    const { stack } = logsStack();
    const policy = inspect(stack).policy('allow-acme-search-es-from-acme-search-logs-pipeline');
    expect(policy.metadata.namespace).toBe('acme');
    expect(policy.spec.ingress).toEqual([{
      from: [{
        namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'acme-logs' } },
        pod_selector: { match_labels: { 'beat.k8s.elastic.co/name': BEAT } },
      }],
      ports: [{ port: '9200', protocol: 'TCP' }],
    }]);
  });

  test('RBAC: a service account and a read-only ClusterRole on pods, namespaces and nodes', () => {
    const { stack } = logsStack();
    const { out } = inspect(stack);
    const account = Object.values<any>(out.resources('kubernetes_service_account_v1')).find((a) => a.metadata.name === BEAT);
    expect(account.metadata.namespace).toBe('acme-logs');
    const role = Object.values<any>(out.resources('kubernetes_cluster_role_v1')).find((r) => r.metadata.name === `acme-logs-${BEAT}-read`);
    expect(role.rule).toEqual([{ api_groups: [''], resources: ['pods', 'namespaces', 'nodes'], verbs: ['get', 'list', 'watch'] }]);
    const binding = Object.values<any>(out.resources('kubernetes_cluster_role_binding_v1')).find((r) => r.metadata.name === `acme-logs-${BEAT}-read`);
    expect(binding.subject).toEqual([{ kind: 'ServiceAccount', name: BEAT, namespace: 'acme-logs' }]);
    expect(binding.role_ref).toMatchObject({ api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' });
  });

  test('the user ECK creates for the Beat gets a role that may only create documents in <index>-*', () => {
    const { stack } = logsStack();
    const secrets = inspect(stack).ofKind('Secret');
    const roles = JSON.parse(secrets.find((s) => s.metadata.name === 'acme-search-custom-roles').stringData['roles.yml']);
    expect(roles.acme_search_logs_pipeline_writer).toEqual({
      cluster: ['monitor'], indices: [{ names: ['pipeline-logs-*'], privileges: ['create_doc', 'create_index', 'view_index_metadata'] }],
    });
    expect(secrets.find((s) => s.metadata.name === 'acme-search-custom-role-mapping').stringData.users_roles).toContain(
      `acme_search_logs_pipeline_writer:acme-logs-${BEAT}-beat-user\n`);
  });

  test('a custom index and log shipper namespace; the release applies after the cluster\'s', () => {
    const stack = platformStack();
    const search = new ElasticsearchSearchCluster(stack, 'Search', { logShipperNamespace: 'logging' });
    search.ingestLogs('App', { namespaces: ['apps'], index: 'app_logs' });
    const { ofKind, release } = inspect(stack);
    const beat = ofKind('Beat')[0];
    expect(beat.metadata.namespace).toBe('logging');
    expect(beat.spec.config['output.elasticsearch'].index).toBe('app_logs-%%{+yyyy.MM.dd}');
    expect(release('acme-search-log-shippers').depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^helm_release\.Search_Resources_Release/)]));
  });
});

describe('ElasticsearchSearchCluster.ingestLogs: errors', () => {
  const search = () => new ElasticsearchSearchCluster(platformStack(), 'Search');
  test('no namespaces', () => {
    expect(() => search().ingestLogs('Logs', {})).toThrow('test/Search: invalid namespaces: received undefined; list at least one namespace whose container logs are shipped.');
    expect(() => search().ingestLogs('Logs', { namespaces: [] })).toThrow('test/Search: invalid namespaces: received []; list at least one namespace whose container logs are shipped.');
  });
  test('CloudWatch log groups', () => {
    expect(() => search().ingestLogs('Logs', { logGroupNames: ['/aws/x'], namespaces: ['acme'] })).toThrow(
      'test/Search: invalid logGroupNames: received ["/aws/x"]; CloudWatch log groups are AWS-only; on Kubernetes list namespaces.');
  });
  test('a bad namespace or index', () => {
    expect(() => search().ingestLogs('Logs', { namespaces: ['Apps'] })).toThrow('test/Search: invalid namespaces[0]: received "Apps"');
    expect(() => search().ingestLogs('Logs', { namespaces: ['apps'], index: 'Logs' })).toThrow(
      'test/Search: invalid index: received "Logs"; use 1 to 200 lowercase letters, digits, "-" and "_", starting with a letter or digit.');
  });
  test('the same id twice', () => {
    const s = search();
    s.ingestLogs('Logs', { namespaces: ['a'] });
    expect(() => s.ingestLogs('Logs', { namespaces: ['b'] })).toThrow('test/Search: invalid id: received "Logs"; the cluster already ships logs as "Logs"; use another id.');
  });
});
