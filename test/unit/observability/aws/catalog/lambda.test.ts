import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { AlarmComparison } from '../../../../../src/observability/alarm-contract';
import { lambdaAlarms } from '../../../../../src/observability/aws/catalog/lambda';
import {
  DLQ_DEPTH_EVALUATION_PERIODS, DLQ_DEPTH_PERIOD_SECONDS, DLQ_DEPTH_THRESHOLD, LAMBDA_ERROR_EVALUATION_PERIODS, LAMBDA_ERROR_PERIOD_SECONDS,
  LAMBDA_ERRORS_THRESHOLD, LAMBDA_ITERATOR_AGE_EVALUATION_PERIODS, LAMBDA_ITERATOR_AGE_PERIOD_SECONDS, LAMBDA_ITERATOR_AGE_THRESHOLD_MS,
  LAMBDA_THROTTLES_THRESHOLD,
} from '../../../../../src/observability/aws/cloudwatch-alarm-defaults';
import { AwsPlatform } from '../../../../../src/platform/aws/aws-platform';
import { KinesisStreamingIngest } from '../../../../../src/streaming/aws/kinesis-streaming-ingest';
import { S3Destination } from '../../../../../src/streaming/aws/s3-destination';
import { DEFAULT_TRANSFORM_MAX_RECORD_AGE_SECONDS } from '../../../../../src/streaming/aws/transform-options';
import { newStack } from '../../../../support/synth';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };

function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

function withTransform(maxRecordAgeSeconds?: number): { stack: TerraformStack; ingest: KinesisStreamingIngest } {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  const ingest = new KinesisStreamingIngest(stack, 'ClickEvents', { destinations: [new S3Destination()], transform: { maxRecordAgeSeconds } });
  return { stack, ingest };
}

describe('Lambda catalog (StreamTransform)', () => {
  const { stack, ingest } = withTransform();
  const transform = ingest.transform!;
  const specs = lambdaAlarms(transform, CONTEXT);
  const functionName = resolve(stack, transform.function.functionName);
  const queueName = resolve(stack, transform.deadLetterQueue.name);
  const fn = (metricName: string, statistic: string) => ({ namespace: 'AWS/Lambda', metricName, dimensions: { FunctionName: functionName }, statistic });

  test('errors, throttles, iterator age of the function and depth of its dead-letter queue', () => {
    expect(functionName).toMatch(/^\$\{aws_lambda_function\.[A-Za-z0-9_-]+\.function_name\}$/);
    expect(queueName).toMatch(/^\$\{aws_sqs_queue\.[A-Za-z0-9_-]+\.name\}$/);
    expect(specs.map(({ resource: _r, description: _d, ...rest }) => resolve(stack, rest))).toEqual([
      {
        key: 'lambda-errors',
        resourceName: 'acme-click-events',
        treatMissingData: 'notBreaching',
        metric: fn('Errors', 'Sum'),
        threshold: LAMBDA_ERRORS_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: LAMBDA_ERROR_PERIOD_SECONDS,
        evaluationPeriods: LAMBDA_ERROR_EVALUATION_PERIODS,
        range: { min: 0, max: 100_000, integer: true, unit: 'errors' },
      },
      {
        key: 'lambda-throttles',
        resourceName: 'acme-click-events',
        treatMissingData: 'notBreaching',
        metric: fn('Throttles', 'Sum'),
        threshold: LAMBDA_THROTTLES_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: LAMBDA_ERROR_PERIOD_SECONDS,
        evaluationPeriods: LAMBDA_ERROR_EVALUATION_PERIODS,
        range: { min: 0, max: 100_000, integer: true, unit: 'throttles' },
      },
      {
        key: 'lambda-iterator-age',
        resourceName: 'acme-click-events',
        treatMissingData: 'notBreaching',
        metric: fn('IteratorAge', 'Maximum'),
        threshold: LAMBDA_ITERATOR_AGE_THRESHOLD_MS,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: LAMBDA_ITERATOR_AGE_PERIOD_SECONDS,
        evaluationPeriods: LAMBDA_ITERATOR_AGE_EVALUATION_PERIODS,
        range: { min: 1_000, max: DEFAULT_TRANSFORM_MAX_RECORD_AGE_SECONDS * 1_000, integer: true, unit: 'ms' },
      },
      {
        key: 'lambda-dlq-depth',
        resourceName: 'acme-click-events-dlq',
        treatMissingData: 'notBreaching',
        metric: { namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: queueName }, statistic: 'Maximum' },
        threshold: DLQ_DEPTH_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        periodSeconds: DLQ_DEPTH_PERIOD_SECONDS,
        evaluationPeriods: DLQ_DEPTH_EVALUATION_PERIODS,
        range: { min: 1, max: 100_000, integer: true, unit: 'messages' },
      },
    ]);
    for (const spec of specs) {
      expect(spec.resource).toBe(transform);
      expect(spec.description).toContain('Check first');
    }
    expect(specs[3].description).toContain('Dead-letter queue acme-click-events-dlq of transform function acme-click-events');
  });

  test('a short maximum record age lowers the iterator-age threshold to half of it, and bounds its range', () => {
    const short = lambdaAlarms(withTransform(60).ingest.transform!, CONTEXT).find((s) => s.key === 'lambda-iterator-age')!;
    expect(short.threshold).toBe(30_000);
    expect(short.range.max).toBe(60_000);
  });

  test('returns [] for other constructs (the stream, its delivery streams)', () => {
    expect(lambdaAlarms(ingest, CONTEXT)).toEqual([]);
    expect(lambdaAlarms(ingest.deliveries[0], CONTEXT)).toEqual([]);
    expect(lambdaAlarms(stack, CONTEXT)).toEqual([]);
  });
});
