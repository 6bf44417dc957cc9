import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { AlarmComparison } from '../../../../../src/observability/alarm-contract';
import { redshiftAlarms } from '../../../../../src/observability/aws/catalog/redshift';
import {
  REDSHIFT_COMPUTE_CAPACITY_EVALUATION_PERIODS, REDSHIFT_COMPUTE_CAPACITY_PERIOD_SECONDS, REDSHIFT_CPU_EVALUATION_PERIODS,
  REDSHIFT_CPU_PERIOD_SECONDS, REDSHIFT_CPU_THRESHOLD_PERCENT, REDSHIFT_DISK_USED_EVALUATION_PERIODS, REDSHIFT_DISK_USED_PERIOD_SECONDS,
  REDSHIFT_DISK_USED_THRESHOLD_PERCENT, REDSHIFT_HEALTH_EVALUATION_PERIODS, REDSHIFT_HEALTH_PERIOD_SECONDS, REDSHIFT_HEALTH_THRESHOLD,
  REDSHIFT_LONG_QUERY_EVALUATION_PERIODS, REDSHIFT_LONG_QUERY_PERIOD_SECONDS, REDSHIFT_LONG_QUERY_THRESHOLD_MICROSECONDS,
} from '../../../../../src/observability/aws/cloudwatch-alarm-defaults';
import { MIN_SERVERLESS_CAPACITY_RPUS, RedshiftDeployment } from '../../../../../src/warehouse/aws/redshift-deployment';
import { RedshiftWarehouse } from '../../../../../src/warehouse/aws/redshift-warehouse';
import { WarehouseEngine } from '../../../../../src/warehouse/warehouse-contract';
import { warehouseStack } from '../../../warehouse/aws/redshift-fixture';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };
const LONG_QUERY_RANGE = { min: 60_000_000, max: 86_400_000_000, integer: true, unit: 'microseconds' };

function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

describe('Redshift catalog: provisioned cluster', () => {
  const { stack, warehouse } = warehouseStack({ deployment: RedshiftDeployment.provisioned() });
  const specs = redshiftAlarms(warehouse, CONTEXT);
  const plain = specs.map(({ resource: _r, description: _d, ...rest }) => resolve(stack, rest));
  const cluster = plain[0].metric.dimensions.ClusterIdentifier;
  const metric = (metricName: string, statistic: string) => ({ namespace: 'AWS/Redshift', metricName, dimensions: { ClusterIdentifier: cluster }, statistic });
  const common = { resourceName: 'acme-warehouse' };

  test('disk, CPU, health and long queries, by ClusterIdentifier', () => {
    expect(cluster).toMatch(/^\$\{aws_redshift_cluster\.[A-Za-z0-9_-]+\.cluster_identifier\}$/);
    expect(plain).toEqual([
      {
        ...common,
        key: 'redshift-disk-used',
        metric: metric('PercentageDiskSpaceUsed', 'Maximum'),
        threshold: REDSHIFT_DISK_USED_THRESHOLD_PERCENT,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        periodSeconds: REDSHIFT_DISK_USED_PERIOD_SECONDS,
        evaluationPeriods: REDSHIFT_DISK_USED_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 1, max: 100, unit: '%' },
      },
      {
        ...common,
        key: 'redshift-cpu',
        metric: metric('CPUUtilization', 'Average'),
        threshold: REDSHIFT_CPU_THRESHOLD_PERCENT,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        periodSeconds: REDSHIFT_CPU_PERIOD_SECONDS,
        evaluationPeriods: REDSHIFT_CPU_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: 1, max: 100, unit: '%' },
      },
      {
        ...common,
        key: 'redshift-health',
        metric: metric('HealthStatus', 'Minimum'),
        threshold: REDSHIFT_HEALTH_THRESHOLD,
        comparison: AlarmComparison.LESS_THAN,
        periodSeconds: REDSHIFT_HEALTH_PERIOD_SECONDS,
        evaluationPeriods: REDSHIFT_HEALTH_EVALUATION_PERIODS,
        treatMissingData: 'breaching',
        range: { min: 1, max: 1, integer: true, unit: 'healthy (1) / unhealthy (0)' },
      },
      {
        ...common,
        key: 'redshift-long-queries',
        query: `SELECT MAX(QueryDuration) FROM "AWS/Redshift" WHERE ClusterIdentifier = '${cluster}'`,
        threshold: REDSHIFT_LONG_QUERY_THRESHOLD_MICROSECONDS,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: REDSHIFT_LONG_QUERY_PERIOD_SECONDS,
        evaluationPeriods: REDSHIFT_LONG_QUERY_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: LONG_QUERY_RANGE,
      },
    ]);
    for (const spec of specs) {
      expect(spec.resource).toBe(warehouse);
      expect(spec.description).toContain('acme-warehouse');
      expect(spec.description).toContain('Check first');
    }
    expect(REDSHIFT_LONG_QUERY_THRESHOLD_MICROSECONDS).toBe(30 * 60 * 1_000_000);
  });
});

describe('Redshift catalog: Serverless workgroup', () => {
  test('with a max capacity: ComputeCapacity at the ceiling and long queries, by Workgroup', () => {
    const { stack, warehouse } = warehouseStack({ deployment: RedshiftDeployment.serverless({ maxCapacityRpus: 64 }) });
    const specs = redshiftAlarms(warehouse, CONTEXT);
    const plain = specs.map(({ resource: _r, description: _d, ...rest }) => resolve(stack, rest));
    const workgroup = plain[0].metric.dimensions.Workgroup;
    expect(workgroup).toMatch(/^\$\{aws_redshiftserverless_workgroup\.[A-Za-z0-9_-]+\.workgroup_name\}$/);
    expect(plain).toEqual([
      {
        key: 'redshift-compute-capacity',
        resourceName: 'acme-warehouse',
        metric: { namespace: 'AWS/Redshift-Serverless', metricName: 'ComputeCapacity', dimensions: { Workgroup: workgroup }, statistic: 'Maximum' },
        threshold: 64,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        periodSeconds: REDSHIFT_COMPUTE_CAPACITY_PERIOD_SECONDS,
        evaluationPeriods: REDSHIFT_COMPUTE_CAPACITY_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: { min: MIN_SERVERLESS_CAPACITY_RPUS, max: 64, integer: true, unit: 'RPUs' },
      },
      {
        key: 'redshift-long-queries',
        resourceName: 'acme-warehouse',
        query: `SELECT MAX(QueryDuration) FROM "AWS/Redshift-Serverless" WHERE Workgroup = '${workgroup}'`,
        threshold: REDSHIFT_LONG_QUERY_THRESHOLD_MICROSECONDS,
        comparison: AlarmComparison.GREATER_THAN,
        periodSeconds: REDSHIFT_LONG_QUERY_PERIOD_SECONDS,
        evaluationPeriods: REDSHIFT_LONG_QUERY_EVALUATION_PERIODS,
        treatMissingData: 'notBreaching',
        range: LONG_QUERY_RANGE,
      },
    ]);
    expect(specs[0].description).toContain('64 RPU ceiling');
  });

  test('without a max capacity there is no ceiling to alarm on: long queries only', () => {
    const { warehouse } = warehouseStack();
    expect(redshiftAlarms(warehouse, CONTEXT).map((s) => s.key)).toEqual(['redshift-long-queries']);
  });

  test('returns [] for other constructs (an imported warehouse exposes no identifier, the stack)', () => {
    const { stack } = warehouseStack();
    const imported = RedshiftWarehouse.fromRedshiftAttributes(stack, 'Existing', {
      engine: WarehouseEngine.REDSHIFT,
      endpoint: 'existing.abc.eu-west-1.redshift.amazonaws.com',
      clusterIdentifier: 'existing',
      adminSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:admin',
    });
    expect(redshiftAlarms(imported, CONTEXT)).toEqual([]);
    expect(redshiftAlarms(stack, CONTEXT)).toEqual([]);
    expect(redshiftAlarms(stack.node.findChild('Network'), CONTEXT)).toEqual([]);
  });
});
