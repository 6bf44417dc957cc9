import { IConstruct } from 'constructs';
import { RdsSourceDatabase } from '../../../cdc/aws/source/rds-source-database';
import { MAX_RDS_ALLOCATED_STORAGE_GIB } from '../../../cdc/aws/source/rds-source-database-props';
import { SourceEngine } from '../../../cdc/cdc-contract';
import { isUnresolved } from '../../../core/validate';
import { AlarmComparison } from '../../alarm-contract';
import {
  RDS_CAPTURE_LOG_EVALUATION_PERIODS, RDS_CAPTURE_LOG_FALLBACK_THRESHOLD_GIB, RDS_CAPTURE_LOG_PERIOD_SECONDS, RDS_CAPTURE_LOG_THRESHOLD_FRACTION,
  RDS_FREE_STORAGE_EVALUATION_PERIODS, RDS_FREE_STORAGE_FALLBACK_THRESHOLD_GIB, RDS_FREE_STORAGE_PERIOD_SECONDS, RDS_FREE_STORAGE_THRESHOLD_FRACTION,
  SOURCE_DB_CPU_EVALUATION_PERIODS, SOURCE_DB_CPU_PERIOD_SECONDS, SOURCE_DB_CPU_THRESHOLD_PERCENT,
} from '../cloudwatch-alarm-defaults';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './cloudwatch-alarm-spec';

const GIB = 1024 ** 3;
/** Storage thresholds accepted, bytes: 1 MiB to the largest RDS volume. */
const STORAGE_RANGE = { min: 1024 ** 2, max: MAX_RDS_ALLOCATED_STORAGE_GIB * GIB, integer: true, unit: 'bytes' };

/** The log an engine keeps for change capture, and how to find what holds it back. */
const CAPTURE_LOG: Partial<Record<SourceEngine, { metricName: string; what: string; check: string }>> = {
  [SourceEngine.POSTGRESQL]: {
    metricName: 'OldestReplicationSlotLag',
    what: 'WAL retained by the most lagging replication slot',
    check: 'pg_replication_slots (active, and restart_lsn against pg_current_wal_lsn()): resume the CDC task that owns the slot, or drop a slot '
      + 'no task uses any more.',
  },
  [SourceEngine.MYSQL]: {
    metricName: 'BinLogDiskUsage',
    what: 'disk used by binary logs',
    check: 'the CDC task\'s state and latency, then the binlog retention hours (mysql.rds_show_configuration): binary logs are kept until '
      + 'the capture task has read them.',
  },
};

/** A fraction of the storage allocated at creation, in bytes; the fallback when the size is a token. */
function storageBytes(node: RdsSourceDatabase, fraction: number, fallbackGiB: number): number {
  const allocated = node.instance.allocatedStorageInput;
  if (allocated === undefined || isUnresolved(allocated)) return fallbackGiB * GIB;
  return Math.round(allocated * fraction * GIB);
}

/**
 * Alarms of an RdsSourceDatabase (AWS/RDS, DBInstanceIdentifier): CPU, free storage, and the log held
 * for change capture (PostgreSQL replication slot lag or MySQL binary log usage).
 * @internal
 */
export function rdsAlarms(node: IConstruct, _context: AwsCatalogContext): CloudWatchAlarmSpec[] {
  if (!(node instanceof RdsSourceDatabase)) return [];
  const name = node.identifier;
  const metric = (metricName: string, statistic: string) => ({
    namespace: 'AWS/RDS', metricName, dimensions: { DBInstanceIdentifier: node.instance.identifier }, statistic,
  });
  const common = { resource: node, resourceName: name, treatMissingData: 'notBreaching' as const };
  const specs: CloudWatchAlarmSpec[] = [
    {
      ...common,
      key: 'rds-cpu',
      metric: metric('CPUUtilization', 'Average'),
      threshold: SOURCE_DB_CPU_THRESHOLD_PERCENT,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      periodSeconds: SOURCE_DB_CPU_PERIOD_SECONDS,
      evaluationPeriods: SOURCE_DB_CPU_EVALUATION_PERIODS,
      range: { min: 1, max: 100, unit: '%' },
      description: `RDS ${node.engine} source ${name}: CPU above the threshold for 15 minutes (CPUUtilization); the application and the change `
        + 'capture reading the log both slow down. Check first: Performance Insights top SQL, then the instance class.',
    },
    {
      ...common,
      key: 'rds-free-storage',
      metric: metric('FreeStorageSpace', 'Minimum'),
      threshold: storageBytes(node, RDS_FREE_STORAGE_THRESHOLD_FRACTION, RDS_FREE_STORAGE_FALLBACK_THRESHOLD_GIB),
      comparison: AlarmComparison.LESS_THAN,
      periodSeconds: RDS_FREE_STORAGE_PERIOD_SECONDS,
      evaluationPeriods: RDS_FREE_STORAGE_EVALUATION_PERIODS,
      range: STORAGE_RANGE,
      description: `RDS ${node.engine} source ${name}: free storage below the threshold (FreeStorageSpace), so storage autoscaling did not keep up `
        + 'or reached its ceiling; a full volume stops the database. Check first: the capture-log alarm (a stalled CDC task holds the log), '
        + 'then maxAllocatedStorageGiB.',
    },
  ];
  const log = CAPTURE_LOG[node.engine];
  if (log) {
    specs.push({
      ...common,
      key: 'rds-capture-log',
      metric: metric(log.metricName, 'Maximum'),
      threshold: storageBytes(node, RDS_CAPTURE_LOG_THRESHOLD_FRACTION, RDS_CAPTURE_LOG_FALLBACK_THRESHOLD_GIB),
      comparison: AlarmComparison.GREATER_THAN,
      periodSeconds: RDS_CAPTURE_LOG_PERIOD_SECONDS,
      evaluationPeriods: RDS_CAPTURE_LOG_EVALUATION_PERIODS,
      range: STORAGE_RANGE,
      description: `RDS ${node.engine} source ${name}: ${log.what} is above the threshold (${log.metricName}) for 15 minutes; change capture is `
        + `stopped or behind, and the retained log fills the disk. Check first: ${log.check}`,
    });
  }
  return specs;
}
