import { App, TerraformStack } from 'cdktf';
import { AwsPlatform, PrivateNetwork, S3Destination, SecureBucket, StreamingIngest, IndexRotation, OpenSearchSearchCluster, SearchBackupMode } from '../../src';

/** A security group of an existing domain (literal id: validate only). */
export const IMPORTED_DOMAIN_GROUP = 'sg-0a1b2c3d4e5f60001';

/**
 * Every OpenSearch feature in real stacks, for `terraform validate` against the AWS provider
 * (moto cannot create OpenSearch domains, so there is no emulator tier for them):
 * - `search-domain`: a domain with dedicated masters over 3 zones, two destinations (failed
 *   documents only into a created bucket; all documents, hourly rotation, into an existing bucket),
 *   log ingestion from two log groups, a client admitted on HTTPS;
 * - `search-small`: a single-zone, single-node burstable domain (Auto-Tune off);
 * - `search-imported`: a domain imported by attributes, with a destination and log ingestion.
 */
export function buildSearchApp(app: App): void {
  const full = new TerraformStack(app, 'search-domain');
  new AwsPlatform(full, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  new PrivateNetwork(full, 'Network');
  const search = new OpenSearchSearchCluster(full, 'Search', { dedicatedMasters: {}, volumeSizeGiB: 200 });
  const archive = new SecureBucket(full, 'Archive', { name: 'archive' });
  new StreamingIngest(full, 'ClickEvents', {
    destinations: [
      search.destination({ index: 'clicks' }),
      search.firehoseDestination({
        index: 'clicks_all',
        destinationName: 'all',
        backupMode: SearchBackupMode.ALL_DOCUMENTS,
        backupBucket: archive,
        indexRotation: IndexRotation.ONE_HOUR,
        retryDurationSeconds: 60,
        bufferingIntervalSeconds: 0,
        bufferingSizeMiB: 1,
      }),
      new S3Destination(),
    ],
  });
  search.ingestLogs('App', { logGroupNames: ['/app/web', '/app/worker'] });
  search.allowConnectionsFrom('Bastion', 'sg-0a1b2c3d4e5f60002');

  const small = new TerraformStack(app, 'search-small');
  new AwsPlatform(small, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  new PrivateNetwork(small, 'Network');
  const dev = new OpenSearchSearchCluster(small, 'Dev', { instanceType: 't3.small.search', instanceCount: 1, availabilityZoneCount: 1, volumeSizeGiB: 10 });
  new StreamingIngest(small, 'Events', { destinations: [dev.destination({ index: 'events' })] });

  const imported = new TerraformStack(app, 'search-imported');
  new AwsPlatform(imported, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  new PrivateNetwork(imported, 'Network');
  const existing = OpenSearchSearchCluster.fromAttributes(imported, 'Existing', {
    domainArn: 'arn:aws:es:eu-west-1:123456789012:domain/logs',
    domainEndpoint: 'vpc-logs-abc123.eu-west-1.es.amazonaws.com',
    securityGroupId: IMPORTED_DOMAIN_GROUP,
  });
  new StreamingIngest(imported, 'Audit', { destinations: [existing.destination({ index: 'audit' })] });
  existing.ingestLogs('Api', { logGroupNames: ['/api/access'], index: 'api-logs' });
}
