import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1';
import { Construct } from 'constructs';
import { IIdentity } from '../../../identity/identity';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { ICredential } from '../../secret-store-contract';
import { CREDENTIAL_COMPONENT } from '../kubernetes-secret-constants';

/**
 * Lets the identity's service account `get` exactly one Secret of the platform namespace: a Role per
 * credential (`resourceNames` = that Secret) and a RoleBinding per credential and identity, both
 * under `scope` (created once; granting twice is a no-op).
 * @internal
 */
export function grantSecretReader(scope: Construct, identity: IIdentity, credential: ICredential, secretName: string): RoleBindingV1 {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const key = credential.node.addr.slice(0, 12);
  const bindingId = `ReaderBinding-${key}-${identity.node.addr.slice(0, 12)}`;
  const existing = scope.node.tryFindChild(bindingId);
  if (existing) return existing as RoleBindingV1;
  const labels = platform.labels(CREDENTIAL_COMPONENT);
  const role = (scope.node.tryFindChild(`Reader-${key}`) as RoleV1 | undefined) ?? new RoleV1(scope, `Reader-${key}`, {
    metadata: { name: `${secretName}-reader`, namespace: platform.namespace, labels },
    rule: [{ apiGroups: [''], resources: ['secrets'], resourceNames: [secretName], verbs: ['get'] }],
    dependsOn: platform.baseline,
  });
  return new RoleBindingV1(scope, bindingId, {
    metadata: { name: `${secretName}-${identity.identityName}`, namespace: platform.namespace, labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
    subject: [{ kind: 'ServiceAccount', name: identity.identityName, namespace: platform.namespace }],
  });
}
