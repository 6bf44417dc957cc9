import { AwsPlatform, KubernetesPlatform } from '../../../src';
import {
  DEFAULT_SECRET_STORE_ID, defaultSecretStore, KubernetesSecretStore, SecretsManagerStore, SecretStoreBackend,
} from '../../../src/secrets';
import { newStack } from '../../support/synth';

describe('defaultSecretStore', () => {
  test('AWS: one SecretsManagerStore per stack, under the stack', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    const store = defaultSecretStore(stack);
    expect(store).toBeInstanceOf(SecretsManagerStore);
    expect(store.backend).toBe(SecretStoreBackend.SECRETS_MANAGER);
    expect(store.node.path).toBe(`test/${DEFAULT_SECRET_STORE_ID}`);
    expect(DEFAULT_SECRET_STORE_ID).toBe('DefaultSecretStore');
    // Asked from a nested construct: the same store.
    expect(defaultSecretStore(stack.node.findChild('Platform'))).toBe(store);
  });

  test('Kubernetes: one KubernetesSecretStore per stack; each stack its own', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    const store = defaultSecretStore(stack);
    expect(store).toBeInstanceOf(KubernetesSecretStore);
    expect(store.backend).toBe(SecretStoreBackend.KUBERNETES);
    expect(defaultSecretStore(stack)).toBe(store);

    const other = newStack('other');
    new KubernetesPlatform(other, 'Platform', { namePrefix: 'beta' });
    expect(defaultSecretStore(other)).not.toBe(store);
  });

  test('needs a platform', () => {
    expect(() => defaultSecretStore(newStack())).toThrow(
      'test: no platform in stack "test". Add one before any pipeline construct: new AwsPlatform(stack, \'Platform\', {...}) or new KubernetesPlatform(stack, \'Platform\', {...}).',
    );
  });
});
