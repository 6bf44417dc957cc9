import { Construct, IConstruct } from 'constructs';
import { KafkaAcl } from './kafka-acl';
import { KafkaClusterAttributes } from './kafka-cluster-attributes';
import { IKafkaCluster } from './kafka-cluster-contract';
import { KafkaAuthentication, KafkaClusterOptions, ResolvedKafkaClusterOptions } from './kafka-cluster-options';
import { kafkaClusterResources } from './kafka-cluster-spec';
import { ImportedKafkaCluster, registeredKafkaCluster, registerKafkaCluster } from './private/imported-kafka-cluster';
import { allowKafkaClusterTraffic } from './private/kafka-cluster-network';
import { kafkaClusterOptionDifferences, resolveKafkaClusterOptions } from './private/kafka-cluster-validation';
import { KafkaUsers } from './private/kafka-users';
import { bootstrapAddress } from './strimzi-constants';
import { StrimziOperator } from './strimzi-operator';
import { TerraformStack } from '../../core/cdktf';
import { invalidConfig, invalidProp } from '../../core/errors';
import { checkName, KubernetesNameRules } from '../../core/naming';
import { IIdentity } from '../../identity/identity';
import { CustomResources, KubernetesObject } from '../../platform/k8s/custom-resources';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { RemovalPolicy } from '../../platform/platform';

/** Suffix of the Kafka cluster's name: `<namePrefix>-kafka`. */
export const KAFKA_CLUSTER_NAME_SUFFIX = 'kafka';

const CLUSTER = Symbol.for('cdktf-data-pipelines.kafka-cluster');

/**
 * A Strimzi Kafka cluster (KRaft: controllers and brokers as two KafkaNodePools) with a TLS
 * listener, simple authorization, durable defaults (replication 3, min ISR 2, no unclean leader
 * election, no implicit topics), metrics, and topic and user operators. Its custom resources, and
 * the topics and users added later, go through one Helm release applied after the Strimzi
 * operator, so one apply installs everything on an empty cluster.
 *
 * One per stack; Kafka StreamingIngests share it through `KafkaCluster.of(scope, options)`.
 */
export class KafkaCluster extends Construct implements IKafkaCluster {
  /**
   * The stack's Kafka cluster, created with `options` on first use. A later call with options
   * that differ from the first ones is an error (the cluster is shared); without options it
   * returns the existing cluster.
   * @param scope the construct asking (named in error messages)
   * @param options options of the cluster
   */
  public static of(scope: IConstruct, options?: KafkaClusterOptions): KafkaCluster {
    const stack = TerraformStack.of(scope);
    const platform = KubernetesPlatform.ofKubernetes(scope);
    const existing = (stack as any)[CLUSTER] as KafkaCluster | undefined;
    const requested = options ? resolveKafkaClusterOptions(scope, options, 'cluster.', platform.storageClassName) : undefined;
    if (!existing) return new KafkaCluster(stack, 'KafkaCluster', options ?? {});
    const differences = requested ? kafkaClusterOptionDifferences(existing.options, requested) : [];
    if (differences.length > 0) {
      throw invalidProp(
        scope,
        'cluster',
        options,
        `the stack's Kafka StreamingIngests share one Kafka cluster, ${existing.node.path}, whose options differ: ${differences.join(', ')}; give the cluster options on one StreamingIngest only, or identical options on each`,
      );
    }
    return existing;
  }

  /**
   * An existing Strimzi Kafka cluster; its topics and users are delivered by a Helm release of
   * this stack. One per cluster name per stack: a second call returns the first import.
   */
  public static fromClusterAttributes(scope: Construct, id: string, attrs: KafkaClusterAttributes): IKafkaCluster {
    const stack = TerraformStack.of(scope);
    const own = (stack as any)[CLUSTER] as KafkaCluster | undefined;
    if (own && own.clusterName === attrs.clusterName) return own;
    const registered = registeredKafkaCluster(scope, attrs);
    if (registered) return registered;
    return registerKafkaCluster(new ImportedKafkaCluster(scope, id, attrs));
  }

  public readonly clusterName: string;
  public readonly bootstrapServers: string;
  public readonly authentication: KafkaAuthentication;
  public readonly customResources: CustomResources;
  /** The removal policy in effect for the cluster's resources and volumes. */
  public readonly removalPolicy: RemovalPolicy;
  /** The Strimzi operator the cluster's resources are applied after. */
  public readonly strimziOperator: StrimziOperator;
  private readonly options: ResolvedKafkaClusterOptions;
  private readonly users: KafkaUsers;

  constructor(scope: Construct, id: string, options: KafkaClusterOptions = {}) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    const existing = (stack as any)[CLUSTER] as KafkaCluster | undefined;
    if (existing) {
      throw invalidConfig(this, `stack "${stack.node.id}" already has a Kafka cluster at ${existing.node.path}; use KafkaCluster.of(scope) to share it.`);
    }
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.options = resolveKafkaClusterOptions(this, options, '', platform.storageClassName);
    this.clusterName = checkName(this, 'cluster name', `${platform.namePrefix}-${KAFKA_CLUSTER_NAME_SUFFIX}`, KubernetesNameRules.KAFKA_CLUSTER);
    Object.defineProperty(stack, CLUSTER, { value: this, enumerable: false });
    this.authentication = this.options.authentication;
    this.bootstrapServers = bootstrapAddress(this.clusterName, platform.namespace);
    this.removalPolicy = platform.effectiveRemovalPolicy(this, this.options.removalPolicy);

    this.strimziOperator = StrimziOperator.of(this);
    this.customResources = new CustomResources(this, 'Resources', {
      releaseName: `${this.clusterName}-resources`,
      dependsOn: [this.strimziOperator.chart.release],
    });
    const resources = kafkaClusterResources({
      clusterName: this.clusterName,
      options: this.options,
      destroy: this.removalPolicy === RemovalPolicy.DESTROY,
      labels: platform.labels('kafka'),
    });
    resources.forEach((r) => this.customResources.add(r));
    allowKafkaClusterTraffic(this, platform, this.clusterName);
    this.users = new KafkaUsers(this, this.clusterName, this.authentication, (o) => this.customResources.add(o));
  }

  public addResource(resource: KubernetesObject): void {
    this.customResources.add(resource);
  }

  public grantAccess(identity: IIdentity, acls: KafkaAcl[]): void {
    this.users.grant(identity, acls);
  }
}
