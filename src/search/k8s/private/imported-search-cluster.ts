import { Construct } from 'constructs';
import { invalidConfig } from '../../../core/errors';
import { checkName, KubernetesNameRules } from '../../../core/naming';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { IStreamDestination } from '../../../streaming/destination';
import { ISearchCluster, SearchDestinationOptions, SearchEngine, SearchLogSources } from '../../search-cluster-contract';
import { elasticsearchUrl, kibanaUrl } from '../eck-constants';
import { ElasticsearchSearchClusterAttributes } from '../elasticsearch-search-cluster-props';
import { ECK_NAME_RULE, kibanaNameOf } from './eck-names';

/**
 * An Elasticsearch cluster (and Kibana) that ECK already runs. Its URLs are known; destinations
 * and log shipping need users and roles in its `spec.auth`, which this stack does not own.
 * @internal
 */
export class ImportedElasticsearchSearchCluster extends Construct implements ISearchCluster {
  public readonly engine = SearchEngine.ELASTICSEARCH;
  public readonly endpoint: string;
  public readonly dashboardsUrl: string;
  public readonly clusterName: string;
  public readonly namespace: string;
  public readonly kibanaName: string;

  constructor(scope: Construct, id: string, attrs: ElasticsearchSearchClusterAttributes) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.clusterName = checkName(this, 'clusterName', attrs.clusterName, ECK_NAME_RULE);
    this.namespace = checkName(this, 'namespace', attrs.namespace ?? platform.namespace, KubernetesNameRules.DNS_LABEL);
    this.kibanaName = checkName(this, 'kibanaName', attrs.kibanaName ?? kibanaNameOf(this.clusterName), ECK_NAME_RULE);
    this.endpoint = elasticsearchUrl(this.clusterName, this.namespace);
    this.dashboardsUrl = kibanaUrl(this.kibanaName, this.namespace);
  }

  public destination(_options: SearchDestinationOptions): IStreamDestination {
    throw this.notOwned('destination()');
  }

  public ingestLogs(_id: string, _sources: SearchLogSources): void {
    throw this.notOwned('ingestLogs()');
  }

  private notOwned(method: string) {
    return invalidConfig(this, `${method} is not available on an imported Elasticsearch cluster: its writer users and roles are declared in the Elasticsearch resource's spec.auth, which this stack does not manage; use an ElasticsearchSearchCluster created by the stack.`);
  }
}
