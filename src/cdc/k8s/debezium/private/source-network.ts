import { Construct } from 'constructs';
import { servicePeer } from '../../../../bi/k8s/private/grafana-datasources';
import { Annotations } from '../../../../core/cdktf';
import { boundedObjectName } from '../../../../core/naming';
import { isUnresolved } from '../../../../core/validate';
import { KubernetesPlatform } from '../../../../platform/k8s/kubernetes-platform';
import { NetworkPeer } from '../../../../platform/k8s/network';
import { ISourceDatabase } from '../../../cdc-contract';
import { IKubernetesSourceDatabase } from '../../source/kubernetes-source-database';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** A database this library runs on Kubernetes, which opens its own network paths to clients. */
function isKubernetesSource(source: ISourceDatabase): source is IKubernetesSourceDatabase {
  const candidate = source as Partial<IKubernetesSourceDatabase>;
  return typeof candidate.allowConnectionsFrom === 'function' && typeof candidate.podLabels === 'object' && candidate.podLabels !== null;
}

/**
 * Where the database is for a NetworkPolicy: the pods of its namespace for a cluster Service name,
 * the address for an IPv4 address, otherwise any address (with a warning: NetworkPolicy cannot
 * name a host outside the cluster).
 */
function databasePeer(scope: Construct, source: ISourceDatabase, namespace: string): NetworkPeer {
  if (!isUnresolved(source.host) && IPV4.test(source.host)) return { cidr: `${source.host}/32` };
  const peer = servicePeer(source.host, namespace);
  if (peer) return peer;
  Annotations.of(scope).addWarning(`the source database is at "${source.host}", outside the cluster's Services: the Kafka Connect pods may reach port ${source.port} of any address.`);
  return { cidr: '0.0.0.0/0' };
}

/**
 * The network path of one capture. A database this library runs on Kubernetes opens it itself
 * (`allowConnectionsFrom`: ingress on its pods and egress from the Connect pods, id
 * `cdc-<capture>`); for any other database, a policy `allow-<connect>-to-<capture>` lets the
 * Connect pods reach its port (its own side is the database owner's).
 * @internal
 */
export function allowCaptureTraffic(
  scope: Construct, source: ISourceDatabase, connectName: string, connectPods: Record<string, string>, captureName: string,
): void {
  if (isKubernetesSource(source)) {
    source.allowConnectionsFrom(`cdc-${captureName}`, { podLabels: connectPods });
    return;
  }
  const platform = KubernetesPlatform.ofKubernetes(scope);
  platform.allowTraffic(scope, boundedObjectName(`allow-${connectName}-to-${captureName}`), {
    podLabels: connectPods,
    egress: [{ peers: [databasePeer(scope, source, platform.namespace)], ports: [{ port: source.port }] }],
  });
}
