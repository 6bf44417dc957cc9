/** API version of ECK's Elasticsearch resource. */
export const ELASTICSEARCH_API_VERSION = 'elasticsearch.k8s.elastic.co/v1';
/** API version of ECK's Kibana resource. */
export const KIBANA_API_VERSION = 'kibana.k8s.elastic.co/v1';
/** API version of ECK's Logstash resource. */
export const LOGSTASH_API_VERSION = 'logstash.k8s.elastic.co/v1alpha1';
/** API version of ECK's Beat resource. */
export const BEAT_API_VERSION = 'beat.k8s.elastic.co/v1beta1';

/** HTTPS port of the Elasticsearch REST API (service `<cluster>-es-http`). */
export const ELASTICSEARCH_HTTP_PORT = 9200;
/** Transport port between Elasticsearch nodes (TLS, always on in ECK). */
export const ELASTICSEARCH_TRANSPORT_PORT = 9300;
/** HTTPS port of Kibana (service `<kibana>-kb-http`). */
export const KIBANA_PORT = 5601;
/** Port of the ECK operator's validating webhook. */
export const ECK_WEBHOOK_PORT = 9443;
/** Port of the Elasticsearch exporter's metrics endpoint. */
export const ELASTICSEARCH_EXPORTER_PORT = 9114;
/** Name of the exporter's metrics port (container and service). */
export const ELASTICSEARCH_EXPORTER_PORT_NAME = 'metrics';

/** Label ECK sets on every pod of an Elasticsearch cluster. */
export const ELASTICSEARCH_CLUSTER_LABEL = 'elasticsearch.k8s.elastic.co/cluster-name';
/** Label ECK sets on every Kibana pod. */
export const KIBANA_NAME_LABEL = 'kibana.k8s.elastic.co/name';
/** Label ECK sets on every Logstash pod. */
export const LOGSTASH_NAME_LABEL = 'logstash.k8s.elastic.co/name';
/** Label ECK sets on every Beat pod. */
export const BEAT_NAME_LABEL = 'beat.k8s.elastic.co/name';
/** Label ECK sets on the pods of every resource it manages, with the kind (`elasticsearch`, `kibana`...). */
export const ECK_TYPE_LABEL = 'common.k8s.elastic.co/type';

/** Longest name of an ECK resource (ECK's `MaxResourceNameLength`: its child resources need the rest). */
export const MAX_ECK_NAME_LENGTH = 36;

/** Pod labels of one Elasticsearch cluster. @internal */
export function elasticsearchPodLabels(clusterName: string): Record<string, string> {
  return { [ELASTICSEARCH_CLUSTER_LABEL]: clusterName, [ECK_TYPE_LABEL]: 'elasticsearch' };
}

/** Pod labels of every Elasticsearch cluster of a namespace. @internal */
export const ANY_ELASTICSEARCH_POD_LABELS: Record<string, string> = { [ECK_TYPE_LABEL]: 'elasticsearch' };

/** `https://<cluster>-es-http.<namespace>.svc:9200`. @internal */
export function elasticsearchUrl(clusterName: string, namespace: string): string {
  return `https://${clusterName}-es-http.${namespace}.svc:${ELASTICSEARCH_HTTP_PORT}`;
}

/** `https://<kibana>-kb-http.<namespace>.svc:5601`. @internal */
export function kibanaUrl(kibanaName: string, namespace: string): string {
  return `https://${kibanaName}-kb-http.${namespace}.svc:${KIBANA_PORT}`;
}

/** Secret ECK keeps the HTTP certificate's CA in (`ca.crt`), readable by clients. @internal */
export function httpCaSecretName(clusterName: string): string {
  return `${clusterName}-es-http-certs-public`;
}
