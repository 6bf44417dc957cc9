import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CdcTarget, ISourceDatabase } from '../../../../../src/cdc';
import { DmsCapacity } from '../../../../../src/cdc/aws/dms/dms-capacity';
import { DmsCdcSource } from '../../../../../src/cdc/aws/dms/dms-cdc-source';
import { DocumentDbSourceDatabase, RdsSourceDatabase } from '../../../../../src/cdc/aws/source';
import { SourceEngine } from '../../../../../src/cdc/cdc-contract';
import { AwsDataLake } from '../../../../../src/lake/aws/aws-data-lake';
import { AWS_CATALOG } from '../../../../../src/observability/aws/catalog';
import { CloudWatchAlarmSpec } from '../../../../../src/observability/aws/catalog/cloudwatch-alarm-spec';
import { dmsAlarms } from '../../../../../src/observability/aws/catalog/dms';
import { documentDbAlarms } from '../../../../../src/observability/aws/catalog/documentdb';
import { firehoseAlarms } from '../../../../../src/observability/aws/catalog/firehose';
import { glueAlarms } from '../../../../../src/observability/aws/catalog/glue';
import { kinesisAlarms } from '../../../../../src/observability/aws/catalog/kinesis';
import { lambdaAlarms } from '../../../../../src/observability/aws/catalog/lambda';
import { mskAlarms } from '../../../../../src/observability/aws/catalog/msk';
import { rdsAlarms } from '../../../../../src/observability/aws/catalog/rds';
import { redshiftAlarms } from '../../../../../src/observability/aws/catalog/redshift';
import { KinesisStreamingIngest } from '../../../../../src/streaming/aws/kinesis-streaming-ingest';
import { MskClusterType, MskStreamingIngest } from '../../../../../src/streaming/aws/msk';
import { S3Destination } from '../../../../../src/streaming/aws/s3-destination';
import { RedshiftDeployment } from '../../../../../src/warehouse/aws/redshift-deployment';
import { RedshiftWarehouse } from '../../../../../src/warehouse/aws/redshift-warehouse';
import { dmsStack } from '../../../cdc/aws/dms/dms-fixture';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };

/** A stack with one construct of every kind the catalog knows (the DMS fixture brings the platform and network). */
function everything(): TerraformStack {
  const { stack } = dmsStack();
  new DmsCdcSource(stack, 'OrdersServerless', {
    source: stack.node.findChild('OrdersDb') as unknown as ISourceDatabase,
    include: ['sales.*'],
    target: CdcTarget.stream(new KinesisStreamingIngest(stack, 'MoreChanges')),
    capacity: DmsCapacity.serverless(),
  });
  new KinesisStreamingIngest(stack, 'Clicks', { destinations: [new S3Destination()], transform: {} });
  new KinesisStreamingIngest(stack, 'Views', { destinations: [new S3Destination()] });
  new MskStreamingIngest(stack, 'Provisioned');
  new MskStreamingIngest(stack, 'Serverless', { msk: { clusterType: MskClusterType.SERVERLESS } });
  new RedshiftWarehouse(stack, 'Cluster', { deployment: RedshiftDeployment.provisioned() });
  new RedshiftWarehouse(stack, 'Workgroup', { deployment: RedshiftDeployment.serverless({ maxCapacityRpus: 128 }) });
  new AwsDataLake(stack, 'Lake');
  new RdsSourceDatabase(stack, 'Shop', { engine: SourceEngine.MYSQL });
  new RdsSourceDatabase(stack, 'Customers', { engine: SourceEngine.POSTGRESQL });
  new DocumentDbSourceDatabase(stack, 'Catalog');
  return stack;
}

describe('AWS_CATALOG', () => {
  const stack = everything();
  const specs: CloudWatchAlarmSpec[] = stack.node.findAll().flatMap((node) => AWS_CATALOG.flatMap((entry) => entry(node, CONTEXT)));

  test('lists every entry (other services, such as OpenSearch, add theirs)', () => {
    const mine = [kinesisAlarms, firehoseAlarms, lambdaAlarms, mskAlarms, dmsAlarms, rdsAlarms, documentDbAlarms, redshiftAlarms, glueAlarms];
    expect(AWS_CATALOG).toEqual(expect.arrayContaining(mine));
  });

  test('every entry returns [] for a construct it does not know', () => {
    for (const entry of AWS_CATALOG) expect(entry(new Construct(stack, `Plain${AWS_CATALOG.indexOf(entry)}`), CONTEXT)).toEqual([]);
  });

  test('covers every kind: the keys of the whole catalog', () => {
    expect([...new Set(specs.map((s) => s.key))].sort()).toEqual([
      'dms-cdc-latency-source', 'dms-cdc-latency-target', 'dms-replication-failed',
      'docdb-writer-cpu',
      'firehose-s3-data-freshness', 'firehose-s3-delivery-success', 'firehose-source-throttled', 'firehose-throttled-records',
      'glue-crawler-failed',
      'kinesis-iterator-age', 'kinesis-put-records-failed', 'kinesis-read-throttled', 'kinesis-write-throttled',
      'lambda-dlq-depth', 'lambda-errors', 'lambda-iterator-age', 'lambda-throttles',
      'msk-active-controller', 'msk-consumer-offset-lag', 'msk-consumer-time-lag', 'msk-data-disk-used', 'msk-offline-partitions',
      'msk-under-replicated-partitions',
      'rds-capture-log', 'rds-cpu', 'rds-free-storage',
      'redshift-compute-capacity', 'redshift-cpu', 'redshift-disk-used', 'redshift-health', 'redshift-long-queries',
    ]);
  });

  test('every spec is well formed: kebab key, one source, threshold inside its range, a resource name without tokens', () => {
    for (const spec of specs) {
      const what = `${spec.resource.node.path} ${spec.key}`;
      expect([what, /^(kinesis|firehose|lambda|msk|dms|rds|docdb|redshift|glue)-[a-z0-9]+(-[a-z0-9]+)*$/.test(spec.key)]).toEqual([what, true]);
      expect([what, [spec.metric, spec.query, spec.eventPattern].filter((x) => x !== undefined).length]).toEqual([what, 1]);
      expect([what, spec.threshold >= spec.range.min && spec.threshold <= spec.range.max]).toEqual([what, true]);
      if (spec.range.integer) expect([what, Number.isInteger(spec.threshold)]).toEqual([what, true]);
      expect([what, /^[a-z0-9-]+$/.test(spec.resourceName)]).toEqual([what, true]);
      expect(spec.periodSeconds % 60).toBe(0);
      expect(spec.evaluationPeriods).toBeGreaterThanOrEqual(1);
      expect(spec.description).toMatch(/Check first: .+/);
      if (spec.eventPattern) expect(spec).toMatchObject({ threshold: 1, comparison: '>=' });
    }
  });

  test('no two specs share a key and a resource name (alarm names are unique)', () => {
    const names = specs.map((s) => `${s.resourceName}/${s.key}`);
    expect(names.length).toBe(new Set(names).size);
  });
});
