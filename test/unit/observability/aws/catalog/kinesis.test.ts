import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { AlarmComparison } from '../../../../../src/observability/alarm-contract';
import { kinesisAlarms } from '../../../../../src/observability/aws/catalog/kinesis';
import {
  KINESIS_ERROR_EVALUATION_PERIODS, KINESIS_ERROR_PERIOD_SECONDS, KINESIS_ITERATOR_AGE_EVALUATION_PERIODS, KINESIS_ITERATOR_AGE_PERIOD_SECONDS,
  KINESIS_ITERATOR_AGE_THRESHOLD_MS, KINESIS_PUT_RECORDS_FAILED_THRESHOLD, KINESIS_THROTTLED_FRACTION_THRESHOLD,
} from '../../../../../src/observability/aws/cloudwatch-alarm-defaults';
import { AwsPlatform } from '../../../../../src/platform/aws/aws-platform';
import { KinesisStreamingIngest } from '../../../../../src/streaming/aws/kinesis-streaming-ingest';
import { S3Destination } from '../../../../../src/streaming/aws/s3-destination';
import { DEFAULT_RETENTION_HOURS } from '../../../../../src/streaming/streaming-ingest-contract';
import { newStack } from '../../../../support/synth';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };

/** What Terraform receives for a value holding tokens. */
function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

function awsStack(): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  return stack;
}

describe('Kinesis catalog', () => {
  const stack = awsStack();
  const ingest = new KinesisStreamingIngest(stack, 'ClickEvents', { retentionHours: 48, destinations: [new S3Destination()] });
  const specs = kinesisAlarms(ingest, CONTEXT);
  const byKey = (key: string) => specs.find((s) => s.key === key)!;
  const streamName = resolve(stack, ingest.stream.name);

  test('the dimension is the stream resource\'s name attribute', () => {
    expect(streamName).toMatch(/^\$\{aws_kinesis_stream\.ClickEvents_Stream_[A-Z0-9]+\.name\}$/);
  });

  test('four alarms on the stream, by StreamName, named after the stream', () => {
    expect(specs.map((s) => s.key)).toEqual(['kinesis-iterator-age', 'kinesis-read-throttled', 'kinesis-write-throttled', 'kinesis-put-records-failed']);
    for (const spec of specs) {
      expect(spec.resource).toBe(ingest);
      expect(spec.resourceName).toBe('acme-click-events');
      expect(spec.metric!.namespace).toBe('AWS/Kinesis');
      expect(resolve(stack, spec.metric!.dimensions)).toEqual({ StreamName: streamName });
      expect(spec.query).toBeUndefined();
      expect(spec.eventPattern).toBeUndefined();
      expect(spec.treatMissingData).toBe('notBreaching');
      expect(spec.description).toContain('acme-click-events');
      expect(spec.description).toContain('Check first');
    }
  });

  test('iterator age: Maximum over a minute, 5 periods, up to the stream retention', () => {
    expect(byKey('kinesis-iterator-age')).toMatchObject({
      metric: { metricName: 'GetRecords.IteratorAgeMilliseconds', statistic: 'Maximum' },
      threshold: KINESIS_ITERATOR_AGE_THRESHOLD_MS,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: KINESIS_ITERATOR_AGE_PERIOD_SECONDS,
      evaluationPeriods: KINESIS_ITERATOR_AGE_EVALUATION_PERIODS,
      range: { min: 1_000, max: 48 * 3_600_000, integer: true, unit: 'ms' },
    });
    expect(KINESIS_ITERATOR_AGE_THRESHOLD_MS).toBe(60_000);
  });

  test('read and write throttling: the throttled fraction (Average)', () => {
    for (const [key, metricName] of [['kinesis-read-throttled', 'ReadProvisionedThroughputExceeded'], ['kinesis-write-throttled', 'WriteProvisionedThroughputExceeded']]) {
      expect(byKey(key)).toMatchObject({
        metric: { metricName, statistic: 'Average' },
        threshold: KINESIS_THROTTLED_FRACTION_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: KINESIS_ERROR_PERIOD_SECONDS,
        evaluationPeriods: KINESIS_ERROR_EVALUATION_PERIODS,
        range: { min: 0, max: 1, unit: 'fraction of calls throttled' },
      });
    }
  });

  test('failed PutRecords entries: Sum, sustained', () => {
    expect(byKey('kinesis-put-records-failed')).toMatchObject({
      metric: { metricName: 'PutRecords.FailedRecords', statistic: 'Sum' },
      threshold: KINESIS_PUT_RECORDS_FAILED_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: KINESIS_ERROR_PERIOD_SECONDS,
      evaluationPeriods: KINESIS_ERROR_EVALUATION_PERIODS,
      range: { min: 0, max: 1_000_000, integer: true, unit: 'records' },
    });
  });

  test('the default retention bounds the iterator-age range', () => {
    const other = new KinesisStreamingIngest(awsStack(), 'Orders');
    expect(kinesisAlarms(other, CONTEXT)[0].range.max).toBe(DEFAULT_RETENTION_HOURS * 3_600_000);
    expect(kinesisAlarms(other, CONTEXT)[0].resourceName).toBe('acme-orders');
  });

  test('returns [] for other constructs (the delivery streams, the platform, imported streams)', () => {
    expect(kinesisAlarms(ingest.deliveries[0], CONTEXT)).toEqual([]);
    expect(kinesisAlarms(stack, CONTEXT)).toEqual([]);
    expect(kinesisAlarms(AwsPlatform.ofAws(ingest), CONTEXT)).toEqual([]);
    const imported = KinesisStreamingIngest.fromStreamAttributes(stack, 'Existing', {
      streamName: 'existing', streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/existing', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k',
    });
    expect(kinesisAlarms(imported, CONTEXT)).toEqual([]);
  });
});
