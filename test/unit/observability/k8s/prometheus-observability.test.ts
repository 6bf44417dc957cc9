import { inspect, pipelineStack } from './observability-fixture';
import { AlarmBackend, AlarmComparison } from '../../../../src/observability/alarm-contract';
import {
  CRITICAL_REPEAT_INTERVAL_MINUTES, DEFAULT_ALERT_GROUP_BY, DEFAULT_PROMETHEUS_RETENTION_DAYS, DEFAULT_PROMETHEUS_STORAGE_GI,
  KAFKA_CONNECT_FAILED_FOR_SECONDS, KAFKA_CONSUMER_LAG_FOR_SECONDS, KAFKA_CONSUMER_LAG_THRESHOLD, KAFKA_UNDER_REPLICATED_FOR_SECONDS,
  POSTGRES_INSTANCES_DOWN_FOR_SECONDS, PROMETHEUS_RETENTION_SIZE_PERCENT, WARNING_REPEAT_INTERVAL_MINUTES,
} from '../../../../src/observability/k8s';
import { KUBE_PROMETHEUS_STACK_CHART } from '../../../../src/platform/k8s/observability-versions';
import { WarehouseMonitoring } from '../../../../src/warehouse/k8s';

/** Every rule of the fixture: `<resource path> <key> <alert>`. */
const EXPECTED_RULES = [
  'test/DebeziumConnect-acme-kafka/KafkaConnect kafka-connect-failed-connectors KafkaConnectFailedConnectors',
  'test/DebeziumConnect-acme-kafka/KafkaConnect kafka-connect-failed-tasks KafkaConnectFailedTasks',
  'test/DebeziumConnect-acme-kafka/KafkaConnect kafka-connect-workers-down KafkaConnectWorkersDown',
  'test/KafkaCluster kafka-active-controller KafkaNoActiveController',
  'test/KafkaCluster kafka-broker-disk-usage KafkaBrokerDiskUsageHigh',
  'test/KafkaCluster kafka-brokers-down KafkaBrokersDown',
  'test/KafkaCluster kafka-controllers-down KafkaControllersDown',
  'test/KafkaCluster kafka-offline-partitions KafkaOfflinePartitions',
  'test/KafkaCluster kafka-under-min-isr-partitions KafkaUnderMinIsrPartitions',
  'test/KafkaCluster kafka-under-replicated-partitions KafkaUnderReplicatedPartitions',
  'test/Orders kafka-consumer-lag KafkaConsumerGroupLagHigh',
  'test/OrdersDb postgres-connections PostgresConnectionsNearMax',
  'test/OrdersDb postgres-disk-usage PostgresDiskUsageHigh',
  'test/OrdersDb postgres-instances-down PostgresInstancesDown',
  'test/OrdersDb postgres-replicas-not-streaming PostgresReplicasNotStreaming',
  'test/OrdersDb postgres-replication-lag PostgresReplicationLagHigh',
  'test/ShopDb mysql-source-disk-usage MySqlSourceDiskUsageHigh',
  'test/ShopDb mysql-source-down MySqlSourceDown',
  'test/Warehouse postgres-connections PostgresConnectionsNearMax',
  'test/Warehouse postgres-disk-usage PostgresDiskUsageHigh',
  'test/Warehouse postgres-instances-down PostgresInstancesDown',
];

const KAFKA = 'namespace="acme",strimzi_io_cluster="acme-kafka",strimzi_io_name="acme-kafka-kafka"';
const CONNECT = 'namespace="acme",strimzi_io_cluster="acme-kafka-cdc",strimzi_io_kind="KafkaConnect"';

function rulesOf(out: ReturnType<typeof inspect>): Record<string, any>[] {
  return out.ofKind('PrometheusRule').flatMap((r: any) => r.spec.groups.flatMap((g: any) => g.rules.map((rule: any) => ({ ...rule, group: g.name }))));
}

describe('PrometheusObservability: rules for one of each Kubernetes pipeline construct', () => {
  test('alarms() lists exactly the catalog rules of every watched resource, sorted by resource then key', () => {
    const { observability } = pipelineStack();
    expect(observability.backend).toBe(AlarmBackend.PROMETHEUS);
    expect(observability.alarms().map((a) => `${a.resource} ${a.key} ${a.name}`)).toEqual(EXPECTED_RULES);
  });

  test('metrics, matchers, thresholds and durations of the rules', () => {
    const { observability } = pipelineStack();
    const alarm = (resource: string, key: string) => observability.alarms().find((a) => a.resource === resource && a.key === key)!;
    expect(alarm('test/Orders', 'kafka-consumer-lag')).toEqual({
      key: 'kafka-consumer-lag',
      name: 'KafkaConsumerGroupLagHigh',
      backend: AlarmBackend.PROMETHEUS,
      metric: 'max(sum by (consumergroup) (kafka_consumergroup_lag{namespace="acme",strimzi_io_cluster="acme-kafka",strimzi_io_name="acme-kafka-kafka-exporter",topic="acme-orders"}))',
      dimensions: { namespace: 'acme', strimzi_io_cluster: 'acme-kafka', strimzi_io_name: 'acme-kafka-kafka-exporter', topic: 'acme-orders' },
      threshold: KAFKA_CONSUMER_LAG_THRESHOLD,
      comparison: AlarmComparison.GREATER_THAN,
      durationSeconds: KAFKA_CONSUMER_LAG_FOR_SECONDS,
      resource: 'test/Orders',
      description: 'A consumer group (a Connect sink, an application) falls behind the topic: check its consumers and their errors.',
    });
    const under = alarm('test/KafkaCluster', 'kafka-under-replicated-partitions');
    expect([under.metric, under.threshold, under.comparison, under.durationSeconds]).toEqual([
      `sum(kafka_server_replicamanager_underreplicatedpartitions{${KAFKA}})`, 0, '>', KAFKA_UNDER_REPLICATED_FOR_SECONDS,
    ]);
    expect(alarm('test/KafkaCluster', 'kafka-offline-partitions').metric).toBe(`max(kafka_controller_kafkacontroller_offlinepartitionscount{${KAFKA}})`);
    expect(alarm('test/KafkaCluster', 'kafka-brokers-down')).toMatchObject({
      metric: '(sum(up{namespace="acme",strimzi_io_cluster="acme-kafka",strimzi_io_pool_name="broker"}) or vector(0))',
      threshold: 3,
      comparison: '<',
    });
    expect(alarm('test/DebeziumConnect-acme-kafka/KafkaConnect', 'kafka-connect-failed-tasks')).toMatchObject({
      metric: `sum(kafka_connect_connect_worker_metrics_connector_failed_task_count{${CONNECT}})`,
      threshold: 0,
      durationSeconds: KAFKA_CONNECT_FAILED_FOR_SECONDS,
    });
    expect(alarm('test/DebeziumConnect-acme-kafka/KafkaConnect', 'kafka-connect-failed-connectors').metric).toBe(
      `(count(kafka_connect_connector_metrics_status_info{${CONNECT},status="failed"}) or vector(0))`,
    );
    expect(alarm('test/Warehouse', 'postgres-instances-down')).toMatchObject({
      metric: '(sum(cnpg_collector_up{namespace="acme",pod=~"acme-warehouse-[0-9]+"}) or vector(0))',
      dimensions: { 'namespace': 'acme', 'pod=~': 'acme-warehouse-[0-9]+' },
      threshold: 1,
      durationSeconds: POSTGRES_INSTANCES_DOWN_FOR_SECONDS,
    });
    expect(alarm('test/OrdersDb', 'postgres-replicas-not-streaming')).toMatchObject({ threshold: 2, comparison: '<' });
    expect(alarm('test/ShopDb', 'mysql-source-down').metric).toBe(
      '(sum(kube_statefulset_status_replicas_ready{namespace="acme",statefulset="acme-shop-db"}) or vector(0))',
    );
  });

  test('PrometheusRules per component, one rule group per resource, labelled for the release', () => {
    const out = inspect(pipelineStack().stack);
    const rules = out.ofKind('PrometheusRule');
    expect(rules.map((r: any) => r.metadata.name)).toEqual(['acme-cdc-source', 'acme-kafka', 'acme-kafka-connect', 'acme-postgresql']);
    expect(rules[1].metadata.labels).toMatchObject({ 'release': 'acme-monitoring', 'app.kubernetes.io/part-of': 'acme' });
    expect(rules[1].spec.groups.map((g: any) => g.name)).toEqual(['kafka.acme-kafka', 'kafka.acme-orders']);
    expect(rules[3].spec.groups.map((g: any) => g.name)).toEqual(['postgresql.acme-orders-db', 'postgresql.acme-warehouse']);
    const under = rulesOf(out).find((r) => r.alert === 'KafkaUnderReplicatedPartitions')!;
    expect(under).toEqual({
      group: 'kafka.acme-kafka',
      alert: 'KafkaUnderReplicatedPartitions',
      expr: `sum(kafka_server_replicamanager_underreplicatedpartitions{${KAFKA}}) > 0`,
      for: '5m',
      labels: { severity: 'warning', namespace: 'acme', resource: 'acme-kafka', alarm: 'kafka-under-replicated-partitions' },
      annotations: {
        summary: 'KafkaUnderReplicatedPartitions on acme-kafka',
        description: 'Partitions have fewer in-sync replicas than their replication factor: a broker is down, slow or out of disk. '
          + '(value {{ $value }}, threshold > 0; resource test/KafkaCluster)',
      },
    });
    expect(rulesOf(out)).toHaveLength(EXPECTED_RULES.length);
    const release = out.release('acme-monitoring-pipeline');
    expect(release.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^helm_release\.Observability_Chart_Release_/)]));
  });

  test('PodMonitors for Kafka, the Kafka Exporter, Connect and each CloudNativePG cluster', () => {
    const out = inspect(pipelineStack().stack);
    const monitors = out.ofKind('PodMonitor');
    expect(monitors.map((m: any) => m.metadata.name)).toEqual([
      'acme-kafka-kafka', 'acme-kafka-kafka-exporter', 'acme-orders-db', 'acme-kafka-cdc', 'acme-warehouse',
    ]);
    const warehouse = monitors.find((m: any) => m.metadata.name === 'acme-warehouse');
    expect(warehouse.spec).toEqual({
      selector: { matchLabels: { 'cnpg.io/cluster': 'acme-warehouse', 'cnpg.io/podRole': 'instance' } },
      namespaceSelector: { matchNames: ['acme'] },
      podMetricsEndpoints: [{
        port: 'metrics', scheme: 'https', tlsConfig: { ca: { secret: { name: 'acme-warehouse-ca', key: 'ca.crt' } }, serverName: 'acme-warehouse-rw' },
      }],
    });
    expect(monitors.find((m: any) => m.metadata.name === 'acme-orders-db').spec.podMetricsEndpoints).toEqual([{ port: 'metrics' }]);
    expect(monitors.find((m: any) => m.metadata.name === 'acme-kafka-cdc').spec.podMetricsEndpoints[0]).toMatchObject({ port: 'tcp-prometheus' });
  });

  test('Kafka gets a Kafka Exporter and Connect the Strimzi metrics reporter', () => {
    const out = inspect(pipelineStack().stack);
    expect(out.ofKind('Kafka')[0].spec.kafkaExporter).toEqual({
      groupRegex: '.*', topicRegex: '.*', resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    });
    expect(out.ofKind('KafkaConnect')[0].spec.metricsConfig).toEqual({ type: 'strimziMetricsReporter' });
  });

  test('a warehouse with its own PodMonitor gets no second one, and still its rules', () => {
    const { stack, observability } = pipelineStack({}, { warehouseMonitoring: WarehouseMonitoring.podMonitor() });
    const out = inspect(stack);
    const warehouseMonitors = out.ofKind('PodMonitor').filter((m: any) => m.metadata.name === 'acme-warehouse');
    expect(warehouseMonitors).toHaveLength(1);
    expect(warehouseMonitors[0].metadata.labels.release).toBeUndefined();
    expect(out.policy('allow-scrape-acme-warehouse')).toBeUndefined();
    expect(observability.alarms().filter((a) => a.resource === 'test/Warehouse').map((a) => a.key)).toEqual([
      'postgres-connections', 'postgres-disk-usage', 'postgres-instances-down',
    ]);
    // Prometheus still reaches the instances' metrics port.
    expect(out.policy('allow-acme-monitoring-prometheus-scrape').spec.egress[0].ports.map((p: any) => p.port)).toContain('9187');
  });
});

describe('PrometheusObservability: kube-prometheus-stack', () => {
  test('the pinned chart with namespace-wide selectors, retention, storage and hardened components', () => {
    const out = inspect(pipelineStack().stack);
    const release = out.release('acme-monitoring');
    expect([release.repository, release.chart, release.version]).toEqual([
      'oci://ghcr.io/prometheus-community/charts', 'kube-prometheus-stack', KUBE_PROMETHEUS_STACK_CHART.version,
    ]);
    const values = out.values('acme-monitoring');
    const spec = values.prometheus.prometheusSpec;
    const ownNamespace = { matchLabels: { 'kubernetes.io/metadata.name': 'acme' } };
    for (const kind of ['rule', 'serviceMonitor', 'podMonitor', 'probe', 'scrapeConfig']) {
      expect(spec[`${kind}SelectorNilUsesHelmValues`]).toBe(false);
      expect(spec[`${kind}NamespaceSelector`]).toEqual(ownNamespace);
    }
    expect(spec.retention).toBe(`${DEFAULT_PROMETHEUS_RETENTION_DAYS}d`);
    expect(spec.retentionSize).toBe(`${Math.floor(DEFAULT_PROMETHEUS_STORAGE_GI * PROMETHEUS_RETENTION_SIZE_PERCENT / 100)}GiB`);
    expect(spec.storageSpec).toEqual({
      volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${DEFAULT_PROMETHEUS_STORAGE_GI}Gi` } } } },
    });
    expect(spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 1000, runAsGroup: 2000, fsGroup: 2000 });
    expect(values.nodeExporter).toEqual({ enabled: false });
    expect(values.prometheus.ingress).toEqual({ enabled: false });
    expect(values.grafana.ingress).toEqual({ enabled: false });
    expect(values.grafana.admin).toEqual({ existingSecret: 'acme-monitoring-grafana-admin', userKey: 'username', passwordKey: 'password' });
    expect(values.grafana.sidecar.dashboards).toEqual({ enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'acme' });
    expect(values['kube-state-metrics'].namespaces).toBe('acme');
    expect(JSON.stringify(values)).not.toMatch(/adminPassword/);
  });

  test('Alertmanager: severity routes to a webhook whose URL is read from its Secret', () => {
    const out = inspect(pipelineStack({ alertWebhook: { secretName: 'pager-webhook' } }).stack);
    const am = out.values('acme-monitoring').alertmanager;
    expect(am.alertmanagerSpec.secrets).toEqual(['pager-webhook']);
    expect(am.config.receivers).toEqual([
      { name: 'null' },
      { name: 'webhook', webhook_configs: [{ url_file: '/etc/alertmanager/secrets/pager-webhook/url', send_resolved: true }] },
    ]);
    expect(am.config.route).toMatchObject({ receiver: 'webhook', group_by: DEFAULT_ALERT_GROUP_BY });
    expect(am.config.route.routes).toEqual([
      { receiver: 'null', matchers: ['alertname = "Watchdog"'] },
      { receiver: 'webhook', matchers: ['severity = "critical"'], repeat_interval: `${CRITICAL_REPEAT_INTERVAL_MINUTES}m` },
      { receiver: 'webhook', matchers: ['severity = "warning"'], repeat_interval: `${WARNING_REPEAT_INTERVAL_MINUTES}m` },
    ]);
    expect(out.policy('allow-acme-monitoring-alertmanager').spec.egress).toEqual([
      { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] },
    ]);
  });

  test('without a webhook, alerts go nowhere and Alertmanager opens no connection', () => {
    const out = inspect(pipelineStack().stack);
    const am = out.values('acme-monitoring').alertmanager;
    expect(am.config.route.receiver).toBe('null');
    expect(am.config.receivers).toEqual([{ name: 'null' }]);
    expect(out.policy('allow-acme-monitoring-alertmanager').spec.policy_types).toEqual(['Ingress']);
  });
});

describe('PrometheusObservability: NetworkPolicies', () => {
  test('each scrape target admits the installed Prometheus on its metrics port; Prometheus may reach those ports', () => {
    const out = inspect(pipelineStack().stack);
    const prometheus = { 'observability.cdktf-data-pipelines.io/component': 'prometheus' };
    const kafka = out.policy('allow-scrape-acme-kafka-kafka').spec;
    expect(kafka.pod_selector.match_labels).toEqual({ 'strimzi.io/cluster': 'acme-kafka', 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': 'acme-kafka-kafka' });
    expect(kafka.ingress).toEqual([{ from: [{ pod_selector: { match_labels: prometheus } }], ports: [{ port: '9404', protocol: 'TCP' }] }]);
    expect(out.policy('allow-scrape-acme-warehouse').spec.ingress[0].ports).toEqual([{ port: '9187', protocol: 'TCP' }]);
    expect(out.policy('allow-scrape-acme-kafka-kafka-exporter')).toBeDefined();
    expect(out.policy('allow-scrape-acme-kafka-cdc')).toBeDefined();
    const egress = out.policy('allow-acme-monitoring-prometheus-scrape').spec;
    expect(egress.pod_selector.match_labels).toEqual(prometheus);
    expect(egress.egress).toEqual([{ to: [{ pod_selector: { match_labels: {} } }], ports: [{ port: '9187', protocol: 'TCP' }, { port: '9404', protocol: 'TCP' }] }]);
    expect(out.policy('allow-acme-monitoring-prometheus').spec.egress[0]).toEqual({
      to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }, { port: '6443', protocol: 'TCP' }],
    });
    for (const name of ['grafana', 'operator', 'kube-state-metrics', 'admission-create', 'admission-patch']) {
      expect(out.policy(`allow-acme-monitoring-${name}`)).toBeDefined();
    }
  });

  test('the Kafka Exporter reaches the brokers on the replication listener', () => {
    const out = inspect(pipelineStack().stack);
    expect(out.policy('allow-acme-kafka-kafka-exporter').spec.egress[0].ports).toEqual([{ port: '9091', protocol: 'TCP' }]);
    expect(out.policy('allow-acme-kafka-kafka-from-exporter').spec.ingress[0].from).toEqual([
      { pod_selector: { match_labels: { 'strimzi.io/cluster': 'acme-kafka', 'strimzi.io/name': 'acme-kafka-kafka-exporter' } } },
    ]);
  });
});

describe('PrometheusObservability: dashboards', () => {
  test('one ConfigMap per component plus the alarms overview, labelled for the sidecar, JSON parses', () => {
    const { stack, observability } = pipelineStack();
    const out = inspect(stack);
    const maps = Object.values<any>(out.out.resources('kubernetes_config_map_v1')).filter((m) => m.metadata.labels?.grafana_dashboard === '1');
    expect(maps.map((m) => m.metadata.name).sort()).toEqual([
      'acme-dashboard-alarms', 'acme-dashboard-cdc-source', 'acme-dashboard-kafka', 'acme-dashboard-kafka-connect', 'acme-dashboard-postgresql',
    ]);
    const map = (name: string) => maps.find((m) => m.metadata.name === `acme-dashboard-${name}`);
    const kafka = JSON.parse(map('kafka').data['kafka.json'].replace(/\$\$\{/g, '${'));
    expect(kafka.title).toBe('acme kafka');
    expect(kafka.templating.list[0]).toMatchObject({ name: 'datasource', type: 'datasource', query: 'prometheus' });
    const exprs = kafka.panels.map((p: any) => p.targets[0].expr);
    const kafkaAlarms = observability.alarms().filter((a) => a.resource === 'test/KafkaCluster' || a.resource === 'test/Orders');
    expect([...exprs].sort()).toEqual(kafkaAlarms.map((a) => a.metric).sort());
    expect(kafka.panels[0].datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
    const overview = JSON.parse(map('alarms').data['alarms.json'].replace(/\$\$\{/g, '${'));
    expect(overview.panels.map((p: any) => p.title)).toEqual(['Firing alerts', 'Firing alerts by resource', 'Rules']);
    expect(overview.panels[2].options.content.split('\n')).toHaveLength(EXPECTED_RULES.length + 2);
  });
});
