/** One side of an allowed connection: pods (optionally in other namespaces) or an IP range. */
export interface NetworkPeer {
  /**
   * Labels of the pods.
   * @default - with `namespaceLabels`: every pod of those namespaces; alone: not a pod peer
   */
  readonly podLabels?: Record<string, string>;
  /**
   * Labels of the namespaces the pods live in.
   * @default - the platform's own namespace
   */
  readonly namespaceLabels?: Record<string, string>;
  /**
   * An IP range in CIDR notation instead of pods.
   * @default - none
   */
  readonly cidr?: string;
}

/** A port (and protocol) of an allowed connection. */
export interface NetworkPort {
  /** Port number. */
  readonly port: number;
  /**
   * `TCP`, `UDP` or `SCTP`.
   * @default "TCP"
   */
  readonly protocol?: string;
}

/** Connections allowed in one direction to/from some peers on some ports. */
export interface NetworkRule {
  /** Peers of the connection (at least one; an empty list would mean "everyone"). */
  readonly peers: NetworkPeer[];
  /** Ports of the connection (at least one). */
  readonly ports: NetworkPort[];
}

/** Props of `KubernetesPlatform.allowTraffic`. */
export interface AllowTrafficOptions {
  /** Labels of the pods the rules apply to. */
  readonly podLabels: Record<string, string>;
  /**
   * Connections those pods accept.
   * @default - no extra ingress
   */
  readonly ingress?: NetworkRule[];
  /**
   * Connections those pods open.
   * @default - no extra egress
   */
  readonly egress?: NetworkRule[];
}

/** Ports of the Kubernetes API server as seen from pods (Service 443, endpoints often 6443). */
export const KUBERNETES_API_PORTS: NetworkPort[] = [{ port: 443 }, { port: 6443 }];

/**
 * Peer for the Kubernetes API server. NetworkPolicy cannot select the API server by label, so this
 * is any address; pair it only with {@link KUBERNETES_API_PORTS} and only for operators.
 */
export const KUBERNETES_API_PEER: NetworkPeer = { cidr: '0.0.0.0/0' };
