import { KUBE_PROMETHEUS_STACK_CHART } from '../../../platform/k8s/observability-versions';

/**
 * Label the stack adds to the pods of each component of kube-prometheus-stack, selected by its
 * NetworkPolicies. Its own key: the chart already sets the `app.kubernetes.io/*` labels on its pods,
 * and a second value for one of them would be a duplicate key in the rendered manifests.
 */
export const MONITORING_POD_LABEL = 'observability.cdktf-data-pipelines.io/component';

/** Components of the installed kube-prometheus-stack, by the `app.kubernetes.io/component` label the stack gives their pods. @internal */
export const MONITORING_COMPONENTS = {
  prometheus: 'prometheus',
  alertmanager: 'alertmanager',
  grafana: 'monitoring-grafana',
  operator: 'prometheus-operator',
  kubeStateMetrics: 'kube-state-metrics',
} as const;

/** Pod labels (selectors) of the installed stack's components and of the chart's admission jobs. @internal */
export interface MonitoringPods {
  readonly prometheus: Record<string, string>;
  readonly alertmanager: Record<string, string>;
  readonly grafana: Record<string, string>;
  readonly operator: Record<string, string>;
  readonly kubeStateMetrics: Record<string, string>;
  /** The chart's certificate Jobs of the admission webhook (labels set by the chart). */
  readonly admissionCreate: Record<string, string>;
  readonly admissionPatch: Record<string, string>;
}

/** Selectors of the installed stack's pods. @internal */
export function monitoringPods(release: string): MonitoringPods {
  const of = (component: string) => ({ [MONITORING_POD_LABEL]: component });
  const chart = KUBE_PROMETHEUS_STACK_CHART.chart;
  return {
    prometheus: of(MONITORING_COMPONENTS.prometheus),
    alertmanager: of(MONITORING_COMPONENTS.alertmanager),
    grafana: of(MONITORING_COMPONENTS.grafana),
    operator: of(MONITORING_COMPONENTS.operator),
    kubeStateMetrics: of(MONITORING_COMPONENTS.kubeStateMetrics),
    admissionCreate: { app: `${chart}-admission-create`, release },
    admissionPatch: { app: `${chart}-admission-patch`, release },
  };
}
