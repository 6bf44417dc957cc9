import { ResourceRequirements } from '../../platform/k8s/resources';
import { DataLakeBaseProps } from '../data-lake-contract';

/** Where the lake's zones are stored on Kubernetes. */
export enum ObjectStoreKind {
  /** SeaweedFS with its S3 gateway (Helm chart); one bucket per zone. */
  SEAWEEDFS = 'seaweedfs',
  /**
   * HDFS through the Stackable hdfs-operator. Not available yet: its HdfsCluster requires a
   * ZooKeeper znode (zookeeper-operator), whose CRDs this library does not validate yet.
   */
  HDFS = 'hdfs',
}

/** Default object store. */
export const DEFAULT_OBJECT_STORE = ObjectStoreKind.SEAWEEDFS;
/** Volume of each SeaweedFS volume server, GiB. */
export const DEFAULT_OBJECT_STORE_SIZE_GIB = 100;
/** SeaweedFS volume servers. */
export const DEFAULT_OBJECT_STORE_VOLUME_SERVERS = 1;
/** Volume of the PostgreSQL metastore database (each instance), GiB. */
export const DEFAULT_METASTORE_DATABASE_SIZE_GIB = 10;
/** PostgreSQL instances of the metastore database (1 primary + 1 standby). */
export const DEFAULT_METASTORE_DATABASE_INSTANCES = 2;
/** Trino workers. */
export const DEFAULT_TRINO_WORKERS = 2;
/** Kafka Connect replicas of a lake destination. */
export const DEFAULT_KAFKA_CONNECT_REPLICAS = 2;

/** CPU and memory of each SeaweedFS component (master, filer, volume server, S3 gateway). */
export const DEFAULT_OBJECT_STORE_RESOURCES: ResourceRequirements = { cpuRequest: '250m', memoryRequest: '512Mi', memoryLimit: '1Gi' };
/** CPU and memory of each PostgreSQL instance of the metastore. */
export const DEFAULT_METASTORE_DATABASE_RESOURCES: ResourceRequirements = { cpuRequest: '250m', memoryRequest: '512Mi', memoryLimit: '1Gi' };
/** CPU and memory of the Hive Metastore. */
export const DEFAULT_METASTORE_RESOURCES: ResourceRequirements = { cpuRequest: '250m', memoryRequest: '1Gi', cpuLimit: '1', memoryLimit: '1Gi' };
/** CPU and memory of the Trino coordinator and of each worker. */
export const DEFAULT_TRINO_RESOURCES: ResourceRequirements = { cpuRequest: '1', memoryRequest: '4Gi', memoryLimit: '4Gi' };
/** CPU and memory of each operator (Stackable, CloudNativePG, Spark). */
export const DEFAULT_LAKE_OPERATOR_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '256Mi', memoryLimit: '256Mi' };
/** CPU and memory of each Kafka Connect replica. */
export const DEFAULT_KAFKA_CONNECT_RESOURCES: ResourceRequirements = { cpuRequest: '500m', memoryRequest: '2Gi', memoryLimit: '2Gi' };

/** The Kafka Connect cluster that delivers StreamingIngests into the lake. */
export interface LakeKafkaConnectOptions {
  /**
   * A Kafka Connect image (Strimzi 1.2.0, Kafka 4.3.1) that already contains the Aiven S3 sink
   * connector plugin (`AIVEN_S3_SINK_URL`). Required under Pod Security "restricted".
   * @default - none: set this or `buildOutputImage`
   */
  readonly image?: string;
  /**
   * Registry image a Strimzi build (Kaniko) pushes the Connect image with the plugin to. Strimzi's
   * "restricted" pod security provider rejects builds (Kaniko runs as root), so this needs a
   * platform with `podSecurity: PodSecurityLevel.BASELINE`.
   * @default - no build
   */
  readonly buildOutputImage?: string;
  /**
   * Secret (`kubernetes.io/dockerconfigjson`) with credentials to push `buildOutputImage`.
   * @default - none (a registry that accepts anonymous pushes)
   */
  readonly buildPushSecret?: string;
  /**
   * Replicas.
   * @default 2
   */
  readonly replicas?: number;
  /**
   * CPU and memory of each replica.
   * @default DEFAULT_KAFKA_CONNECT_RESOURCES
   */
  readonly resources?: ResourceRequirements;
}

/** Props of {@link KubernetesDataLake}. */
export interface KubernetesDataLakeProps extends DataLakeBaseProps {
  /**
   * Where zones are stored.
   * @default ObjectStoreKind.SEAWEEDFS
   */
  readonly objectStore?: ObjectStoreKind;
  /**
   * Volume of each SeaweedFS volume server, GiB.
   * @default 100
   */
  readonly objectStoreSizeGiB?: number;
  /**
   * SeaweedFS volume servers.
   * @default 1
   */
  readonly objectStoreVolumeServers?: number;
  /**
   * CPU and memory of each SeaweedFS component.
   * @default DEFAULT_OBJECT_STORE_RESOURCES
   */
  readonly objectStoreResources?: ResourceRequirements;
  /**
   * Volume of each PostgreSQL instance of the metastore database, GiB.
   * @default 10
   */
  readonly metastoreDatabaseSizeGiB?: number;
  /**
   * PostgreSQL instances of the metastore database.
   * @default 2
   */
  readonly metastoreDatabaseInstances?: number;
  /**
   * CPU and memory of each PostgreSQL instance.
   * @default DEFAULT_METASTORE_DATABASE_RESOURCES
   */
  readonly metastoreDatabaseResources?: ResourceRequirements;
  /**
   * CPU and memory of the Hive Metastore.
   * @default DEFAULT_METASTORE_RESOURCES
   */
  readonly metastoreResources?: ResourceRequirements;
  /**
   * Trino workers.
   * @default 2
   */
  readonly trinoWorkers?: number;
  /**
   * CPU and memory of the Trino coordinator and of each worker.
   * @default DEFAULT_TRINO_RESOURCES
   */
  readonly trinoResources?: ResourceRequirements;
  /**
   * The Kafka Connect cluster of `destination()` deliveries.
   * @default - none; binding a destination then fails with a message saying what to set
   */
  readonly kafkaConnect?: LakeKafkaConnectOptions;
}
