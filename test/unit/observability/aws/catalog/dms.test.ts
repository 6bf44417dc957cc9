import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import {
  CDC_LATENCY_EVALUATION_PERIODS, CDC_LATENCY_PERIOD_SECONDS, DEFAULT_CDC_LATENCY_THRESHOLD_SECONDS, DMS_METRIC_NAMESPACE,
} from '../../../../../src/cdc/aws/dms/cdc-metric';
import { DmsCapacity } from '../../../../../src/cdc/aws/dms/dms-capacity';
import { AlarmComparison } from '../../../../../src/observability/alarm-contract';
import { dmsAlarms } from '../../../../../src/observability/aws/catalog/dms';
import {
  EVENT_ALARM_EVALUATION_PERIODS, EVENT_ALARM_PERIOD_SECONDS, EVENT_ALARM_THRESHOLD,
} from '../../../../../src/observability/aws/cloudwatch-alarm-defaults';
import { dmsStack } from '../../../cdc/aws/dms/dms-fixture';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };

function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

const FAILURE = {
  threshold: EVENT_ALARM_THRESHOLD,
  comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
  periodSeconds: EVENT_ALARM_PERIOD_SECONDS,
  evaluationPeriods: EVENT_ALARM_EVALUATION_PERIODS,
  treatMissingData: 'notBreaching',
  range: { min: 1, max: 100, integer: true, unit: 'events' },
};

describe('DMS catalog: replication instance and task', () => {
  const { stack, cdc } = dmsStack();
  const specs = dmsAlarms(cdc, CONTEXT);
  const plain = specs.map(({ resource: _r, description: _d, ...rest }) => resolve(stack, rest));

  test('the CDC latency metrics of DmsCdcSource.metrics(), with its dimensions and recommended thresholds', () => {
    const metrics = cdc.metrics();
    expect(metrics).toHaveLength(2);
    const latency = (key: string, i: number) => ({
      key,
      resourceName: 'acme-orders',
      treatMissingData: 'notBreaching',
      metric: { namespace: DMS_METRIC_NAMESPACE, metricName: metrics[i].metricName, dimensions: resolve(stack, metrics[i].dimensions), statistic: 'Maximum' },
      threshold: DEFAULT_CDC_LATENCY_THRESHOLD_SECONDS,
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: CDC_LATENCY_PERIOD_SECONDS,
      evaluationPeriods: CDC_LATENCY_EVALUATION_PERIODS,
      range: { min: 1, max: 86_400, integer: true, unit: 'seconds' },
    });
    expect(plain.slice(0, 2)).toEqual([latency('dms-cdc-latency-source', 0), latency('dms-cdc-latency-target', 1)]);
    expect(Object.keys(plain[0].metric.dimensions)).toEqual(['ReplicationInstanceIdentifier', 'ReplicationTaskIdentifier']);
    expect(specs[0].description).toContain('DMS capture acme-orders: seconds DMS is behind the source database\'s log exceeded the threshold');
    expect(specs[1].description).toContain('Check first');
  });

  test('a failure event alarm on the task ARN (REPLICATION_TASK_FAILED)', () => {
    const taskArn = resolve(stack, cdc.replicationArn);
    expect(taskArn).toMatch(/^\$\{aws_dms_replication_task\.[A-Za-z0-9_-]+\.replication_task_arn\}$/);
    expect(plain[2]).toEqual({
      key: 'dms-replication-failed',
      resourceName: 'acme-orders',
      eventPattern: {
        'source': ['aws.dms'],
        'detail-type': ['DMS Replication Task State Change'],
        'resources': [taskArn],
        'detail': { eventType: ['REPLICATION_TASK_FAILED'] },
      },
      ...FAILURE,
    });
    expect(specs[2].metric).toBeUndefined();
    expect(specs[2].description).toContain('the replication task failed');
    for (const spec of specs) expect(spec.resource).toBe(cdc);
  });

  test('returns [] for other constructs (the target stream, the stack)', () => {
    const target = stack.node.findChild('Changes');
    expect(dmsAlarms(target, CONTEXT)).toEqual([]);
    expect(dmsAlarms(stack, CONTEXT)).toEqual([]);
  });
});

describe('DMS catalog: DMS Serverless', () => {
  test('no latency metric (metrics() lists none) and a failure event alarm on the replication config ARN (REPLICATION_FAILED)', () => {
    const { stack, cdc } = dmsStack({ capacity: DmsCapacity.serverless() });
    const specs = dmsAlarms(cdc, CONTEXT);
    expect(cdc.metrics()).toEqual([]);
    expect(specs).toHaveLength(1);
    const configArn = resolve(stack, cdc.replicationArn);
    expect(configArn).toMatch(/^\$\{aws_dms_replication_config\.[A-Za-z0-9_-]+\.arn\}$/);
    const { resource, description, ...rest } = specs[0];
    expect(resource).toBe(cdc);
    expect(description).toContain('the serverless replication failed (REPLICATION_FAILED)');
    expect(resolve(stack, rest)).toEqual({
      key: 'dms-replication-failed',
      resourceName: 'acme-orders',
      eventPattern: {
        'source': ['aws.dms'],
        'detail-type': ['DMS Replication State Change'],
        'resources': [configArn],
        'detail': { eventType: ['REPLICATION_FAILED'] },
      },
      ...FAILURE,
    });
  });
});
