import { GRAFANA_RUN_AS_USER } from '../../../platform/k8s/bi-versions';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import {
  ALERTMANAGER_RETENTION_HOURS, DEFAULT_ALERTMANAGER_RESOURCES, DEFAULT_ALERTMANAGER_STORAGE_GI, DEFAULT_KUBE_STATE_METRICS_RESOURCES,
  DEFAULT_MONITORING_GRAFANA_RESOURCES, DEFAULT_PROMETHEUS_OPERATOR_RESOURCES, PROMETHEUS_RETENTION_SIZE_PERCENT,
  PROMETHEUS_SCRAPE_INTERVAL_SECONDS,
} from '../prometheus-alert-defaults';
import { alertmanagerConfig, WebhookReceiver } from './alertmanager-config';
import { MONITORING_COMPONENTS, MONITORING_POD_LABEL } from './stack-labels';

/** Label and value of the ConfigMaps Grafana's dashboard sidecar loads. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
/** Value of {@link GRAFANA_DASHBOARD_LABEL} (the chart's default). */
export const GRAFANA_DASHBOARD_LABEL_VALUE = '1';
/** User and group Prometheus and Alertmanager run as (the chart's defaults, made explicit). */
export const PROMETHEUS_RUN_AS = { user: 1000, group: 2000 };
/** User and group the operator, kube-state-metrics and the admission jobs run as (`nobody`). */
export const NOBODY = 65534;

/** Inputs of the kube-prometheus-stack values. @internal */
export interface StackValuesInput {
  readonly release: string;
  readonly namespace: string;
  readonly retentionDays: number;
  readonly storageGi: number;
  readonly storageClassName?: string;
  readonly prometheusResources: ResourceRequirements;
  readonly groupBy: string[];
  readonly webhook?: WebhookReceiver;
  readonly grafanaAdminSecret: string;
}

function podLabels(component: string): Record<string, string> {
  return { [MONITORING_POD_LABEL]: component };
}

function volumeClaim(sizeGi: number, storageClassName?: string): Record<string, any> {
  return {
    volumeClaimTemplate: {
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: `${sizeGi}Gi` } },
        ...(storageClassName ? { storageClassName } : {}),
      },
    },
  };
}

const RUN_AS_NOBODY = { ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: NOBODY, runAsGroup: NOBODY, fsGroup: NOBODY };
const PROMETHEUS_POD_SECURITY = {
  ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: PROMETHEUS_RUN_AS.user, runAsGroup: PROMETHEUS_RUN_AS.group, fsGroup: PROMETHEUS_RUN_AS.group,
};

/**
 * Values of kube-prometheus-stack for the pipeline's namespace:
 * - Prometheus selects every ServiceMonitor, PodMonitor, PrometheusRule, Probe and ScrapeConfig of
 *   the platform namespace, labelled or not (`*SelectorNilUsesHelmValues: false` with the namespace
 *   selectors set to that namespace): a warehouse's own PodMonitor is picked up, other teams' are not;
 * - retention by time and by size, a persistent volume, resources, Pod Security "restricted";
 * - Alertmanager with the routes of `alertmanagerConfig`, the webhook Secret mounted, a volume;
 * - Grafana with the administrator from a Secret, anonymous access and sign-up off, no Ingress, its
 *   dashboard sidecar loading ConfigMaps labelled `grafana_dashboard: "1"` of this namespace only;
 * - no node-exporter (it needs host access, which Pod Security "restricted" forbids) and no scraping
 *   of control plane components that managed clusters do not expose (controller manager, scheduler,
 *   etcd, kube-proxy), with their default rules off; kubelet, API server and CoreDNS stay;
 * - kube-state-metrics limited to the platform namespace;
 * - no chart NetworkPolicies: the library's default deny plus explicit allows apply.
 * @internal
 */
export function kubePrometheusStackValues(input: StackValuesInput): Record<string, any> {
  const ownNamespace = { matchLabels: { 'kubernetes.io/metadata.name': input.namespace } };
  const interval = `${PROMETHEUS_SCRAPE_INTERVAL_SECONDS}s`;
  const container = { ...RESTRICTED_CONTAINER_SECURITY_CONTEXT };
  return {
    'fullnameOverride': input.release,
    'crds': { enabled: true },
    'defaultRules': {
      create: true,
      rules: {
        etcd: false,
        kubeControllerManager: false,
        kubeProxy: false,
        kubeSchedulerAlerting: false,
        kubeSchedulerRecording: false,
        node: false,
        nodeExporterAlerting: false,
        nodeExporterRecording: false,
        windows: false,
      },
    },
    'windowsMonitoring': { enabled: false },
    'nodeExporter': { enabled: false },
    'kubeControllerManager': { enabled: false },
    'kubeScheduler': { enabled: false },
    'kubeEtcd': { enabled: false },
    'kubeProxy': { enabled: false },
    'prometheusOperator': {
      resources: toK8sResources(DEFAULT_PROMETHEUS_OPERATOR_RESOURCES),
      podLabels: podLabels(MONITORING_COMPONENTS.operator),
      securityContext: RUN_AS_NOBODY,
      containerSecurityContext: container,
      networkPolicy: { enabled: false },
      admissionWebhooks: {
        enabled: true,
        failurePolicy: 'Fail',
        patch: { securityContext: RUN_AS_NOBODY },
        createSecretJob: { securityContext: container },
        patchWebhookJob: { securityContext: container },
      },
    },
    'kubeStateMetrics': { enabled: true },
    'kube-state-metrics': {
      namespaces: input.namespace,
      podLabels: podLabels(MONITORING_COMPONENTS.kubeStateMetrics),
      resources: toK8sResources(DEFAULT_KUBE_STATE_METRICS_RESOURCES),
      securityContext: { enabled: true, ...RUN_AS_NOBODY },
      containerSecurityContext: container,
    },
    'prometheus': {
      networkPolicy: { enabled: false },
      ingress: { enabled: false },
      service: { type: 'ClusterIP' },
      prometheusSpec: {
        replicas: 1,
        retention: `${input.retentionDays}d`,
        retentionSize: `${Math.floor(input.storageGi * PROMETHEUS_RETENTION_SIZE_PERCENT / 100)}GiB`,
        walCompression: true,
        storageSpec: volumeClaim(input.storageGi, input.storageClassName),
        resources: toK8sResources(input.prometheusResources),
        podMetadata: { labels: podLabels(MONITORING_COMPONENTS.prometheus) },
        securityContext: PROMETHEUS_POD_SECURITY,
        scrapeInterval: interval,
        evaluationInterval: interval,
        ruleSelectorNilUsesHelmValues: false,
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        probeSelectorNilUsesHelmValues: false,
        scrapeConfigSelectorNilUsesHelmValues: false,
        ruleNamespaceSelector: ownNamespace,
        serviceMonitorNamespaceSelector: ownNamespace,
        podMonitorNamespaceSelector: ownNamespace,
        probeNamespaceSelector: ownNamespace,
        scrapeConfigNamespaceSelector: ownNamespace,
      },
    },
    'alertmanager': {
      networkPolicy: { enabled: false },
      ingress: { enabled: false },
      service: { type: 'ClusterIP' },
      config: alertmanagerConfig(input.groupBy, input.webhook),
      alertmanagerSpec: {
        replicas: 1,
        retention: `${ALERTMANAGER_RETENTION_HOURS}h`,
        storage: volumeClaim(DEFAULT_ALERTMANAGER_STORAGE_GI, input.storageClassName),
        resources: toK8sResources(DEFAULT_ALERTMANAGER_RESOURCES),
        podMetadata: { labels: podLabels(MONITORING_COMPONENTS.alertmanager) },
        securityContext: PROMETHEUS_POD_SECURITY,
        secrets: input.webhook ? [input.webhook.secretName] : [],
      },
    },
    'grafana': {
      'admin': { existingSecret: input.grafanaAdminSecret, userKey: 'username', passwordKey: 'password' },
      'ingress': { enabled: false },
      'service': { type: 'ClusterIP' },
      'networkPolicy': { enabled: false },
      'testFramework': { enabled: false },
      'rbac': { namespaced: true },
      'podLabels': podLabels(MONITORING_COMPONENTS.grafana),
      'resources': toK8sResources(DEFAULT_MONITORING_GRAFANA_RESOURCES),
      'securityContext': {
        ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: GRAFANA_RUN_AS_USER, runAsGroup: GRAFANA_RUN_AS_USER, fsGroup: GRAFANA_RUN_AS_USER,
      },
      'containerSecurityContext': { ...container, privileged: false },
      // The root filesystem is read-only; /var/lib/grafana is the chart's emptyDir without persistence.
      'extraEmptyDirMounts': [{ name: 'tmp', mountPath: '/tmp' }],
      'sidecar': {
        securityContext: container,
        dashboards: { enabled: true, label: GRAFANA_DASHBOARD_LABEL, labelValue: GRAFANA_DASHBOARD_LABEL_VALUE, searchNamespace: input.namespace },
        datasources: { enabled: true },
      },
      'grafana.ini': {
        'users': { allow_sign_up: false },
        'auth.anonymous': { enabled: false },
        'analytics': { reporting_enabled: false, check_for_updates: false },
      },
    },
  };
}
