import { IConstruct } from 'constructs';
import { isUnresolved } from '../../../core/validate';
import { KinesisStreamingIngest } from '../../../streaming/aws/kinesis-streaming-ingest';
import { MAX_RETENTION_HOURS } from '../../../streaming/streaming-ingest-contract';
import { AlarmComparison } from '../../alarm-contract';
import {
  KINESIS_ERROR_EVALUATION_PERIODS, KINESIS_ERROR_PERIOD_SECONDS, KINESIS_ITERATOR_AGE_EVALUATION_PERIODS, KINESIS_ITERATOR_AGE_PERIOD_SECONDS,
  KINESIS_ITERATOR_AGE_THRESHOLD_MS, KINESIS_PUT_RECORDS_FAILED_THRESHOLD, KINESIS_THROTTLED_FRACTION_THRESHOLD,
} from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

const NAMESPACE = 'AWS/Kinesis';
/** Milliseconds per hour (the iterator-age range ends at the stream's retention). */
const MS_PER_HOUR = 3_600_000;

/**
 * Alarms of a Kinesis stream created by a KinesisStreamingIngest (stream-level metrics, dimension
 * StreamName): consumers falling behind, read and write throttling, failed PutRecords entries.
 * @internal
 */
export function kinesisAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof KinesisStreamingIngest)) return [];
  const name = node.stream.nameInput ?? node.streamName;
  const retentionHours = isUnresolved(node.retentionHours) ? MAX_RETENTION_HOURS : node.retentionHours;
  const dimensions = { StreamName: node.stream.name };
  const metric = (metricName: string, statistic: string) => ({ namespace: NAMESPACE, metricName, dimensions, statistic });
  const common = { resource: node, resourceName: name, treatMissingData: 'notBreaching' as const };
  const throttled = (direction: 'read' | 'write', metricName: string, check: string): CloudWatchAlarmSpec => ({
    ...common,
    key: `kinesis-${direction}-throttled`,
    metric: metric(metricName, 'Average'),
    threshold: KINESIS_THROTTLED_FRACTION_THRESHOLD,
    comparison: AlarmComparison.GREATER_THAN,
    periodSeconds: KINESIS_ERROR_PERIOD_SECONDS,
    evaluationPeriods: KINESIS_ERROR_EVALUATION_PERIODS,
    range: { min: 0, max: 1, unit: 'fraction of calls throttled' },
    description: `Kinesis stream ${name}: more than the threshold fraction of ${direction} calls were throttled (${metricName}) for 15 minutes. `
      + `Check first: ${check}`,
  });
  return [
    {
      ...common,
      key: 'kinesis-iterator-age',
      metric: metric('GetRecords.IteratorAgeMilliseconds', 'Maximum'),
      threshold: KINESIS_ITERATOR_AGE_THRESHOLD_MS,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: KINESIS_ITERATOR_AGE_PERIOD_SECONDS,
      evaluationPeriods: KINESIS_ITERATOR_AGE_EVALUATION_PERIODS,
      range: { min: 1_000, max: retentionHours * MS_PER_HOUR, integer: true, unit: 'ms' },
      description: `Kinesis stream ${name}: a consumer reads records older than the threshold (GetRecords.IteratorAgeMilliseconds) for 5 minutes; `
        + `records older than the ${retentionHours} h retention are lost. Check first: the transform function's errors and throttles, `
        + 'then the delivery streams\' throttled GetRecords.',
    },
    throttled('read', 'ReadProvisionedThroughputExceeded',
      'the number of consumers per shard (use enhanced fan-out for more than two) and the shard count or on-demand mode.'),
    throttled('write', 'WriteProvisionedThroughputExceeded',
      'producer volume against the shard count (1 MB/s or 1,000 records/s per shard) and hot partition keys.'),
    {
      ...common,
      key: 'kinesis-put-records-failed',
      metric: metric('PutRecords.FailedRecords', 'Sum'),
      threshold: KINESIS_PUT_RECORDS_FAILED_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: KINESIS_ERROR_PERIOD_SECONDS,
      evaluationPeriods: KINESIS_ERROR_EVALUATION_PERIODS,
      range: { min: 0, max: 1_000_000, integer: true, unit: 'records' },
      description: `Kinesis stream ${name}: PutRecords rejected records for internal failures (PutRecords.FailedRecords) in every period for 15 minutes. `
        + 'Check first: that producers retry failed entries, and the AWS Health Dashboard for Kinesis in the region.',
    },
  ];
}
