import { DefaultTokenResolver, StringConcat, TerraformStack, TerraformVariable, Tokenization } from 'cdktf';
import { SourceEngine } from '../../../../../src/cdc';
import { DEFAULT_RDS_ALLOCATED_STORAGE_GIB, DocumentDbSourceDatabase, MAX_RDS_ALLOCATED_STORAGE_GIB, RdsSourceDatabase } from '../../../../../src/cdc/aws/source';
import { AlarmComparison } from '../../../../../src/observability/alarm-contract';
import { documentDbAlarms } from '../../../../../src/observability/aws/catalog/documentdb';
import { rdsAlarms } from '../../../../../src/observability/aws/catalog/rds';
import {
  RDS_CAPTURE_LOG_EVALUATION_PERIODS, RDS_CAPTURE_LOG_FALLBACK_THRESHOLD_GIB, RDS_CAPTURE_LOG_PERIOD_SECONDS, RDS_CAPTURE_LOG_THRESHOLD_FRACTION,
  RDS_FREE_STORAGE_EVALUATION_PERIODS, RDS_FREE_STORAGE_FALLBACK_THRESHOLD_GIB, RDS_FREE_STORAGE_PERIOD_SECONDS, RDS_FREE_STORAGE_THRESHOLD_FRACTION,
  SOURCE_DB_CPU_EVALUATION_PERIODS, SOURCE_DB_CPU_PERIOD_SECONDS, SOURCE_DB_CPU_THRESHOLD_PERCENT,
} from '../../../../../src/observability/aws/cloudwatch-alarm-defaults';
import { sourceStack } from '../../../cdc/aws/source/source-fixture';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };
const GIB = 1024 ** 3;
const STORAGE_RANGE = { min: 1024 ** 2, max: MAX_RDS_ALLOCATED_STORAGE_GIB * GIB, integer: true, unit: 'bytes' };

function resolve(stack: TerraformStack, value: unknown): any {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

describe('RDS catalog', () => {
  test('the defaults are the documented values', () => {
    expect([SOURCE_DB_CPU_THRESHOLD_PERCENT, SOURCE_DB_CPU_PERIOD_SECONDS, SOURCE_DB_CPU_EVALUATION_PERIODS]).toEqual([90, 300, 3]);
    expect([RDS_FREE_STORAGE_THRESHOLD_FRACTION, RDS_FREE_STORAGE_FALLBACK_THRESHOLD_GIB]).toEqual([0.1, 10]);
    expect([RDS_FREE_STORAGE_PERIOD_SECONDS, RDS_FREE_STORAGE_EVALUATION_PERIODS]).toEqual([300, 2]);
    expect([RDS_CAPTURE_LOG_THRESHOLD_FRACTION, RDS_CAPTURE_LOG_FALLBACK_THRESHOLD_GIB]).toEqual([0.2, 20]);
    expect([RDS_CAPTURE_LOG_PERIOD_SECONDS, RDS_CAPTURE_LOG_EVALUATION_PERIODS]).toEqual([300, 3]);
  });

  describe('PostgreSQL with the defaults: CPU, free storage and replication slot lag, by DBInstanceIdentifier', () => {
    const stack = sourceStack();
    const db = new RdsSourceDatabase(stack, 'Orders', { engine: SourceEngine.POSTGRESQL });
    const specs = rdsAlarms(db, CONTEXT);
    const plain = specs.map(({ resource: _r, description: _d, ...rest }) => resolve(stack, rest));
    const instance = plain[0].metric.dimensions.DBInstanceIdentifier;
    const metric = (metricName: string, statistic: string) => ({ namespace: 'AWS/RDS', metricName, dimensions: { DBInstanceIdentifier: instance }, statistic });
    const common = { resourceName: 'acme-orders', treatMissingData: 'notBreaching' };

    test('the exact specs; storage thresholds are fractions of the allocated storage, in bytes', () => {
      expect(instance).toMatch(/^\$\{aws_db_instance\.[A-Za-z0-9_]+\.identifier\}$/);
      expect(plain).toEqual([
        {
          ...common,
          key: 'rds-cpu',
          metric: metric('CPUUtilization', 'Average'),
          threshold: SOURCE_DB_CPU_THRESHOLD_PERCENT,
          comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
          periodSeconds: SOURCE_DB_CPU_PERIOD_SECONDS,
          evaluationPeriods: SOURCE_DB_CPU_EVALUATION_PERIODS,
          range: { min: 1, max: 100, unit: '%' },
        },
        {
          ...common,
          key: 'rds-free-storage',
          metric: metric('FreeStorageSpace', 'Minimum'),
          threshold: DEFAULT_RDS_ALLOCATED_STORAGE_GIB * RDS_FREE_STORAGE_THRESHOLD_FRACTION * GIB,
          comparison: AlarmComparison.LESS_THAN,
          periodSeconds: RDS_FREE_STORAGE_PERIOD_SECONDS,
          evaluationPeriods: RDS_FREE_STORAGE_EVALUATION_PERIODS,
          range: STORAGE_RANGE,
        },
        {
          ...common,
          key: 'rds-capture-log',
          metric: metric('OldestReplicationSlotLag', 'Maximum'),
          threshold: DEFAULT_RDS_ALLOCATED_STORAGE_GIB * RDS_CAPTURE_LOG_THRESHOLD_FRACTION * GIB,
          comparison: AlarmComparison.GREATER_THAN,
          periodSeconds: RDS_CAPTURE_LOG_PERIOD_SECONDS,
          evaluationPeriods: RDS_CAPTURE_LOG_EVALUATION_PERIODS,
          range: STORAGE_RANGE,
        },
      ]);
      expect(plain[1].threshold).toBe(10 * GIB);
      expect(plain[2].threshold).toBe(20 * GIB);
    });

    test('every spec belongs to the database and says what to check first', () => {
      for (const spec of specs) {
        expect(spec.resource).toBe(db);
        expect(spec.description).toContain('acme-orders');
        expect(spec.description).toMatch(/Check first: .+/);
      }
      expect(specs[2].description).toContain('pg_replication_slots');
    });
  });

  test('MySQL watches the binary logs instead, and the thresholds follow allocatedStorageGiB', () => {
    const stack = sourceStack();
    const db = new RdsSourceDatabase(stack, 'Shop', { engine: SourceEngine.MYSQL, allocatedStorageGiB: 500 });
    const specs = rdsAlarms(db, CONTEXT);
    expect(specs.map((s) => [s.key, s.metric?.metricName, s.threshold])).toEqual([
      ['rds-cpu', 'CPUUtilization', SOURCE_DB_CPU_THRESHOLD_PERCENT],
      ['rds-free-storage', 'FreeStorageSpace', 50 * GIB],
      ['rds-capture-log', 'BinLogDiskUsage', 100 * GIB],
    ]);
    expect(specs[2].description).toContain('binlog retention hours');
  });

  test('storage given as a token (unknown at synth): the documented fallback thresholds', () => {
    const stack = sourceStack();
    const size = new TerraformVariable(stack, 'size', { type: 'number' });
    const db = new RdsSourceDatabase(stack, 'Orders', { engine: SourceEngine.POSTGRESQL, allocatedStorageGiB: size.numberValue });
    expect(rdsAlarms(db, CONTEXT).slice(1).map((s) => [s.key, s.threshold])).toEqual([
      ['rds-free-storage', RDS_FREE_STORAGE_FALLBACK_THRESHOLD_GIB * GIB],
      ['rds-capture-log', RDS_CAPTURE_LOG_FALLBACK_THRESHOLD_GIB * GIB],
    ]);
  });

  test('other constructs get no RDS alarms', () => {
    const stack = sourceStack();
    expect(rdsAlarms(new DocumentDbSourceDatabase(stack, 'Catalog'), CONTEXT)).toEqual([]);
  });
});

describe('DocumentDB catalog', () => {
  const stack = sourceStack();
  const db = new DocumentDbSourceDatabase(stack, 'Catalog');
  const specs = documentDbAlarms(db, CONTEXT);
  const plain = specs.map(({ resource: _r, description: _d, ...rest }) => resolve(stack, rest));

  test('the writer\'s CPU, by cluster and role, so it follows a failover', () => {
    expect(plain).toEqual([{
      key: 'docdb-writer-cpu',
      resourceName: 'acme-catalog',
      metric: {
        namespace: 'AWS/DocDB',
        metricName: 'CPUUtilization',
        dimensions: { DBClusterIdentifier: expect.stringMatching(/^\$\{aws_docdb_cluster\.[A-Za-z0-9_]+\.cluster_identifier\}$/), Role: 'WRITER' },
        statistic: 'Average',
      },
      threshold: SOURCE_DB_CPU_THRESHOLD_PERCENT,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      periodSeconds: SOURCE_DB_CPU_PERIOD_SECONDS,
      evaluationPeriods: SOURCE_DB_CPU_EVALUATION_PERIODS,
      treatMissingData: 'notBreaching',
      range: { min: 1, max: 100, unit: '%' },
    }]);
    expect(specs[0].resource).toBe(db);
    expect(specs[0].description).toMatch(/acme-catalog.*Check first: .+/);
  });

  test('other constructs get no DocumentDB alarms', () => {
    expect(documentDbAlarms(new RdsSourceDatabase(stack, 'Orders', { engine: SourceEngine.POSTGRESQL }), CONTEXT)).toEqual([]);
  });
});
