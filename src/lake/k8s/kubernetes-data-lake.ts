import { Construct } from 'constructs';
import { KubernetesDataLakeAttributes } from './kubernetes-data-lake-attributes';
import {
  DEFAULT_LAKE_OPERATOR_RESOURCES, DEFAULT_METASTORE_DATABASE_INSTANCES, DEFAULT_METASTORE_DATABASE_RESOURCES,
  DEFAULT_METASTORE_DATABASE_SIZE_GIB, DEFAULT_METASTORE_RESOURCES, DEFAULT_OBJECT_STORE, DEFAULT_OBJECT_STORE_RESOURCES,
  DEFAULT_OBJECT_STORE_SIZE_GIB, DEFAULT_OBJECT_STORE_VOLUME_SERVERS, DEFAULT_TRINO_RESOURCES, DEFAULT_TRINO_WORKERS, KubernetesDataLakeProps,
  ObjectStoreKind,
} from './kubernetes-data-lake-options';
import { IKubernetesLakeSink, KubernetesLakeDestination } from './kubernetes-lake-destination';
import { DEFAULT_LAKE_ZONES, DEFAULT_TABLE_FORMAT, IDataLake, LakeDestinationOptions, TableFormat } from '../data-lake-contract';
import { ImportedKubernetesDataLake } from './private/imported-data-lake';
import {
  AIVEN_S3_SINK_PLUGIN, LAKE_CONNECTOR_TASKS, lakeConnectOwner, lakeKafkaConnect, lakeS3SinkConfig,
} from './private/kafka-connect';
import { invalidGrantIdentity, unknownZone } from './private/lake-errors';
import { LakeNames } from './private/lake-names';
import { metastore } from './private/metastore';
import { LAKE_ADMIN_S3_IDENTITY, LakeS3Principal, s3CredentialsGenerator, seaweedfs } from './private/object-store';
import { lakeOperators } from './private/operators';
import { trino } from './private/trino';
import { invalidProp } from '../../core/errors';
import { integerInRange } from '../../core/validate';
import { IIdentity } from '../../identity/identity';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { AIVEN_S3_SINK_CLASS } from '../../platform/k8s/lake-versions';
import { checkResources } from '../../platform/k8s/resources';
import { RemovalPolicy } from '../../platform/platform';
import { IStreamDestination, KafkaConnectBindOptions } from '../../streaming/destination';
import { checkConnectBinding, ConnectCluster } from '../../streaming/k8s/connect/connect-cluster';

const ZONE_NAME = /^[a-z0-9][a-z0-9-]{0,18}[a-z0-9]$/;
/** A service account name (DNS label): safe as a SeaweedFS identity, a Secret name prefix and in the Job's shell. */
const GRANTEE_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The zones an identity was granted. */
interface LakeGrant {
  readonly read: Set<string>;
  readonly write: Set<string>;
}

/**
 * The data lake on Kubernetes: SeaweedFS (S3, one bucket per zone, keys generated in the cluster),
 * a Hive Metastore (Stackable) on PostgreSQL (CloudNativePG, TLS), Trino with an Iceberg catalog
 * `lake` as the SQL engine, the Spark operator, and Kafka Connect deliveries from Kafka
 * StreamingIngests. Tables are created at run time by Trino or Spark (`tables` is rejected).
 */
export class KubernetesDataLake extends Construct implements IDataLake, IKubernetesLakeSink {
  /** A lake that already runs on Kubernetes (grants and destinations are not available on it). */
  public static fromLakeAttributes(scope: Construct, id: string, attrs: KubernetesDataLakeAttributes): IDataLake {
    return new ImportedKubernetesDataLake(scope, id, attrs);
  }

  public readonly zoneNames: string[];
  public readonly tableFormat: TableFormat;
  /** Object store of the zones. */
  public readonly objectStore: ObjectStoreKind;
  /** URL of Trino (the SQL endpoint; catalog `lake`, one schema per zone). */
  public readonly sqlEndpoint: string;
  /** Thrift URI of the Hive Metastore. */
  public readonly metastoreUri: string;
  /** URL of the SeaweedFS S3 gateway (HTTP inside the namespace). */
  public readonly s3Endpoint: string;
  /** Secret holding the lake's S3 keys (`accessKey`, `secretKey`), generated in the cluster. */
  public readonly s3CredentialsSecretName: string;
  /** The removal policy in effect for the metastore database. */
  public readonly removalPolicy: RemovalPolicy;
  private readonly names: LakeNames;
  private readonly grants = new Map<string, LakeGrant>();
  private connect?: ConnectCluster;

  constructor(scope: Construct, id: string, private readonly props: KubernetesDataLakeProps = {}) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.objectStore = props.objectStore ?? DEFAULT_OBJECT_STORE;
    if (this.objectStore !== ObjectStoreKind.SEAWEEDFS) {
      throw invalidProp(this, 'objectStore', this.objectStore, 'only ObjectStoreKind.SEAWEEDFS is available (HDFS needs a ZooKeeper znode from the Stackable zookeeper-operator, which is not supported yet)');
    }
    this.tableFormat = props.tableFormat ?? DEFAULT_TABLE_FORMAT;
    if (this.tableFormat !== TableFormat.ICEBERG) {
      throw invalidProp(this, 'tableFormat', this.tableFormat, 'the Kubernetes lake\'s Trino catalog is Iceberg on the Hive Metastore; use TableFormat.ICEBERG');
    }
    if (props.tables?.length) {
      throw invalidProp(this, 'tables', props.tables.map((t) => `${t.zone}.${t.name}`), 'on Kubernetes tables are created at run time: run CREATE TABLE lake.<zone>.<table> (...) on Trino (sqlEndpoint) or from Spark; remove tables');
    }
    const zones = props.zones ?? DEFAULT_LAKE_ZONES;
    this.zoneNames = zones.map((z) => z.name);
    this.zoneNames.forEach((zone, i) => {
      if (!ZONE_NAME.test(zone) || this.zoneNames.indexOf(zone) !== i) {
        throw invalidProp(this, `zones[${i}].name`, zone, 'use 2 to 20 lowercase letters, digits and hyphens, unique across zones');
      }
    });
    this.removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);

    this.names = new LakeNames(platform);
    this.sqlEndpoint = this.names.sqlEndpoint;
    this.metastoreUri = this.names.metastoreUri;
    this.s3Endpoint = this.names.s3Endpoint;
    this.s3CredentialsSecretName = this.names.credentialsSecret;

    const operators = lakeOperators(this, this.names, DEFAULT_LAKE_OPERATOR_RESOURCES);
    const credentials = s3CredentialsGenerator(this, this.names, () => this.s3Principals());
    const store = seaweedfs(this, {
      names: this.names,
      buckets: this.zoneNames.map((z) => this.names.bucket(z)),
      sizeGiB: integerInRange(this, 'objectStoreSizeGiB', props.objectStoreSizeGiB, 1, 65_536, DEFAULT_OBJECT_STORE_SIZE_GIB),
      volumeServers: integerInRange(this, 'objectStoreVolumeServers', props.objectStoreVolumeServers, 1, 100, DEFAULT_OBJECT_STORE_VOLUME_SERVERS),
      resources: checkResources(this, 'objectStoreResources', props.objectStoreResources ?? DEFAULT_OBJECT_STORE_RESOURCES),
      storageClassName: platform.storageClassName,
    }, credentials);
    const catalog = metastore(this, {
      names: this.names,
      labels: platform.labels('data-lake'),
      databaseInstances: integerInRange(this, 'metastoreDatabaseInstances', props.metastoreDatabaseInstances, 1, 9, DEFAULT_METASTORE_DATABASE_INSTANCES),
      databaseSizeGiB: integerInRange(this, 'metastoreDatabaseSizeGiB', props.metastoreDatabaseSizeGiB, 1, 65_536, DEFAULT_METASTORE_DATABASE_SIZE_GIB),
      databaseResources: checkResources(this, 'metastoreDatabaseResources', props.metastoreDatabaseResources ?? DEFAULT_METASTORE_DATABASE_RESOURCES),
      metastoreResources: checkResources(this, 'metastoreResources', props.metastoreResources ?? DEFAULT_METASTORE_RESOURCES),
      storageClassName: platform.storageClassName,
      retain: this.removalPolicy === RemovalPolicy.RETAIN,
    }, operators);
    catalog.node.addDependency(store);
    trino(this, {
      names: this.names,
      workers: integerInRange(this, 'trinoWorkers', props.trinoWorkers, 1, 100, DEFAULT_TRINO_WORKERS),
      resources: checkResources(this, 'trinoResources', props.trinoResources ?? DEFAULT_TRINO_RESOURCES),
      dependsOn: [credentials.release, catalog.release],
    });
    if (props.kafkaConnect?.resources) checkResources(this, 'kafkaConnect.resources', props.kafkaConnect.resources);
    integerInRange(this, 'kafkaConnect.replicas', props.kafkaConnect?.replicas, 1, 100, 0);
  }

  public zoneLocation(zone: string): string {
    this.checkZone(this, zone);
    return `s3://${this.names.bucket(zone)}/`;
  }

  public databaseName(zone: string): string {
    this.checkZone(this, zone);
    return zone.replace(/-/g, '_');
  }

  /**
   * Lets `identity` read the zone's bucket (SeaweedFS actions `Read` and `List` on it). The identity
   * gets its own S3 keys, generated in the cluster at install into the Secret
   * `<identityName>-lake-s3` (`accessKey`, `secretKey`, `endpoint`, `region`), which its pods mount.
   * Grants are rendered into the pre-install key generator Job: make them before the lake is first
   * installed (a grant added to an installed lake is not applied).
   */
  public grantRead(identity: IIdentity, zone: string): void {
    this.grant(identity, zone, 'Read').read.add(zone);
  }

  /**
   * Lets `identity` read and write the zone's bucket (SeaweedFS actions `Read`, `Write` and `List` on
   * it), with keys in the Secret `<identityName>-lake-s3` as for {@link grantRead}.
   */
  public grantWrite(identity: IIdentity, zone: string): void {
    this.grant(identity, zone, 'Write').write.add(zone);
  }

  public destination(options: LakeDestinationOptions): IStreamDestination {
    this.checkZone(this, options.zone);
    return new KubernetesLakeDestination(this, options);
  }

  /** Adds the Kafka Connect resources of a bound destination (called by `KubernetesLakeDestination`). */
  public addKafkaConnector(scope: Construct, options: KafkaConnectBindOptions, zone: string, keyPrefix: string): void {
    const o = this.props.kafkaConnect ?? {};
    checkConnectBinding(scope, this.connect, options.cluster, o, AIVEN_S3_SINK_PLUGIN, lakeConnectOwner(this));
    this.connect ??= lakeKafkaConnect(this, this.names, options.cluster, o);
    const config = lakeS3SinkConfig(this.names, this.names.bucket(zone), keyPrefix);
    this.connect.addSinkConnector(options.resourceSuffix, options.topicName, AIVEN_S3_SINK_CLASS, LAKE_CONNECTOR_TASKS, config);
  }

  private grant(identity: IIdentity, zone: string, access: string): LakeGrant {
    this.checkZone(this, zone);
    const name = identity.identityName;
    if (!GRANTEE_NAME.test(name)) throw invalidGrantIdentity(this, identity, access);
    let grant = this.grants.get(name);
    if (!grant) {
      grant = { read: new Set(), write: new Set() };
      this.grants.set(name, grant);
    }
    return grant;
  }

  /** The admin principal of the lake's components, then one per granted identity (sorted by name). */
  private s3Principals(): LakeS3Principal[] {
    const admin: LakeS3Principal = {
      name: LAKE_ADMIN_S3_IDENTITY,
      secretName: this.names.credentialsSecret,
      actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
    };
    const granted = [...this.grants.keys()].sort().map((name): LakeS3Principal => {
      const grant = this.grants.get(name)!;
      const actions = this.zoneNames.flatMap((zone) => {
        const bucket = this.names.bucket(zone);
        if (grant.write.has(zone)) return [`Read:${bucket}`, `Write:${bucket}`, `List:${bucket}`];
        if (grant.read.has(zone)) return [`Read:${bucket}`, `List:${bucket}`];
        return [];
      });
      return { name, secretName: this.names.identityS3Secret(name), actions };
    });
    return [admin, ...granted];
  }

  private checkZone(scope: Construct, zone: string): void {
    if (!this.zoneNames.includes(zone)) throw unknownZone(scope, zone, this.zoneNames);
  }
}
