import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { AwsDataLake } from '../../../../../src/lake/aws/aws-data-lake';
import { AlarmComparison } from '../../../../../src/observability/alarm-contract';
import { glueAlarms } from '../../../../../src/observability/aws/catalog/glue';
import {
  EVENT_ALARM_EVALUATION_PERIODS, EVENT_ALARM_PERIOD_SECONDS, EVENT_ALARM_THRESHOLD,
} from '../../../../../src/observability/aws/cloudwatch-alarm-defaults';
import { awsStack } from '../../../lake/aws/aws-lake-fixture';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };

function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

describe('Glue catalog (AwsDataLake)', () => {
  const stack = awsStack();
  const lake = new AwsDataLake(stack, 'Lake', { zones: [{ name: 'raw' }, { name: 'curated' }] });
  const specs = glueAlarms(lake, CONTEXT);

  test('a crawler failure event alarm per zone crawler, owned by the zone\'s crawler construct', () => {
    expect(specs.map((s) => [s.key, s.resourceName, s.resource.node.path])).toEqual([
      ['glue-crawler-failed', 'acme-raw-crawler', 'test/Lake/Zone-raw/Crawler'],
      ['glue-crawler-failed', 'acme-curated-crawler', 'test/Lake/Zone-curated/Crawler'],
    ]);
    specs.forEach((spec, i) => {
      const { resource: _r, description, ...rest } = spec;
      const crawlerName = resolve(stack, (spec.eventPattern as any).detail.crawlerName[0]);
      expect(crawlerName).toMatch(/^\$\{aws_glue_crawler\.[A-Za-z0-9_-]+\.name\}$/);
      expect(resolve(stack, rest)).toEqual({
        key: 'glue-crawler-failed',
        resourceName: ['acme-raw-crawler', 'acme-curated-crawler'][i],
        eventPattern: {
          'source': ['aws.glue'],
          'detail-type': ['Glue Crawler State Change'],
          'detail': { crawlerName: [crawlerName], state: ['Failed'] },
        },
        threshold: EVENT_ALARM_THRESHOLD,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        periodSeconds: EVENT_ALARM_PERIOD_SECONDS,
        evaluationPeriods: EVENT_ALARM_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 1, max: 100, integer: true, unit: 'events' },
      });
      expect(spec.metric).toBeUndefined();
      expect(description).toContain(`Glue crawler ${spec.resourceName} failed`);
      expect(description).toContain('Check first');
    });
  });

  test('returns [] for other constructs (a zone, an imported lake, the stack)', () => {
    expect(glueAlarms(lake.node.findChild('Zone-raw'), CONTEXT)).toEqual([]);
    expect(glueAlarms(stack, CONTEXT)).toEqual([]);
    const imported = AwsDataLake.fromLakeAttributes(stack, 'Existing', {
      zones: [{ name: 'raw', bucketName: 'existing-raw', databaseName: 'existing_raw', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k' }],
    });
    expect(glueAlarms(imported, CONTEXT)).toEqual([]);
  });
});
