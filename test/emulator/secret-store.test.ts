/**
 * Tier 3: deploy the `secret-store-aws` example to moto with terraform and prove what the
 * SecretStore promises: the generated credential is in Secrets Manager as JSON with the username and
 * a password of the configured length and alphabet, the password is nowhere in Terraform's state,
 * a second plan is empty, bumping the revision writes a new password (the old one becomes
 * AWSPREVIOUS, still not in state), and destroy removes the secret. Skipped loudly without
 * terraform, the mirror or moto.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { secretStoreAws } from '../../examples/secret-store-aws';
import { DEFAULT_PASSWORD_LENGTH, PASSWORD_EXCLUDED_CHARACTERS } from '../../src';
import { check, EmulatorDeployment, emulatorTier, needs, STEP_CAP_MS } from '../support/emulator-deployment';
import { skipTier } from '../support/terraform';

/** What this tier does not exercise on moto, and why. */
const NOT_EXERCISED_ON_MOTO: ReadonlyArray<{ what: string; reason: string }> = [
  { what: 'KMS encryption of the secret with the platform CMK', reason: 'moto records the KmsKeyId but stores the value unencrypted; the key and its policy are asserted in the unit tier' },
  { what: 'IAM enforcement of the read grant', reason: 'moto does not evaluate IAM policies by default; the policy document is read back from the state and asserted' },
  { what: 'The 30-day recovery window', reason: 'the example runs in local mode (DESTROY twice opted in), which deletes without recovery so the tier leaves nothing behind' },
];

const EXAMPLE_NAME = 'secret-store-aws';
const USERNAME = 'reporting';

const tier = emulatorTier();

if (!tier.ok) {
  skipTier('tier 3 (emulator, secret store)', tier.reason, 'deploy the secret store, read the generated credential, check the state, rotate, destroy');
} else {
  describe(`tier 3: ${EXAMPLE_NAME} on the moto emulator (${tier.detail})`, () => {
    const deployment = new EmulatorDeployment({
      name: EXAMPLE_NAME,
      build: (app, localEndpointUrl) => secretStoreAws(app, { localEndpointUrl }),
    });
    let applied = false;
    let secretArn = '';
    const passwords: string[] = [];

    /** Terraform's state, as stored and as `terraform show -json` renders it. */
    const stateTexts = (): string[] => {
      const show = deployment.tf(['show', '-json', '-no-color'], 30_000);
      check('terraform show', show);
      return [fs.readFileSync(path.join(deployment.stack!.dir, 'terraform.tfstate'), 'utf8'), show.stdout];
    };
    const currentSecret = (stage?: string) => deployment.secretJson(secretArn, stage);

    beforeAll(() => deployment.start(NOT_EXERCISED_ON_MOTO), STEP_CAP_MS.moto + 30_000);

    afterAll(() => deployment.cleanup(), 90_000);

    test('terraform init + apply deploys every resource of the example (the ephemeral password included)', () => {
      needs('setup (moto, synthesis)', deployment.ready);
      const apply = deployment.apply([]);
      expect(apply.notApplied).toEqual([]);
      deployment.readOutputs();
      secretArn = deployment.outputs.secret_arn;
      expect(secretArn).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:example-secrets-reporting-db-/);
      applied = true;
    }, STEP_CAP_MS.init + STEP_CAP_MS.apply + 40_000);

    test(`the secret holds {username, password}: ${DEFAULT_PASSWORD_LENGTH} characters, none of the excluded ones`, async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const secret = await currentSecret();
        expect(Object.keys(secret).sort()).toEqual(['password', 'username']);
        expect(secret.username).toBe(USERNAME);
        expect(secret.password).toHaveLength(DEFAULT_PASSWORD_LENGTH);
        for (const c of PASSWORD_EXCLUDED_CHARACTERS) expect(secret.password).not.toContain(c);
        passwords.push(secret.password);
      });
    }, STEP_CAP_MS.data);

    test('the password is nowhere in the state; the write-only value is null there; the grant is scoped to the secret', () => {
      needs('the secret', passwords.length === 1);
      const [file, show] = stateTexts();
      expect(file).not.toContain(passwords[0]);
      expect(show).not.toContain(passwords[0]);
      const resources = JSON.parse(show).values.root_module.resources as any[];
      const version = resources.find((r) => r.type === 'aws_secretsmanager_secret_version');
      expect(version.values.secret_string_wo).toBeNull();
      expect(version.values.secret_string).toBe('');
      expect(version.values.secret_string_wo_version).toBe(1);
      const grant = JSON.parse(resources.find((r) => r.type === 'aws_iam_role_policy').values.policy);
      expect(grant.Statement[0]).toEqual({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: [secretArn] });
    }, STEP_CAP_MS.data);

    test('a second plan has nothing to change', () => {
      needs('the secret', passwords.length === 1);
      const plan = deployment.tf(['plan', '-detailed-exitcode', '-input=false', '-no-color'], STEP_CAP_MS.apply);
      expect(plan.code).toBe(0);
    }, STEP_CAP_MS.apply + 10_000);

    test('bumping the revision writes a new password; the old one becomes AWSPREVIOUS; neither is in the state', async () => {
      needs('the secret', passwords.length === 1);
      // The revision the example would synthesize with `revision: 2`.
      const file = path.join(deployment.stack!.dir, 'cdk.tf.json');
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      const versions = Object.values<any>(json.resource.aws_secretsmanager_secret_version);
      expect(versions).toHaveLength(1);
      versions[0].secret_string_wo_version = 2;
      fs.writeFileSync(file, JSON.stringify(json, null, 2));
      check('terraform apply (revision 2)', deployment.tf(['apply', '-auto-approve', '-input=false', '-no-color'], STEP_CAP_MS.apply));
      await deployment.step(async () => {
        const rotated = await currentSecret();
        expect(rotated.username).toBe(USERNAME);
        expect(rotated.password).toHaveLength(DEFAULT_PASSWORD_LENGTH);
        expect(rotated.password).not.toBe(passwords[0]);
        expect((await currentSecret('AWSPREVIOUS')).password).toBe(passwords[0]);
        passwords.push(rotated.password);
      });
      for (const text of stateTexts()) {
        for (const password of passwords) expect(text).not.toContain(password);
      }
    }, STEP_CAP_MS.apply + STEP_CAP_MS.data);

    test('terraform destroy removes the secret', async () => {
      needs('apply', applied);
      deployment.destroy();
      await deployment.step(async () => {
        const listed = await deployment.clients!.secretsManager.send(new ListSecretsCommand({}));
        expect((listed.SecretList ?? []).map((s) => s.ARN)).not.toContain(secretArn);
      });
    }, STEP_CAP_MS.destroy + 10_000);
  });
}
