import { Construct } from 'constructs';
import { ImportedCredential } from './imported-credential';
import { ICredential, SecretStoreBackend } from '../secret-store-contract';

/**
 * A `kubernetes.io/basic-auth` Secret (keys `username` and `password`) that something other than a
 * SecretStore manages, such as the database owner's `<cluster>-app` Secret CloudNativePG generates.
 * @internal
 */
export function kubernetesBasicAuthCredential(scope: Construct, id: string, secretName: string, username: string): ICredential {
  return new ImportedCredential(scope, id, {
    backend: SecretStoreBackend.KUBERNETES, credentialName: secretName, username, kubernetesSecretName: secretName,
  });
}
