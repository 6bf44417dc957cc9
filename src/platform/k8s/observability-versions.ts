import { ChartPin } from './versions';

/**
 * Pinned Helm chart of the Kubernetes observability stack. The one place to bump it; see
 * `kubernetes-components.md` in the shared references for where the version comes from.
 */

/**
 * kube-prometheus-stack (Prometheus Operator v0.93.1, Prometheus, Alertmanager, Grafana chart
 * 12.11.1, kube-state-metrics chart 8.4.0), published as an OCI artifact on ghcr.io.
 */
export const KUBE_PROMETHEUS_STACK_CHART: ChartPin = {
  repository: 'oci://ghcr.io/prometheus-community/charts',
  chart: 'kube-prometheus-stack',
  version: '88.5.3',
};
/** Prometheus Operator release of the pinned chart (its appVersion); serves `monitoring.coreos.com/v1`. */
export const PROMETHEUS_OPERATOR_VERSION = 'v0.93.1';
/** API version of ServiceMonitor, PodMonitor and PrometheusRule. */
export const PROMETHEUS_OPERATOR_API_VERSION = 'monitoring.coreos.com/v1';
