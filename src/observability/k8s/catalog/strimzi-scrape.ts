import { IConstruct } from 'constructs';
import { ScrapeTargetSpec } from './prometheus-alert-spec';
import { STRIMZI_METRICS_PORT_NAME } from '../../../streaming/k8s/kafka-cluster-spec';
import { KAFKA_METRICS_PORT } from '../../../streaming/k8s/strimzi-constants';

/**
 * Relabelings of every Strimzi PodMonitor: each `strimzi.io/*` pod label becomes a `strimzi_io_*`
 * series label (`strimzi_io_cluster`, `strimzi_io_name`, `strimzi_io_pool_name`, `strimzi_io_kind`),
 * which the rules filter on, as Strimzi's own example PodMonitors do.
 * @internal
 */
export const STRIMZI_RELABELINGS: Array<Record<string, any>> = [
  { action: 'labelmap', regex: '__meta_kubernetes_pod_label_(strimzi_io_.+)', replacement: '$1' },
];

/** A PodMonitor of Strimzi pods serving metrics on `tcp-prometheus` (9404). @internal */
export function strimziPodMonitor(name: string, namespace: string, podLabels: Record<string, string>, resource: IConstruct): ScrapeTargetSpec {
  return {
    kind: 'PodMonitor',
    name,
    namespace,
    selector: podLabels,
    endpoints: [{ port: STRIMZI_METRICS_PORT_NAME, path: '/metrics', relabelings: STRIMZI_RELABELINGS }],
    podLabels,
    port: KAFKA_METRICS_PORT,
    resource,
  };
}
