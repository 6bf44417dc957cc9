/**
 * Tier 2: `terraform init` + `terraform validate` of every synthesized stack that uses only the
 * aws provider (the reference stacks and the AWS examples), against the offline mirror of
 * hashicorp/aws. Stacks that need other providers (kubernetes, helm: not in the mirror) are listed
 * as skipped with the reason. Without terraform or the mirror the tier is skipped, loudly.
 */
import { buildDmsApp } from './cdc-dms-app';
import { buildCdcSourceApp } from './cdc-source-app';
import { buildRedshiftApp } from './redshift-app';
import { buildSearchApp } from './search-app';
import { EXAMPLES } from '../../examples';
import { buildReferenceApp } from '../../stacks/app';
import { cleanupTerraform, describeRun, runTerraform, skipTier, SynthesizedApp, SynthesizedStack, synthesizeApp, terraformAvailable } from '../support/terraform';

const INIT_TIMEOUT_MS = 90_000;
const VALIDATE_TIMEOUT_MS = 60_000;

const tier = terraformAvailable();

if (!tier.ok) {
  skipTier('tier 2 (terraform validate)', tier.reason, 'terraform init + validate of every AWS stack');
} else {
  describe(`tier 2: terraform validate (${tier.detail})`, () => {
    // Synthesized while collecting tests, so each stack is its own test.
    const apps: SynthesizedApp[] = [];
    const labelled: { label: string; stack: SynthesizedStack }[] = [];
    const add = (source: string, app: SynthesizedApp) => {
      apps.push(app);
      for (const stack of app.stacks) labelled.push({ label: `${source}: ${stack.name}`, stack });
    };
    try {
      add('stacks/app', synthesizeApp(buildReferenceApp, 'reference'));
      // Every Redshift option (both deployments, streaming ingestion, lake loads, Spectrum, Firehose).
      add('test/terraform/redshift-app', synthesizeApp(buildRedshiftApp, 'redshift'));
      // Every DMS option (instance and Serverless, Kinesis and lake targets) and every AWS source database.
      add('test/terraform/cdc-dms-app', synthesizeApp(buildDmsApp, 'cdc-dms'));
      add('test/terraform/cdc-source-app', synthesizeApp(buildCdcSourceApp, 'cdc-source'));
      add('test/terraform/search-app', synthesizeApp(buildSearchApp, 'search'));
      for (const example of EXAMPLES.filter((e) => e.platform === 'aws')) {
        add(`examples/${example.name}`, synthesizeApp((app) => {
          example.build(app, {});
        }, example.name));
      }
    } catch (e) {
      apps.forEach((app) => app.remove());
      throw e;
    }
    const aws = labelled.filter((s) => s.stack.awsOnly);
    const others = labelled.filter((s) => !s.stack.awsOnly);

    afterAll(() => {
      apps.forEach((app) => app.remove());
      cleanupTerraform();
    });

    test('validates at least one AWS stack, and lists every stack it does not validate', () => {
      console.log([
        `terraform validate: ${aws.length} AWS stack(s):`,
        ...aws.map((s) => `  - ${s.label}`),
        `not validated: ${others.length} stack(s):`,
        ...others.map((s) => `  - ${s.label} (providers ${s.stack.providers.join(', ') || 'none'}): ${s.stack.notAwsOnlyReason}`),
      ].join('\n'));
      expect(aws.length).toBeGreaterThan(0);
    });

    for (const { label, stack } of aws) {
      test(`${label}: terraform init + validate exit 0`, () => {
        const init = runTerraform(stack.dir, ['init', '-backend=false', '-input=false', '-no-color'], { timeoutMs: INIT_TIMEOUT_MS });
        if (init.code !== 0) throw new Error(describeRun(`terraform init (${label}, ${stack.dir})`, init));
        const validate = runTerraform(stack.dir, ['validate', '-no-color'], { timeoutMs: VALIDATE_TIMEOUT_MS });
        if (validate.code !== 0) throw new Error(describeRun(`terraform validate (${label}, ${stack.dir})`, validate));
        expect(validate.stdout).toMatch(/Success! The configuration is valid/);
      }, INIT_TIMEOUT_MS + VALIDATE_TIMEOUT_MS + 10_000);
    }

    for (const { label, stack } of others) {
      test.skip(`${label}: not validated: ${stack.notAwsOnlyReason}`, () => undefined);
    }
  });
}
