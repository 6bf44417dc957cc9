import { TerraformStack } from 'cdktf';
import { AwsPlatform, Identity, KubernetesPlatform, RemovalPolicy } from '../../../../src';
import {
  BASIC_AUTH_SECRET_TYPE, CNPG_RELOAD_LABEL, Credential, DEFAULT_CREDENTIAL_REVISION, DEFAULT_PASSWORD_LENGTH, KubernetesSecretStore,
  MAX_PASSWORD_LENGTH, SecretStoreBackend,
} from '../../../../src/secrets';
import { warnings } from '../../../support/annotations';
import { newStack, synth } from '../../../support/synth';

const BASELINE = [
  'kubernetes_namespace_v1.Platform_Namespace_8B005C5C',
  'kubernetes_network_policy_v1.Platform_DefaultDeny_32AA6D96',
  'kubernetes_network_policy_v1.Platform_AllowDns_E2B0285F',
];
const LABELS = {
  'app.kubernetes.io/component': 'credential',
  'app.kubernetes.io/part-of': 'acme',
  'data-pipeline': 'acme',
  'managed-by': 'cdktf-data-pipelines',
};

function k8sStack(allowDataDestruction = false): TerraformStack {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', namespace: 'data', allowDataDestruction });
  return stack;
}

/** The expression of a uuid-based password of `length` hexadecimal characters. */
function uuidExpression(uuids: number, length: number): string {
  return `\${substr(join("", [${Array(uuids).fill('replace(uuid(), "-", "")').join(', ')}]), 0, ${length})}`;
}

describe('KubernetesSecretStore.generateCredential', () => {
  test('a basic-auth Secret written only through data_wo from a uuid-based local, retained, reloaded by CloudNativePG', () => {
    const stack = k8sStack();
    const store = new KubernetesSecretStore(stack, 'Store');
    const credential = store.generateCredential('DbAdmin', { name: 'db-admin', username: 'admin' });
    const out = synth(stack);

    const locals = Object.entries<string>(out.json.locals);
    expect(locals).toHaveLength(1);
    const [localId, expression] = locals[0];
    expect(expression).toBe(uuidExpression(1, DEFAULT_PASSWORD_LENGTH));

    expect(out.only('kubernetes_secret_v1')).toEqual({
      metadata: { name: 'acme-db-admin', namespace: 'data', labels: { ...LABELS, [CNPG_RELOAD_LABEL]: 'true' } },
      type: BASIC_AUTH_SECRET_TYPE,
      data_wo: { username: 'admin', password: `\${local.${localId}}` },
      data_wo_revision: DEFAULT_CREDENTIAL_REVISION,
      depends_on: BASELINE,
      lifecycle: { prevent_destroy: true },
    });
    expect(BASIC_AUTH_SECRET_TYPE).toBe('kubernetes.io/basic-auth');

    // The password local is referenced once, from the write-only attribute; no plaintext data.
    const text = JSON.stringify(out.json);
    expect(text.split(`local.${localId}`)).toHaveLength(2);
    expect(text).not.toMatch(/"data":|"binary_data":|"string_data":/);

    expect(credential.backend).toBe(SecretStoreBackend.KUBERNETES);
    expect(credential.credentialName).toBe('acme-db-admin');
    expect(credential.kubernetesSecretName).toBe('acme-db-admin');
    expect(credential.secretArn).toBeUndefined();
    expect(credential.vaultPath).toBeUndefined();
  });

  test('connection fields are written next to the pair, through data_wo too', () => {
    const stack = k8sStack();
    new KubernetesSecretStore(stack, 'Store').generateCredential('Cdc', {
      name: 'cdc', username: 'cdc', connection: { host: 'orders-rw.shop.svc', port: 5432, engine: 'postgres', databaseName: 'shop' },
    });
    const secret = synth(stack).only('kubernetes_secret_v1');
    expect(Object.keys(secret.data_wo).sort()).toEqual(['dbname', 'engine', 'host', 'password', 'port', 'username']);
    expect(secret.data_wo.host).toBe('orders-rw.shop.svc');
    expect(secret.data_wo.port).toBe('5432');
    expect(secret.data).toBeUndefined();
  });

  test('longer passwords draw a second uuid; the revision is the data_wo_revision', () => {
    const stack = k8sStack();
    new KubernetesSecretStore(stack, 'Store').generateCredential('Loader', { name: 'loader', username: 'loader', passwordLength: MAX_PASSWORD_LENGTH, revision: 4 });
    const out = synth(stack);
    expect(Object.values(out.json.locals)).toEqual([uuidExpression(2, MAX_PASSWORD_LENGTH)]);
    expect(out.only('kubernetes_secret_v1').data_wo_revision).toBe(4);
  });

  test('DESTROY with allowDataDestruction is not protected; without it, retained with a warning', () => {
    const destroy = k8sStack(true);
    new KubernetesSecretStore(destroy, 'Store', { removalPolicy: RemovalPolicy.DESTROY }).generateCredential('Loader', { name: 'loader', username: 'loader' });
    expect(synth(destroy).only('kubernetes_secret_v1').lifecycle).toBeUndefined();

    const refused = k8sStack(false);
    new KubernetesSecretStore(refused, 'Store', { removalPolicy: RemovalPolicy.DESTROY }).generateCredential('Loader', { name: 'loader', username: 'loader' });
    expect(synth(refused).only('kubernetes_secret_v1').lifecycle).toEqual({ prevent_destroy: true });
    expect(warnings(refused).map((w) => w.message)).toContain(
      'removalPolicy DESTROY ignored: the platform does not set allowDataDestruction: true (the second opt-in), so the data is retained.',
    );
  });
});

describe('KubernetesSecretStore.grantRead', () => {
  test('a Role on exactly that Secret, bound to each identity\'s service account', () => {
    const stack = k8sStack();
    const store = new KubernetesSecretStore(stack, 'Store');
    const credential = store.generateCredential('DbAdmin', { name: 'db-admin', username: 'admin' });
    const loader = new Identity(stack, 'Loader', { name: 'loader' });
    const bi = new Identity(stack, 'Bi', { name: 'bi' });
    store.grantRead(loader, credential);
    store.grantRead(loader, credential); // a no-op
    store.grantRead(bi, credential);
    const out = synth(stack);

    const role = out.only('kubernetes_role_v1');
    expect(role).toEqual({
      metadata: { name: 'acme-db-admin-reader', namespace: 'data', labels: LABELS },
      rule: [{ api_groups: [''], resources: ['secrets'], resource_names: ['acme-db-admin'], verbs: ['get'] }],
      depends_on: BASELINE,
    });
    const roleId = Object.keys(out.resources('kubernetes_role_v1'))[0];
    const bindings = Object.values<any>(out.resources('kubernetes_role_binding_v1'));
    expect(bindings).toHaveLength(2);
    expect(bindings.map((b) => b.subject)).toEqual(expect.arrayContaining([
      [{ kind: 'ServiceAccount', name: 'acme-loader', namespace: 'data' }],
      [{ kind: 'ServiceAccount', name: 'acme-bi', namespace: 'data' }],
    ]));
    for (const binding of bindings) {
      expect(binding.role_ref).toEqual({ api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: `\${kubernetes_role_v1.${roleId}.metadata[0].name}` });
    }
    expect(bindings.map((b) => b.metadata.name).sort()).toEqual(['acme-db-admin-acme-bi', 'acme-db-admin-acme-loader']);
  });

  test('an existing Secret by name', () => {
    const stack = k8sStack();
    const store = new KubernetesSecretStore(stack, 'Store');
    const existing = Credential.fromAttributes(stack, 'Pg', {
      credentialName: 'warehouse-app', username: 'app', backend: SecretStoreBackend.KUBERNETES, kubernetesSecretName: 'warehouse-app',
    });
    store.grantRead(Identity.fromServiceAccount(stack, 'Sa', 'acme-loader'), existing);
    expect(synth(stack).only('kubernetes_role_v1').rule[0].resource_names).toEqual(['warehouse-app']);
  });

  test('refuses a credential of another backend', () => {
    const stack = k8sStack();
    const store = new KubernetesSecretStore(stack, 'Store');
    const aws = Credential.fromAttributes(stack, 'Sm', {
      credentialName: 'acme-x', username: 'x', backend: SecretStoreBackend.SECRETS_MANAGER, secretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:x',
    });
    expect(() => store.grantRead(Identity.fromServiceAccount(stack, 'Sa', 'acme-loader'), aws)).toThrow(
      'test/Store: cannot grant read on credential "acme-x" (test/Sm): it lives in secrets-manager and this store is kubernetes; grant it through a secrets-manager store.',
    );
  });
});

describe('KubernetesSecretStore validation', () => {
  test('options are checked on the credential', () => {
    const store = new KubernetesSecretStore(k8sStack(), 'Store');
    expect(() => store.generateCredential('A', { name: 'a', username: 'a', passwordLength: 8 })).toThrow(
      'test/Store/A: invalid passwordLength: received 8; must be an integer from 16 to 64.',
    );
    expect(() => store.generateCredential('B', { name: 'b', username: 'b', revision: -1 })).toThrow(
      'test/Store/B: invalid revision: received -1; must be an integer of at least 1 (bump it to rotate the password).',
    );
    expect(() => store.generateCredential('C', { name: 'c.d', username: 'c' })).toThrow(
      'test/Store/C: invalid name: received "c.d"; use 1 to 32 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.',
    );
  });

  test('needs a Kubernetes platform', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    expect(() => new KubernetesSecretStore(stack, 'Store')).toThrow(
      'test/Store: this construct deploys to Kubernetes but the stack\'s platform (test/Platform) is aws.',
    );
  });
});
