import { clusterStack } from './search-fixture';
import { AlarmComparison } from '../../../../src/observability/alarm-contract';
import { opensearchAlarms } from '../../../../src/observability/aws/catalog/opensearch';
import {
  OPENSEARCH_CPU_UTILIZATION_PERCENT, OPENSEARCH_EVENT_ALARM_THRESHOLD, OPENSEARCH_FREE_STORAGE_FRACTION, OPENSEARCH_JVM_MEMORY_PRESSURE_PERCENT,
  OPENSEARCH_MASTER_CPU_UTILIZATION_PERCENT, OPENSEARCH_MASTER_JVM_MEMORY_PRESSURE_PERCENT,
} from '../../../../src/search';

const CONTEXT = { accountId: '123456789012', region: 'eu-west-1' };

describe('the OpenSearch alarm catalog', () => {
  test('without dedicated masters: status, storage, writes, snapshots, CPU, JVM and KMS alarms', () => {
    const { search } = clusterStack({ volumeSizeGiB: 200 });
    const specs = opensearchAlarms(search, CONTEXT);
    expect(specs.map((s) => s.key)).toEqual([
      'opensearch-cluster-red', 'opensearch-cluster-yellow', 'opensearch-free-storage', 'opensearch-index-writes-blocked', 'opensearch-snapshot-failure',
      'opensearch-cpu', 'opensearch-jvm-memory-pressure', 'opensearch-kms-key-error', 'opensearch-kms-key-inaccessible',
    ]);
    specs.forEach((s) => {
      expect(s.metric!.namespace).toBe('AWS/ES');
      expect(s.metric!.dimensions).toEqual({ DomainName: 'acme-search', ClientId: '123456789012' });
      expect(s.resource).toBe(search);
      expect(s.resourceName).toBe('acme-search');
    });
    const byKey = Object.fromEntries(specs.map((s) => [s.key, s]));
    expect(byKey['opensearch-cluster-red']).toEqual(expect.objectContaining({
      threshold: OPENSEARCH_EVENT_ALARM_THRESHOLD, comparison: AlarmComparison.GREATER_THAN_OR_EQUAL, periodSeconds: 60, evaluationPeriods: 1,
    }));
    expect(byKey['opensearch-cluster-red'].metric!.metricName).toBe('ClusterStatus.red');
    expect(byKey['opensearch-cluster-yellow'].metric!.metricName).toBe('ClusterStatus.yellow');
    expect(byKey['opensearch-free-storage']).toEqual(expect.objectContaining({
      threshold: 200 * 1024 * OPENSEARCH_FREE_STORAGE_FRACTION,
      comparison: AlarmComparison.LESS_THAN_OR_EQUAL,
      range: { min: 1, max: 204_800, integer: true, unit: 'MiB' },
    }));
    expect(byKey['opensearch-free-storage'].metric!.statistic).toBe('Minimum');
    expect(byKey['opensearch-cpu']).toEqual(expect.objectContaining({ threshold: OPENSEARCH_CPU_UTILIZATION_PERCENT, periodSeconds: 900, evaluationPeriods: 3 }));
    expect(byKey['opensearch-jvm-memory-pressure']).toEqual(expect.objectContaining({ threshold: OPENSEARCH_JVM_MEMORY_PRESSURE_PERCENT, periodSeconds: 60, evaluationPeriods: 3 }));
    expect(byKey['opensearch-index-writes-blocked'].metric!.metricName).toBe('ClusterIndexWritesBlocked');
    expect(byKey['opensearch-snapshot-failure'].metric!.metricName).toBe('AutomatedSnapshotFailure');
    expect(byKey['opensearch-kms-key-error'].metric!.metricName).toBe('KMSKeyError');
    expect(byKey['opensearch-kms-key-inaccessible'].metric!.metricName).toBe('KMSKeyInaccessible');
  });

  test('with dedicated masters: the master CPU and JVM alarms too', () => {
    const { search } = clusterStack({ dedicatedMasters: { count: 5 } });
    const byKey = Object.fromEntries(opensearchAlarms(search, CONTEXT).map((s) => [s.key, s]));
    expect(byKey['opensearch-master-cpu']).toEqual(expect.objectContaining({ threshold: OPENSEARCH_MASTER_CPU_UTILIZATION_PERCENT, periodSeconds: 900, evaluationPeriods: 3 }));
    expect(byKey['opensearch-master-cpu'].metric!.metricName).toBe('MasterCPUUtilization');
    expect(byKey['opensearch-master-jvm-memory-pressure']).toEqual(expect.objectContaining({ threshold: OPENSEARCH_MASTER_JVM_MEMORY_PRESSURE_PERCENT }));
    expect(byKey['opensearch-master-jvm-memory-pressure'].metric!.metricName).toBe('MasterJVMMemoryPressure');
  });

  test('no alarms for other constructs', () => {
    const { stack } = clusterStack();
    expect(opensearchAlarms(stack, CONTEXT)).toEqual([]);
  });
});
