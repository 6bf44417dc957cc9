import { Construct } from 'constructs';
import { MonitoringPods } from './stack-labels';
import { ITerraformDependable } from '../../../core/cdktf';
import { boundedObjectName } from '../../../core/naming';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS, NetworkPeer, NetworkRule } from '../../../platform/k8s/network';
import { ScrapeTargetSpec } from '../catalog/prometheus-alert-spec';

/** Ports of the installed stack's components. */
export const MONITORING_PORTS = {
  prometheus: 9090,
  alertmanager: 9093,
  grafana: 3000,
  /** The Prometheus Operator's HTTPS port: metrics and the admission webhook. */
  operator: 10250,
  kubeStateMetrics: 8080,
  kubeStateMetricsSelf: 8081,
  /** The config reloader sidecars' metrics. */
  configReloader: 8080,
  /** Kubelets (node addresses), scraped for container and volume metrics. */
  kubelet: 10250,
  /** CoreDNS's metrics. */
  coreDns: 9153,
} as const;

const API: NetworkRule = { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS };
/** Kubelets listen on node addresses, which NetworkPolicy cannot select by label. */
const KUBELETS: NetworkRule = { peers: [{ cidr: '0.0.0.0/0' }], ports: [{ port: MONITORING_PORTS.kubelet }] };
const CORE_DNS: NetworkPeer = { namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' }, podLabels: { 'k8s-app': 'kube-dns' } };

/** Options of the installed stack's NetworkPolicies. @internal */
export interface StackNetworkInput {
  readonly release: string;
  readonly pods: MonitoringPods;
  /** Where the webhook receiver is, when there is one. */
  readonly webhook?: NetworkRule;
  readonly grafanaClients: NetworkPeer[];
}

/**
 * The NetworkPolicies of the installed kube-prometheus-stack on top of the namespace's default deny:
 * Prometheus -> Kubernetes API (discovery), kubelets, CoreDNS, Alertmanager and the stack's own
 * metrics endpoints; Grafana -> Prometheus, Alertmanager and the API (its dashboard sidecar);
 * the operator <- API server (admission webhook) and -> API; kube-state-metrics -> API; the
 * admission certificate Jobs -> API; Alertmanager -> the webhook. Returns them, so the release is
 * applied after them (the chart's hook Jobs run first).
 * @internal
 */
export function allowStackTraffic(scope: Construct, input: StackNetworkInput): ITerraformDependable[] {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const { pods, release } = input;
  const p = MONITORING_PORTS;
  const peer = (labels: Record<string, string>): NetworkPeer => ({ podLabels: labels });
  const policies = [
    platform.allowTraffic(scope, `allow-${release}-prometheus`, {
      podLabels: pods.prometheus,
      ingress: [
        { peers: [peer(pods.grafana), peer(pods.prometheus)], ports: [{ port: p.prometheus }] },
        { peers: [peer(pods.prometheus)], ports: [{ port: p.configReloader }] },
      ],
      egress: [
        API,
        KUBELETS,
        { peers: [CORE_DNS], ports: [{ port: p.coreDns }] },
        { peers: [peer(pods.prometheus)], ports: [{ port: p.prometheus }, { port: p.configReloader }] },
        { peers: [peer(pods.alertmanager)], ports: [{ port: p.alertmanager }, { port: p.configReloader }] },
        { peers: [peer(pods.grafana)], ports: [{ port: p.grafana }] },
        { peers: [peer(pods.operator)], ports: [{ port: p.operator }] },
        { peers: [peer(pods.kubeStateMetrics)], ports: [{ port: p.kubeStateMetrics }, { port: p.kubeStateMetricsSelf }] },
      ],
    }),
    platform.allowTraffic(scope, `allow-${release}-alertmanager`, {
      podLabels: pods.alertmanager,
      ingress: [{ peers: [peer(pods.prometheus), peer(pods.grafana)], ports: [{ port: p.alertmanager }, { port: p.configReloader }] }],
      ...(input.webhook ? { egress: [input.webhook] } : {}),
    }),
    platform.allowTraffic(scope, `allow-${release}-grafana`, {
      podLabels: pods.grafana,
      ingress: [
        { peers: [peer(pods.prometheus)], ports: [{ port: p.grafana }] },
        ...(input.grafanaClients.length > 0 ? [{ peers: input.grafanaClients, ports: [{ port: p.grafana }] }] : []),
      ],
      egress: [
        API,
        { peers: [peer(pods.prometheus)], ports: [{ port: p.prometheus }] },
        { peers: [peer(pods.alertmanager)], ports: [{ port: p.alertmanager }] },
      ],
    }),
    platform.allowTraffic(scope, `allow-${release}-operator`, {
      podLabels: pods.operator,
      ingress: [{ peers: [KUBERNETES_API_PEER, peer(pods.prometheus)], ports: [{ port: p.operator }] }],
      egress: [API],
    }),
    platform.allowTraffic(scope, `allow-${release}-kube-state-metrics`, {
      podLabels: pods.kubeStateMetrics,
      ingress: [{ peers: [peer(pods.prometheus)], ports: [{ port: p.kubeStateMetrics }, { port: p.kubeStateMetricsSelf }] }],
      egress: [API],
    }),
    platform.allowTraffic(scope, boundedObjectName(`allow-${release}-admission-create`), { podLabels: pods.admissionCreate, egress: [API] }),
    platform.allowTraffic(scope, boundedObjectName(`allow-${release}-admission-patch`), { podLabels: pods.admissionPatch, egress: [API] }),
  ];
  return policies;
}

/**
 * Per scrape target, a NetworkPolicy admitting `prometheus` on the target pods' metrics port; and,
 * for an installed Prometheus, one egress policy from it to those ports (plus `extraPorts`) of the
 * namespace's pods.
 * @internal
 */
export function allowScraping(
  scope: Construct, targets: ScrapeTargetSpec[], prometheus: NetworkPeer, installed?: { release: string; pods: MonitoringPods; extraPorts: number[] },
): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  for (const target of targets) {
    platform.allowTraffic(scope, boundedObjectName(`allow-scrape-${target.name}`), {
      podLabels: target.podLabels,
      ingress: [{ peers: [prometheus], ports: [{ port: target.port }] }],
    });
  }
  if (!installed) return;
  const ports = [...new Set([...targets.map((t) => t.port), ...installed.extraPorts])].sort((a, b) => a - b);
  if (ports.length === 0) return;
  platform.allowTraffic(scope, boundedObjectName(`allow-${installed.release}-prometheus-scrape`), {
    podLabels: installed.pods.prometheus,
    // Any pod of the namespace on the metrics ports: targets whose monitor is not this stack's (a
    // warehouse's own PodMonitor) are reached too; each target admits Prometheus itself.
    egress: [{ peers: [{ podLabels: {} }], ports: ports.map((port) => ({ port })) }],
  });
}
