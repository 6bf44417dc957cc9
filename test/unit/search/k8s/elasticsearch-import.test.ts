import { ElasticsearchSearchCluster } from '../../../../src/search/k8s';
import { SearchEngine } from '../../../../src/search/search-cluster-contract';
import { inspect, platformStack } from '../../../support/kubernetes';

describe('ElasticsearchSearchCluster.fromAttributes', () => {
  test('an existing ECK cluster: its in-cluster URLs, nothing deployed', () => {
    const stack = platformStack();
    const search = ElasticsearchSearchCluster.fromAttributes(stack, 'Search', { clusterName: 'logs', namespace: 'elastic', kibanaName: 'logs-kb' });
    expect(search.engine).toBe(SearchEngine.ELASTICSEARCH);
    expect(search.endpoint).toBe('https://logs-es-http.elastic.svc:9200');
    expect(search.dashboardsUrl).toBe('https://logs-kb-kb-http.elastic.svc:5601');
    expect(inspect(stack).releases).toEqual([]);
  });

  test('defaults: the platform namespace and <cluster>-kibana', () => {
    const search = ElasticsearchSearchCluster.fromAttributes(platformStack(), 'Search', { clusterName: 'logs' });
    expect(search.endpoint).toBe('https://logs-es-http.acme.svc:9200');
    expect(search.dashboardsUrl).toBe('https://logs-kibana-kb-http.acme.svc:5601');
  });

  test('destination() and ingestLogs() need users the stack cannot declare on it', () => {
    const search = ElasticsearchSearchCluster.fromAttributes(platformStack(), 'Search', { clusterName: 'logs' });
    const reason = 'its writer users and roles are declared in the Elasticsearch resource\'s spec.auth, which this stack does not manage; use an ElasticsearchSearchCluster created by the stack.';
    expect(() => search.destination({ index: 'clicks' })).toThrow(`test/Search: destination() is not available on an imported Elasticsearch cluster: ${reason}`);
    expect(() => search.ingestLogs('Logs', { namespaces: ['acme'] })).toThrow(`test/Search: ingestLogs() is not available on an imported Elasticsearch cluster: ${reason}`);
  });

  test('invalid names', () => {
    expect(() => ElasticsearchSearchCluster.fromAttributes(platformStack(), 'Search', { clusterName: 'Logs' })).toThrow(
      'test/Search: invalid clusterName: received "Logs"; ECK resource names have 1 to 36 characters');
    expect(() => ElasticsearchSearchCluster.fromAttributes(platformStack(), 'Search', { clusterName: 'logs', namespace: 'Elastic' })).toThrow(
      'test/Search: invalid namespace: received "Elastic"');
  });
});
