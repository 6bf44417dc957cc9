import { Construct, IConstruct } from 'constructs';
import { KafkaUsers } from './kafka-users';
import { TerraformStack } from '../../../core/cdktf';
import { invalidProp } from '../../../core/errors';
import { checkName, KubernetesNameRules } from '../../../core/naming';
import { isUnresolved } from '../../../core/validate';
import { IIdentity } from '../../../identity/identity';
import { CustomResources, KubernetesObject } from '../../../platform/k8s/custom-resources';
import { KafkaAcl } from '../kafka-acl';
import { KafkaClusterAttributes } from '../kafka-cluster-attributes';
import { IKafkaCluster } from '../kafka-cluster-contract';
import { DEFAULT_KAFKA_AUTHENTICATION, KafkaAuthentication } from '../kafka-cluster-options';


const BOOTSTRAP_SERVERS = /^[^\s:,]+:\d+(,[^\s:,]+:\d+)*$/;
const IMPORTED = Symbol.for('cdktf-data-pipelines.imported-kafka-clusters');

function registry(scope: IConstruct): Map<string, ImportedKafkaCluster> {
  const stack = TerraformStack.of(scope) as any;
  if (!stack[IMPORTED]) Object.defineProperty(stack, IMPORTED, { value: new Map(), enumerable: false });
  return stack[IMPORTED];
}

/**
 * The stack's import of the cluster named in `attrs`, if any; a clear error when it was imported
 * with other attributes.
 * @internal
 */
export function registeredKafkaCluster(scope: IConstruct, attrs: KafkaClusterAttributes): ImportedKafkaCluster | undefined {
  const existing = registry(scope).get(attrs.clusterName);
  const authentication = attrs.authentication ?? DEFAULT_KAFKA_AUTHENTICATION;
  if (existing && (existing.bootstrapServers !== attrs.bootstrapServers || existing.authentication !== authentication)) {
    throw invalidProp(
      scope,
      'bootstrapServers/authentication',
      { bootstrapServers: attrs.bootstrapServers, authentication },
      `Kafka cluster "${attrs.clusterName}" is already imported at ${existing.node.path} with ${JSON.stringify({ bootstrapServers: existing.bootstrapServers, authentication: existing.authentication })}; use the same attributes`,
    );
  }
  return existing;
}

/** @internal */
export function registerKafkaCluster(cluster: ImportedKafkaCluster): ImportedKafkaCluster {
  registry(cluster).set(cluster.clusterName, cluster);
  return cluster;
}

/**
 * An existing Strimzi Kafka cluster. Its topics and users go through a Helm release of this stack,
 * created on first use.
 * @internal
 */
export class ImportedKafkaCluster extends Construct implements IKafkaCluster {
  public readonly clusterName: string;
  public readonly bootstrapServers: string;
  public readonly authentication: KafkaAuthentication;
  private resources?: CustomResources;
  private readonly users: KafkaUsers;

  constructor(scope: Construct, id: string, attrs: KafkaClusterAttributes) {
    super(scope, id);
    this.clusterName = checkName(this, 'clusterName', attrs.clusterName, KubernetesNameRules.KAFKA_CLUSTER);
    if (typeof attrs.bootstrapServers !== 'string' || (!isUnresolved(attrs.bootstrapServers) && !BOOTSTRAP_SERVERS.test(attrs.bootstrapServers))) {
      throw invalidProp(this, 'bootstrapServers', attrs.bootstrapServers, 'use "host:port" pairs separated by commas');
    }
    this.bootstrapServers = attrs.bootstrapServers;
    this.authentication = attrs.authentication ?? DEFAULT_KAFKA_AUTHENTICATION;
    if (!Object.values(KafkaAuthentication).includes(this.authentication)) {
      throw invalidProp(this, 'authentication', this.authentication, `use one of ${Object.values(KafkaAuthentication).join(', ')}`);
    }
    this.users = new KafkaUsers(this, this.clusterName, this.authentication, (o) => this.addResource(o));
  }

  public get customResources(): CustomResources {
    this.resources ??= new CustomResources(this, 'Resources', { releaseName: `${this.clusterName}-resources`, dependsOn: [] });
    return this.resources;
  }

  public addResource(resource: KubernetesObject): void {
    this.customResources.add(resource);
  }

  public grantAccess(identity: IIdentity, acls: KafkaAcl[]): void {
    this.users.grant(identity, acls);
  }
}
