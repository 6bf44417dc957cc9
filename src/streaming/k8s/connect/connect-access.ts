import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1';
import { Construct } from 'constructs';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS, NetworkRule } from '../../../platform/k8s/network';
import { OPERATOR_POD_LABELS, STRIMZI_CLUSTER_LABEL } from '../strimzi-constants';

/** Port of the Kafka Connect REST API. */
export const KAFKA_CONNECT_REST_PORT = 8083;

/** Pod labels of a Strimzi KafkaConnect's pods. @internal */
export function connectPodLabels(connectName: string): Record<string, string> {
  return { [STRIMZI_CLUSTER_LABEL]: connectName, 'strimzi.io/kind': 'KafkaConnect' };
}

/**
 * `${secrets:<namespace>/<secret>:<key>}`: a value Strimzi's KubernetesSecretConfigProvider resolves.
 * Written `$${...}` because it travels through Terraform configuration, where `${` starts an
 * interpolation; Terraform hands `${...}` to the cluster.
 * @internal
 */
export function connectSecretRef(namespace: string, secretName: string, key: string): string {
  return `$\${secrets:${namespace}/${secretName}:${key}}`;
}

/**
 * A Role (and its RoleBinding to the Connect service account, `<connect>-connect`) letting
 * Strimzi's KubernetesSecretConfigProvider `get` the named Secrets of the platform namespace.
 * @internal
 */
export function allowConnectSecretReads(scope: Construct, connectName: string, roleName: string, secretNames: string[]): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const metadata = { name: roleName, namespace: platform.namespace, labels: platform.labels('kafka-connect') };
  const role = new RoleV1(scope, 'SecretReader', {
    metadata,
    rule: [{ apiGroups: [''], resources: ['secrets'], resourceNames: [...secretNames], verbs: ['get'] }],
    dependsOn: platform.baseline,
  });
  new RoleBindingV1(scope, 'SecretReaderBinding', {
    metadata,
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
    subject: [{ kind: 'ServiceAccount', name: `${connectName}-connect`, namespace: platform.namespace }],
  });
}

/**
 * The NetworkPolicies of a Connect cluster: REST among its replicas and from the Strimzi operator,
 * the Kubernetes API (the config provider reads Secrets), and `egress` (what its connectors reach).
 * Kafka itself is open to every pod of the namespace (the cluster's client policies).
 * @internal
 */
export function allowConnectTraffic(scope: Construct, connectName: string, egress: NetworkRule[]): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const podLabels = connectPodLabels(connectName);
  const connectPods = { podLabels };
  const rest = [{ port: KAFKA_CONNECT_REST_PORT }];
  platform.allowTraffic(scope, `allow-${connectName}`, {
    podLabels,
    ingress: [{ peers: [{ podLabels: OPERATOR_POD_LABELS }, connectPods], ports: rest }],
    egress: [
      { peers: [connectPods], ports: rest },
      { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS },
      ...egress,
    ],
  });
  platform.allowTraffic(scope, `allow-${connectName}-operator`, {
    podLabels: OPERATOR_POD_LABELS,
    egress: [{ peers: [connectPods], ports: rest }],
  });
}
