import { Construct } from 'constructs';
import { shortenName } from './eck-names';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { NetworkPeer } from '../../../platform/k8s/network';
import { ELASTICSEARCH_HTTP_PORT, ELASTICSEARCH_TRANSPORT_PORT, KIBANA_PORT } from '../eck-constants';

const HTTP = [{ port: ELASTICSEARCH_HTTP_PORT }];
/** Longest Kubernetes object name of a NetworkPolicy. */
const POLICY_NAME_MAX = 63;

/** A policy name, shortened with a hash when longer than 63 characters. @internal */
export function policyName(name: string): string {
  return shortenName(name, POLICY_NAME_MAX);
}

/** Pods of one cluster, as the policies need them. @internal */
export interface SearchPods {
  readonly clusterName: string;
  readonly elasticsearch: Record<string, string>;
  readonly kibanaName: string;
  readonly kibana: Record<string, string>;
  readonly exporterName: string;
  readonly exporter: Record<string, string>;
  readonly operator: Record<string, string>;
}

/**
 * The policies of a cluster on top of the namespace's default deny: transport (9300) between its
 * nodes; HTTPS (9200) to the nodes from the ECK operator, Kibana and the exporter; Kibana (5601)
 * from pods of the namespace. Logstash and Filebeat are added per destination / log source
 * ({@link allowElasticsearchClient}).
 * @internal
 */
export function allowSearchClusterTraffic(scope: Construct, pods: SearchPods): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const es = { podLabels: pods.elasticsearch };
  const transport = [{ port: ELASTICSEARCH_TRANSPORT_PORT }];
  platform.allowTraffic(scope, policyName(`allow-${pods.clusterName}-es`), {
    podLabels: pods.elasticsearch,
    ingress: [
      { peers: [es], ports: transport },
      { peers: [{ podLabels: pods.operator }, { podLabels: pods.kibana }, { podLabels: pods.exporter }], ports: HTTP },
    ],
    egress: [{ peers: [es], ports: transport }],
  });
  platform.allowTraffic(scope, policyName(`allow-${pods.kibanaName}`), {
    podLabels: pods.kibana,
    ingress: [{ peers: [{ podLabels: {} }], ports: [{ port: KIBANA_PORT }] }],
    egress: [{ peers: [es], ports: HTTP }],
  });
  platform.allowTraffic(scope, policyName(`allow-${pods.exporterName}`), {
    podLabels: pods.exporter,
    egress: [{ peers: [es], ports: HTTP }],
  });
}

/**
 * Lets a client reach the cluster on 9200: ingress on the nodes from `peer` and, when the client
 * runs in the platform namespace, its egress (`egressPodLabels`).
 * @internal
 */
export function allowElasticsearchClient(
  scope: Construct, clusterName: string, elasticsearch: Record<string, string>, client: string, peer: NetworkPeer,
  egressPodLabels?: Record<string, string>,
): void {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  platform.allowTraffic(scope, policyName(`allow-${clusterName}-es-from-${client}`), {
    podLabels: elasticsearch,
    ingress: [{ peers: [peer], ports: HTTP }],
  });
  if (egressPodLabels) {
    platform.allowTraffic(scope, policyName(`allow-${client}-to-es`), {
      podLabels: egressPodLabels,
      egress: [{ peers: [{ podLabels: elasticsearch }], ports: HTTP }],
    });
  }
}
