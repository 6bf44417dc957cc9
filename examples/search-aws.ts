import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AwsPlatform, OpenSearchSearchCluster, PrivateNetwork, RemovalPolicy, SearchBackupMode, StreamingIngest,
} from '../src';
import { ExampleOptions } from './example';

/**
 * Search on AWS: a private Amazon OpenSearch Service domain (CMK, TLS 1.2, fine-grained access
 * control with an IAM master role, zone awareness, dedicated masters, logs to encrypted log groups)
 * fed by a Kinesis StreamingIngest through Firehose in the VPC, and indexing an application's
 * CloudWatch log groups.
 */
export function searchAws(app: App, options: ExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, 'example-search-aws');
  new AwsPlatform(stack, 'Platform', {
    region: 'us-east-1',
    namePrefix: 'example-search',
    localEndpoint: options.localEndpointUrl ? { url: options.localEndpointUrl } : undefined,
    allowDataDestruction: options.localEndpointUrl !== undefined,
  });
  const removalPolicy = options.localEndpointUrl ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
  new PrivateNetwork(stack, 'Network', { removalPolicy });

  // #region usage
  const search = new OpenSearchSearchCluster(stack, 'Search', {
    instanceCount: 3, // one data node per availability zone
    dedicatedMasters: { count: 3 },
    volumeSizeGiB: 200,
    removalPolicy,
  });
  const orders = new StreamingIngest(stack, 'Orders', {
    destinations: [search.destination({ index: 'orders', backupMode: SearchBackupMode.FAILED_DOCUMENTS_ONLY })],
    removalPolicy,
  });
  search.ingestLogs('Api', { logGroupNames: ['/app/orders-api'], index: 'api-logs' }); // an existing log group
  // #endregion

  new TerraformOutput(stack, 'dashboards_url', { value: search.dashboardsUrl });
  new TerraformOutput(stack, 'stream_name', { value: orders.streamName });
  return stack;
}
