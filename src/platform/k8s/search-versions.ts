import { ChartPin } from './versions';

/**
 * Pinned Helm chart and images of the search cluster on Kubernetes (ECK Elasticsearch + Kibana).
 * The one place to bump them; see `kubernetes-components.md` in the shared references for where
 * each version comes from.
 */

/**
 * Elastic Cloud on Kubernetes operator (chart 3.5.0 = ECK 3.5.0; free under the Basic license,
 * Elastic License 2.0). Installs the ECK CRDs (`eck-operator-crds` subchart).
 */
export const ECK_OPERATOR_CHART: ChartPin = { repository: 'https://helm.elastic.co', chart: 'eck-operator', version: '3.5.0' };
/** Elastic Stack version of Elasticsearch, Kibana, Logstash and Filebeat (images from docker.elastic.co). */
export const ELASTIC_STACK_VERSION = '9.5.0';

/** Release of the Prometheus community's Elasticsearch exporter (Elasticsearch has no native Prometheus endpoint). */
export const ELASTICSEARCH_EXPORTER_VERSION = '1.11.0';
/** Image of the Elasticsearch exporter (quay.io, pinned by tag). */
export const ELASTICSEARCH_EXPORTER_IMAGE = `quay.io/prometheuscommunity/elasticsearch-exporter:v${ELASTICSEARCH_EXPORTER_VERSION}`;
/** User id of `nobody`, the user the exporter image runs as (a number, so "runAsNonRoot" can be checked). */
export const ELASTICSEARCH_EXPORTER_RUN_AS_USER = 65534;
