import { IConstruct } from 'constructs';
import { sourceCredentialName } from './source-names';
import { invalidConfig, invalidProp } from '../../../../core/errors';
import { defaultSecretStore } from '../../../../secrets/default-secret-store';
import { ICredential, ISecretStore, SecretStoreBackend } from '../../../../secrets/secret-store-contract';

/**
 * The store of a source database's credentials: the given one, else the stack's default. Its
 * credentials must be Kubernetes Secrets (the operators and the MySQL pod read them from there).
 * @internal
 */
export function resolveSourceStore(scope: IConstruct, store: ISecretStore | undefined): ISecretStore {
  if (store && store.backend === SecretStoreBackend.SECRETS_MANAGER) {
    throw invalidProp(scope, 'secretStore', store.backend,
      'the database reads its users\' passwords from Kubernetes Secrets: use a KubernetesSecretStore or a VaultSecretStore (which mirrors into a Kubernetes Secret)');
  }
  return store ?? defaultSecretStore(scope);
}

/** What one generated database user is. @internal */
export interface SourceUser {
  /** Construct id of the credential under the store. */
  readonly id: string;
  /** Name of the database (`<namePrefix>-<name>`), for the description. */
  readonly database: string;
  /** The short name of the database (after the namePrefix), for the credential's name. */
  readonly shortName: string;
  /** Suffix of the credential's name (`<shortName>-<suffix>`). */
  readonly suffix: string;
  /** The user name (equal to the database user). */
  readonly username: string;
  /** What the user is for, for the description. */
  readonly purpose: string;
}

/** A generated credential held in a Kubernetes Secret (keys `username` and `password`). @internal */
export function generateSourceCredential(scope: IConstruct, store: ISecretStore, user: SourceUser): ICredential {
  const credential = store.generateCredential(user.id, {
    name: sourceCredentialName(user.shortName, user.suffix),
    username: user.username,
    description: `${user.purpose} ${user.username} of the source database ${user.database}`,
  });
  if (!credential.kubernetesSecretName) {
    throw invalidConfig(
      scope,
      `the SecretStore (${store.backend}) keeps no Kubernetes Secret, and the database reads its users' passwords from one; use a KubernetesSecretStore or a VaultSecretStore (which mirrors into a Kubernetes Secret).`,
    );
  }
  return credential;
}
