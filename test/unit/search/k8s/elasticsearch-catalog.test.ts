import { Construct } from 'constructs';
import { AlarmComparison } from '../../../../src/observability/alarm-contract';
import { elasticsearchCatalog } from '../../../../src/observability/k8s/catalog/elasticsearch';
import { COUNT_RANGE } from '../../../../src/observability/k8s/catalog/promql';
import {
  DEFAULT_ELASTICSEARCH_DISK_FREE_PERCENT, DEFAULT_ELASTICSEARCH_JVM_HEAP_USED_PERCENT, DEFAULT_ELASTICSEARCH_PENDING_TASKS,
  DEFAULT_ELASTICSEARCH_UNASSIGNED_SHARDS, ELASTICSEARCH_ALERT_FOR_SECONDS, ELASTICSEARCH_EXPORTER_DOWN_FOR_SECONDS, ELASTICSEARCH_RED_FOR_SECONDS,
  ELASTICSEARCH_YELLOW_FOR_SECONDS, ElasticsearchSearchCluster,
} from '../../../../src/search/k8s';
import { platformStack } from '../../../support/kubernetes';

describe('elasticsearchCatalog', () => {
  const stack = platformStack();
  const search = new ElasticsearchSearchCluster(stack, 'Search');
  const result = elasticsearchCatalog(search);
  const m = 'namespace="acme",service="acme-search-es-exporter",cluster="acme-search"';
  const matchers = { namespace: 'acme', service: 'acme-search-es-exporter', cluster: 'acme-search' };
  const common = { resource: search, resourceName: 'acme-search', group: 'elasticsearch' };

  test('the alerts, exactly, filtered to this cluster\'s exporter', () => {
    expect(result.alerts).toEqual([
      {
        ...common,
        key: 'elasticsearch-cluster-red',
        alert: 'ElasticsearchClusterRed',
        expr: `max(elasticsearch_cluster_health_status{${m},color="red"})`,
        matchers,
        threshold: 1,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        range: { min: 1, max: 1, integer: true, unit: 'status (1 = red)' },
        forSeconds: ELASTICSEARCH_RED_FOR_SECONDS,
        severity: 'critical',
        description: expect.stringContaining('primary shard is unassigned'),
      },
      {
        ...common,
        key: 'elasticsearch-cluster-yellow',
        alert: 'ElasticsearchClusterYellow',
        expr: `max(elasticsearch_cluster_health_status{${m},color="yellow"})`,
        matchers,
        threshold: 1,
        comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
        range: { min: 1, max: 1, integer: true, unit: 'status (1 = yellow)' },
        forSeconds: ELASTICSEARCH_YELLOW_FOR_SECONDS,
        severity: 'warning',
        description: expect.stringContaining('Replica shards are unassigned'),
      },
      {
        ...common,
        key: 'elasticsearch-disk-free-low',
        alert: 'ElasticsearchDiskFreeLow',
        expr: `min(elasticsearch_filesystem_data_available_bytes{${m}} / elasticsearch_filesystem_data_size_bytes{${m}}) * 100`,
        matchers,
        threshold: DEFAULT_ELASTICSEARCH_DISK_FREE_PERCENT,
        comparison: AlarmComparison.LESS_THAN,
        range: { min: 1, max: 50, unit: '%' },
        forSeconds: ELASTICSEARCH_ALERT_FOR_SECONDS,
        severity: 'warning',
        description: expect.stringContaining('low disk watermark'),
      },
      {
        ...common,
        key: 'elasticsearch-jvm-heap-high',
        alert: 'ElasticsearchJvmHeapHigh',
        expr: `max(elasticsearch_jvm_memory_used_bytes{${m},area="heap"} / elasticsearch_jvm_memory_max_bytes{${m},area="heap"}) * 100`,
        matchers,
        threshold: DEFAULT_ELASTICSEARCH_JVM_HEAP_USED_PERCENT,
        comparison: AlarmComparison.GREATER_THAN,
        range: { min: 50, max: 99, unit: '%' },
        forSeconds: ELASTICSEARCH_ALERT_FOR_SECONDS,
        severity: 'warning',
        description: expect.stringContaining('JVM heap'),
      },
      {
        ...common,
        key: 'elasticsearch-unassigned-shards',
        alert: 'ElasticsearchUnassignedShards',
        expr: `max(elasticsearch_cluster_health_unassigned_shards{${m}})`,
        matchers,
        threshold: DEFAULT_ELASTICSEARCH_UNASSIGNED_SHARDS,
        comparison: AlarmComparison.GREATER_THAN,
        range: COUNT_RANGE,
        forSeconds: ELASTICSEARCH_ALERT_FOR_SECONDS,
        severity: 'warning',
        description: expect.stringContaining('_cluster/allocation/explain'),
      },
      {
        ...common,
        key: 'elasticsearch-pending-tasks',
        alert: 'ElasticsearchPendingTasks',
        expr: `max(elasticsearch_cluster_health_number_of_pending_tasks{${m}})`,
        matchers,
        threshold: DEFAULT_ELASTICSEARCH_PENDING_TASKS,
        comparison: AlarmComparison.GREATER_THAN,
        range: COUNT_RANGE,
        forSeconds: ELASTICSEARCH_ALERT_FOR_SECONDS,
        severity: 'warning',
        description: expect.stringContaining('_cluster/pending_tasks'),
      },
      {
        ...common,
        key: 'elasticsearch-exporter-down',
        alert: 'ElasticsearchExporterDown',
        expr: '(max(up{namespace="acme",service="acme-search-es-exporter"}) or vector(0))',
        matchers: { namespace: 'acme', service: 'acme-search-es-exporter' },
        threshold: 1,
        comparison: AlarmComparison.LESS_THAN,
        range: { min: 1, max: 1, integer: true, unit: 'up (1 = scraped)' },
        forSeconds: ELASTICSEARCH_EXPORTER_DOWN_FOR_SECONDS,
        severity: 'warning',
        description: expect.stringContaining('exporter'),
      },
    ]);
  });

  test('default thresholds', () => {
    expect(DEFAULT_ELASTICSEARCH_DISK_FREE_PERCENT).toBe(15);
    expect(DEFAULT_ELASTICSEARCH_JVM_HEAP_USED_PERCENT).toBe(85);
    expect(DEFAULT_ELASTICSEARCH_UNASSIGNED_SHARDS).toBe(0);
    expect(DEFAULT_ELASTICSEARCH_PENDING_TASKS).toBe(10);
    const durations = [
      ELASTICSEARCH_RED_FOR_SECONDS, ELASTICSEARCH_YELLOW_FOR_SECONDS, ELASTICSEARCH_ALERT_FOR_SECONDS, ELASTICSEARCH_EXPORTER_DOWN_FOR_SECONDS,
    ];
    expect(durations).toEqual([300, 1800, 900, 300]);
  });

  test('one ServiceMonitor on the exporter\'s Service', () => {
    expect(result.scrapeTargets).toEqual([{
      kind: 'ServiceMonitor',
      name: 'acme-search-es-exporter',
      namespace: 'acme',
      selector: { 'app.kubernetes.io/name': 'elasticsearch-exporter', 'app.kubernetes.io/instance': 'acme-search-es-exporter' },
      endpoints: [{ port: 'metrics', path: '/metrics', interval: '30s' }],
      podLabels: { 'app.kubernetes.io/name': 'elasticsearch-exporter', 'app.kubernetes.io/instance': 'acme-search-es-exporter' },
      port: 9114,
      resource: search,
    }]);
  });

  test('nothing for other constructs, imported clusters included', () => {
    expect(elasticsearchCatalog(new Construct(stack, 'Other'))).toEqual({ alerts: [], scrapeTargets: [] });
    expect(elasticsearchCatalog(ElasticsearchSearchCluster.fromAttributes(stack, 'Imported', { clusterName: 'logs' }))).toEqual({ alerts: [], scrapeTargets: [] });
  });
});
