import { Construct } from 'constructs';
import { CLOUDNATIVE_PG_OPERATOR_POD_LABELS } from '../../../../platform/k8s/cloudnative-pg-operator';
import { KubernetesPlatform } from '../../../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../../../platform/k8s/network';

/** Port of PostgreSQL. */
export const POSTGRES_SOURCE_PORT = 5432;
/** Port of CloudNativePG's instance manager status endpoint (the operator polls it). */
export const CNPG_INSTANCE_STATUS_PORT = 8000;

/** Pods of a CloudNativePG cluster (instances and the operator's jobs of that cluster). @internal */
export function cnpgDatabasePods(cluster: string): Record<string, string> {
  return { 'cnpg.io/cluster': cluster, 'app.kubernetes.io/component': 'database' };
}

/**
 * The instances' policies: the operator reaches them on the status port and PostgreSQL; they reach
 * each other (streaming replication, slot synchronization, the instance manager) and the
 * Kubernetes API. Clients are added by {@link allowPostgresClients}.
 * @internal
 */
export function allowPostgresSourceTraffic(scope: Construct, cluster: string): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const db = { podLabels: cnpgDatabasePods(cluster) };
  const internal = [{ port: POSTGRES_SOURCE_PORT }, { port: CNPG_INSTANCE_STATUS_PORT }];
  platform.allowTraffic(scope, `allow-${cluster}-db`, {
    podLabels: cnpgDatabasePods(cluster),
    ingress: [{ peers: [{ podLabels: CLOUDNATIVE_PG_OPERATOR_POD_LABELS }, db], ports: internal }],
    egress: [{ peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS }, { peers: [db], ports: internal }],
  });
  platform.allowTraffic(scope, `allow-${cluster}-operator`, {
    podLabels: CLOUDNATIVE_PG_OPERATOR_POD_LABELS,
    egress: [{ peers: [db], ports: internal }],
  });
}

/** Lets the pods labelled `podLabels` connect to the instances on 5432. @internal */
export function allowPostgresClients(scope: Construct, cluster: string, name: string, podLabels: Record<string, string>): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const ports = [{ port: POSTGRES_SOURCE_PORT }];
  platform.allowTraffic(scope, `allow-${cluster}-from-${name}`, {
    podLabels: cnpgDatabasePods(cluster),
    ingress: [{ peers: [{ podLabels }], ports }],
  });
  platform.allowTraffic(scope, `allow-${name}-to-${cluster}`, {
    podLabels,
    egress: [{ peers: [{ podLabels: cnpgDatabasePods(cluster) }], ports }],
  });
}
