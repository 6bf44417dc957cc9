/**
 * Tier 3: deploy what moto can run of the `warehouse-aws` example (Redshift Serverless itself is not
 * implemented by moto): the network, the lake, the stream, the SecretStore with the BI user's
 * generated credential, the user-provisioning Lambda and the IAM wiring; read the credential back and
 * check that its password is nowhere in the state; then destroy. Every resource not applied is named,
 * with the reason (its type) or the resource it needs. Skipped loudly without terraform, the mirror or
 * moto.
 */
import { NOT_APPLIED_ON_MOTO as LAKE_NOT_APPLIED } from './data-lake.test';
import { warehouseAws } from '../../examples/warehouse-aws';
import { DEFAULT_PASSWORD_LENGTH } from '../../src';
import { check, EmulatorDeployment, emulatorTier, needs, STEP_CAP_MS } from '../support/emulator-deployment';
import { skipTier } from '../support/terraform';

/** Resource types of the example not applied on moto, and why (their dependents are not applied either). */
export const NOT_APPLIED_ON_MOTO: ReadonlyArray<{ type: string; reason: string }> = [
  { type: 'aws_redshiftserverless_namespace', reason: 'moto 5.2.1 does not implement Redshift Serverless (every call answers 404); the unit tier asserts the namespace and terraform validate checks it' },
  { type: 'aws_redshiftserverless_workgroup', reason: 'moto 5.2.1 does not implement Redshift Serverless; so the Data API statements (tables, grants, streaming ingestion), the user Lambda invocation, the lake-load EventBridge target and the grants on the workgroup, which all need it, are not applied' },
  ...LAKE_NOT_APPLIED,
];

/** What this tier does not exercise on moto, and why. */
const NOT_EXERCISED_ON_MOTO: ReadonlyArray<{ what: string; reason: string }> = [
  { what: 'SQL run through the Redshift Data API (CREATE TABLE, grants, the BI user\'s CREATE USER with its md5 hash)', reason: 'moto\'s redshift-data keeps every statement in STARTED forever, so neither terraform nor the user Lambda would see it finish; the SQL text and the Lambda\'s logic are asserted in the unit tier' },
  { what: 'Redshift streaming ingestion from Kinesis and COPY from the lake', reason: 'they run inside Redshift, which moto does not implement' },
  ...NOT_APPLIED_ON_MOTO.map((r) => ({ what: `${r.type} (not applied)`, reason: r.reason })),
];

const EXAMPLE_NAME = 'warehouse-aws';

const tier = emulatorTier();

if (!tier.ok) {
  skipTier('tier 3 (emulator, warehouse)', tier.reason, 'deploy what moto runs of the warehouse example, read the BI credential, check the state, destroy');
} else {
  describe(`tier 3: ${EXAMPLE_NAME} on the moto emulator (${tier.detail})`, () => {
    const deployment = new EmulatorDeployment({
      name: EXAMPLE_NAME,
      build: (app, localEndpointUrl) => warehouseAws(app, { localEndpointUrl }),
    });
    let applied = false;
    let password = '';

    beforeAll(() => deployment.start(NOT_EXERCISED_ON_MOTO), STEP_CAP_MS.moto + 30_000);

    afterAll(() => deployment.cleanup(), 90_000);

    test('terraform init + apply deploys everything that does not need Redshift itself', () => {
      needs('setup (moto, synthesis)', deployment.ready);
      const apply = deployment.apply(NOT_APPLIED_ON_MOTO);
      expect(apply.excludedInState).toEqual([]);
      const notApplied = new Set(apply.notApplied.map((a) => a.split('.')[0]));
      // Only Redshift and what needs it (and the lake's known gaps) are left out.
      expect([...notApplied].sort()).toEqual(expect.arrayContaining(['aws_redshiftserverless_namespace', 'aws_redshiftserverless_workgroup', 'aws_redshiftdata_statement', 'aws_lambda_invocation']));
      const state = deployment.tf(['state', 'list'], 30_000);
      check('terraform state list', state);
      const types = new Set(state.stdout.split('\n').filter(Boolean).map((a) => a.split('.')[0]));
      for (const type of ['aws_kinesis_stream', 'aws_secretsmanager_secret', 'aws_secretsmanager_secret_version', 'aws_lambda_function', 'aws_vpc', 'aws_glue_catalog_database']) {
        expect(types).toContain(type);
      }
      deployment.readOutputs();
      expect(deployment.outputs.bi_secret_arn).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:/);
      applied = true;
    }, STEP_CAP_MS.init + STEP_CAP_MS.apply + 40_000);

    test('the BI user\'s credential was generated into Secrets Manager', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const secret = await deployment.secretJson(deployment.outputs.bi_secret_arn);
        expect(secret.username).toBe('bi_reader');
        expect(secret.password).toHaveLength(DEFAULT_PASSWORD_LENGTH);
        password = secret.password;
      });
    }, STEP_CAP_MS.data);

    test('its password is nowhere in the state', () => {
      needs('the credential', password !== '');
      const show = deployment.tf(['show', '-json', '-no-color'], 30_000);
      check('terraform show', show);
      expect(show.stdout).not.toContain(password);
    }, STEP_CAP_MS.data);

    test('terraform destroy removes what was applied', () => {
      needs('apply', applied);
      deployment.destroy();
      const state = deployment.tf(['state', 'list'], 30_000);
      expect(state.stdout.trim()).toBe('');
    }, STEP_CAP_MS.destroy + 10_000);
  });
}
