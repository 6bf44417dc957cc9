import { ChartPin } from './versions';

/**
 * Pinned Helm charts and images of the Kubernetes data lake. The one place to bump them; see
 * `kubernetes-components.md` in the shared references for where each version comes from.
 */

/** SeaweedFS (S3-compatible object store; replaces the unmaintained MinIO community edition). */
export const SEAWEEDFS_CHART: ChartPin = { repository: 'https://seaweedfs.github.io/seaweedfs/helm', chart: 'seaweedfs', version: '4.44.0' };
/** SeaweedFS image of the pinned chart (its appVersion); also runs the S3 key generator's shell step. */
export const SEAWEEDFS_IMAGE = 'chrislusf/seaweedfs:4.44';
/** kubectl image (registry.k8s.io, no shell) that stores the generated S3 keys in a Secret. */
export const KUBECTL_IMAGE = 'registry.k8s.io/kubectl:v1.32.9';

/** Repository of Stackable's Helm charts (OCI). */
export const STACKABLE_CHART_REPOSITORY = 'oci://oci.stackable.tech/sdp-charts';
/** Stackable Data Platform release of every Stackable operator. */
export const STACKABLE_RELEASE = '26.7.0';
/** Stackable commons-operator (S3Connection, S3Bucket, AuthenticationClass). */
export const STACKABLE_COMMONS_CHART: ChartPin = { repository: STACKABLE_CHART_REPOSITORY, chart: 'commons-operator', version: STACKABLE_RELEASE };
/** Stackable secret-operator (SecretClass; a CSI driver). */
export const STACKABLE_SECRET_CHART: ChartPin = { repository: STACKABLE_CHART_REPOSITORY, chart: 'secret-operator', version: STACKABLE_RELEASE };
/** Stackable listener-operator (Listener; a CSI driver). */
export const STACKABLE_LISTENER_CHART: ChartPin = { repository: STACKABLE_CHART_REPOSITORY, chart: 'listener-operator', version: STACKABLE_RELEASE };
/** Stackable hive-operator (HiveCluster). */
export const STACKABLE_HIVE_CHART: ChartPin = { repository: STACKABLE_CHART_REPOSITORY, chart: 'hive-operator', version: STACKABLE_RELEASE };
/** Hive version the Hive Metastore runs (Stackable 26.7.0 ships 4.2.0). */
export const HIVE_VERSION = '4.2.0';

/** CloudNativePG operator chart (app 1.30.0). */
export const CLOUDNATIVE_PG_CHART: ChartPin = { repository: 'https://cloudnative-pg.github.io/charts', chart: 'cloudnative-pg', version: '0.29.0' };

/** Trino chart (trinodb/charts tag trino-1.42.2, Trino 480). */
export const TRINO_CHART: ChartPin = { repository: 'https://trinodb.github.io/charts', chart: 'trino', version: '1.42.2' };

/** Kubeflow Spark operator chart. */
export const SPARK_OPERATOR_CHART: ChartPin = { repository: 'https://kubeflow.github.io/spark-operator', chart: 'spark-operator', version: '2.5.2' };

/** Aiven S3 sink connector for Kafka Connect (Apache-2.0), built into Kafka Connect images. */
export const AIVEN_S3_SINK_VERSION = '3.4.3';
/** Download URL of the Aiven S3 sink connector release. */
export const AIVEN_S3_SINK_URL = `https://github.com/Aiven-Open/cloud-storage-connectors-for-apache-kafka/releases/download/v${AIVEN_S3_SINK_VERSION}/s3-sink-connector-for-apache-kafka-${AIVEN_S3_SINK_VERSION}.zip`;
/** Connector class of the Aiven S3 sink. */
export const AIVEN_S3_SINK_CLASS = 'io.aiven.kafka.connect.s3.AivenKafkaConnectS3SinkConnector';
