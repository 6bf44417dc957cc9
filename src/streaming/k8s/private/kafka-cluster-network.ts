import { Construct } from 'constructs';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../../platform/k8s/network';
import { kafkaExporterPodLabels } from '../kafka-cluster-spec';
import {
  brokerPodLabels, entityOperatorPodLabels, kafkaPodLabels, KAFKA_AGENT_PORT, KAFKA_CONTROL_PLANE_PORT, KAFKA_REPLICATION_PORT,
  KAFKA_TLS_LISTENER_PORT, OPERATOR_POD_LABELS,
} from '../strimzi-constants';

/** Every pod of the platform namespace. */
const NAMESPACE_PODS = { podLabels: {} };

/**
 * The NetworkPolicies of one Kafka cluster on top of the namespace's default deny: clients in the
 * namespace -> brokers (TLS listener); controllers and brokers among themselves; the cluster
 * operator and entity operator -> Kafka; the entity operator -> Kubernetes API; the Kafka Exporter
 * -> Kafka (replication listener).
 * @internal
 */
export function allowKafkaClusterTraffic(scope: Construct, platform: KubernetesPlatform, clusterName: string): void {
  const kafka = { podLabels: kafkaPodLabels(clusterName) };
  const entityOperator = { podLabels: entityOperatorPodLabels(clusterName) };
  const internalPorts = [{ port: KAFKA_CONTROL_PLANE_PORT }, { port: KAFKA_REPLICATION_PORT }];

  platform.allowTraffic(scope, `allow-${clusterName}-kafka-internal`, {
    podLabels: kafka.podLabels,
    ingress: [
      { peers: [kafka], ports: internalPorts },
      { peers: [{ podLabels: OPERATOR_POD_LABELS }], ports: [...internalPorts, { port: KAFKA_AGENT_PORT }] },
      { peers: [entityOperator], ports: [{ port: KAFKA_REPLICATION_PORT }] },
    ],
    egress: [{ peers: [kafka], ports: internalPorts }],
  });

  const tls = [{ port: KAFKA_TLS_LISTENER_PORT }];
  platform.allowTraffic(scope, `allow-${clusterName}-kafka-clients`, {
    podLabels: brokerPodLabels(clusterName),
    ingress: [{ peers: [NAMESPACE_PODS], ports: tls }],
  });
  platform.allowTraffic(scope, `allow-${clusterName}-kafka-client-egress`, {
    podLabels: {},
    egress: [{ peers: [{ podLabels: brokerPodLabels(clusterName) }], ports: tls }],
  });

  platform.allowTraffic(scope, `allow-${clusterName}-entity-operator`, {
    podLabels: entityOperator.podLabels,
    egress: [
      { peers: [kafka], ports: [{ port: KAFKA_REPLICATION_PORT }] },
      { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS },
    ],
  });

  const exporter = { podLabels: kafkaExporterPodLabels(clusterName) };
  const replication = [{ port: KAFKA_REPLICATION_PORT }];
  platform.allowTraffic(scope, `allow-${clusterName}-kafka-exporter`, {
    podLabels: exporter.podLabels,
    egress: [{ peers: [kafka], ports: replication }],
  });
  platform.allowTraffic(scope, `allow-${clusterName}-kafka-from-exporter`, {
    podLabels: kafka.podLabels,
    ingress: [{ peers: [exporter], ports: replication }],
  });
}
