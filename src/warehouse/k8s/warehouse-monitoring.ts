import { NetworkPeer } from '../../platform/k8s/network';

/** Prometheus pods that scrape the warehouse: prometheus-operator's pods in any namespace. */
export const DEFAULT_PROMETHEUS_PEER: NetworkPeer = { namespaceLabels: {}, podLabels: { 'app.kubernetes.io/name': 'prometheus' } };

/** Options of the warehouse's PodMonitor. */
export interface WarehousePodMonitorOptions {
  /**
   * Labels of the PodMonitor. kube-prometheus-stack only selects monitors labelled
   * `release: <its release name>` unless its `*SelectorNilUsesHelmValues` values are false.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * The Prometheus pods allowed to scrape the instances' metrics port.
   * @default DEFAULT_PROMETHEUS_PEER (pods labelled `app.kubernetes.io/name: prometheus`, any namespace)
   */
  readonly prometheusPeer?: NetworkPeer;
}

/**
 * Whether the warehouse's metrics are scraped. CloudNativePG 1.30 deprecates
 * `monitoring.enablePodMonitor`, so the library declares the `monitoring.coreos.com/v1` PodMonitor
 * itself. It is an explicit option, off by default: the PodMonitor CRD exists only where the
 * Prometheus operator (for example kube-prometheus-stack) is installed, and a release containing a
 * PodMonitor fails on clusters without it.
 */
export class WarehouseMonitoring {
  /**
   * A PodMonitor scraping every instance's `metrics` port over TLS (the cluster's CA), in its own
   * Helm release applied after the database. Needs the Prometheus operator's CRDs in the cluster.
   */
  public static podMonitor(options: WarehousePodMonitorOptions = {}): WarehouseMonitoring {
    return new WarehouseMonitoring(true, options.labels ?? {}, options.prometheusPeer ?? DEFAULT_PROMETHEUS_PEER);
  }

  /** No PodMonitor (the metrics endpoint still runs, over TLS, closed by the NetworkPolicies). */
  public static none(): WarehouseMonitoring {
    return new WarehouseMonitoring(false, {}, DEFAULT_PROMETHEUS_PEER);
  }

  private constructor(
    /** Whether a PodMonitor is created. */
    public readonly podMonitorEnabled: boolean,
    /** Labels of the PodMonitor. */
    public readonly labels: Record<string, string>,
    /** Prometheus pods allowed to scrape. */
    public readonly prometheusPeer: NetworkPeer,
  ) {}
}

/** Monitoring of a warehouse by default: none (see {@link WarehouseMonitoring} for why). */
export const DEFAULT_WAREHOUSE_MONITORING = WarehouseMonitoring.none();
