import { Construct } from 'constructs';
import {
  elasticsearchPodLabels, elasticsearchUrl, ELASTICSEARCH_EXPORTER_PORT, ELASTICSEARCH_EXPORTER_PORT_NAME, httpCaSecretName, KIBANA_NAME_LABEL,
  kibanaUrl, LOGSTASH_NAME_LABEL,
} from './eck-constants';
import { EckOperator } from './eck-operator';
import {
  DEFAULT_ELASTICSEARCH_ANTI_AFFINITY, DEFAULT_ELASTICSEARCH_EXPORTER_RESOURCES, DEFAULT_ELASTICSEARCH_NODES, DEFAULT_ELASTICSEARCH_RESOURCES,
  DEFAULT_ELASTICSEARCH_STORAGE_SIZE_GIB, DEFAULT_KIBANA_COUNT, DEFAULT_KIBANA_RESOURCES, DEFAULT_LOG_SHIPPER_RESOURCES, DEFAULT_LOGSTASH_COUNT,
  DEFAULT_LOGSTASH_RESOURCES, DEFAULT_LOGSTASH_STORAGE_SIZE_GIB, ElasticsearchAntiAffinity, ElasticsearchSearchClusterAttributes,
  ElasticsearchSearchClusterProps, MAX_ELASTICSEARCH_NODES, MAX_ELASTICSEARCH_STORAGE_SIZE_GIB, MAX_KIBANA_COUNT, MAX_LOGSTASH_COUNT,
  MAX_LOGSTASH_STORAGE_SIZE_GIB,
} from './elasticsearch-search-cluster-props';
import { elasticsearchResource, HELM_KEEP_ANNOTATION, kibanaResource } from './private/cluster-resources';
import { ECK_NAME_RULE, exporterNameOf, kibanaNameOf, roleName, shortenName } from './private/eck-names';
import { exporterResources } from './private/exporter';
import { FileRealm, MONITOR_CLUSTER_PRIVILEGES, WRITER_INDEX_PRIVILEGES } from './private/file-realm';
import { ImportedElasticsearchSearchCluster } from './private/imported-search-cluster';
import { beatAccess, beatPodLabels, beatResource, beatUserName, LogShipperNamespace, NAMESPACE_NAME_LABEL } from './private/log-shipper';
import { logstashResource } from './private/logstash';
import { ElasticsearchDestination, ResolvedSearchDestination, searchDestinationName } from './private/search-destination';
import { allowElasticsearchClient, allowSearchClusterTraffic } from './private/search-network';
import { checkIndex, checkStackVersion } from './private/validation';
import { invalidProp } from '../../core/errors';
import { checkName, kebab, KubernetesNameRules } from '../../core/naming';
import { escapeTerraformTemplates } from '../../core/terraform-escape';
import { integerInRange } from '../../core/validate';
import { Identity } from '../../identity/identity';
import { CustomResources } from '../../platform/k8s/custom-resources';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { checkResources, ResourceRequirements } from '../../platform/k8s/resources';
import { ELASTIC_STACK_VERSION } from '../../platform/k8s/search-versions';
import { RemovalPolicy } from '../../platform/platform';
import { defaultSecretStore } from '../../secrets/default-secret-store';
import { ICredential, ISecretStore, SecretStoreBackend } from '../../secrets/secret-store-contract';
import { IStreamDestination, KafkaConnectBindOptions } from '../../streaming/destination';
import { readAcls, writeAcls } from '../../streaming/k8s/kafka-acl';
import { kafkaTopicResource } from '../../streaming/k8s/kafka-topic';
import {
  DEFAULT_LOG_INDEX, ISearchCluster, SearchBackupMode, SearchDestinationOptions, SearchEngine, SearchLogSources,
} from '../search-cluster-contract';

/** Retention of the archive topic every document also goes to under `SearchBackupMode.ALL_DOCUMENTS`, hours (90 days). */
export const SEARCH_ARCHIVE_RETENTION_HOURS = 2160;
/** Partitions of an archive topic. */
export const SEARCH_ARCHIVE_PARTITIONS = 3;
/** Suffix of an archive topic: `<source topic>-<destination>-archive`. */
export const SEARCH_ARCHIVE_TOPIC_SUFFIX = 'archive';

/** Longest credential name (after the namePrefix). */
const CREDENTIAL_NAME_MAX = 32;

/**
 * The search cluster on Kubernetes: Elasticsearch and Kibana run by ECK (operator shared per stack,
 * `EckOperator`).
 *
 * - Elasticsearch: one node set of `nodes` (default 3) master-eligible data nodes on persistent
 *   volumes, TLS on HTTP (ECK's self-signed CA or `httpCertificateSecretName`) and transport,
 *   `node.store.allow_mmap: false` unless `allowMmap`, anti-affinity across Kubernetes nodes, one
 *   node at a time for changes and disruptions, users and roles through ECK's file realm.
 * - Kibana connected through `elasticsearchRef`, HTTPS.
 * - Metrics: the Prometheus community's elasticsearch_exporter (Deployment + Service), as a user
 *   whose only role is `monitor`; an observability stack scrapes it (`exporterLabels`,
 *   `exporterPortName`) and alerts on health, disk, heap, shards and pending tasks.
 * - `destination()`: a Logstash per bound Kafka StreamingIngest, `ingestLogs()`: a Filebeat
 *   DaemonSet in a "privileged" log shipper namespace.
 * - NetworkPolicies for every connection.
 *
 * RemovalPolicy.RETAIN (the default) keeps the Elasticsearch resource and its role Secrets when they
 * leave the release (`helm.sh/resource-policy: keep`) and the volumes when the cluster is deleted
 * (`volumeClaimDeletePolicy: DeleteOnScaledownOnly`).
 */
export class ElasticsearchSearchCluster extends Construct implements ISearchCluster {
  /** An Elasticsearch cluster ECK already runs (its URLs; destinations and log shipping are not available). */
  public static fromAttributes(scope: Construct, id: string, attrs: ElasticsearchSearchClusterAttributes): ISearchCluster {
    return new ImportedElasticsearchSearchCluster(scope, id, attrs);
  }

  public readonly engine = SearchEngine.ELASTICSEARCH;
  /** `https://<cluster>-es-http.<namespace>.svc:9200`. */
  public readonly endpoint: string;
  /** `https://<kibana>-kb-http.<namespace>.svc:5601`. */
  public readonly dashboardsUrl: string;
  /** Name of the Elasticsearch resource (also the cluster name, the exporter's `cluster` label). */
  public readonly clusterName: string;
  /** Name of the Kibana resource. */
  public readonly kibanaName: string;
  /** Namespace of the cluster, Kibana and the exporter. */
  public readonly namespace: string;
  /** Elastic Stack version. */
  public readonly version: string;
  /** Elasticsearch nodes. */
  public readonly nodes: number;
  /** Name of the exporter's Deployment and Service. */
  public readonly exporterName: string;
  /** Labels of the exporter's pods (and Service). */
  public readonly exporterLabels: Record<string, string>;
  /** Port of the exporter's metrics endpoint. */
  public readonly exporterPort: number = ELASTICSEARCH_EXPORTER_PORT;
  /** Name of that port (container and Service). */
  public readonly exporterPortName: string = ELASTICSEARCH_EXPORTER_PORT_NAME;
  /** Namespace of the log shippers (created by the first `ingestLogs`). */
  public readonly logShipperNamespace: string;
  /** The removal policy in effect for the cluster and its volumes. */
  public readonly removalPolicy: RemovalPolicy;
  /** The Helm release delivering the cluster's resources. */
  public readonly customResources: CustomResources;
  /** The ECK operator the resources are applied after. */
  public readonly eckOperator: EckOperator;

  private readonly shortName: string;
  private readonly elasticsearchPods: Record<string, string>;
  private readonly fileRealm: FileRealm;
  private readonly labels: Record<string, string>;
  private readonly logstashNames = new Set<string>();
  private readonly beatNames = new Set<string>();
  private resolvedStore?: ISecretStore;
  private shipper?: LogShipperNamespace;
  private logResources?: CustomResources;

  constructor(scope: Construct, id: string, private readonly props: ElasticsearchSearchClusterProps = {}) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.shortName = props.name ?? kebab(id);
    this.clusterName = checkName(this, 'name', `${platform.namePrefix}-${this.shortName}`, ECK_NAME_RULE);
    this.kibanaName = kibanaNameOf(this.clusterName);
    this.namespace = platform.namespace;
    this.version = checkStackVersion(this, props.version ?? ELASTIC_STACK_VERSION);
    this.nodes = integerInRange(this, 'nodes', props.nodes, 1, MAX_ELASTICSEARCH_NODES, DEFAULT_ELASTICSEARCH_NODES);
    const storageSizeGiB = integerInRange(this, 'storageSizeGiB', props.storageSizeGiB, 1, MAX_ELASTICSEARCH_STORAGE_SIZE_GIB, DEFAULT_ELASTICSEARCH_STORAGE_SIZE_GIB);
    const kibanaCount = integerInRange(this, 'kibanaCount', props.kibanaCount, 1, MAX_KIBANA_COUNT, DEFAULT_KIBANA_COUNT);
    const resources = checkResources(this, 'resources', props.resources ?? DEFAULT_ELASTICSEARCH_RESOURCES);
    const kibanaResources = checkResources(this, 'kibanaResources', props.kibanaResources ?? DEFAULT_KIBANA_RESOURCES);
    const exporterResourceRequirements = checkResources(this, 'exporterResources', props.exporterResources ?? DEFAULT_ELASTICSEARCH_EXPORTER_RESOURCES);
    this.checkLogstashOptions();
    if (props.logShipperResources) checkResources(this, 'logShipperResources', props.logShipperResources);
    const antiAffinity = props.antiAffinity ?? DEFAULT_ELASTICSEARCH_ANTI_AFFINITY;
    if (!Object.values(ElasticsearchAntiAffinity).includes(antiAffinity)) {
      throw invalidProp(this, 'antiAffinity', antiAffinity, `use one of ${Object.values(ElasticsearchAntiAffinity).join(', ')}`);
    }
    if (props.httpCertificateSecretName !== undefined) checkName(this, 'httpCertificateSecretName', props.httpCertificateSecretName, KubernetesNameRules.DNS_LABEL);
    if (props.kibanaCertificateSecretName !== undefined) checkName(this, 'kibanaCertificateSecretName', props.kibanaCertificateSecretName, KubernetesNameRules.DNS_LABEL);
    if (props.secretStore && props.secretStore.backend === SecretStoreBackend.SECRETS_MANAGER) {
      throw invalidProp(this, 'secretStore', props.secretStore.backend, 'ECK reads its users\' passwords from Kubernetes Secrets: use a KubernetesSecretStore or a VaultSecretStore (which mirrors into a Kubernetes Secret)');
    }
    this.logShipperNamespace = checkName(this, 'logShipperNamespace', props.logShipperNamespace ?? `${this.namespace}-logs`, KubernetesNameRules.DNS_LABEL);
    if (this.logShipperNamespace === this.namespace) {
      throw invalidProp(this, 'logShipperNamespace', this.logShipperNamespace, `use a namespace other than the platform namespace: Filebeat's hostPath volumes need Pod Security "privileged", which the platform namespace ("${this.namespace}") does not allow`);
    }
    this.removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    const retain = this.removalPolicy === RemovalPolicy.RETAIN;
    this.labels = platform.labels('search');
    this.elasticsearchPods = elasticsearchPodLabels(this.clusterName);
    this.endpoint = elasticsearchUrl(this.clusterName, this.namespace);
    this.dashboardsUrl = kibanaUrl(this.kibanaName, this.namespace);
    this.exporterName = exporterNameOf(this.clusterName);
    this.exporterLabels = { 'app.kubernetes.io/name': 'elasticsearch-exporter', 'app.kubernetes.io/instance': this.exporterName };

    this.eckOperator = EckOperator.of(this);
    this.customResources = new CustomResources(this, 'Resources', { releaseName: `${this.clusterName}-search`, dependsOn: [this.eckOperator.release] });
    this.fileRealm = new FileRealm(this.clusterName);
    const exporterCredential = this.addUser('ExporterCredential', 'exporter', 'the Elasticsearch exporter (cluster monitor only)');
    this.fileRealm.grant({
      name: roleName(this.clusterName, 'exporter'),
      cluster: MONITOR_CLUSTER_PRIVILEGES,
      indices: [{ names: ['*'], privileges: ['monitor'] }],
    }, exporterCredential.username);

    const keep = retain ? HELM_KEEP_ANNOTATION : {};
    this.customResources._addLazy(() => this.fileRealm.rolesSecret(this.labels, keep));
    this.customResources._addLazy(() => this.fileRealm.roleMappingSecret(this.labels, keep));
    this.customResources._addLazy(() => elasticsearchResource({
      clusterName: this.clusterName,
      labels: this.labels,
      version: this.version,
      nodes: this.nodes,
      storageSizeGiB,
      storageClassName: props.storageClassName ?? platform.storageClassName,
      resources,
      antiAffinity,
      allowMmap: props.allowMmap ?? false,
      httpCertificateSecretName: props.httpCertificateSecretName,
      auth: this.fileRealm.auth(),
      retain,
    }));
    this.customResources.add(kibanaResource({
      kibanaName: this.kibanaName,
      clusterName: this.clusterName,
      labels: this.labels,
      version: this.version,
      count: kibanaCount,
      resources: kibanaResources,
      certificateSecretName: props.kibanaCertificateSecretName,
    }));
    exporterResources({
      name: this.exporterName,
      labels: this.labels,
      podLabels: this.exporterLabels,
      url: this.endpoint,
      caSecretName: httpCaSecretName(this.clusterName),
      credentialSecretName: exporterCredential.kubernetesSecretName!,
      resources: exporterResourceRequirements,
    }).forEach((o) => this.customResources.add(o));

    allowSearchClusterTraffic(this, {
      clusterName: this.clusterName,
      elasticsearch: this.elasticsearchPods,
      kibanaName: this.kibanaName,
      kibana: { [KIBANA_NAME_LABEL]: this.kibanaName },
      exporterName: this.exporterName,
      exporter: this.exporterLabels,
      operator: this.eckOperator.podLabels,
    });
  }

  /**
   * A destination loading a Kafka StreamingIngest into `options.index` with a Logstash of this
   * cluster (one per bound StreamingIngest): records are read as JSON over TLS with a KafkaUser
   * allowed to read the topic and its consumer group, and written with `action => "create"` (one
   * document per record, ids generated by Elasticsearch; at-least-once delivery can index a record
   * twice after a restart) over TLS verified with ECK's CA, as a user whose role may only create
   * documents in that index.
   *
   * Backups (`backupMode`): FAILED_DOCUMENTS_ONLY keeps rejected documents in Logstash's dead letter
   * queue on its persistent volume (`LOGSTASH_DEAD_LETTER_QUEUE_PATH`, 4 GB and 30 days at most per
   * instance); ALL_DOCUMENTS also writes every record to the Kafka topic
   * `<topic>-<destination>-archive` (3 replicas, `SEARCH_ARCHIVE_RETENTION_HOURS`), from which an
   * index can be rebuilt.
   */
  public destination(options: SearchDestinationOptions): IStreamDestination {
    const index = checkIndex(this, 'index', options.index);
    const backupMode = options.backupMode ?? SearchBackupMode.FAILED_DOCUMENTS_ONLY;
    if (!Object.values(SearchBackupMode).includes(backupMode)) {
      throw invalidProp(this, 'backupMode', backupMode, `use one of ${Object.values(SearchBackupMode).join(', ')}`);
    }
    const destinationName = options.destinationName ?? searchDestinationName(index);
    return new ElasticsearchDestination({ addLogstash: (s, o, d) => this._addLogstash(s, o, d) }, { index, backupMode, destinationName });
  }

  /**
   * Ships the container logs of `sources.namespaces` into daily indices `<index>-yyyy.MM.dd` with a
   * Filebeat DaemonSet (Kubernetes autodiscover, read-only ClusterRole on pods, namespaces and
   * nodes) in the log shipper namespace (`logShipperNamespace`, Pod Security "privileged": it reads
   * `/var/log/containers` and `/var/log/pods` through read-only hostPath volumes, as root without
   * capabilities). It writes through its `elasticsearchRef`; the cluster's role mapping gives the
   * user ECK creates for it a role that may only create documents in `<index>-*`.
   */
  public ingestLogs(id: string, sources: SearchLogSources): void {
    if (sources.logGroupNames?.length) {
      throw invalidProp(this, 'logGroupNames', sources.logGroupNames, 'CloudWatch log groups are AWS-only; on Kubernetes list namespaces');
    }
    const namespaces = sources.namespaces ?? [];
    if (namespaces.length === 0) throw invalidProp(this, 'namespaces', sources.namespaces, 'list at least one namespace whose container logs are shipped');
    namespaces.forEach((ns, i) => checkName(this, `namespaces[${i}]`, ns, KubernetesNameRules.DNS_LABEL));
    const index = checkIndex(this, 'index', sources.index ?? DEFAULT_LOG_INDEX);
    const name = shortenName(`${this.clusterName}-logs-${kebab(id)}`);
    if (this.beatNames.has(name)) throw invalidProp(this, 'id', id, `the cluster already ships logs as "${id}"; use another id`);
    this.beatNames.add(name);

    const platform = KubernetesPlatform.ofKubernetes(this);
    this.shipper ??= new LogShipperNamespace(this, 'LogShipperNamespace', this.logShipperNamespace);
    this.eckOperator._manageNamespace(this.logShipperNamespace);
    this.logResources ??= new CustomResources(this, 'LogShipperResources', {
      releaseName: `${this.clusterName}-log-shippers`,
      dependsOn: [this.eckOperator.release, this.customResources.release, ...this.shipper.baseline],
    });
    const scope = new Construct(this, `Logs${id}`);
    const podLabels = beatPodLabels(name);
    beatAccess(scope, this.shipper, name, this.namespace, this.elasticsearchPods, podLabels);
    this.fileRealm.grant({
      name: roleName(name, 'writer'),
      cluster: MONITOR_CLUSTER_PRIVILEGES,
      indices: [{ names: [`${index}-*`], privileges: WRITER_INDEX_PRIVILEGES }],
    }, beatUserName(this.logShipperNamespace, name));
    this.logResources.add(escapeTerraformTemplates(beatResource({
      name,
      namespace: this.logShipperNamespace,
      labels: { ...platform.labels('log-shipper'), ...podLabels },
      version: this.version,
      clusterName: this.clusterName,
      clusterNamespace: this.namespace,
      namespaces,
      index,
      resources: this.props.logShipperResources ?? DEFAULT_LOG_SHIPPER_RESOURCES,
    })));
    allowElasticsearchClient(scope, this.clusterName, this.elasticsearchPods, name,
      { namespaceLabels: { [NAMESPACE_NAME_LABEL]: this.logShipperNamespace }, podLabels });
  }

  /**
   * Adds the Logstash of a bound destination (called by the destination).
   * @internal
   */
  public _addLogstash(scope: Construct, options: KafkaConnectBindOptions, destination: ResolvedSearchDestination): void {
    const platform = KubernetesPlatform.ofKubernetes(this);
    const name = shortenName(`${this.clusterName}-ls-${options.resourceSuffix}`);
    if (this.logstashNames.has(name)) {
      throw invalidProp(scope, 'destinationName', destination.destinationName, `the cluster ${this.node.path} already loads this StreamingIngest into a destination of that name; give each destination its own destinationName`);
    }
    this.logstashNames.add(name);
    const owner = new Construct(this, `Logstash-${name}`);
    const identity = Identity.fromServiceAccount(owner, 'KafkaUser', name);
    options.cluster.grantAccess(identity, readAcls(options.topicName, name));
    let archiveTopic: string | undefined;
    if (destination.backupMode === SearchBackupMode.ALL_DOCUMENTS) {
      archiveTopic = checkName(scope, 'archive topic', `${options.topicName}-${destination.destinationName}-${SEARCH_ARCHIVE_TOPIC_SUFFIX}`, KubernetesNameRules.KAFKA_TOPIC);
      options.cluster.addResource(kafkaTopicResource({
        topicName: archiveTopic,
        clusterName: options.cluster.clusterName,
        partitions: SEARCH_ARCHIVE_PARTITIONS,
        retentionHours: SEARCH_ARCHIVE_RETENTION_HOURS,
        retain: this.removalPolicy === RemovalPolicy.RETAIN,
        labels: platform.labels('kafka-topic'),
      }));
      options.cluster.grantAccess(identity, writeAcls(archiveTopic));
    }
    const credential = this.addUser(`WriterCredential-${name}`, `ls-${options.resourceSuffix}`, `Logstash ${name} (writes index ${destination.index})`);
    this.fileRealm.grant({
      name: roleName(name, 'writer'),
      cluster: MONITOR_CLUSTER_PRIVILEGES,
      indices: [{ names: [destination.index], privileges: WRITER_INDEX_PRIVILEGES }],
    }, credential.username);
    const logstash = this.props.logstash ?? {};
    const podLabels = { [LOGSTASH_NAME_LABEL]: name };
    this.customResources.add(escapeTerraformTemplates(logstashResource({
      name,
      labels: platform.labels('search-destination'),
      podLabels,
      version: this.version,
      count: logstash.count ?? DEFAULT_LOGSTASH_COUNT,
      resources: logstash.resources ?? DEFAULT_LOGSTASH_RESOURCES,
      storageSizeGiB: logstash.storageSizeGiB ?? DEFAULT_LOGSTASH_STORAGE_SIZE_GIB,
      storageClassName: this.props.storageClassName ?? platform.storageClassName,
      clusterName: this.clusterName,
      namespace: this.namespace,
      bootstrapServers: options.cluster.bootstrapServers,
      kafkaClusterName: options.cluster.clusterName,
      authentication: options.cluster.authentication,
      kafkaUser: name,
      topicName: options.topicName,
      credentialSecretName: credential.kubernetesSecretName!,
      index: destination.index,
      backupMode: destination.backupMode,
      archiveTopic,
    })));
    allowElasticsearchClient(owner, this.clusterName, this.elasticsearchPods, name, { podLabels }, podLabels);
  }

  private get store(): ISecretStore {
    this.resolvedStore ??= this.props.secretStore ?? defaultSecretStore(this);
    return this.resolvedStore;
  }

  /** A file realm user `<cluster>_<suffix>` whose password the store generates. */
  private addUser(id: string, suffix: string, purpose: string): ICredential {
    let credentialName = shortenName(`${this.shortName}-${suffix}`, CREDENTIAL_NAME_MAX);
    if (!/^[a-z]/.test(credentialName)) credentialName = shortenName(`es-${credentialName}`, CREDENTIAL_NAME_MAX);
    const credential = this.store.generateCredential(`${this.clusterName}-${id}`, {
      name: credentialName,
      username: shortenName(`${this.clusterName}-${suffix}`, 63).replace(/-/g, '_'),
      description: `Elasticsearch user of ${purpose} on ${this.clusterName}`,
    });
    if (!credential.kubernetesSecretName) {
      throw invalidProp(this, 'secretStore', this.store.backend, 'ECK reads its users\' passwords from Kubernetes Secrets: use a KubernetesSecretStore or a VaultSecretStore');
    }
    this.fileRealm.addUserSecret(credential.kubernetesSecretName);
    return credential;
  }

  private checkLogstashOptions(): void {
    const o = this.props.logstash;
    if (!o) return;
    integerInRange(this, 'logstash.count', o.count, 1, MAX_LOGSTASH_COUNT, DEFAULT_LOGSTASH_COUNT);
    integerInRange(this, 'logstash.storageSizeGiB', o.storageSizeGiB, 1, MAX_LOGSTASH_STORAGE_SIZE_GIB, DEFAULT_LOGSTASH_STORAGE_SIZE_GIB);
    if (o.resources) checkResources(this, 'logstash.resources', o.resources as ResourceRequirements);
  }
}
