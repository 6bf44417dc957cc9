import { ISourceDatabase } from '../../cdc-contract';

/** Kind of Kubernetes object that holds a CA certificate. */
export enum CaCertificateKind {
  /** A Secret. */
  SECRET = 'Secret',
  /** A ConfigMap. */
  CONFIG_MAP = 'ConfigMap',
}

/** Where the CA certificate (PEM) that verifies a source database's server certificate lives. */
export interface SourceCaCertificate {
  /** Secret or ConfigMap. */
  readonly kind: CaCertificateKind;
  /** Name of the object, in the platform namespace. */
  readonly name: string;
  /** Key holding the PEM certificate. */
  readonly key: string;
}

/** Pods allowed to connect to a source database. */
export interface SourceClientPeer {
  /** Labels of the client pods (at least one: an empty selector would select every pod of the namespace). */
  readonly podLabels: Record<string, string>;
}

/**
 * A source database this library runs on Kubernetes (CloudNativePG, the MongoDB operator, a MySQL
 * StatefulSet): what a CDC connector needs besides the contract, namely who to open the network
 * to and how to verify the server.
 */
export interface IKubernetesSourceDatabase extends ISourceDatabase {
  /** Labels of the database's pods (what its NetworkPolicies select). */
  readonly podLabels: Record<string, string>;
  /**
   * The CA certificate that verifies the server certificate; undefined when it cannot be verified
   * (MySQL's self-signed certificate) or TLS is off.
   */
  readonly caCertificate?: SourceCaCertificate;
  /**
   * Lets the pods labelled `peer.podLabels` (for example the Kafka Connect pods of a Debezium
   * source) connect to the database port: ingress on the database pods, egress from the clients.
   */
  allowConnectionsFrom(id: string, peer: SourceClientPeer): void;
}
