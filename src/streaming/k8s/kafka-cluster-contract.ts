import { IConstruct } from 'constructs';
import { KafkaAcl } from './kafka-acl';
import { KafkaAuthentication } from './kafka-cluster-options';
import { IIdentity } from '../../identity/identity';
import { CustomResources, KubernetesObject } from '../../platform/k8s/custom-resources';

/**
 * A Strimzi Kafka cluster that topics and users can be added to: one the stack creates
 * ({@link KafkaCluster}) or an existing one (`KafkaCluster.fromClusterAttributes`).
 */
export interface IKafkaCluster extends IConstruct {
  /** Name of the Kafka resource (`strimzi.io/cluster` label of its topics and users). */
  readonly clusterName: string;
  /** Bootstrap address of the TLS listener (`host:port`). */
  readonly bootstrapServers: string;
  /** Client authentication of the TLS listener; KafkaUsers use the same. */
  readonly authentication: KafkaAuthentication;
  /** The Helm release that delivers this cluster's topics and users (one per cluster). */
  readonly customResources: CustomResources;

  /** Adds a custom resource of this cluster (a KafkaTopic, for example) to its release. */
  addResource(resource: KubernetesObject): void;

  /**
   * Allows `identity` the given operations: one KafkaUser named `identity.identityName` per
   * cluster, whose ACL rules accumulate across grants.
   */
  grantAccess(identity: IIdentity, acls: KafkaAcl[]): void;
}
