import { ElasticsearchSearchCluster } from '../../../../src/search/k8s';
import { inspect, platformStack } from '../../../support/kubernetes';

const ES = { 'elasticsearch.k8s.elastic.co/cluster-name': 'acme-search', 'common.k8s.elastic.co/type': 'elasticsearch' };
const OPERATOR = { 'app.kubernetes.io/name': 'elastic-operator', 'app.kubernetes.io/instance': 'acme-eck-operator' };
const KIBANA = { 'kibana.k8s.elastic.co/name': 'acme-search-kibana' };
const EXPORTER = { 'app.kubernetes.io/name': 'elasticsearch-exporter', 'app.kubernetes.io/instance': 'acme-search-es-exporter' };
const port = (p: number) => ({ port: String(p), protocol: 'TCP' });

describe('ElasticsearchSearchCluster: NetworkPolicies', () => {
  const stack = platformStack();
  new ElasticsearchSearchCluster(stack, 'Search');
  const { policy, policies } = inspect(stack);

  test('one policy per connection group, on top of the namespace\'s default deny', () => {
    expect(policies.map((p) => p.metadata.name).sort()).toEqual([
      'allow-acme-search-es', 'allow-acme-search-es-exporter', 'allow-acme-search-kibana', 'allow-dns', 'allow-eck-operator', 'default-deny',
    ]);
  });

  test('nodes: transport 9300 among themselves; HTTPS 9200 from the operator, Kibana and the exporter', () => {
    const es = policy('allow-acme-search-es');
    expect(es.spec.pod_selector).toEqual({ match_labels: ES });
    expect(es.spec.policy_types).toEqual(['Ingress', 'Egress']);
    expect(es.spec.ingress).toEqual([
      { from: [{ pod_selector: { match_labels: ES } }], ports: [port(9300)] },
      {
        from: [
          { pod_selector: { match_labels: OPERATOR } }, { pod_selector: { match_labels: KIBANA } }, { pod_selector: { match_labels: EXPORTER } },
        ],
        ports: [port(9200)],
      },
    ]);
    expect(es.spec.egress).toEqual([{ to: [{ pod_selector: { match_labels: ES } }], ports: [port(9300)] }]);
  });

  test('Kibana: 5601 from the namespace\'s pods, 9200 to the nodes', () => {
    const kb = policy('allow-acme-search-kibana');
    expect(kb.spec.pod_selector).toEqual({ match_labels: KIBANA });
    expect(kb.spec.ingress).toEqual([{ from: [{ pod_selector: { match_labels: {} } }], ports: [port(5601)] }]);
    expect(kb.spec.egress).toEqual([{ to: [{ pod_selector: { match_labels: ES } }], ports: [port(9200)] }]);
  });

  test('exporter: 9200 to the nodes only (the observability stack opens its metrics port to Prometheus)', () => {
    const exporter = policy('allow-acme-search-es-exporter');
    expect(exporter.spec.pod_selector).toEqual({ match_labels: EXPORTER });
    expect(exporter.spec.policy_types).toEqual(['Egress']);
    expect(exporter.spec.egress).toEqual([{ to: [{ pod_selector: { match_labels: ES } }], ports: [port(9200)] }]);
  });

  test('operator: its webhook from the API server; egress to the API server and every Elasticsearch cluster\'s HTTPS port', () => {
    const operator = policy('allow-eck-operator');
    expect(operator.spec.pod_selector).toEqual({ match_labels: OPERATOR });
    expect(operator.spec.ingress).toEqual([{ from: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [port(9443)] }]);
    expect(operator.spec.egress).toEqual([
      { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [port(443), port(6443)] },
      { to: [{ pod_selector: { match_labels: { 'common.k8s.elastic.co/type': 'elasticsearch' } } }], ports: [port(9200)] },
    ]);
  });
});
