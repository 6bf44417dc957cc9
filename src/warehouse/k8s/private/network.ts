import { Construct } from 'constructs';
import { CNPG_METRICS_PORT, CNPG_STATUS_PORT, POSTGRES_PORT, WarehouseNames } from './warehouse-names';
import { CLOUDNATIVE_PG_OPERATOR_POD_LABELS } from '../../../platform/k8s/cloudnative-pg-operator';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS, NetworkPeer, NetworkRule } from '../../../platform/k8s/network';

const API: NetworkRule = { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS };
const POSTGRES = [{ port: POSTGRES_PORT }];

/**
 * The instances' policies: the operator reaches them on the status port and PostgreSQL; they reach
 * each other (replication, the instance manager); they call the Kubernetes API and, with backups,
 * the object store. Clients are added by {@link allowWarehouseClients}.
 * @internal
 */
export function allowDatabaseTraffic(scope: Construct, names: WarehouseNames, backupEgress?: NetworkRule): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const db = { podLabels: names.databasePods };
  const operator = { podLabels: CLOUDNATIVE_PG_OPERATOR_POD_LABELS };
  const internal = [{ port: POSTGRES_PORT }, { port: CNPG_STATUS_PORT }];
  platform.allowTraffic(scope, `allow-${names.cluster}-db`, {
    podLabels: names.databasePods,
    ingress: [{ peers: [operator, db], ports: internal }],
    egress: [API, { peers: [db], ports: internal }, ...(backupEgress ? [backupEgress] : [])],
  });
  platform.allowTraffic(scope, `allow-${names.cluster}-operator`, {
    podLabels: CLOUDNATIVE_PG_OPERATOR_POD_LABELS,
    egress: [{ peers: [db], ports: internal }],
  });
}

/** The pooler's policy: it reaches the instances and the Kubernetes API; the instances accept it. @internal */
export function allowPoolerTraffic(scope: Construct, names: WarehouseNames): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  platform.allowTraffic(scope, `allow-${names.pooler}`, {
    podLabels: names.poolerPods,
    egress: [API, { peers: [{ podLabels: names.databasePods }], ports: POSTGRES }],
  });
  platform.allowTraffic(scope, `allow-${names.cluster}-db-from-pooler`, {
    podLabels: names.databasePods,
    ingress: [{ peers: [{ podLabels: names.poolerPods }], ports: POSTGRES }],
  });
}

/**
 * Lets the pods labelled `podLabels` connect to the warehouse on 5432: ingress on the instances
 * (and the pooler), egress from the clients.
 * @internal
 */
export function allowWarehouseClients(
  scope: Construct, names: WarehouseNames, name: string, podLabels: Record<string, string>, pooler: boolean,
): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const targets: NetworkPeer[] = [{ podLabels: names.databasePods }, ...(pooler ? [{ podLabels: names.poolerPods }] : [])];
  platform.allowTraffic(scope, `allow-${names.cluster}-from-${name}`, {
    podLabels: names.databasePods,
    ingress: [{ peers: [{ podLabels }], ports: POSTGRES }],
  });
  if (pooler) {
    platform.allowTraffic(scope, `allow-${names.pooler}-from-${name}`, {
      podLabels: names.poolerPods,
      ingress: [{ peers: [{ podLabels }], ports: POSTGRES }],
    });
  }
  platform.allowTraffic(scope, `allow-${name}-to-${names.cluster}`, {
    podLabels,
    egress: [{ peers: targets, ports: POSTGRES }],
  });
}

/** Lets Prometheus scrape the instances' metrics port. @internal */
export function allowMetricsScraping(scope: Construct, names: WarehouseNames, prometheus: NetworkPeer): void {
  KubernetesPlatform.ofKubernetes(scope).allowTraffic(scope, `allow-${names.cluster}-metrics`, {
    podLabels: names.instancePods,
    ingress: [{ peers: [prometheus], ports: [{ port: CNPG_METRICS_PORT }] }],
  });
}
