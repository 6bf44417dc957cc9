import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmComparison } from '../../../../../src/observability/alarm-contract';
import { CloudWatchAlarmSpec } from '../../../../../src/observability/aws/catalog/cloudwatch-alarm-spec';
import { firehoseAlarms } from '../../../../../src/observability/aws/catalog/firehose';
import {
  FIREHOSE_DATA_FRESHNESS_BUFFER_MARGIN_SECONDS, FIREHOSE_DATA_FRESHNESS_EVALUATION_PERIODS, FIREHOSE_DATA_FRESHNESS_PERIOD_SECONDS,
  FIREHOSE_DATA_FRESHNESS_THRESHOLD_SECONDS, FIREHOSE_DELIVERY_SUCCESS_EVALUATION_PERIODS, FIREHOSE_DELIVERY_SUCCESS_PERIOD_SECONDS,
  FIREHOSE_DELIVERY_SUCCESS_THRESHOLD, FIREHOSE_THROTTLING_EVALUATION_PERIODS, FIREHOSE_THROTTLING_PERIOD_SECONDS, FIREHOSE_THROTTLING_THRESHOLD,
} from '../../../../../src/observability/aws/cloudwatch-alarm-defaults';
import { AwsPlatform } from '../../../../../src/platform/aws/aws-platform';
import { FirehoseDelivery } from '../../../../../src/streaming/aws/firehose-delivery';
import { KinesisStreamingIngest } from '../../../../../src/streaming/aws/kinesis-streaming-ingest';
import { S3Destination } from '../../../../../src/streaming/aws/s3-destination';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination } from '../../../../../src/streaming/destination';
import { FirehoseAccess } from '../../../../../src/warehouse/aws/firehose-access';
import { newStack } from '../../../../support/synth';
import { warehouseStack } from '../../../warehouse/aws/redshift-fixture';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };
const FRESHNESS_RANGE = { min: 60, max: 86_400, integer: true, unit: 'seconds' };
const SUCCESS_RANGE = { min: 0, max: 1, unit: 'ratio of successful deliveries' };

function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

function awsStack(): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  return stack;
}

/** The spec without the construct and description, its tokens resolved (for toEqual). */
function plain(stack: TerraformStack, spec: CloudWatchAlarmSpec): any {
  const { resource: _r, description: _d, ...rest } = spec;
  return resolve(stack, rest);
}

/** A destination of another Firehose type whose configuration another construct supplies (here: none). */
class OtherDestination implements IStreamDestination {
  public readonly destinationName = 'search';
  constructor(private readonly type: string) {}
  public bindFirehose(_scope: Construct, _options: FirehoseBindOptions): FirehoseDestinationConfig {
    return { destination: this.type };
  }
  public bindKafkaConnect(): void {
    throw new Error('AWS only');
  }
}

describe('Firehose catalog: S3 destination read from Kinesis', () => {
  const stack = awsStack();
  const ingest = new KinesisStreamingIngest(stack, 'ClickEvents', { destinations: [new S3Destination()] });
  const delivery = ingest.deliveries[0];
  const specs = firehoseAlarms(delivery, CONTEXT);
  const dimensions = { DeliveryStreamName: resolve(stack, delivery.deliveryStream.name) };
  const common = { resourceName: 'acme-click-events-s3', treatMissingData: 'notBreaching' };

  test('freshness, S3 success and the source throttling, by DeliveryStreamName', () => {
    expect(dimensions.DeliveryStreamName).toMatch(/^\$\{aws_kinesis_firehose_delivery_stream\.[A-Za-z0-9_-]+\.name\}$/);
    expect(specs.map((s) => plain(stack, s))).toEqual([
      {
        ...common,
        key: 'firehose-s3-data-freshness',
        metric: { namespace: 'AWS/Firehose', metricName: 'DeliveryToS3.DataFreshness', dimensions, statistic: 'Maximum' },
        threshold: FIREHOSE_DATA_FRESHNESS_THRESHOLD_SECONDS,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: FIREHOSE_DATA_FRESHNESS_PERIOD_SECONDS,
        evaluationPeriods: FIREHOSE_DATA_FRESHNESS_EVALUATION_PERIODS,
        range: FRESHNESS_RANGE,
      },
      {
        ...common,
        key: 'firehose-s3-delivery-success',
        metric: { namespace: 'AWS/Firehose', metricName: 'DeliveryToS3.Success', dimensions, statistic: 'Average' },
        threshold: FIREHOSE_DELIVERY_SUCCESS_THRESHOLD,
        comparison: AlarmComparison.LESS_THAN,
        periodSeconds: FIREHOSE_DELIVERY_SUCCESS_PERIOD_SECONDS,
        evaluationPeriods: FIREHOSE_DELIVERY_SUCCESS_EVALUATION_PERIODS,
        range: SUCCESS_RANGE,
      },
      {
        ...common,
        key: 'firehose-source-throttled',
        metric: { namespace: 'AWS/Firehose', metricName: 'ThrottledGetRecords', dimensions, statistic: 'Sum' },
        threshold: FIREHOSE_THROTTLING_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: FIREHOSE_THROTTLING_PERIOD_SECONDS,
        evaluationPeriods: FIREHOSE_THROTTLING_EVALUATION_PERIODS,
        range: { min: 0, max: 1_000_000, integer: true, unit: 'throttled calls' },
      },
    ]);
    for (const spec of specs) {
      expect(spec.resource).toBe(delivery);
      expect(spec.description).toContain('Firehose acme-click-events-s3');
      expect(spec.description).toContain('Check first');
    }
    expect(FIREHOSE_DATA_FRESHNESS_THRESHOLD_SECONDS).toBe(900);
  });

  test('a buffer interval longer than the default threshold raises the freshness threshold by the margin', () => {
    const s = awsStack();
    const slow = new KinesisStreamingIngest(s, 'Slow', { destinations: [new S3Destination({ bufferingIntervalSeconds: 900 })] });
    const freshness = firehoseAlarms(slow.deliveries[0], CONTEXT).find((spec) => spec.key === 'firehose-s3-data-freshness')!;
    expect(freshness.threshold).toBe(900 + FIREHOSE_DATA_FRESHNESS_BUFFER_MARGIN_SECONDS);
  });
});

describe('Firehose catalog: direct PUT behind a transform', () => {
  const stack = awsStack();
  const ingest = new KinesisStreamingIngest(stack, 'ClickEvents', { destinations: [new S3Destination()], transform: {} });
  const specs = firehoseAlarms(ingest.deliveries[0], CONTEXT);

  test('ThrottledRecords (ingestion limits) instead of the Kinesis source throttling', () => {
    expect(specs.map((s) => s.key)).toEqual(['firehose-s3-data-freshness', 'firehose-s3-delivery-success', 'firehose-throttled-records']);
    expect(plain(stack, specs[2])).toEqual({
      key: 'firehose-throttled-records',
      resourceName: 'acme-click-events-s3',
      treatMissingData: 'notBreaching',
      metric: {
        namespace: 'AWS/Firehose',
        metricName: 'ThrottledRecords',
        statistic: 'Sum',
        dimensions: { DeliveryStreamName: resolve(stack, ingest.deliveries[0].deliveryStream.name) },
      },
      threshold: FIREHOSE_THROTTLING_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: FIREHOSE_THROTTLING_PERIOD_SECONDS,
      evaluationPeriods: FIREHOSE_THROTTLING_EVALUATION_PERIODS,
      range: { min: 0, max: 1_000_000, integer: true, unit: 'records' },
    });
  });
});

describe('Firehose catalog: Redshift destination', () => {
  const { stack, warehouse } = warehouseStack({ firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] }) });
  const ingest = new KinesisStreamingIngest(stack, 'ClickEvents', { destinations: [warehouse.destination({ table: 'events' })] });
  const delivery = ingest.deliveries[0];
  const specs = firehoseAlarms(delivery, CONTEXT);

  test('DeliveryToRedshift.Success and the intermediate DeliveryToS3.Success, no freshness metric', () => {
    expect(delivery.deliveryStream.destinationInput).toBe('redshift');
    expect(specs.map((s) => [s.key, s.metric!.metricName, s.metric!.statistic, s.threshold, s.comparison])).toEqual([
      ['firehose-redshift-delivery-success', 'DeliveryToRedshift.Success', 'Average', FIREHOSE_DELIVERY_SUCCESS_THRESHOLD, AlarmComparison.LESS_THAN],
      ['firehose-s3-delivery-success', 'DeliveryToS3.Success', 'Average', FIREHOSE_DELIVERY_SUCCESS_THRESHOLD, AlarmComparison.LESS_THAN],
      ['firehose-source-throttled', 'ThrottledGetRecords', 'Sum', FIREHOSE_THROTTLING_THRESHOLD, AlarmComparison.GREATER_THAN],
    ]);
    expect(specs[0].range).toEqual(SUCCESS_RANGE);
    expect(specs[0].description).toContain('Redshift COPY commands');
    expect(specs[1].description).toContain('intermediate S3 location');
  });
});

describe('Firehose catalog: OpenSearch Service destination', () => {
  const stack = awsStack();
  const ingest = new KinesisStreamingIngest(stack, 'Logs', { destinations: [new OtherDestination('opensearch')] });
  const specs = firehoseAlarms(ingest.deliveries[0], CONTEXT);

  test('DeliveryToAmazonOpenSearchService.Success and .DataFreshness', () => {
    expect(specs.map((s) => [s.key, s.metric!.metricName, s.metric!.statistic, s.threshold])).toEqual([
      ['firehose-opensearch-delivery-success', 'DeliveryToAmazonOpenSearchService.Success', 'Average', FIREHOSE_DELIVERY_SUCCESS_THRESHOLD],
      ['firehose-opensearch-data-freshness', 'DeliveryToAmazonOpenSearchService.DataFreshness', 'Maximum', FIREHOSE_DATA_FRESHNESS_THRESHOLD_SECONDS],
      ['firehose-source-throttled', 'ThrottledGetRecords', 'Sum', FIREHOSE_THROTTLING_THRESHOLD],
    ]);
    expect(specs[1]).toMatchObject({
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: FIREHOSE_DATA_FRESHNESS_PERIOD_SECONDS,
      evaluationPeriods: FIREHOSE_DATA_FRESHNESS_EVALUATION_PERIODS,
      range: FRESHNESS_RANGE,
    });
    expect(specs[0].resourceName).toBe('acme-logs-search');
  });

  test('another destination type gets the throttling alarm only', () => {
    const s = awsStack();
    const other = new KinesisStreamingIngest(s, 'Other', { destinations: [new OtherDestination('http_endpoint')] });
    expect(firehoseAlarms(other.deliveries[0], CONTEXT).map((spec) => spec.key)).toEqual(['firehose-source-throttled']);
  });
});

describe('Firehose catalog: other constructs', () => {
  test('returns [] for the stream, the stack and a plain construct', () => {
    const stack = awsStack();
    const ingest = new KinesisStreamingIngest(stack, 'ClickEvents', { destinations: [new S3Destination()] });
    expect(firehoseAlarms(ingest, CONTEXT)).toEqual([]);
    expect(firehoseAlarms(stack, CONTEXT)).toEqual([]);
    expect(firehoseAlarms(new Construct(stack, 'Plain'), CONTEXT)).toEqual([]);
    expect(ingest.deliveries[0]).toBeInstanceOf(FirehoseDelivery);
  });
});
