import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { Identity, KubernetesPlatform, RemovalPolicy } from '../../../../src';
import {
  BASIC_AUTH_SECRET_TYPE, CNPG_RELOAD_LABEL, Credential, DEFAULT_KUBERNETES_AUTH_PATH, DEFAULT_PASSWORD_LENGTH, DEFAULT_VAULT_TOKEN_MAX_TTL_SECONDS,
  DEFAULT_VAULT_TOKEN_TTL_SECONDS, SecretStoreBackend, VaultSecretStore,
} from '../../../../src/secrets';
import { newStack, ref, synth } from '../../../support/synth';

function vaultStack(props: { allowDataDestruction?: boolean; provider?: boolean } = {}): TerraformStack {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', allowDataDestruction: props.allowDataDestruction });
  if (props.provider ?? true) new VaultProvider(stack, 'Vault', { address: 'https://vault.example.com:8200' });
  return stack;
}

describe('VaultSecretStore.generateCredential', () => {
  test('a KV v2 secret written only through data_json_wo, and its basic-auth mirror from the same local', () => {
    const stack = vaultStack();
    const store = new VaultSecretStore(stack, 'Store');
    const credential = store.generateCredential('Bi', { name: 'bi', username: 'bi_reader', revision: 2 });
    const out = synth(stack);

    expect(out.only('vault_mount')).toEqual({
      path: 'acme-kv',
      type: 'kv-v2',
      description: 'acme: generated credentials (cdktf-data-pipelines)',
      lifecycle: { prevent_destroy: true },
    });
    const [[localId, expression]] = Object.entries<string>(out.json.locals);
    expect(expression).toBe(`\${substr(join("", [replace(uuid(), "-", "")]), 0, ${DEFAULT_PASSWORD_LENGTH})}`);
    expect(out.only('vault_kv_secret_v2')).toEqual({
      mount: ref(out, 'vault_mount', 'KvMount', 'path'),
      name: 'acme/bi',
      data_json_wo: `\${jsonencode({"username" = "bi_reader", "password" = local.${localId}})}`,
      data_json_wo_version: 2,
      delete_all_versions: false,
      lifecycle: { prevent_destroy: true },
    });
    const mirror = out.only('kubernetes_secret_v1');
    expect(mirror.metadata.name).toBe('acme-bi');
    expect(mirror.metadata.labels[CNPG_RELOAD_LABEL]).toBe('true');
    expect(mirror.type).toBe(BASIC_AUTH_SECRET_TYPE);
    expect(mirror.data_wo).toEqual({ username: 'bi_reader', password: `\${local.${localId}}` });
    expect(mirror.data_wo_revision).toBe(2);
    expect(mirror.lifecycle).toEqual({ prevent_destroy: true });

    // The local feeds exactly the two write-only attributes; nothing is written in plain text.
    const text = JSON.stringify(out.json);
    expect(text.split(`local.${localId}`)).toHaveLength(3);
    expect(text).not.toMatch(/"data_json":|"data":/);

    expect(credential.backend).toBe(SecretStoreBackend.VAULT);
    expect(credential.credentialName).toBe('acme-bi');
    expect(credential.vaultMount).toBe('acme-kv');
    expect(credential.vaultPath).toBe('acme/bi');
    expect(credential.kubernetesSecretName).toBe('acme-bi');
  });

  test('an existing mount; DESTROY (allowed) deletes every version and protects nothing', () => {
    const stack = vaultStack({ allowDataDestruction: true });
    new VaultSecretStore(stack, 'Store', { existingKvMount: 'secret', removalPolicy: RemovalPolicy.DESTROY })
      .generateCredential('Bi', { name: 'bi', username: 'bi_reader' });
    const out = synth(stack);
    expect(out.resources('vault_mount')).toEqual({});
    const secret = out.only('vault_kv_secret_v2');
    expect(secret.mount).toBe('secret');
    expect(secret.delete_all_versions).toBe(true);
    expect(secret.lifecycle).toBeUndefined();
    expect(out.only('kubernetes_secret_v1').lifecycle).toBeUndefined();
  });

  test('a custom mount path', () => {
    const stack = vaultStack();
    const credential = new VaultSecretStore(stack, 'Store', { kvMountPath: 'teams/data' }).generateCredential('Bi', { name: 'bi', username: 'bi_reader' });
    expect(synth(stack).only('vault_mount').path).toBe('teams/data');
    expect(credential.vaultMount).toBe('teams/data');
  });
});

describe('VaultSecretStore.grantRead', () => {
  test('a read-only policy per credential; one role per identity carrying every granted policy; a Role on the mirror', () => {
    const stack = vaultStack();
    const store = new VaultSecretStore(stack, 'Store');
    const bi = store.generateCredential('Bi', { name: 'bi', username: 'bi_reader' });
    const loader = store.generateCredential('Loader', { name: 'loader', username: 'loader' });
    const app = new Identity(stack, 'App', { name: 'app' });
    store.grantRead(app, bi);
    store.grantRead(app, loader);
    store.grantRead(app, bi); // a no-op
    const out = synth(stack);

    const policies = Object.values<any>(out.resources('vault_policy'));
    expect(policies).toHaveLength(2);
    expect(policies).toEqual(expect.arrayContaining([
      { name: 'acme-bi-read', policy: 'path "acme-kv/data/acme/bi" {\n  capabilities = ["read"]\n}\n' },
      { name: 'acme-loader-read', policy: 'path "acme-kv/data/acme/loader" {\n  capabilities = ["read"]\n}\n' },
    ]));
    // In grant order: bi, then loader.
    const policyId = (name: string) => Object.entries<any>(out.resources('vault_policy')).find(([, p]) => p.name === name)![0];
    const policyIds = [policyId('acme-bi-read'), policyId('acme-loader-read')];
    expect(out.only('vault_kubernetes_auth_backend_role')).toEqual({
      backend: DEFAULT_KUBERNETES_AUTH_PATH,
      role_name: 'acme-app',
      bound_service_account_names: ['acme-app'],
      bound_service_account_namespaces: ['acme'],
      token_policies: policyIds.map((id) => `\${vault_policy.${id}.name}`),
      token_ttl: DEFAULT_VAULT_TOKEN_TTL_SECONDS,
      token_max_ttl: DEFAULT_VAULT_TOKEN_MAX_TTL_SECONDS,
    });
    expect([DEFAULT_VAULT_TOKEN_TTL_SECONDS, DEFAULT_VAULT_TOKEN_MAX_TTL_SECONDS]).toEqual([900, 3600]);

    const roles = Object.values<any>(out.resources('kubernetes_role_v1'));
    expect(roles.map((r) => r.rule[0].resource_names).sort()).toEqual([['acme-bi'], ['acme-loader']]);
    expect(roles.every((r) => r.rule[0].verbs.join() === 'get')).toBe(true);
    expect(Object.keys(out.resources('kubernetes_role_binding_v1'))).toHaveLength(2);
  });

  test('a created Kubernetes auth method, custom TTLs and audience, an explicit provider', () => {
    const stack = vaultStack({ provider: false });
    const provider = new VaultProvider(stack, 'Vault', { address: 'https://vault.example.com:8200', alias: 'ops' });
    const store = new VaultSecretStore(stack, 'Store', {
      provider,
      kubernetesAuthPath: 'k8s-acme',
      createKubernetesAuth: { kubernetesHost: 'https://kubernetes.default.svc' },
      tokenTtlSeconds: 300,
      tokenMaxTtlSeconds: 600,
      roleAudience: 'vault',
    });
    store.grantRead(Identity.fromServiceAccount(stack, 'Sa', 'acme-app'), store.generateCredential('Bi', { name: 'bi', username: 'bi_reader' }));
    const out = synth(stack);
    expect(out.only('vault_auth_backend')).toEqual({ type: 'kubernetes', path: 'k8s-acme', provider: 'vault.ops' });
    expect(out.only('vault_kubernetes_auth_backend_config')).toEqual({
      backend: ref(out, 'vault_auth_backend', 'KubernetesAuth', 'path'),
      kubernetes_host: 'https://kubernetes.default.svc',
      provider: 'vault.ops',
    });
    const role = out.only('vault_kubernetes_auth_backend_role');
    expect(role.backend).toBe(ref(out, 'vault_kubernetes_auth_backend_config', 'KubernetesAuthConfig', 'backend'));
    expect([role.token_ttl, role.token_max_ttl, role.audience, role.provider]).toEqual([300, 600, 'vault', 'vault.ops']);
    for (const type of ['vault_mount', 'vault_kv_secret_v2', 'vault_policy']) expect(out.only(type).provider).toBe('vault.ops');
  });

  test('an existing Vault credential; refuses other backends', () => {
    const stack = vaultStack();
    const store = new VaultSecretStore(stack, 'Store');
    const existing = Credential.fromAttributes(stack, 'Shared', {
      credentialName: 'shared-db', username: 'app', backend: SecretStoreBackend.VAULT, vaultMount: 'secret', vaultPath: 'teams/db',
    });
    store.grantRead(Identity.fromServiceAccount(stack, 'Sa', 'acme-app'), existing);
    const out = synth(stack);
    expect(out.only('vault_policy')).toEqual({ name: 'shared-db-read', policy: 'path "secret/data/teams/db" {\n  capabilities = ["read"]\n}\n' });
    expect(out.resources('kubernetes_role_v1')).toEqual({});

    const k8s = Credential.fromAttributes(stack, 'K8s', {
      credentialName: 'acme-x', username: 'x', backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: 'acme-x',
    });
    expect(() => store.grantRead(Identity.fromServiceAccount(stack, 'Sa2', 'acme-app2'), k8s)).toThrow(
      'test/Store: cannot grant read on credential "acme-x" (test/K8s): it lives in kubernetes and this store is vault; grant it through a kubernetes store.',
    );
  });
});

describe('VaultSecretStore.agentAnnotations', () => {
  test('render the credential as JSON to /vault/secrets/<name> with the identity\'s role', () => {
    const stack = vaultStack();
    const store = new VaultSecretStore(stack, 'Store', { agentTlsSecretName: 'vault-ca' });
    const bi = store.generateCredential('Bi', { name: 'bi', username: 'bi_reader' });
    const app = new Identity(stack, 'App', { name: 'app' });
    store.grantRead(app, bi);
    expect(store.agentAnnotations(bi, app)).toEqual({
      'vault.hashicorp.com/agent-inject': 'true',
      'vault.hashicorp.com/role': 'acme-app',
      'vault.hashicorp.com/auth-path': 'auth/kubernetes',
      'vault.hashicorp.com/agent-inject-secret-bi': 'acme-kv/data/acme/bi',
      'vault.hashicorp.com/agent-inject-template-bi': '{{- with secret "acme-kv/data/acme/bi" -}}{{ .Data.data | toJSON }}{{- end -}}',
      'vault.hashicorp.com/tls-secret': 'vault-ca',
      'vault.hashicorp.com/ca-cert': '/vault/tls/ca.crt',
    });
  });

  test('need a grant first and a Vault credential', () => {
    const stack = vaultStack();
    const store = new VaultSecretStore(stack, 'Store');
    const bi = store.generateCredential('Bi', { name: 'bi', username: 'bi_reader' });
    const app = new Identity(stack, 'App', { name: 'app' });
    expect(() => store.agentAnnotations(bi, app)).toThrow(
      'test/Store: agentAnnotations: identity "acme-app" cannot read credential "acme-bi" yet; call grantRead(identity, credential) first.',
    );
    const k8s = Credential.fromAttributes(stack, 'K8s', { credentialName: 'acme-x', username: 'x', backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: 'acme-x' });
    expect(() => store.agentAnnotations(k8s, app)).toThrow('test/Store: agentAnnotations: credential "acme-x" (test/K8s) lives in kubernetes, not vault.');
  });
});

describe('VaultSecretStore validation', () => {
  test('a stack without a vault provider fails synthesis with a clear message', () => {
    const stack = vaultStack({ provider: false });
    new VaultSecretStore(stack, 'Store');
    expect(() => Testing.synth(stack, true)).toThrow(
      'test/Store: no vault provider in stack "test": add new VaultProvider(stack, \'Vault\', { address: ... }) pointing at the existing Vault, or pass provider.',
    );
  });

  test('props', () => {
    expect(() => new VaultSecretStore(vaultStack(), 'Store', { kvMountPath: 'a', existingKvMount: 'b' })).toThrow(
      'test/Store: kvMountPath and existingKvMount cannot be used together; set one of them.',
    );
    expect(() => new VaultSecretStore(vaultStack(), 'Store', { kvMountPath: '/kv/' })).toThrow(
      'test/Store: invalid kvMountPath: received "/kv/"; use a Vault path of letters, digits, "_" and "-" segments separated by "/", without leading or trailing "/".',
    );
    expect(() => new VaultSecretStore(vaultStack(), 'Store', { tokenTtlSeconds: 30 })).toThrow(
      'test/Store: invalid tokenTtlSeconds: received 30; must be an integer from 60 to 86400.',
    );
    expect(() => new VaultSecretStore(vaultStack(), 'Store', { tokenTtlSeconds: 1200, tokenMaxTtlSeconds: 600 })).toThrow(
      'test/Store: invalid tokenMaxTtlSeconds: received 600; must be an integer from 1200 to 86400.',
    );
    expect(() => new VaultSecretStore(vaultStack(), 'Store', { createKubernetesAuth: { kubernetesHost: 'kubernetes.default.svc' } })).toThrow(
      'test/Store: invalid createKubernetesAuth.kubernetesHost: received "kubernetes.default.svc"; use the https URL of the Kubernetes API server, for example "https://kubernetes.default.svc".',
    );
    const store = new VaultSecretStore(vaultStack(), 'Store');
    expect(() => store.generateCredential('Bi', { name: 'bi', username: 'bi', passwordLength: 100 })).toThrow(
      'test/Store/Bi: invalid passwordLength: received 100; must be an integer from 16 to 64.',
    );
  });
});
