import { NetworkPeer } from '../../platform/k8s/network';
import { ResourceRequirements } from '../../platform/k8s/resources';
import { ISecretStore } from '../../secrets/secret-store-contract';
import { ObservabilityCommonProps } from '../observability-props';

/** Suffix of the kube-prometheus-stack release the stack installs: `<namePrefix>-monitoring`. */
export const PROMETHEUS_RELEASE_SUFFIX = 'monitoring';
/**
 * Prometheus pods of an existing kube-prometheus-stack allowed to scrape the pipeline's pods: the
 * Prometheus Operator labels every Prometheus pod `app.kubernetes.io/name: prometheus`; any namespace.
 */
export const EXISTING_PROMETHEUS_PEER: NetworkPeer = { namespaceLabels: {}, podLabels: { 'app.kubernetes.io/name': 'prometheus' } };

/** Where Alertmanager posts notifications: a webhook whose URL is kept in a Kubernetes Secret. */
export interface AlertWebhookOptions {
  /**
   * Secret of the platform namespace holding the webhook URL (create it yourself, for example with
   * `kubectl create secret generic`); Alertmanager reads it as a file (`url_file`), so the URL, which
   * often carries a token, is in neither the chart values nor the Terraform state.
   */
  readonly secretName: string;
  /**
   * Key of the URL in the Secret.
   * @default DEFAULT_ALERT_WEBHOOK_SECRET_KEY ("url")
   */
  readonly secretKey?: string;
  /**
   * Where the receiver is, for Alertmanager's egress NetworkPolicy.
   * @default - any address (`0.0.0.0/0`): a receiver outside the cluster
   */
  readonly peers?: NetworkPeer[];
  /**
   * Port of the receiver.
   * @default DEFAULT_ALERT_WEBHOOK_PORT (443)
   */
  readonly port?: number;
}

/** Kubernetes-only options of an observability stack. */
export interface PrometheusObservabilityOptions {
  /**
   * Install kube-prometheus-stack (Prometheus, Alertmanager, Grafana, kube-state-metrics and the
   * Prometheus Operator) in the platform namespace. Set false to use one that already runs: its
   * Prometheus must select monitors and rules labelled `release: <prometheusReleaseName>`.
   * @default true
   */
  readonly installPrometheusStack?: boolean;
  /**
   * Release name of the kube-prometheus-stack: the one installed, or the existing one
   * (`installPrometheusStack: false`, where it is required). Monitors and rules carry `release: <name>`.
   * @default - `<namePrefix>-monitoring` when installed
   */
  readonly prometheusReleaseName?: string;
  /**
   * Prometheus pods allowed to scrape the pipeline's metrics ports.
   * @default - the installed Prometheus's pods; EXISTING_PROMETHEUS_PEER with an existing stack
   */
  readonly prometheusPeer?: NetworkPeer;
  /**
   * Days Prometheus keeps samples (1 to 3650).
   * @default DEFAULT_PROMETHEUS_RETENTION_DAYS (15)
   */
  readonly retentionDays?: number;
  /**
   * Size of Prometheus's persistent volume, GiB (1 to 16384); Prometheus deletes the oldest blocks
   * when PROMETHEUS_RETENTION_SIZE_PERCENT of it is used.
   * @default DEFAULT_PROMETHEUS_STORAGE_GI (50)
   */
  readonly storageGi?: number;
  /**
   * CPU and memory of Prometheus.
   * @default DEFAULT_PROMETHEUS_RESOURCES (500m / 2Gi requests, 4Gi memory limit)
   */
  readonly prometheusResources?: ResourceRequirements;
  /**
   * Where Alertmanager sends notifications (critical alerts repeat every
   * CRITICAL_REPEAT_INTERVAL_MINUTES, warnings every WARNING_REPEAT_INTERVAL_MINUTES).
   * @default - none: alerts are listed in Alertmanager and Grafana only
   */
  readonly alertWebhook?: AlertWebhookOptions;
  /**
   * Labels alerts are grouped by into one notification.
   * @default DEFAULT_ALERT_GROUP_BY (alertname, namespace, resource)
   */
  readonly alertGroupBy?: string[];
  /**
   * Where Grafana's administrator credential is generated (keys `username` and `password` of its
   * Secret; the password never enters the chart values or the Terraform state).
   * @default - the stack's default SecretStore (`defaultSecretStore`)
   */
  readonly secretStore?: ISecretStore;
  /**
   * Who may open Grafana (port 3000), for example your Gateway's pods. No Ingress is created.
   * @default - nobody: reach Grafana with `kubectl port-forward`
   */
  readonly grafanaClients?: NetworkPeer[];
}

/** Props of {@link PrometheusObservability}. */
export interface PrometheusObservabilityProps extends ObservabilityCommonProps, PrometheusObservabilityOptions {}
