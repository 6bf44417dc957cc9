import { IConstruct } from 'constructs';
import { invalidProp } from '../../../core/errors';
import { checkName, KubernetesNameRules } from '../../../core/naming';
import { IIdentity } from '../../../identity/identity';
import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { KafkaAcl, KafkaAclOperation, KafkaAclPatternType, KafkaAclResourceType, mergeAcls } from '../kafka-acl';
import { KafkaAuthentication } from '../kafka-cluster-options';
import { STRIMZI_API_VERSION, STRIMZI_CLUSTER_LABEL } from '../strimzi-constants';

interface UserEntry {
  readonly grants: KafkaAcl[];
  /** The `acls` array of the KafkaUser object, rewritten in place as grants accumulate. */
  readonly rendered: Record<string, any>[];
}

/**
 * The KafkaUsers of one cluster: one per identity, ACL rules merged across grants.
 * @internal
 */
export class KafkaUsers {
  private readonly users = new Map<string, UserEntry>();

  constructor(
    private readonly cluster: IConstruct,
    private readonly clusterName: string,
    private readonly authentication: KafkaAuthentication,
    private readonly add: (object: KubernetesObject) => void,
  ) {}

  public grant(identity: IIdentity, acls: KafkaAcl[]): void {
    const name = checkName(identity, 'identityName', identity.identityName, KubernetesNameRules.DNS_LABEL);
    acls.forEach((acl, i) => this.check(this.cluster, `acls[${i}]`, acl));
    let entry = this.users.get(name);
    if (!entry) {
      entry = { grants: [], rendered: [] };
      this.users.set(name, entry);
      const platform = KubernetesPlatform.ofKubernetes(this.cluster);
      this.add({
        apiVersion: STRIMZI_API_VERSION,
        kind: 'KafkaUser',
        metadata: { name, labels: { ...platform.labels('kafka-user'), [STRIMZI_CLUSTER_LABEL]: this.clusterName } },
        spec: {
          authentication: { type: this.authentication },
          authorization: { type: 'simple', acls: entry.rendered },
        },
      });
    }
    entry.grants.push(...acls);
    entry.rendered.splice(0, entry.rendered.length, ...mergeAcls(entry.grants));
  }

  private check(scope: IConstruct, prop: string, acl: KafkaAcl): void {
    if (!Object.values(KafkaAclResourceType).includes(acl.resourceType)) {
      throw invalidProp(scope, `${prop}.resourceType`, acl.resourceType, `use one of ${Object.values(KafkaAclResourceType).join(', ')}`);
    }
    if (acl.patternType !== undefined && !Object.values(KafkaAclPatternType).includes(acl.patternType)) {
      throw invalidProp(scope, `${prop}.patternType`, acl.patternType, `use one of ${Object.values(KafkaAclPatternType).join(', ')}`);
    }
    if (typeof acl.resourceName !== 'string' || acl.resourceName.length === 0) {
      throw invalidProp(scope, `${prop}.resourceName`, acl.resourceName, 'use a non-empty resource name');
    }
    const allowed = Object.values(KafkaAclOperation) as string[];
    if (!acl.operations?.length || acl.operations.some((o) => !allowed.includes(o))) {
      throw invalidProp(scope, `${prop}.operations`, acl.operations, `use one or more of ${allowed.join(', ')}`);
    }
  }
}
