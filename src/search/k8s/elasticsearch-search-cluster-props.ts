import { ResourceRequirements } from '../../platform/k8s/resources';
import { RemovalPolicy } from '../../platform/platform';
import { ISecretStore } from '../../secrets/secret-store-contract';

/**
 * Elasticsearch nodes of the default node set. Three master-eligible data nodes keep a quorum
 * (2 of 3) and a replica of every shard when one node is down or drained.
 */
export const DEFAULT_ELASTICSEARCH_NODES = 3;
/** Most Elasticsearch nodes accepted. */
export const MAX_ELASTICSEARCH_NODES = 100;
/** Persistent volume of each Elasticsearch node, GiB. */
export const DEFAULT_ELASTICSEARCH_STORAGE_SIZE_GIB = 100;
/** Largest volume accepted, GiB. */
export const MAX_ELASTICSEARCH_STORAGE_SIZE_GIB = 65_536;
/**
 * CPU and memory of each Elasticsearch node. Elasticsearch sizes its heap to half of the memory
 * limit; requests equal limits for memory so nodes are not evicted under pressure.
 */
export const DEFAULT_ELASTICSEARCH_RESOURCES: ResourceRequirements = { cpuRequest: '1', memoryRequest: '4Gi', memoryLimit: '4Gi' };
/** Name of the node set (StatefulSet `<cluster>-es-<nodeSet>`). */
export const ELASTICSEARCH_NODE_SET_NAME = 'default';
/** Name of the data volume claim template (the name ECK mounts as the data directory). */
export const ELASTICSEARCH_DATA_VOLUME_NAME = 'elasticsearch-data';

/** Kibana instances. */
export const DEFAULT_KIBANA_COUNT = 1;
/** Most Kibana instances accepted. */
export const MAX_KIBANA_COUNT = 10;
/** CPU and memory of each Kibana instance. */
export const DEFAULT_KIBANA_RESOURCES: ResourceRequirements = { cpuRequest: '500m', memoryRequest: '1Gi', memoryLimit: '1Gi' };

/** Logstash instances of each search destination (one Kafka consumer group member each). */
export const DEFAULT_LOGSTASH_COUNT = 1;
/** Most Logstash instances accepted. */
export const MAX_LOGSTASH_COUNT = 20;
/** CPU and memory of each Logstash instance. */
export const DEFAULT_LOGSTASH_RESOURCES: ResourceRequirements = { cpuRequest: '500m', memoryRequest: '2Gi', memoryLimit: '2Gi' };
/**
 * Persistent volume of each Logstash instance, GiB: the persisted queue (`LOGSTASH_QUEUE_MAX_BYTES`)
 * and the dead letter queue (`LOGSTASH_DEAD_LETTER_QUEUE_MAX_BYTES`) live on it.
 */
export const DEFAULT_LOGSTASH_STORAGE_SIZE_GIB = 10;
/** Largest Logstash volume accepted, GiB. */
export const MAX_LOGSTASH_STORAGE_SIZE_GIB = 1024;

/** CPU and memory of each log shipper (Filebeat) pod. */
export const DEFAULT_LOG_SHIPPER_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '256Mi', memoryLimit: '512Mi' };
/** CPU and memory of the Elasticsearch exporter. */
export const DEFAULT_ELASTICSEARCH_EXPORTER_RESOURCES: ResourceRequirements = { cpuRequest: '50m', memoryRequest: '64Mi', memoryLimit: '128Mi' };

/** How Elasticsearch nodes are spread over Kubernetes nodes. */
export enum ElasticsearchAntiAffinity {
  /** Never two nodes of the cluster on one Kubernetes node (needs at least `nodes` Kubernetes nodes). */
  REQUIRED = 'required',
  /** Spread when possible (ECK's default); two nodes may share a Kubernetes node. */
  PREFERRED = 'preferred',
}

/** Anti-affinity of the Elasticsearch nodes: losing one Kubernetes node loses one Elasticsearch node. */
export const DEFAULT_ELASTICSEARCH_ANTI_AFFINITY = ElasticsearchAntiAffinity.REQUIRED;

/** The Logstash instances that load Kafka StreamingIngests into the cluster (`destination()`). */
export interface SearchLogstashOptions {
  /**
   * Instances per destination.
   * @default DEFAULT_LOGSTASH_COUNT (1)
   */
  readonly count?: number;
  /**
   * CPU and memory of each instance.
   * @default DEFAULT_LOGSTASH_RESOURCES
   */
  readonly resources?: ResourceRequirements;
  /**
   * Volume of each instance (persisted queue and dead letter queue), GiB.
   * @default DEFAULT_LOGSTASH_STORAGE_SIZE_GIB (10)
   */
  readonly storageSizeGiB?: number;
}

/** Props of {@link ElasticsearchSearchCluster}. */
export interface ElasticsearchSearchClusterProps {
  /**
   * Name of the Elasticsearch resource, appended to the platform's namePrefix (at most 36
   * characters in all, ECK's limit). Kibana is `<cluster>-kibana`, shortened with a hash when longer.
   * @default - the construct id in kebab case
   */
  readonly name?: string;
  /**
   * Elastic Stack version of Elasticsearch, Kibana, Logstash and Filebeat (8.x or 9.x, one the
   * pinned ECK operator supports).
   * @default ELASTIC_STACK_VERSION
   */
  readonly version?: string;
  /**
   * Elasticsearch nodes (master-eligible data nodes of one node set), 1 to 100.
   * @default DEFAULT_ELASTICSEARCH_NODES (3)
   */
  readonly nodes?: number;
  /**
   * Volume of each node, GiB.
   * @default DEFAULT_ELASTICSEARCH_STORAGE_SIZE_GIB (100)
   */
  readonly storageSizeGiB?: number;
  /**
   * Storage class of the volumes.
   * @default - the platform's storageClassName, else the cluster's default storage class
   */
  readonly storageClassName?: string;
  /**
   * CPU and memory of each node.
   * @default DEFAULT_ELASTICSEARCH_RESOURCES
   */
  readonly resources?: ResourceRequirements;
  /**
   * Spreading of the nodes over Kubernetes nodes.
   * @default DEFAULT_ELASTICSEARCH_ANTI_AFFINITY (REQUIRED)
   */
  readonly antiAffinity?: ElasticsearchAntiAffinity;
  /**
   * Let Elasticsearch memory-map its index files (`node.store.allow_mmap: true`). That needs
   * `vm.max_map_count` of at least 1048576 on every Kubernetes node, which only a privileged
   * DaemonSet or the node's own configuration can set; without it Elasticsearch refuses to start.
   * @default false - `node.store.allow_mmap: false` (no kernel setting needed, slower searches on large indices)
   */
  readonly allowMmap?: boolean;
  /**
   * A Secret (`tls.crt`, `tls.key`, and `ca.crt` when the issuer is not public) holding the HTTP
   * certificate of Elasticsearch, for example one cert-manager issues. TLS is always on.
   * @default - a certificate ECK issues from its self-signed CA (clients trust `<cluster>-es-http-certs-public`)
   */
  readonly httpCertificateSecretName?: string;
  /**
   * A Secret like `httpCertificateSecretName` for Kibana.
   * @default - a certificate ECK issues from its self-signed CA
   */
  readonly kibanaCertificateSecretName?: string;
  /**
   * Kibana instances.
   * @default DEFAULT_KIBANA_COUNT (1)
   */
  readonly kibanaCount?: number;
  /**
   * CPU and memory of each Kibana instance.
   * @default DEFAULT_KIBANA_RESOURCES
   */
  readonly kibanaResources?: ResourceRequirements;
  /**
   * The Logstash instances of `destination()`.
   * @default - DEFAULT_LOGSTASH_COUNT instances of DEFAULT_LOGSTASH_RESOURCES per destination
   */
  readonly logstash?: SearchLogstashOptions;
  /**
   * CPU and memory of each log shipper (Filebeat) pod of `ingestLogs`.
   * @default DEFAULT_LOG_SHIPPER_RESOURCES
   */
  readonly logShipperResources?: ResourceRequirements;
  /**
   * Namespace the log shippers run in. Filebeat reads `/var/log/containers` and `/var/log/pods`
   * from each node through hostPath volumes, which Pod Security "restricted" and "baseline" both
   * forbid, so it runs in its own namespace enforcing "privileged", created by the stack.
   * @default - `<platform namespace>-logs`
   */
  readonly logShipperNamespace?: string;
  /**
   * CPU and memory of the Elasticsearch exporter.
   * @default DEFAULT_ELASTICSEARCH_EXPORTER_RESOURCES
   */
  readonly exporterResources?: ResourceRequirements;
  /**
   * Where the passwords of the cluster's own users (exporter, Logstash writers) are generated. ECK
   * reads them from Kubernetes Secrets: a KubernetesSecretStore or a VaultSecretStore.
   * @default - the stack's default secret store
   */
  readonly secretStore?: ISecretStore;
  /**
   * What happens to the cluster and its data on removal. RETAIN keeps the Elasticsearch resource
   * (`helm.sh/resource-policy: keep`) and its volumes (`volumeClaimDeletePolicy:
   * DeleteOnScaledownOnly`); DESTROY also needs the platform's `allowDataDestruction`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Attributes of an Elasticsearch cluster (and its Kibana) that ECK already runs. */
export interface ElasticsearchSearchClusterAttributes {
  /** Name of the Elasticsearch resource. */
  readonly clusterName: string;
  /**
   * Namespace of the Elasticsearch resource.
   * @default - the platform namespace
   */
  readonly namespace?: string;
  /**
   * Name of the Kibana resource.
   * @default - `<clusterName>-kibana` (shortened with a hash beyond 36 characters, as the construct names it)
   */
  readonly kibanaName?: string;
}
