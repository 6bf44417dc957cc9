import { TerraformStack } from 'cdktf';
import { RemovalPolicy } from '../../../../src';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../../src/platform/k8s/pod-security';
import {
  ECK_OPERATOR_CHART, ELASTIC_STACK_VERSION, ELASTICSEARCH_EXPORTER_IMAGE, ELASTICSEARCH_EXPORTER_RUN_AS_USER,
} from '../../../../src/platform/k8s/search-versions';
import {
  DEFAULT_ECK_OPERATOR_RESOURCES, DEFAULT_ELASTICSEARCH_EXPORTER_RESOURCES, DEFAULT_ELASTICSEARCH_NODES, DEFAULT_ELASTICSEARCH_RESOURCES,
  DEFAULT_ELASTICSEARCH_STORAGE_SIZE_GIB, DEFAULT_KIBANA_COUNT, DEFAULT_KIBANA_RESOURCES, EckOperator, ElasticsearchAntiAffinity,
  ElasticsearchSearchCluster, ElasticsearchSearchClusterProps,
} from '../../../../src/search/k8s';
import { SearchEngine } from '../../../../src/search/search-cluster-contract';
import { SecretsManagerStore } from '../../../../src/secrets/aws/secrets-manager-store';
import { inspect, platformStack } from '../../../support/kubernetes';

function clusterStack(props: ElasticsearchSearchClusterProps = {}, platform = {}): { stack: TerraformStack; search: ElasticsearchSearchCluster } {
  const stack = platformStack(platform);
  const search = new ElasticsearchSearchCluster(stack, 'Search', props);
  return { stack, search };
}

function only(stack: TerraformStack, kind: string): any {
  const found = inspect(stack).ofKind(kind);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('ElasticsearchSearchCluster: the Elasticsearch resource', () => {
  test('defaults: pinned version, 3 nodes, 100 GiB volumes, TLS on, no mmap, required anti-affinity, one node at a time, retained', () => {
    const { stack, search } = clusterStack();
    const es = only(stack, 'Elasticsearch');
    expect(es.apiVersion).toBe('elasticsearch.k8s.elastic.co/v1');
    expect(es.metadata).toEqual({
      namespace: 'acme',
      name: 'acme-search',
      labels: { 'managed-by': 'cdktf-data-pipelines', 'data-pipeline': 'acme', 'app.kubernetes.io/part-of': 'acme', 'app.kubernetes.io/component': 'search' },
      annotations: { 'helm.sh/resource-policy': 'keep' },
    });
    expect(es.spec.version).toBe(ELASTIC_STACK_VERSION);
    expect(ELASTIC_STACK_VERSION).toBe('9.5.0');
    expect(es.spec.http).toEqual({ tls: { selfSignedCertificate: { disabled: false } } });
    expect(es.spec.updateStrategy).toEqual({ changeBudget: { maxUnavailable: 1 } });
    expect(es.spec.podDisruptionBudget).toEqual({
      spec: { maxUnavailable: 1, selector: { matchLabels: { 'elasticsearch.k8s.elastic.co/cluster-name': 'acme-search' } } },
    });
    expect(es.spec.volumeClaimDeletePolicy).toBe('DeleteOnScaledownOnly');
    expect(es.spec.nodeSets).toHaveLength(1);
    const nodeSet = es.spec.nodeSets[0];
    expect(nodeSet.name).toBe('default');
    expect(nodeSet.count).toBe(DEFAULT_ELASTICSEARCH_NODES);
    expect(DEFAULT_ELASTICSEARCH_NODES).toBe(3);
    expect(nodeSet.config).toEqual({ 'node.store.allow_mmap': false });
    expect(nodeSet.volumeClaimTemplates).toEqual([{
      metadata: { name: 'elasticsearch-data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${DEFAULT_ELASTICSEARCH_STORAGE_SIZE_GIB}Gi` } } },
    }]);
    expect(DEFAULT_ELASTICSEARCH_STORAGE_SIZE_GIB).toBe(100);
    expect(nodeSet.podTemplate.spec.containers).toEqual([{
      name: 'elasticsearch',
      resources: {
        requests: { cpu: DEFAULT_ELASTICSEARCH_RESOURCES.cpuRequest, memory: DEFAULT_ELASTICSEARCH_RESOURCES.memoryRequest },
        limits: { memory: DEFAULT_ELASTICSEARCH_RESOURCES.memoryLimit },
      },
    }]);
    expect(nodeSet.podTemplate.spec.affinity).toEqual({
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{
          labelSelector: { matchLabels: { 'elasticsearch.k8s.elastic.co/cluster-name': 'acme-search' } },
          topologyKey: 'kubernetes.io/hostname',
        }],
      },
    });
    // ECK's hardened defaults apply only when the template sets no security context.
    expect(nodeSet.podTemplate.spec.securityContext).toBeUndefined();
    expect(search.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(search.engine).toBe(SearchEngine.ELASTICSEARCH);
    expect(search.clusterName).toBe('acme-search');
    expect(search.namespace).toBe('acme');
    expect(search.nodes).toBe(3);
    expect(search.version).toBe('9.5.0');
  });

  test('endpoint and dashboardsUrl are the in-cluster HTTPS service URLs', () => {
    const { search } = clusterStack();
    expect(search.endpoint).toBe('https://acme-search-es-http.acme.svc:9200');
    expect(search.dashboardsUrl).toBe('https://acme-search-kibana-kb-http.acme.svc:5601');
    expect(search.kibanaName).toBe('acme-search-kibana');
  });

  test('props: nodes, storage, storage class, resources, preferred anti-affinity, mmap, a custom HTTP certificate, another version', () => {
    const { stack } = clusterStack({
      name: 'logs',
      version: '8.19.3',
      nodes: 5,
      storageSizeGiB: 500,
      storageClassName: 'fast-ssd',
      resources: { cpuRequest: '2', memoryRequest: '8Gi', memoryLimit: '8Gi', cpuLimit: '4' },
      antiAffinity: ElasticsearchAntiAffinity.PREFERRED,
      allowMmap: true,
      httpCertificateSecretName: 'search-tls',
      kibanaCertificateSecretName: 'kibana-tls',
    });
    const es = only(stack, 'Elasticsearch');
    expect(es.metadata.name).toBe('acme-logs');
    expect(es.spec.version).toBe('8.19.3');
    expect(es.spec.http).toEqual({ tls: { certificate: { secretName: 'search-tls' } } });
    const nodeSet = es.spec.nodeSets[0];
    expect(nodeSet.count).toBe(5);
    expect(nodeSet.config).toEqual({ 'node.store.allow_mmap': true });
    expect(nodeSet.volumeClaimTemplates[0].spec).toEqual({
      accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '500Gi' } }, storageClassName: 'fast-ssd',
    });
    expect(nodeSet.podTemplate.spec.containers[0].resources).toEqual({ requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi', cpu: '4' } });
    expect(nodeSet.podTemplate.spec.affinity).toEqual({
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{
          weight: 100,
          podAffinityTerm: { labelSelector: { matchLabels: { 'elasticsearch.k8s.elastic.co/cluster-name': 'acme-logs' } }, topologyKey: 'kubernetes.io/hostname' },
        }],
      },
    });
    expect(only(stack, 'Kibana').spec.http).toEqual({ tls: { certificate: { secretName: 'kibana-tls' } } });
  });

  test('the platform storage class applies when the cluster sets none', () => {
    const { stack } = clusterStack({}, { storageClassName: 'standard-rwo' });
    expect(only(stack, 'Elasticsearch').spec.nodeSets[0].volumeClaimTemplates[0].spec.storageClassName).toBe('standard-rwo');
  });

  test('RemovalPolicy.DESTROY with allowDataDestruction deletes the volumes with the cluster and drops the keep annotations', () => {
    const { stack, search } = clusterStack({ removalPolicy: RemovalPolicy.DESTROY }, { allowDataDestruction: true });
    const es = only(stack, 'Elasticsearch');
    expect(search.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(es.spec.volumeClaimDeletePolicy).toBe('DeleteOnScaledownAndClusterDeletion');
    expect(es.metadata.annotations).toBeUndefined();
    for (const secret of inspect(stack).ofKind('Secret')) expect(secret.metadata.annotations).toBeUndefined();
  });

  test('RemovalPolicy.DESTROY without allowDataDestruction stays RETAIN', () => {
    const { stack, search } = clusterStack({ removalPolicy: RemovalPolicy.DESTROY });
    expect(search.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(only(stack, 'Elasticsearch').spec.volumeClaimDeletePolicy).toBe('DeleteOnScaledownOnly');
  });
});

describe('ElasticsearchSearchCluster: Kibana', () => {
  test('Kibana: elasticsearchRef, HTTPS with ECK\'s certificate, count and resources', () => {
    const { stack } = clusterStack();
    const kb = only(stack, 'Kibana');
    expect(kb.apiVersion).toBe('kibana.k8s.elastic.co/v1');
    expect(kb.metadata.name).toBe('acme-search-kibana');
    expect(kb.spec).toEqual({
      version: '9.5.0',
      count: DEFAULT_KIBANA_COUNT,
      elasticsearchRef: { name: 'acme-search' },
      http: { tls: { selfSignedCertificate: { disabled: false } } },
      podTemplate: {
        metadata: { labels: kb.metadata.labels },
        spec: {
          containers: [{
            name: 'kibana',
            resources: {
              requests: { cpu: DEFAULT_KIBANA_RESOURCES.cpuRequest, memory: DEFAULT_KIBANA_RESOURCES.memoryRequest },
              limits: { memory: DEFAULT_KIBANA_RESOURCES.memoryLimit },
            },
          }],
        },
      },
    });
    expect(DEFAULT_KIBANA_COUNT).toBe(1);
  });

  test('kibanaCount and kibanaResources', () => {
    const { stack } = clusterStack({ kibanaCount: 2, kibanaResources: { cpuRequest: '1', memoryRequest: '2Gi', memoryLimit: '2Gi' } });
    const kb = only(stack, 'Kibana');
    expect(kb.spec.count).toBe(2);
    expect(kb.spec.podTemplate.spec.containers[0].resources).toEqual({ requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '2Gi' } });
  });

  test('a long cluster name gives a Kibana name shortened with a hash to 36 characters', () => {
    const { search } = clusterStack({ name: 'search-cluster-for-clickstream' });
    expect(search.clusterName).toBe('acme-search-cluster-for-clickstream');
    expect(search.kibanaName).toHaveLength(36);
    expect(search.kibanaName).toMatch(/^acme-search-cluster-for-cli-[0-9a-f]{8}$/);
  });
});

describe('ElasticsearchSearchCluster: the ECK operator', () => {
  test('one pinned eck-operator release per stack, restricted, this namespace only, no telemetry', () => {
    const stack = platformStack();
    const a = new ElasticsearchSearchCluster(stack, 'A');
    const b = new ElasticsearchSearchCluster(stack, 'B');
    expect(a.eckOperator).toBe(b.eckOperator);
    expect(EckOperator.of(stack)).toBe(a.eckOperator);
    const { releases, values } = inspect(stack);
    const operators = releases.filter((r) => r.chart === 'eck-operator');
    expect(operators).toHaveLength(1);
    expect(operators[0]).toMatchObject({ name: 'acme-eck-operator', repository: 'https://helm.elastic.co', version: '3.5.0', namespace: 'acme' });
    expect(ECK_OPERATOR_CHART).toEqual({ repository: 'https://helm.elastic.co', chart: 'eck-operator', version: '3.5.0' });
    expect(values('acme-eck-operator')).toEqual({
      managedNamespaces: ['acme'],
      createClusterScopedResources: true,
      installCRDs: true,
      resources: {
        requests: { cpu: DEFAULT_ECK_OPERATOR_RESOURCES.cpuRequest, memory: DEFAULT_ECK_OPERATOR_RESOURCES.memoryRequest },
        limits: { memory: DEFAULT_ECK_OPERATOR_RESOURCES.memoryLimit },
      },
      podLabels: { 'managed-by': 'cdktf-data-pipelines', 'data-pipeline': 'acme', 'app.kubernetes.io/part-of': 'acme', 'app.kubernetes.io/component': 'eck-operator' },
      podSecurityContext: RESTRICTED_POD_SECURITY_CONTEXT,
      securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
      webhook: { enabled: true, port: 9443 },
      telemetry: { disabled: true },
      serviceMonitor: { enabled: false },
    });
  });

  test('each cluster\'s resources are one release applied after the operator', () => {
    const { stack } = clusterStack();
    const { release, out } = inspect(stack);
    const resources = release('acme-search-search');
    const operatorId = Object.keys(out.resources('helm_release')).find((k) => out.resources('helm_release')[k].name === 'acme-eck-operator');
    expect(resources.depends_on).toContain(`helm_release.${operatorId}`);
  });
});

describe('ElasticsearchSearchCluster: the exporter and its user', () => {
  test('a Deployment and Service of the pinned exporter, HTTPS verified with ECK\'s CA, as the monitoring user, restricted', () => {
    const { stack, search } = clusterStack();
    const deployment = only(stack, 'Deployment');
    expect(search.exporterName).toBe('acme-search-es-exporter');
    expect(search.exporterLabels).toEqual({ 'app.kubernetes.io/name': 'elasticsearch-exporter', 'app.kubernetes.io/instance': 'acme-search-es-exporter' });
    expect(search.exporterPort).toBe(9114);
    expect(search.exporterPortName).toBe('metrics');
    expect(deployment.metadata.name).toBe('acme-search-es-exporter');
    expect(deployment.spec.selector).toEqual({ matchLabels: search.exporterLabels });
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.template.metadata.labels).toMatchObject(search.exporterLabels);
    expect(pod.automountServiceAccountToken).toBe(false);
    const runAs = ELASTICSEARCH_EXPORTER_RUN_AS_USER;
    expect(pod.securityContext).toEqual({ ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: runAs, runAsGroup: runAs });
    expect(pod.containers).toHaveLength(1);
    const container = pod.containers[0];
    expect(container.image).toBe(ELASTICSEARCH_EXPORTER_IMAGE);
    expect(ELASTICSEARCH_EXPORTER_IMAGE).toBe('quay.io/prometheuscommunity/elasticsearch-exporter:v1.11.0');
    expect(container.args).toEqual([
      '--es.uri=https://acme-search-es-http.acme.svc:9200',
      '--es.all',
      '--es.ca=/etc/elasticsearch-ca/ca.crt',
      '--es.timeout=10s',
      '--web.listen-address=:9114',
    ]);
    expect(container.env).toEqual([
      { name: 'ES_USERNAME', valueFrom: { secretKeyRef: { name: 'acme-search-exporter', key: 'username' } } },
      { name: 'ES_PASSWORD', valueFrom: { secretKeyRef: { name: 'acme-search-exporter', key: 'password' } } },
    ]);
    expect(container.ports).toEqual([{ name: 'metrics', containerPort: 9114 }]);
    expect(container.securityContext).toEqual(RESTRICTED_CONTAINER_SECURITY_CONTEXT);
    expect(container.resources).toEqual({
      requests: { cpu: DEFAULT_ELASTICSEARCH_EXPORTER_RESOURCES.cpuRequest, memory: DEFAULT_ELASTICSEARCH_EXPORTER_RESOURCES.memoryRequest },
      limits: { memory: DEFAULT_ELASTICSEARCH_EXPORTER_RESOURCES.memoryLimit },
    });
    expect(pod.volumes).toEqual([{ name: 'elasticsearch-ca', secret: { secretName: 'acme-search-es-http-certs-public', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }]);
    const service = only(stack, 'Service');
    expect(service.spec).toEqual({ selector: search.exporterLabels, ports: [{ name: 'metrics', port: 9114, targetPort: 'metrics' }] });
    expect(service.metadata.labels).toMatchObject(search.exporterLabels);
  });

  test('the exporter\'s user: a generated basic-auth Secret in the file realm, with a role of cluster and index monitor only', () => {
    const { stack } = clusterStack();
    const es = only(stack, 'Elasticsearch');
    expect(es.spec.auth).toEqual({
      fileRealm: [{ secretName: 'acme-search-exporter' }, { secretName: 'acme-search-custom-role-mapping' }],
      roles: [{ secretName: 'acme-search-custom-roles' }],
    });
    const secrets = inspect(stack).ofKind('Secret');
    const roles = secrets.find((s) => s.metadata.name === 'acme-search-custom-roles');
    expect(roles.metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(JSON.parse(roles.stringData['roles.yml'])).toEqual({
      acme_search_exporter: { cluster: ['monitor'], indices: [{ names: ['*'], privileges: ['monitor'] }] },
    });
    const mapping = secrets.find((s) => s.metadata.name === 'acme-search-custom-role-mapping');
    expect(mapping.stringData).toEqual({ users_roles: 'acme_search_exporter:acme_search_exporter\n' });
    const credential = Object.values<any>(inspect(stack).out.resources('kubernetes_secret_v1')).find((s) => s.metadata.name === 'acme-search-exporter');
    expect(credential.type).toBe('kubernetes.io/basic-auth');
    expect(credential.data_wo.username).toBe('acme_search_exporter');
  });
});

describe('ElasticsearchSearchCluster: validation', () => {
  const cases: Array<[string, ElasticsearchSearchClusterProps, string]> = [
    ['nodes 0', { nodes: 0 }, 'test/Search: invalid nodes: received 0; must be an integer from 1 to 100.'],
    ['nodes 2.5', { nodes: 2.5 }, 'test/Search: invalid nodes: received 2.5; must be an integer from 1 to 100.'],
    ['storage', { storageSizeGiB: 70_000 }, 'test/Search: invalid storageSizeGiB: received 70000; must be an integer from 1 to 65536.'],
    ['kibanaCount', { kibanaCount: 0 }, 'test/Search: invalid kibanaCount: received 0; must be an integer from 1 to 10.'],
    ['logstash.count', { logstash: { count: 21 } }, 'test/Search: invalid logstash.count: received 21; must be an integer from 1 to 20.'],
    ['logstash.storage', { logstash: { storageSizeGiB: 0 } }, 'test/Search: invalid logstash.storageSizeGiB: received 0; must be an integer from 1 to 1024.'],
    ['resources', { resources: { cpuRequest: 'lots', memoryRequest: '1Gi', memoryLimit: '1Gi' } },
      'test/Search: invalid resources.cpuRequest: received "lots"; use a Kubernetes quantity such as "500m" or "512Mi".'],
    ['kibanaResources', { kibanaResources: { cpuRequest: '1', memoryRequest: '1GB', memoryLimit: '1Gi' } },
      'test/Search: invalid kibanaResources.memoryRequest: received "1GB"; use a Kubernetes quantity such as "500m" or "512Mi".'],
    ['logstash.resources', { logstash: { resources: { cpuRequest: '1', memoryRequest: '1Gi', memoryLimit: 'x' } } },
      'test/Search: invalid logstash.resources.memoryLimit: received "x"; use a Kubernetes quantity such as "500m" or "512Mi".'],
    ['version', { version: '7.17.0' }, 'test/Search: invalid version: received "7.17.0"; use an Elastic Stack version such as "9.5.0" (8.x or 9.x, major.minor.patch).'],
    ['antiAffinity', { antiAffinity: 'sometimes' as ElasticsearchAntiAffinity }, 'test/Search: invalid antiAffinity: received "sometimes"; use one of required, preferred.'],
    ['name', { name: 'a-very-long-search-cluster-name-indeed' },
      'test/Search: invalid name: received "acme-a-very-long-search-cluster-name-indeed"; ECK resource names have 1 to 36 characters of lowercase letters, digits and hyphens, '
      + 'starting and ending with a letter or digit (ECK derives longer names from it); this one has 43.'],
    ['logShipperNamespace', { logShipperNamespace: 'acme' },
      'test/Search: invalid logShipperNamespace: received "acme"; use a namespace other than the platform namespace: Filebeat\'s hostPath volumes need Pod Security "privileged", '
      + 'which the platform namespace ("acme") does not allow.'],
  ];
  test.each(cases)('%s', (_name, props, message) => {
    expect(() => clusterStack(props)).toThrow(message);
  });

  test('a Secrets Manager store is refused (ECK reads Kubernetes Secrets)', () => {
    const stack = platformStack();
    const store = { backend: 'secrets-manager' } as unknown as SecretsManagerStore;
    expect(() => new ElasticsearchSearchCluster(stack, 'Search', { secretStore: store })).toThrow(
      'test/Search: invalid secretStore: received "secrets-manager"; ECK reads its users\' passwords from Kubernetes Secrets: use a KubernetesSecretStore or a VaultSecretStore (which mirrors into a Kubernetes Secret).');
  });
});
