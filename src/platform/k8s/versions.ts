/**
 * Pinned Helm charts and images of every self-hosted component. The one place to bump them;
 * see `kubernetes-components.md` in the shared references for where each version comes from.
 */
export interface ChartPin {
  /** Helm repository (`oci://...` for OCI registries). */
  readonly repository: string;
  /** Chart name. */
  readonly chart: string;
  /** Chart version. */
  readonly version: string;
}

/** Strimzi Kafka operator (KRaft only, `kafka.strimzi.io/v1`). */
export const STRIMZI_CHART: ChartPin = { repository: 'oci://quay.io/strimzi-helm', chart: 'strimzi-kafka-operator', version: '1.2.0' };
/** Kafka version the pinned Strimzi operator runs by default. */
export const KAFKA_VERSION = '4.3.1';
