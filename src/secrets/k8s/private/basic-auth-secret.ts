import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { Construct } from 'constructs';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { BASIC_AUTH_SECRET_TYPE, CNPG_RELOAD_LABEL, CREDENTIAL_COMPONENT } from '../kubernetes-secret-constants';

/** What one basic-auth Secret holds. @internal */
export interface BasicAuthSecretInput {
  /** Secret name (a DNS label, checked by the caller). */
  readonly name: string;
  readonly username: string;
  /** The password (a token of a Terraform expression; never a literal). */
  readonly password: string;
  /** Sent as `data_wo_revision`: the data is written when it changes. */
  readonly revision: number;
  readonly removalPolicy?: RemovalPolicy;
  /** Connection fields stored next to the pair (`host`, `port`, ...). */
  readonly connection?: Record<string, string>;
}

/**
 * A `kubernetes.io/basic-auth` Secret in the platform namespace whose `username` and `password` go
 * only through the write-only `data_wo` (with `data_wo_revision`): the provider neither stores them
 * in state nor reads them back. Labelled `cnpg.io/reload: "true"` so CloudNativePG picks up a rotated
 * password; stateful, so RETAIN sets `prevent_destroy`. Shared by the Kubernetes store and the Vault
 * store's mirror.
 * @internal
 */
export function basicAuthSecret(scope: Construct, id: string, input: BasicAuthSecretInput): SecretV1 {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const secret = new SecretV1(scope, id, {
    metadata: {
      name: input.name,
      namespace: platform.namespace,
      labels: { ...platform.labels(CREDENTIAL_COMPONENT), [CNPG_RELOAD_LABEL]: 'true' },
    },
    type: BASIC_AUTH_SECRET_TYPE,
    dataWo: { username: input.username, password: input.password, ...input.connection },
    dataWoRevision: input.revision,
    dependsOn: platform.baseline,
  });
  platform.protect(secret, input.removalPolicy);
  return secret;
}
