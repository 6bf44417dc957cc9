import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsPlatform, Identity, ObservabilityStack, OpenSearchSearchCluster, PrivateNetwork, SearchBackupMode, SecureBucket, StreamCapacity, StreamingIngest,
} from '../src';

/**
 * Reference architecture 2, streaming search: events -> Kinesis Data Streams -> Lambda -> Firehose
 * -> an Amazon OpenSearch Service index (rotated daily), every document also backed up to S3 ->
 * OpenSearch Dashboards. The domain is private (VPC, HTTPS with TLS 1.2, CMK, fine-grained access
 * control whose master user is an IAM role, so no password exists); Firehose delivers inside the VPC
 * and its role is mapped to a write-only security role for the `clicks` indexes. An
 * ObservabilityStack alarms on the stream, the Lambda and its dead-letter queue, the delivery and the
 * domain, and ships the pipeline's CloudWatch logs into the same domain.
 */
export class StreamingSearchStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsPlatform(this, 'Platform', { region: 'eu-west-1', namePrefix: 'streaming-search' });
    new PrivateNetwork(this, 'Network', {});
    const search = new OpenSearchSearchCluster(this, 'Search', { name: 'clicks' });
    const backup = new SecureBucket(this, 'SearchBackup', { name: 'search-backup' });
    const clicks = new StreamingIngest(this, 'ClickEvents', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 5_000, averageRecordSizeBytes: 800 }),
      retentionHours: 168,
      destinations: [search.firehoseDestination({ index: 'clicks', backupMode: SearchBackupMode.ALL_DOCUMENTS, backupBucket: backup })],
      aws: { transform: { batchSize: 1_000 } },
    });
    clicks.grantWrite(new Identity(this, 'WebTier', { name: 'web-tier', awsTrustedServices: ['ec2.amazonaws.com'] }));
    new ObservabilityStack(this, 'Observability', { searchCluster: search });
    new TerraformOutput(this, 'dashboards_url', { value: search.dashboardsUrl, description: 'OpenSearch Dashboards (reachable from inside the VPC)' });
  }
}
