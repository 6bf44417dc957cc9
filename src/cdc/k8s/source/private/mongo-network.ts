import { Construct } from 'constructs';
import { MONGO_PORT } from './mongo-replica-set';
import { KubernetesPlatform } from '../../../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../../../platform/k8s/network';

/** Pods of a replica set (the operator labels them `app: <name>-svc`). @internal */
export function mongoMemberPods(name: string): Record<string, string> {
  return { app: `${name}-svc` };
}

/**
 * The members' policy: they replicate with each other on 27017 and call the Kubernetes API (the
 * readiness probe and the upgrade hook read and patch their own pod). Clients are added by
 * {@link allowMongoClients}.
 * @internal
 */
export function allowMongoMemberTraffic(scope: Construct, name: string): void {
  const members = { podLabels: mongoMemberPods(name) };
  const ports = [{ port: MONGO_PORT }];
  KubernetesPlatform.ofKubernetes(scope).allowTraffic(scope, `allow-${name}-members`, {
    podLabels: mongoMemberPods(name),
    ingress: [{ peers: [members], ports }],
    egress: [{ peers: [members], ports }, { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS }],
  });
}

/** Lets the pods labelled `podLabels` connect to every member on 27017 (drivers talk to each member). @internal */
export function allowMongoClients(scope: Construct, name: string, client: string, podLabels: Record<string, string>): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const ports = [{ port: MONGO_PORT }];
  platform.allowTraffic(scope, `allow-${name}-from-${client}`, {
    podLabels: mongoMemberPods(name),
    ingress: [{ peers: [{ podLabels }], ports }],
  });
  platform.allowTraffic(scope, `allow-${client}-to-${name}`, {
    podLabels,
    egress: [{ peers: [{ podLabels: mongoMemberPods(name) }], ports }],
  });
}
