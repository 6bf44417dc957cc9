import { Construct, IConstruct } from 'constructs';
import { cdcConnectOwner, DEBEZIUM_SOURCE_PLUGINS } from './debezium-plugins';
import { TerraformStack } from '../../../../core/cdktf';
import { invalidProp } from '../../../../core/errors';
import { integerInRange, isUnresolved } from '../../../../core/validate';
import { checkResources } from '../../../../platform/k8s/resources';
import { ConnectCluster } from '../../../../streaming/k8s/connect/connect-cluster';
import { checkConnectImage } from '../../../../streaming/k8s/connect/connect-image';
import { IKafkaCluster } from '../../../../streaming/k8s/kafka-cluster-contract';
import {
  DEFAULT_DEBEZIUM_CONNECT_REPLICAS, DEFAULT_DEBEZIUM_CONNECT_RESOURCES, DebeziumKafkaConnectOptions, MAX_DEBEZIUM_CONNECT_REPLICAS,
} from '../debezium-cdc-source-props';

/** Suffix of the CDC Connect cluster of a Kafka cluster: `<kafka>-cdc`. */
export const CDC_CONNECT_SUFFIX = 'cdc';

const CONNECTS = new WeakMap<IKafkaCluster, DebeziumConnect>();

/** Validates the options a DebeziumCdcSource gives (whether or not it creates the cluster). */
function checkOptions(scope: IConstruct, options: DebeziumKafkaConnectOptions): void {
  integerInRange(scope, 'kafkaConnect.replicas', options.replicas, 1, MAX_DEBEZIUM_CONNECT_REPLICAS, DEFAULT_DEBEZIUM_CONNECT_REPLICAS);
  if (options.resources) checkResources(scope, 'kafkaConnect.resources', options.resources, '2Gi');
}

/**
 * The Kafka Connect cluster `<kafka>-cdc` that runs the Debezium connectors of one Kafka cluster:
 * one per Kafka cluster (the stack's or an imported one), created by the first DebeziumCdcSource
 * that targets a topic of it, shared by the others. Its Role `<connect>-secrets` lets the config
 * provider read its own KafkaUser Secret and the cluster CA certificate, which the MySQL schema
 * history clients use; each source adds a Role for its database credential.
 * @internal
 */
export class DebeziumConnect extends Construct {
  /** The CDC Connect cluster of `kafka`, created with `options` on first use. */
  public static of(source: IConstruct, kafka: IKafkaCluster, options: DebeziumKafkaConnectOptions | undefined): DebeziumConnect {
    if (options) checkOptions(source, options);
    const existing = CONNECTS.get(kafka);
    if (existing) {
      existing.checkSameOptions(source, options);
      return existing;
    }
    checkConnectImage(source, options ?? {}, DEBEZIUM_SOURCE_PLUGINS, cdcConnectOwner(source));
    const key = isUnresolved(kafka.clusterName) ? kafka.node.addr.slice(0, 12) : kafka.clusterName;
    const connect = new DebeziumConnect(TerraformStack.of(source), `DebeziumConnect-${key}`, kafka, options ?? {}, source.node.path);
    CONNECTS.set(kafka, connect);
    return connect;
  }

  /** The Connect cluster. */
  public readonly cluster: ConnectCluster;
  /** Name of the KafkaConnect (and of its KafkaUser and that user's Secret). */
  public readonly connectName: string;
  /** Secret of the Kafka cluster's CA certificate (`ca.crt`), which the Kafka clients trust. */
  public readonly clusterCaSecret: string;
  /** Capture names on this cluster, with the path of the source that declared each. */
  private readonly captures = new Map<string, string>();

  private constructor(
    scope: Construct, id: string, kafka: IKafkaCluster,
    private readonly options: DebeziumKafkaConnectOptions, private readonly createdBy: string,
  ) {
    super(scope, id);
    this.connectName = `${kafka.clusterName}-${CDC_CONNECT_SUFFIX}`;
    this.clusterCaSecret = `${kafka.clusterName}-cluster-ca-cert`;
    this.cluster = new ConnectCluster(this, 'KafkaConnect', {
      name: this.connectName,
      kafka,
      replicas: options.replicas ?? DEFAULT_DEBEZIUM_CONNECT_REPLICAS,
      resources: options.resources ?? DEFAULT_DEBEZIUM_CONNECT_RESOURCES,
      imageOptions: options,
      plugin: DEBEZIUM_SOURCE_PLUGINS,
      secretReaderName: `${this.connectName}-secrets`,
      secretNames: [this.connectName, this.clusterCaSecret],
    });
  }

  /**
   * Records a capture: its name is its KafkaConnector's and its topic prefix, so it must be unique
   * on the cluster.
   */
  public register(source: IConstruct, captureName: string): void {
    const owner = this.captures.get(captureName);
    if (owner) {
      throw invalidProp(source, 'captureName', captureName, `already used by ${owner} on the Kafka Connect cluster "${this.connectName}" (it names the connector and its topics); give each DebeziumCdcSource its own captureName`);
    }
    this.captures.set(captureName, source.node.path);
  }

  private checkSameOptions(source: IConstruct, options: DebeziumKafkaConnectOptions | undefined): void {
    if (options === undefined || JSON.stringify(options) === JSON.stringify(this.options)) return;
    throw invalidProp(
      source,
      'kafkaConnect',
      options,
      `the Debezium Kafka Connect cluster "${this.connectName}" is shared by every DebeziumCdcSource of its Kafka cluster and was created by ${this.createdBy} with ${JSON.stringify(this.options)}; give kafkaConnect on one DebeziumCdcSource only, or identical options on each`,
    );
  }
}
