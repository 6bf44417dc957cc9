import { IConstruct } from 'constructs';
import { invalidConfig, invalidProp, PipelineValidationError } from '../../../core/errors';
import { WarehouseClientPeer } from '../../warehouse-contract';

/** Role names CloudNativePG reserves. */
export const RESERVED_ROLES = ['postgres', 'streaming_replica', 'cnpg_pooler_pgbouncer'];

/** The podLabels of a client peer (Kubernetes selects clients by pod labels). @internal */
export function checkClientPeer(scope: IConstruct, peer: WarehouseClientPeer): Record<string, string> {
  if (peer.securityGroupId !== undefined) {
    throw invalidProp(scope, 'peer.securityGroupId', peer.securityGroupId, 'security groups are AWS-only; on Kubernetes give peer.podLabels');
  }
  if (!peer.podLabels || Object.keys(peer.podLabels).length === 0) {
    throw invalidProp(scope, 'peer.podLabels', peer.podLabels, 'give the labels of the client pods (an empty selector would open the warehouse to every pod of the namespace)');
  }
  return peer.podLabels;
}

/** The error for a table the warehouse does not declare. @internal */
export function unknownTable(scope: IConstruct, prop: string, key: string, known: string[]): PipelineValidationError {
  const allowed = known.length > 0
    ? `use one of the warehouse's tables: ${known.join(', ')}`
    : 'the warehouse declares no tables; add it to the tables prop';
  return invalidProp(scope, prop, key, allowed);
}

/** The error of a SecretStore whose credentials are not Kubernetes Secrets. @internal */
export function storeWithoutKubernetesSecret(scope: IConstruct, backend: string): PipelineValidationError {
  return invalidConfig(
    scope,
    `the warehouse's SecretStore (${backend}) keeps no Kubernetes Secret, and CloudNativePG reads role passwords from one; use a KubernetesSecretStore or a VaultSecretStore (which mirrors into a Kubernetes Secret).`,
  );
}
