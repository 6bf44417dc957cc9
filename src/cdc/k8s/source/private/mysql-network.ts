import { Construct } from 'constructs';
import { MYSQL_PORT } from './mysql-server';
import { KubernetesPlatform } from '../../../../platform/k8s/kubernetes-platform';

/** Labels of a MySQL server's pod (the StatefulSet's selector). @internal */
export function mysqlPodLabels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': 'mysql', 'app.kubernetes.io/instance': name };
}

/**
 * Lets the pods labelled `podLabels` connect to the server on 3306. The server itself opens no
 * connection (the namespace's default deny stays), so it needs no egress.
 * @internal
 */
export function allowMySqlClients(scope: Construct, name: string, client: string, podLabels: Record<string, string>): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const ports = [{ port: MYSQL_PORT }];
  platform.allowTraffic(scope, `allow-${name}-from-${client}`, {
    podLabels: mysqlPodLabels(name),
    ingress: [{ peers: [{ podLabels }], ports }],
  });
  platform.allowTraffic(scope, `allow-${client}-to-${name}`, {
    podLabels,
    egress: [{ peers: [{ podLabels: mysqlPodLabels(name) }], ports }],
  });
}
