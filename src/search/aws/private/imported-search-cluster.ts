import { Construct } from 'constructs';
import { SearchOperations } from './search-operations';
import { invalidProp } from '../../../core/errors';
import { kebab } from '../../../core/naming';
import { isUnresolved } from '../../../core/validate';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IStreamDestination } from '../../../streaming/destination';
import { ISearchCluster, SearchDestinationOptions, SearchEngine, SearchLogSources } from '../../search-cluster-contract';
import { OpenSearchSearchClusterAttributes } from '../opensearch-search-cluster-props';

const DOMAIN_ARN = /^arn:aws[a-z-]*:es:[a-z0-9-]+:\d{12}:domain\/[a-z][a-z0-9-]{2,27}$/;
const HOST = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

/**
 * An existing OpenSearch domain in the platform's VPC. Destinations and log ingestion work as for
 * a created domain, except that their roles are not mapped in the security plugin: each leaves a
 * warning naming the role to map.
 * @internal
 */
export class ImportedOpenSearchSearchCluster extends Construct implements ISearchCluster {
  public readonly engine = SearchEngine.OPENSEARCH;
  public readonly endpoint: string;
  public readonly dashboardsUrl: string;
  private readonly ops: SearchOperations;

  constructor(scope: Construct, id: string, attrs: OpenSearchSearchClusterAttributes) {
    super(scope, id);
    if (!isUnresolved(attrs.domainArn) && !DOMAIN_ARN.test(attrs.domainArn)) {
      throw invalidProp(this, 'domainArn', attrs.domainArn, 'use an OpenSearch domain ARN such as "arn:aws:es:eu-west-1:123456789012:domain/search"');
    }
    if (!isUnresolved(attrs.domainEndpoint) && !HOST.test(attrs.domainEndpoint)) {
      throw invalidProp(this, 'domainEndpoint', attrs.domainEndpoint, 'give the host name of the domain\'s endpoint, without "https://"');
    }
    const platform = AwsPlatform.ofAws(this);
    const network = platform.requireNetwork(this, 'the OpenSearch destinations');
    const name = kebab(id);
    this.endpoint = `https://${attrs.domainEndpoint}`;
    this.dashboardsUrl = attrs.dashboardsUrl ?? `https://${attrs.domainEndpoint}/_dashboards`;
    this.ops = new SearchOperations(this, {
      name,
      domainArn: attrs.domainArn,
      endpoint: attrs.domainEndpoint,
      securityGroupId: attrs.securityGroupId,
      network,
      key: attrs.kmsKeyArn ? { keyArn: attrs.kmsKeyArn } : platform.encryptionKey(this, `search-${name}`),
    });
  }

  public destination(options: SearchDestinationOptions): IStreamDestination {
    return this.ops.destination(options);
  }

  public ingestLogs(id: string, sources: SearchLogSources): void {
    this.ops.ingestLogs(id, sources);
  }
}
