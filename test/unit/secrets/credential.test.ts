import { Credential, CredentialAttributes, SecretStoreBackend } from '../../../src/secrets';
import { newStack } from '../../support/synth';

describe('Credential.fromAttributes', () => {
  test('keeps the attributes of each backend', () => {
    const stack = newStack();
    const vault = Credential.fromAttributes(stack, 'Vault', {
      credentialName: 'shared-db', username: 'app', backend: SecretStoreBackend.VAULT, vaultMount: 'secret', vaultPath: 'teams/db', kubernetesSecretName: 'shared-db',
    });
    expect([vault.credentialName, vault.username, vault.backend, vault.vaultMount, vault.vaultPath, vault.kubernetesSecretName, vault.secretArn])
      .toEqual(['shared-db', 'app', 'vault', 'secret', 'teams/db', 'shared-db', undefined]);
    expect(vault.node.path).toBe('test/Vault');
  });

  test.each<[string, Partial<CredentialAttributes>, string]>([
    ['SECRETS_MANAGER without secretArn', { backend: SecretStoreBackend.SECRETS_MANAGER },
      'test/Existing: invalid secretArn: received undefined; a secrets-manager credential needs the ARN of its Secrets Manager secret.'],
    ['VAULT without vaultMount', { backend: SecretStoreBackend.VAULT, vaultPath: 'teams/db' },
      'test/Existing: invalid vaultMount: received undefined; a vault credential needs the mount path of its KV v2 engine.'],
    ['VAULT without vaultPath', { backend: SecretStoreBackend.VAULT, vaultMount: 'secret' },
      'test/Existing: invalid vaultPath: received undefined; a vault credential needs the path of the secret inside the mount.'],
    ['KUBERNETES without kubernetesSecretName', { backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: '' },
      'test/Existing: invalid kubernetesSecretName: received ""; a kubernetes credential needs the name of its Secret in the platform namespace.'],
    ['an unknown backend', { backend: 'ssm' as SecretStoreBackend },
      'test/Existing: invalid backend: received "ssm"; use one of secrets-manager, vault, kubernetes.'],
    ['no username', { backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: 'x', username: '' },
      'test/Existing: invalid username: received ""; every credential needs one.'],
  ])('%s is rejected', (_title, attrs, message) => {
    expect(() => Credential.fromAttributes(newStack(), 'Existing', { credentialName: 'x', username: 'x', ...attrs } as CredentialAttributes)).toThrow(message);
  });
});
