import { App, TerraformStack } from 'cdktf';
import { ElasticsearchSearchCluster, KubernetesPlatform, SearchBackupMode, StreamingIngest } from '../src';

/**
 * Search on Kubernetes: Elasticsearch (3 nodes, TLS, volumes kept on removal) and Kibana run by ECK,
 * loaded from a Kafka topic by Logstash (rejected documents in its dead letter queue, every record
 * also in an archive topic), plus the container logs of the platform namespace shipped by Filebeat.
 */
export function searchKubernetes(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'example-search-kubernetes');
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'example-search' });

  // #region usage
  const search = new ElasticsearchSearchCluster(stack, 'Search', { storageSizeGiB: 200 });
  new StreamingIngest(stack, 'Clicks', {
    destinations: [search.destination({ index: 'clicks', backupMode: SearchBackupMode.ALL_DOCUMENTS })],
  });
  search.ingestLogs('Pipeline', { namespaces: ['example-search'] });
  // #endregion
  return stack;
}
