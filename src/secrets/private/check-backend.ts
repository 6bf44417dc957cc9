import { IConstruct } from 'constructs';
import { invalidConfig } from '../../core/errors';
import { ICredential, SecretStoreBackend } from '../secret-store-contract';

/**
 * Refuses a grant on a credential of another backend (errors name the store).
 * @internal
 */
export function checkCredentialBackend(store: IConstruct, credential: ICredential, backend: SecretStoreBackend): void {
  if (credential.backend !== backend) {
    throw invalidConfig(store,
      `cannot grant read on credential "${credential.credentialName}" (${credential.node.path}): it lives in ${credential.backend} and this store is ${backend}; grant it through a ${credential.backend} store.`);
  }
}
