import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { PrivateNetwork } from '../../../../../src/network/aws/private-network';
import { AlarmComparison } from '../../../../../src/observability/alarm-contract';
import { mskAlarms } from '../../../../../src/observability/aws/catalog/msk';
import {
  MSK_ACTIVE_CONTROLLER_EVALUATION_PERIODS, MSK_ACTIVE_CONTROLLER_PERIOD_SECONDS, MSK_ACTIVE_CONTROLLER_THRESHOLD,
  MSK_CONSUMER_OFFSET_LAG_EVALUATION_PERIODS, MSK_CONSUMER_OFFSET_LAG_PERIOD_SECONDS, MSK_CONSUMER_OFFSET_LAG_THRESHOLD,
  MSK_CONSUMER_TIME_LAG_EVALUATION_PERIODS, MSK_CONSUMER_TIME_LAG_PERIOD_SECONDS, MSK_CONSUMER_TIME_LAG_THRESHOLD_SECONDS,
  MSK_DATA_LOGS_DISK_USED_EVALUATION_PERIODS, MSK_DATA_LOGS_DISK_USED_PERIOD_SECONDS, MSK_DATA_LOGS_DISK_USED_THRESHOLD_PERCENT,
  MSK_OFFLINE_PARTITIONS_EVALUATION_PERIODS, MSK_OFFLINE_PARTITIONS_PERIOD_SECONDS, MSK_OFFLINE_PARTITIONS_THRESHOLD,
  MSK_UNDER_REPLICATED_PARTITIONS_EVALUATION_PERIODS, MSK_UNDER_REPLICATED_PARTITIONS_PERIOD_SECONDS, MSK_UNDER_REPLICATED_PARTITIONS_THRESHOLD,
} from '../../../../../src/observability/aws/cloudwatch-alarm-defaults';
import { AwsPlatform } from '../../../../../src/platform/aws/aws-platform';
import { MskClusterType, MskStreamingIngest } from '../../../../../src/streaming/aws/msk';
import { newStack } from '../../../../support/synth';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };

function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

function mskStack(): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  new PrivateNetwork(stack, 'Network');
  return stack;
}

/** The reference to a cluster resource's cluster_name attribute. */
const CLUSTER_REF = (type: string) => new RegExp(`^\\$\\{${type}\\.[A-Za-z0-9_-]+\\.cluster_name\\}$`);

describe('MSK catalog: provisioned cluster', () => {
  const stack = mskStack();
  const ingest = new MskStreamingIngest(stack, 'ClickEvents');
  const specs = mskAlarms(ingest, CONTEXT);
  const plain = specs.map(({ resource: _r, description: _d, ...rest }) => resolve(stack, rest));
  const cluster = plain.find((s) => s.key === 'msk-offline-partitions').metric.dimensions['Cluster Name'];
  const cw = (metricName: string) => ({ namespace: 'AWS/Kafka', metricName, dimensions: { 'Cluster Name': cluster }, statistic: 'Maximum' });

  test('cluster, broker and consumer alarms, tied to the cluster resource by "Cluster Name"', () => {
    expect(cluster).toMatch(CLUSTER_REF('aws_msk_cluster'));
    expect(plain).toEqual([
      {
        key: 'msk-offline-partitions',
        resourceName: 'acme-click-events',
        metric: cw('OfflinePartitionsCount'),
        threshold: MSK_OFFLINE_PARTITIONS_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: MSK_OFFLINE_PARTITIONS_PERIOD_SECONDS,
        evaluationPeriods: MSK_OFFLINE_PARTITIONS_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 0, max: 100_000, integer: true, unit: 'partitions' },
      },
      {
        key: 'msk-active-controller',
        resourceName: 'acme-click-events',
        metric: cw('ActiveControllerCount'),
        threshold: MSK_ACTIVE_CONTROLLER_THRESHOLD,
        comparison: AlarmComparison.LESS_THAN,
        periodSeconds: MSK_ACTIVE_CONTROLLER_PERIOD_SECONDS,
        evaluationPeriods: MSK_ACTIVE_CONTROLLER_EVALUATION_PERIODS,
        treatMissingData: 'breaching',
        range: { min: 1, max: 1, integer: true, unit: 'controllers' },
      },
      {
        key: 'msk-under-replicated-partitions',
        resourceName: 'acme-click-events',
        query: `SELECT MAX(UnderReplicatedPartitions) FROM SCHEMA("AWS/Kafka", "Broker ID", "Cluster Name") WHERE "Cluster Name" = '${cluster}'`,
        threshold: MSK_UNDER_REPLICATED_PARTITIONS_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: MSK_UNDER_REPLICATED_PARTITIONS_PERIOD_SECONDS,
        evaluationPeriods: MSK_UNDER_REPLICATED_PARTITIONS_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 0, max: 100_000, integer: true, unit: 'partitions' },
      },
      {
        key: 'msk-data-disk-used',
        resourceName: 'acme-click-events',
        query: `SELECT MAX(KafkaDataLogsDiskUsed) FROM SCHEMA("AWS/Kafka", "Broker ID", "Cluster Name") WHERE "Cluster Name" = '${cluster}'`,
        threshold: MSK_DATA_LOGS_DISK_USED_THRESHOLD_PERCENT,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        periodSeconds: MSK_DATA_LOGS_DISK_USED_PERIOD_SECONDS,
        evaluationPeriods: MSK_DATA_LOGS_DISK_USED_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 1, max: 100, unit: '%' },
      },
      {
        key: 'msk-consumer-offset-lag',
        resourceName: 'acme-click-events',
        query: 'SELECT MAX(MaxOffsetLag) FROM SCHEMA("AWS/Kafka", "Cluster Name", "Consumer Group", "Topic") '
          + `WHERE "Cluster Name" = '${cluster}' AND "Topic" = 'acme-click-events'`,
        threshold: MSK_CONSUMER_OFFSET_LAG_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: MSK_CONSUMER_OFFSET_LAG_PERIOD_SECONDS,
        evaluationPeriods: MSK_CONSUMER_OFFSET_LAG_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 1, max: 1_000_000_000, integer: true, unit: 'messages' },
      },
      {
        key: 'msk-consumer-time-lag',
        resourceName: 'acme-click-events',
        query: 'SELECT MAX(EstimatedMaxTimeLag) FROM SCHEMA("AWS/Kafka", "Cluster Name", "Consumer Group", "Topic") '
          + `WHERE "Cluster Name" = '${cluster}' AND "Topic" = 'acme-click-events'`,
        threshold: MSK_CONSUMER_TIME_LAG_THRESHOLD_SECONDS,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: MSK_CONSUMER_TIME_LAG_PERIOD_SECONDS,
        evaluationPeriods: MSK_CONSUMER_TIME_LAG_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 10, max: 8_760 * 3_600, integer: true, unit: 'seconds' },
      },
    ]);
    for (const spec of specs) {
      expect(spec.resource).toBe(ingest);
      expect(spec.description).toContain('Check first');
    }
    expect(specs[0].description).toContain('MSK cluster acme-click-events');
    expect(specs[4].description).toContain('MSK topic acme-click-events');
  });

  test('streams on that cluster through msk.existingCluster get consumer lag only: cluster alarms appear once', () => {
    const other = new MskStreamingIngest(stack, 'Orders', {
      msk: { existingCluster: { clusterName: ingest.clusterName, clusterArn: ingest.clusterArn, bootstrapServers: ingest.bootstrapServers! } },
    });
    const otherSpecs = mskAlarms(other, CONTEXT);
    expect(otherSpecs.map((s) => [s.key, s.resourceName])).toEqual([['msk-consumer-offset-lag', 'acme-orders']]);
    expect(otherSpecs[0].query).toBe('SELECT MAX(MaxOffsetLag) FROM SCHEMA("AWS/Kafka", "Cluster Name", "Consumer Group", "Topic") '
      + 'WHERE "Cluster Name" = \'acme-click-events\' AND "Topic" = \'acme-orders\'');
    const all = [ingest, other].flatMap((node) => mskAlarms(node, CONTEXT)).filter((s) => s.resourceName === 'acme-click-events');
    expect(all.filter((s) => s.key === 'msk-active-controller')).toHaveLength(1);
  });
});

describe('MSK catalog: serverless cluster and imported topics', () => {
  test('MSK Serverless: consumer offset lag only (no broker metrics, no EstimatedMaxTimeLag)', () => {
    const stack = mskStack();
    const ingest = new MskStreamingIngest(stack, 'Events', { msk: { clusterType: MskClusterType.SERVERLESS } });
    const specs = mskAlarms(ingest, CONTEXT);
    expect(specs.map((s) => s.key)).toEqual(['msk-consumer-offset-lag']);
    const query = resolve(stack, specs[0].query);
    const cluster = /"Cluster Name" = '([^']+)'/.exec(query)![1];
    expect(cluster).toMatch(CLUSTER_REF('aws_msk_serverless_cluster'));
    expect(query).toBe('SELECT MAX(MaxOffsetLag) FROM SCHEMA("AWS/Kafka", "Cluster Name", "Consumer Group", "Topic") '
      + `WHERE "Cluster Name" = '${cluster}' AND "Topic" = 'acme-events'`);
    expect(specs[0]).toMatchObject({ resource: ingest, resourceName: 'acme-events', threshold: MSK_CONSUMER_OFFSET_LAG_THRESHOLD });
  });

  test('a topic imported by attributes: consumer offset lag on its cluster', () => {
    const stack = mskStack();
    const imported = MskStreamingIngest.fromClusterAttributes(stack, 'Existing', {
      clusterArn: 'arn:aws:kafka:eu-west-1:123456789012:cluster/shared/abc-1',
      clusterName: 'shared',
      bootstrapServers: 'b-1.shared:9098',
      topicName: 'payments',
    });
    const specs = mskAlarms(imported, CONTEXT);
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({
      key: 'msk-consumer-offset-lag',
      resource: imported,
      resourceName: 'payments',
      query: 'SELECT MAX(MaxOffsetLag) FROM SCHEMA("AWS/Kafka", "Cluster Name", "Consumer Group", "Topic") '
        + 'WHERE "Cluster Name" = \'shared\' AND "Topic" = \'payments\'',
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: MSK_CONSUMER_OFFSET_LAG_PERIOD_SECONDS,
      evaluationPeriods: MSK_CONSUMER_OFFSET_LAG_EVALUATION_PERIODS,
    });
  });

  test('returns [] for other constructs (the cluster resource, the network, the stack)', () => {
    const stack = mskStack();
    const ingest = new MskStreamingIngest(stack, 'ClickEvents');
    expect(mskAlarms(ingest.node.findChild('Cluster'), CONTEXT)).toEqual([]);
    expect(mskAlarms(stack.node.findChild('Network'), CONTEXT)).toEqual([]);
    expect(mskAlarms(stack, CONTEXT)).toEqual([]);
  });
});
