import { TerraformOutput, TerraformStack } from 'cdktf';
import { AwsPlatform, Identity, KeyStrategy, KubernetesPlatform, RemovalPolicy } from '../../../../src';
import {
  Credential, DEFAULT_CREDENTIAL_REVISION, DEFAULT_PASSWORD_LENGTH, DEFAULT_SECRET_RECOVERY_WINDOW_DAYS, DESTROY_SECRET_RECOVERY_WINDOW_DAYS,
  ICredential, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, MIN_SECRET_RECOVERY_WINDOW_DAYS, PASSWORD_EXCLUDED_CHARACTERS,
  SecretsManagerStore, SecretStoreBackend,
} from '../../../../src/secrets';
import { warnings } from '../../../support/annotations';
import { newStack, policyNamed, ref, synth, Synthesized } from '../../../support/synth';

const DESTROY_WARNING = 'removalPolicy DESTROY ignored: the platform does not set allowDataDestruction: true (the second opt-in), so the data is retained.';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-central-1:111122223333:secret:acme-redshift-admin-AbCdEf';
const KEY_ARN = 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function awsStack(props: { allowDataDestruction?: boolean; keyStrategy?: KeyStrategy } = {}): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', ...props });
  return stack;
}

/** The one logical id of `type` in the ephemeral blocks. */
function ephemeralId(out: Synthesized, type: string): string {
  const ids = Object.keys(out.json.ephemeral?.[type] ?? {});
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('SecretsManagerStore.generateCredential', () => {
  test('a KMS-encrypted, retained secret whose value goes only through secret_string_wo from an ephemeral password', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    const credential = store.generateCredential('DbAdmin', { name: 'db-admin', username: 'admin', description: 'warehouse admin' });
    new TerraformOutput(stack, 'arn', { value: credential.secretArn });
    const out = synth(stack);

    const secret = out.only('aws_secretsmanager_secret');
    expect(secret).toEqual({
      name: 'acme-db-admin',
      description: 'warehouse admin',
      kms_key_id: ref(out, 'aws_kms_key', 'SharedKey', 'arn'),
      recovery_window_in_days: DEFAULT_SECRET_RECOVERY_WINDOW_DAYS,
      lifecycle: { prevent_destroy: true },
    });
    expect(DEFAULT_SECRET_RECOVERY_WINDOW_DAYS).toBe(30);
    // The shared key is retained as the secret retains its data.
    expect(out.only('aws_kms_key').lifecycle).toEqual({ prevent_destroy: true });

    const passwordId = ephemeralId(out, 'aws_secretsmanager_random_password');
    expect(out.json.ephemeral).toEqual({
      aws_secretsmanager_random_password: {
        [passwordId]: {
          password_length: DEFAULT_PASSWORD_LENGTH,
          exclude_characters: PASSWORD_EXCLUDED_CHARACTERS,
          require_each_included_type: true,
        },
      },
    });
    for (const c of '"\'\\/@ ') expect(PASSWORD_EXCLUDED_CHARACTERS).toContain(c);

    const passwordRef = `ephemeral.aws_secretsmanager_random_password.${passwordId}.random_password`;
    expect(out.only('aws_secretsmanager_secret_version')).toEqual({
      secret_id: ref(out, 'aws_secretsmanager_secret', 'DbAdmin', 'id'),
      secret_string_wo: `\${jsonencode({"username" = "admin", "password" = ${passwordRef}})}`,
      secret_string_wo_version: DEFAULT_CREDENTIAL_REVISION,
    });

    // The password exists only as the ephemeral reference inside the write-only attribute.
    const text = JSON.stringify(out.json);
    expect(text).not.toContain('secret_string":');
    expect(text).not.toContain('secret_binary');
    expect(text.split(passwordRef)).toHaveLength(2);
    expect(text.split('random_password.')).toHaveLength(2);

    expect(credential.backend).toBe(SecretStoreBackend.SECRETS_MANAGER);
    expect(credential.credentialName).toBe('acme-db-admin');
    expect(credential.username).toBe('admin');
    expect(out.json.output.arn.value).toBe(ref(out, 'aws_secretsmanager_secret', 'DbAdmin', 'arn'));
    expect(credential.kmsKeyArn).toBe(store.encryptionKey.keyArn);
    expect(credential.vaultMount).toBeUndefined();
    expect(credential.kubernetesSecretName).toBeUndefined();
  });

  test('passwordLength and revision are passed through; one key serves every credential of the store', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    store.generateCredential('Loader', { name: 'loader', username: 'loader', passwordLength: MAX_PASSWORD_LENGTH, revision: 3 });
    store.generateCredential('Reader', { name: 'reader', username: 'reader', passwordLength: MIN_PASSWORD_LENGTH });
    const out = synth(stack);
    const passwords = Object.values<any>(out.json.ephemeral.aws_secretsmanager_random_password);
    expect(passwords.map((p) => p.password_length).sort()).toEqual([MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH].sort());
    const versions = Object.values<any>(out.resources('aws_secretsmanager_secret_version'));
    expect(versions.map((v) => v.secret_string_wo_version).sort()).toEqual([1, 3]);
    expect(Object.keys(out.resources('aws_kms_key'))).toHaveLength(1);
    expect(Object.values<any>(out.resources('aws_secretsmanager_secret')).map((s) => s.name).sort()).toEqual(['acme-loader', 'acme-reader']);
  });

  test('connection: host, port, engine and dbname go into the same write-only JSON (what DMS reads)', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    const credential = store.generateCredential('Cdc', {
      name: 'cdc', username: 'cdc', connection: { host: 'orders.abc.eu-west-1.rds.amazonaws.com', port: 5432, engine: 'postgres', databaseName: 'shop' },
    });
    const out = synth(stack);
    const password = `ephemeral.aws_secretsmanager_random_password.${ephemeralId(out, 'aws_secretsmanager_random_password')}.random_password`;
    expect(out.only('aws_secretsmanager_secret_version').secret_string_wo).toBe(
      `\${jsonencode({"username" = "cdc", "password" = ${password}, "host" = "orders.abc.eu-west-1.rds.amazonaws.com", "port" = "5432", "engine" = "postgres", "dbname" = "shop"})}`,
    );
    // The password for a resource's write-only argument: the same ephemeral value.
    expect(new TerraformOutput(stack, 'probe', { value: store.writeOnlyPassword(credential) })).toBeDefined();
    expect(JSON.stringify(synth(stack).json.output.probe.value)).toBe(JSON.stringify('$' + `{${password}}`));
  });

  test('writeOnlyPassword refuses a credential the store did not generate; connection is checked', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    const imported = SecretsManagerStore.credentialFromAttributes(stack, 'Imported', {
      backend: SecretStoreBackend.SECRETS_MANAGER, credentialName: 'admin', username: 'admin', secretArn: SECRET_ARN,
    });
    expect(() => store.writeOnlyPassword(imported)).toThrow(
      'test/Store: invalid credential: received "admin"; pass a credential this store generated (generateCredential): only those have a password Terraform can write without storing it.',
    );
    expect(() => store.generateCredential('Bad', { name: 'bad', username: 'bad', connection: { host: 'db', port: 70_000 } }))
      .toThrow('test/Store/Bad: invalid connection.port: received 70000; must be an integer from 1 to 65535.');
    expect(() => store.generateCredential('Bad2', { name: 'bad', username: 'bad', connection: { host: 'db host', port: 5432 } }))
      .toThrow('test/Store/Bad2: invalid connection.host: received "db host"; use a DNS name or an IPv4 address.');
  });

  test('keyPerStore: the store gets its own key, aliased <namePrefix>-secrets', () => {
    const stack = awsStack({ keyStrategy: KeyStrategy.keyPerStore() });
    new SecretsManagerStore(stack, 'Store').generateCredential('Loader', { name: 'loader', username: 'loader' });
    const out = synth(stack);
    expect(out.only('aws_kms_alias').name).toBe('alias/acme-secrets');
    expect(out.only('aws_secretsmanager_secret').kms_key_id).toBe(ref(out, 'aws_kms_key', 'Store_Key', 'arn'));
  });

  test('recoveryWindowDays sets the window of retained secrets', () => {
    const stack = awsStack();
    new SecretsManagerStore(stack, 'Store', { recoveryWindowDays: MIN_SECRET_RECOVERY_WINDOW_DAYS })
      .generateCredential('Loader', { name: 'loader', username: 'loader' });
    expect(synth(stack).only('aws_secretsmanager_secret').recovery_window_in_days).toBe(7);
  });

  test('DESTROY with allowDataDestruction deletes at once and is not protected', () => {
    const stack = awsStack({ allowDataDestruction: true });
    new SecretsManagerStore(stack, 'Store', { removalPolicy: RemovalPolicy.DESTROY })
      .generateCredential('Loader', { name: 'loader', username: 'loader' });
    const secret = synth(stack).only('aws_secretsmanager_secret');
    expect(secret.recovery_window_in_days).toBe(DESTROY_SECRET_RECOVERY_WINDOW_DAYS);
    expect(DESTROY_SECRET_RECOVERY_WINDOW_DAYS).toBe(0);
    expect(secret.lifecycle).toBeUndefined();
  });

  test('DESTROY without allowDataDestruction stays retained with the default window, with a warning', () => {
    const stack = awsStack();
    new SecretsManagerStore(stack, 'Store', { removalPolicy: RemovalPolicy.DESTROY })
      .generateCredential('Loader', { name: 'loader', username: 'loader' });
    const secret = synth(stack).only('aws_secretsmanager_secret');
    expect(secret.recovery_window_in_days).toBe(DEFAULT_SECRET_RECOVERY_WINDOW_DAYS);
    expect(secret.lifecycle).toEqual({ prevent_destroy: true });
    expect(warnings(stack)).toContainEqual({ path: 'test/Store/Loader', message: DESTROY_WARNING });
  });
});

describe('SecretsManagerStore.grantRead', () => {
  test('secretsmanager read on that secret only, kms:Decrypt on its key only through Secrets Manager', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    const credential = store.generateCredential('DbAdmin', { name: 'db-admin', username: 'admin' });
    const loader = new Identity(stack, 'Loader', { name: 'loader' });
    store.grantRead(loader, credential);
    store.grantRead(loader, credential); // a no-op
    const out = synth(stack);
    expect(Object.keys(out.resources('aws_iam_role_policy'))).toHaveLength(1);
    const policy = Object.values<any>(out.resources('aws_iam_role_policy'))[0];
    expect(policy.role).toBe(ref(out, 'aws_iam_role', 'Loader', 'name'));
    expect(policyNamed(out, 'acme-db-admin-secret-read')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: [ref(out, 'aws_secretsmanager_secret', 'DbAdmin', 'arn')],
        },
        {
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: [ref(out, 'aws_kms_key', 'SharedKey', 'arn')],
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
        },
      ],
    });
  });

  test('an existing secret with a customer-managed key: kms:ViaService uses the region of its ARN', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    const existing = SecretsManagerStore.credentialFromAttributes(stack, 'RedshiftAdmin', {
      credentialName: 'acme-redshift-admin', username: 'admin', backend: SecretStoreBackend.SECRETS_MANAGER, secretArn: SECRET_ARN, kmsKeyArn: KEY_ARN,
    });
    store.grantRead(new Identity(stack, 'Loader', { name: 'loader' }), existing);
    expect(policyNamed(synth(stack), 'acme-redshift-admin-secret-read')).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: [SECRET_ARN] },
        {
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: [KEY_ARN],
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-central-1.amazonaws.com' } },
        },
      ],
    });
  });

  test('an existing secret with the AWS-managed key: no KMS statement', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    const existing = SecretsManagerStore.credentialFromAttributes(stack, 'RedshiftAdmin', {
      credentialName: 'acme-redshift-admin', username: 'admin', backend: SecretStoreBackend.SECRETS_MANAGER, secretArn: SECRET_ARN,
    });
    expect(existing.kmsKeyArn).toBeUndefined();
    store.grantRead(Identity.fromAwsRole(stack, 'Bi', { roleName: 'bi', roleArn: 'arn:aws:iam::111122223333:role/bi' }), existing);
    const out = synth(stack);
    expect(policyNamed(out, 'acme-redshift-admin-secret-read').Statement).toEqual([
      { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: [SECRET_ARN] },
    ]);
    expect(Object.values<any>(out.resources('aws_iam_role_policy'))[0].role).toBe('bi');
  });

  test('refuses an identity without an IAM role', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    const credential = store.generateCredential('DbAdmin', { name: 'db-admin', username: 'admin' });
    const serviceAccount = Identity.fromServiceAccount(stack, 'Sa', 'acme-loader');
    expect(() => store.grantRead(serviceAccount, credential)).toThrow(
      'test/Store: cannot grant read on credential "acme-db-admin" to identity "acme-loader" (test/Sa): it has no IAM role. Use an identity created on an AWS platform or Identity.fromAwsRole().',
    );
  });

  test('refuses a credential of another backend', () => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    const vault: ICredential = Credential.fromAttributes(stack, 'Bi', {
      credentialName: 'acme-bi', username: 'bi', backend: SecretStoreBackend.VAULT, vaultMount: 'acme-kv', vaultPath: 'acme/bi',
    });
    expect(() => store.grantRead(new Identity(stack, 'Loader', { name: 'loader' }), vault)).toThrow(
      'test/Store: cannot grant read on credential "acme-bi" (test/Bi): it lives in vault and this store is secrets-manager; grant it through a vault store.',
    );
  });
});

describe('SecretsManagerStore validation', () => {
  const generate = (options: Record<string, unknown>) => {
    const stack = awsStack();
    const store = new SecretsManagerStore(stack, 'Store');
    return () => store.generateCredential('DbAdmin', { name: 'db-admin', username: 'admin', ...options } as any);
  };

  test.each([
    [{ passwordLength: 15 }, 'test/Store/DbAdmin: invalid passwordLength: received 15; must be an integer from 16 to 64.'],
    [{ passwordLength: 65 }, 'test/Store/DbAdmin: invalid passwordLength: received 65; must be an integer from 16 to 64.'],
    [{ passwordLength: 20.5 }, 'test/Store/DbAdmin: invalid passwordLength: received 20.5; must be an integer from 16 to 64.'],
    [{ revision: 0 }, 'test/Store/DbAdmin: invalid revision: received 0; must be an integer of at least 1 (bump it to rotate the password).'],
    [{ revision: 1.5 }, 'test/Store/DbAdmin: invalid revision: received 1.5; must be an integer of at least 1 (bump it to rotate the password).'],
    [{ name: 'Db_Admin' }, 'test/Store/DbAdmin: invalid name: received "Db_Admin"; use 1 to 32 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.'],
    [{ name: 'db-' }, 'test/Store/DbAdmin: invalid name: received "db-"; use 1 to 32 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.'],
    [{ name: 'a'.repeat(33) }, `test/Store/DbAdmin: invalid name: received "${'a'.repeat(33)}"; use 1 to 32 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.`],
    [{ username: 'bad-user' }, 'test/Store/DbAdmin: invalid username: received "bad-user"; use 1 to 63 letters, digits and "_", starting with a letter or "_" (a database identifier that needs no quoting).'],
    [{ username: '' }, 'test/Store/DbAdmin: invalid username: received ""; use 1 to 63 letters, digits and "_", starting with a letter or "_" (a database identifier that needs no quoting).'],
  ])('%j is rejected', (options, message) => {
    expect(generate(options)).toThrow(message);
  });

  test('recoveryWindowDays outside 7..30', () => {
    expect(() => new SecretsManagerStore(awsStack(), 'Store', { recoveryWindowDays: 6 })).toThrow(
      'test/Store: invalid recoveryWindowDays: received 6; must be an integer from 7 to 30.',
    );
  });

  test('needs an AWS platform', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    expect(() => new SecretsManagerStore(stack, 'Store')).toThrow(
      'test/Store: this construct deploys to AWS but the stack\'s platform (test/Platform) is kubernetes.',
    );
  });

  test('credentialFromAttributes needs secretArn and a secrets-manager backend', () => {
    const stack = awsStack();
    expect(() => SecretsManagerStore.credentialFromAttributes(stack, 'NoArn', {
      credentialName: 'acme-redshift-admin', username: 'admin', backend: SecretStoreBackend.SECRETS_MANAGER,
    })).toThrow('test/NoArn: invalid secretArn: received undefined; a secrets-manager credential needs the ARN of its Secrets Manager secret.');
    expect(() => SecretsManagerStore.credentialFromAttributes(stack, 'Vault', {
      credentialName: 'acme-bi', username: 'bi', backend: SecretStoreBackend.VAULT, vaultMount: 'acme-kv', vaultPath: 'acme/bi',
    })).toThrow('test/Vault: invalid backend: received "vault"; SecretsManagerStore.credentialFromAttributes takes secrets-manager credentials; use Credential.fromAttributes for others.');
  });
});
