import { IConstruct } from 'constructs';
import { isUnresolved } from '../../../core/validate';
import { StreamTransform } from '../../../streaming/aws/stream-transform';
import { AlarmComparison } from '../../alarm-contract';
import {
  DLQ_DEPTH_EVALUATION_PERIODS, DLQ_DEPTH_PERIOD_SECONDS, DLQ_DEPTH_THRESHOLD, LAMBDA_ERROR_EVALUATION_PERIODS, LAMBDA_ERROR_PERIOD_SECONDS,
  LAMBDA_ERRORS_THRESHOLD, LAMBDA_ITERATOR_AGE_EVALUATION_PERIODS, LAMBDA_ITERATOR_AGE_PERIOD_SECONDS, LAMBDA_ITERATOR_AGE_THRESHOLD_MS,
  LAMBDA_THROTTLES_THRESHOLD,
} from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

/** Longest record age a Kinesis event source mapping accepts, seconds (the iterator-age range ends there). */
const MAX_RECORD_AGE_SECONDS = 604_800;

/**
 * Alarms of a StreamTransform: the function's Errors, Throttles and IteratorAge (AWS/Lambda,
 * FunctionName) and the depth of its SQS dead-letter queue (AWS/SQS, QueueName).
 * @internal
 */
export function lambdaAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof StreamTransform)) return [];
  const fn = node.function;
  const name = fn.functionNameInput ?? fn.functionName;
  const queueName = node.deadLetterQueue.nameInput ?? node.deadLetterQueue.name;
  const recordAge = node.eventSourceMapping.maximumRecordAgeInSecondsInput;
  const maxAgeMs = (recordAge === undefined || isUnresolved(recordAge) ? MAX_RECORD_AGE_SECONDS : recordAge) * 1_000;
  const dimensions = { FunctionName: fn.functionName };
  const common = { resource: node, resourceName: name, treatMissingData: 'notBreaching' as const };
  const lambda = (metricName: string, statistic: string) => ({ namespace: 'AWS/Lambda', metricName, dimensions, statistic });
  const logs = `log group /aws/lambda/${name}`;
  return [
    {
      ...common,
      key: 'lambda-errors',
      metric: lambda('Errors', 'Sum'),
      threshold: LAMBDA_ERRORS_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: LAMBDA_ERROR_PERIOD_SECONDS,
      evaluationPeriods: LAMBDA_ERROR_EVALUATION_PERIODS,
      range: { min: 0, max: 100_000, integer: true, unit: 'errors' },
      description: `Transform function ${name}: invocations failed (Errors) in every period for 15 minutes; failing batches are retried, bisected and `
        + `finally sent to the dead-letter queue. Check first: the errors in ${logs}, then the delivery streams it writes to.`,
    },
    {
      ...common,
      key: 'lambda-throttles',
      metric: lambda('Throttles', 'Sum'),
      threshold: LAMBDA_THROTTLES_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: LAMBDA_ERROR_PERIOD_SECONDS,
      evaluationPeriods: LAMBDA_ERROR_EVALUATION_PERIODS,
      range: { min: 0, max: 100_000, integer: true, unit: 'throttles' },
      description: `Transform function ${name}: invocations were throttled (Throttles) for 15 minutes, so the stream backs up. `
        + 'Check first: the reserved concurrency (transform.reservedConcurrency) against the shard count, and the account\'s concurrency limit.',
    },
    {
      ...common,
      key: 'lambda-iterator-age',
      metric: lambda('IteratorAge', 'Maximum'),
      threshold: Math.min(LAMBDA_ITERATOR_AGE_THRESHOLD_MS, maxAgeMs / 2),
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: LAMBDA_ITERATOR_AGE_PERIOD_SECONDS,
      evaluationPeriods: LAMBDA_ITERATOR_AGE_EVALUATION_PERIODS,
      range: { min: 1_000, max: maxAgeMs, integer: true, unit: 'ms' },
      description: `Transform function ${name}: the records it receives are older than the threshold (IteratorAge) for 5 minutes; records older than `
        + `the mapping's maximum record age (${maxAgeMs / 1_000} s) are dropped to the dead-letter queue. Check first: its duration and errors in ${logs}, `
        + 'and throttles.',
    },
    {
      ...common,
      key: 'lambda-dlq-depth',
      resourceName: queueName,
      metric: {
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: node.deadLetterQueue.name },
        statistic: 'Maximum',
      },
      threshold: DLQ_DEPTH_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      periodSeconds: DLQ_DEPTH_PERIOD_SECONDS,
      evaluationPeriods: DLQ_DEPTH_EVALUATION_PERIODS,
      range: { min: 1, max: 100_000, integer: true, unit: 'messages' },
      description: `Dead-letter queue ${queueName} of transform function ${name}: it holds batches the function gave up on (their shard and sequence `
        + `numbers; the records are not delivered). Check first: a message's metadata and the errors in ${logs}; replay the range from the stream `
        + 'while it is retained.',
    },
  ];
}
