import { IConstruct } from 'constructs';
import { SecretsManagerStore } from './aws/secrets-manager-store';
import { KubernetesSecretStore } from './k8s/kubernetes-secret-store';
import { ISecretStore } from './secret-store-contract';
import { TerraformStack } from '../core/cdktf';
import { PipelinePlatform, PlatformKind } from '../platform/platform';

/** Construct id of the default store under its stack. */
export const DEFAULT_SECRET_STORE_ID = 'DefaultSecretStore';

/**
 * The stack's default secret store, created on first use directly under the stack (id
 * `DefaultSecretStore`) and shared by every construct of the stack: a SecretsManagerStore on AWS, a
 * KubernetesSecretStore on Kubernetes. Create a VaultSecretStore yourself to use Vault.
 */
export function defaultSecretStore(scope: IConstruct): ISecretStore {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(DEFAULT_SECRET_STORE_ID);
  if (existing) return existing as unknown as ISecretStore;
  return PipelinePlatform.of(scope).kind === PlatformKind.AWS
    ? new SecretsManagerStore(stack, DEFAULT_SECRET_STORE_ID)
    : new KubernetesSecretStore(stack, DEFAULT_SECRET_STORE_ID);
}
