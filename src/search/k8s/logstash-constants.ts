/**
 * Settings of the Logstash that loads a Kafka StreamingIngest into an ElasticsearchSearchCluster
 * (`destination()`), documented for operators (where failed documents are, how much is kept).
 */

/** `clusterName` of the Elasticsearch reference: ECK exposes `SEARCH_ES_HOSTS` and `SEARCH_ES_SSL_CERTIFICATE_AUTHORITY`. */
export const LOGSTASH_ES_REF_NAME = 'search';
/** Name of Logstash's data volume (ECK's name: mounted at `LOGSTASH_DATA_PATH`). */
export const LOGSTASH_DATA_VOLUME_NAME = 'logstash-data';
/** Logstash's `path.data`, on the data volume. */
export const LOGSTASH_DATA_PATH = '/usr/share/logstash/data';
/**
 * Where the dead letter queue is written (`<path.data>/dead_letter_queue/<pipeline id>`, on the
 * data volume, which outlives the Logstash resource: ECK leaves its StatefulSet volumes in place).
 * Documents Elasticsearch rejects (mapping conflicts, HTTP 400/404) are kept there; replay them
 * with a pipeline whose input is `dead_letter_queue { path => "<this>" pipeline_id => "kafka-to-elasticsearch" }`.
 */
export const LOGSTASH_DEAD_LETTER_QUEUE_PATH = `${LOGSTASH_DATA_PATH}/dead_letter_queue`;
/** Id of the pipeline of a search destination. */
export const LOGSTASH_PIPELINE_ID = 'kafka-to-elasticsearch';
/** Size of the persisted queue (events are acknowledged to Kafka once on disk). */
export const LOGSTASH_QUEUE_MAX_BYTES = '1gb';
/** Largest dead letter queue per instance (the oldest entries are dropped beyond it). */
export const LOGSTASH_DEAD_LETTER_QUEUE_MAX_BYTES = '4gb';
/** Age after which dead letter queue entries are dropped. */
export const LOGSTASH_DEAD_LETTER_QUEUE_RETAIN_AGE = '30d';
/** User and group id of `logstash` in Elastic's Logstash image. */
export const LOGSTASH_RUN_AS_USER = 1000;
/** Name of ECK's init container of Logstash pods (given a restricted security context here). */
export const LOGSTASH_INIT_CONTAINER_NAME = 'logstash-internal-init-config';

