import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsPlatform, Identity, S3Destination, SecureBucket, StreamCapacity, StreamingIngest } from '../src';

/**
 * Reference architecture 2, streaming search: events -> Kinesis Data Streams -> Lambda -> Firehose
 * -> S3. The OpenSearch destination and Dashboards arrive with SearchCluster (issue 6); the S3
 * bucket here becomes its backup of all documents.
 */
export class StreamingSearchStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsPlatform(this, 'Platform', { region: 'eu-west-1', namePrefix: 'streaming-search' });
    const backup = new SecureBucket(this, 'SearchBackup', { name: 'search-backup' });
    const clicks = new StreamingIngest(this, 'ClickEvents', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 5_000, averageRecordSizeBytes: 800 }),
      retentionHours: 168,
      destinations: [new S3Destination({ bucket: backup, destinationName: 'backup', prefix: 'clicks/' })],
      aws: { transform: { batchSize: 1_000 } },
    });
    clicks.grantWrite(new Identity(this, 'WebTier', { name: 'web-tier', awsTrustedServices: ['ec2.amazonaws.com'] }));
  }
}
