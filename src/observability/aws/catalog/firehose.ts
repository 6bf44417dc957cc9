import { IConstruct } from 'constructs';
import { isUnresolved } from '../../../core/validate';
import { FirehoseDelivery } from '../../../streaming/aws/firehose-delivery';
import { AlarmComparison } from '../../alarm-contract';
import {
  FIREHOSE_DATA_FRESHNESS_BUFFER_MARGIN_SECONDS, FIREHOSE_DATA_FRESHNESS_EVALUATION_PERIODS, FIREHOSE_DATA_FRESHNESS_PERIOD_SECONDS,
  FIREHOSE_DATA_FRESHNESS_THRESHOLD_SECONDS, FIREHOSE_DEFAULT_BUFFER_INTERVAL_SECONDS, FIREHOSE_DELIVERY_SUCCESS_EVALUATION_PERIODS,
  FIREHOSE_DELIVERY_SUCCESS_PERIOD_SECONDS, FIREHOSE_DELIVERY_SUCCESS_THRESHOLD, FIREHOSE_THROTTLING_EVALUATION_PERIODS,
  FIREHOSE_THROTTLING_PERIOD_SECONDS, FIREHOSE_THROTTLING_THRESHOLD,
} from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

const NAMESPACE = 'AWS/Firehose';
/** Longest data-freshness threshold accepted, seconds: Firehose retries S3 delivery for 24 hours. */
const MAX_FRESHNESS_SECONDS = 86_400;

/** Firehose `destination` values with their own alarms (`opensearch` is Amazon OpenSearch Service). */
const S3 = 'extended_s3';
const REDSHIFT = 'redshift';
const OPENSEARCH = 'opensearch';

/**
 * The data-freshness threshold of a delivery stream: the default, or its buffer interval plus a
 * margin when that is longer (a stream buffering 900 s is routinely 900 s behind).
 */
function freshnessThreshold(bufferSeconds: number | undefined): number {
  const interval = bufferSeconds === undefined || isUnresolved(bufferSeconds) ? FIREHOSE_DEFAULT_BUFFER_INTERVAL_SECONDS : bufferSeconds;
  return Math.max(FIREHOSE_DATA_FRESHNESS_THRESHOLD_SECONDS, interval + FIREHOSE_DATA_FRESHNESS_BUFFER_MARGIN_SECONDS);
}

/**
 * Alarms of a Firehose delivery stream (dimension DeliveryStreamName), by destination:
 * - S3: DeliveryToS3.DataFreshness and DeliveryToS3.Success;
 * - Redshift: DeliveryToRedshift.Success and the intermediate DeliveryToS3.Success;
 * - OpenSearch Service: DeliveryToAmazonOpenSearchService.Success and .DataFreshness;
 * and throttling: ThrottledRecords for a direct-PUT stream (ingestion limits), ThrottledGetRecords
 * for a stream reading Kinesis (Firehose publishes ThrottledRecords for direct PUT only).
 * @internal
 */
export function firehoseAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof FirehoseDelivery)) return [];
  const stream = node.deliveryStream;
  const name = stream.nameInput ?? node.deliveryStreamName;
  const dimensions = { DeliveryStreamName: stream.name };
  const common = { resource: node, resourceName: name, treatMissingData: 'notBreaching' as const };
  const metric = (metricName: string, statistic: string) => ({ namespace: NAMESPACE, metricName, dimensions, statistic });

  const success = (key: string, metricName: string, what: string, check: string): CloudWatchAlarmSpec => ({
    ...common,
    key,
    metric: metric(metricName, 'Average'),
    threshold: FIREHOSE_DELIVERY_SUCCESS_THRESHOLD,
    comparison: AlarmComparison.LESS_THAN,
    periodSeconds: FIREHOSE_DELIVERY_SUCCESS_PERIOD_SECONDS,
    evaluationPeriods: FIREHOSE_DELIVERY_SUCCESS_EVALUATION_PERIODS,
    range: { min: 0, max: 1, unit: 'ratio of successful deliveries' },
    description: `Firehose ${name}: ${what} failed in every period for 15 minutes (${metricName} below the threshold); records wait and, after the `
      + `retry duration, go to the error prefix. Check first: the delivery errors in log group /aws/kinesisfirehose/${name}, then ${check}`,
  });
  const freshness = (key: string, metricName: string, bufferSeconds: number | undefined, where: string): CloudWatchAlarmSpec => ({
    ...common,
    key,
    metric: metric(metricName, 'Maximum'),
    threshold: freshnessThreshold(bufferSeconds),
    comparison: AlarmComparison.GREATER_THAN,
    periodSeconds: FIREHOSE_DATA_FRESHNESS_PERIOD_SECONDS,
    evaluationPeriods: FIREHOSE_DATA_FRESHNESS_EVALUATION_PERIODS,
    range: { min: 60, max: MAX_FRESHNESS_SECONDS, integer: true, unit: 'seconds' },
    description: `Firehose ${name}: the oldest record not yet delivered to ${where} is older than the threshold (${metricName}); delivery is stalled `
      + `or retrying. Check first: the delivery errors in log group /aws/kinesisfirehose/${name} and the destination's availability.`,
  });

  const specs: CloudWatchAlarmSpec[] = [];
  const s3Success = (what: string) => success('firehose-s3-delivery-success', 'DeliveryToS3.Success', what,
    'the role\'s access to the bucket and its KMS key.');
  switch (stream.destinationInput) {
    case S3:
      specs.push(
        freshness('firehose-s3-data-freshness', 'DeliveryToS3.DataFreshness', stream.extendedS3ConfigurationInput?.bufferingInterval, 'S3'),
        s3Success('S3 puts'),
      );
      break;
    case REDSHIFT:
      specs.push(
        success('firehose-redshift-delivery-success', 'DeliveryToRedshift.Success', 'Redshift COPY commands',
          'STL_LOAD_ERRORS / SYS_LOAD_ERROR_DETAIL in the warehouse, the table\'s columns and the warehouse\'s reachability from Firehose\'s CIDR block.'),
        s3Success('puts to the intermediate S3 location'),
      );
      break;
    case OPENSEARCH:
      specs.push(
        success('firehose-opensearch-delivery-success', 'DeliveryToAmazonOpenSearchService.Success', 'indexing into OpenSearch',
          'the domain\'s cluster status, JVM memory pressure and the role\'s index permissions.'),
        freshness('firehose-opensearch-data-freshness', 'DeliveryToAmazonOpenSearchService.DataFreshness',
          stream.opensearchConfigurationInput?.bufferingInterval, 'OpenSearch'),
      );
      break;
    default:
      break;
  }
  const kinesisSource = stream.kinesisSourceConfigurationInput !== undefined;
  specs.push({
    ...common,
    key: kinesisSource ? 'firehose-source-throttled' : 'firehose-throttled-records',
    metric: metric(kinesisSource ? 'ThrottledGetRecords' : 'ThrottledRecords', 'Sum'),
    threshold: FIREHOSE_THROTTLING_THRESHOLD,
    comparison: AlarmComparison.GREATER_THAN,
    periodSeconds: FIREHOSE_THROTTLING_PERIOD_SECONDS,
    evaluationPeriods: FIREHOSE_THROTTLING_EVALUATION_PERIODS,
    range: { min: 0, max: 1_000_000, integer: true, unit: kinesisSource ? 'throttled calls' : 'records' },
    description: kinesisSource
      ? `Firehose ${name}: its GetRecords calls on the source Kinesis stream were throttled (ThrottledGetRecords) for 10 minutes, so delivery `
        + 'falls behind. Check first: the number of consumers per shard of the stream and its shard count.'
      : `Firehose ${name}: records were throttled at ingestion (ThrottledRecords) for 10 minutes because the stream's limits were exceeded. `
        + 'Check first: IncomingRecords/IncomingBytes against RecordsPerSecondLimit/BytesPerSecondLimit, and that producers retry with backoff.',
  });
  return specs;
}
