import { cdktf, javascript, JsonFile } from 'projen';

/**
 * Versions fixed by the project brief. One place to bump them.
 * cdktf was archived upstream in Dec 2025; everything cdktf-specific in `src/` goes through
 * `src/core/cdktf.ts` so a move to a fork stays mechanical.
 */
const CDKTF = '0.21.0';
const CONSTRUCTS = '10.4.2';
const PROVIDERS: Record<string, string> = {
  // 20.1.0 binds hashicorp/aws 5.100.0, the version the offline Terraform mirror holds.
  '@cdktf/provider-aws': '20.1.0',
  '@cdktf/provider-kubernetes': '12.1.1',
  '@cdktf/provider-helm': '12.1.2',
  '@cdktf/provider-vault': '15.6.1',
};

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-data-pipelines',
  description:
    'CDK for Terraform constructs for data pipelines (streaming ingest, lake, warehouse, CDC, observability) on AWS managed services or self-hosted on Kubernetes.',
  author: 'cdktf-data-pipelines maintainers',
  authorAddress: 'maintainers@cdktf-data-pipelines.dev',
  repositoryUrl: 'https://github.com/cdktf-data-pipelines/cdktf-data-pipelines.git',
  license: 'Apache-2.0',
  keywords: ['cdktf', 'terraform', 'data-pipeline', 'kinesis', 'firehose', 'msk', 'kafka', 'strimzi', 'kubernetes'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenVersion: '0.103.25',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  minNodeVersion: '20.0.0',
  cdktfVersion: `^${CDKTF}`,
  constructsVersion: `^${CONSTRUCTS}`,
  peerDeps: Object.entries(PROVIDERS).map(([name, version]) => `${name}@${version}`),
  devDeps: [
    `cdktf-cli@${CDKTF}`,
    '@swc/core@^1.15',
    '@swc/jest@^0.2.39',
    'tsx@^4.20',
    'ajv@^8.17',
    'ajv-formats@^3.0',
    'yaml@^2.8',
    '@aws-sdk/client-kinesis@^3',
    '@aws-sdk/client-firehose@^3',
    '@aws-sdk/client-s3@^3',
    '@aws-sdk/client-secrets-manager@^3',
    '@aws-sdk/client-cloudwatch@^3',
    '@aws-sdk/client-cloudwatch-logs@^3',
    '@aws-sdk/client-sns@^3',
  ],
  // Conventional-commit versioning and npm publishing through projen's release workflow.
  release: true,
  releaseToNpm: true,
  docgen: true,
  jest: true,
  jestOptions: { jestConfig: { collectCoverage: false } },
  eslintOptions: {
    // One typed-lint project for src, test, stacks and examples (they share test/tsconfig.json).
    projectService: false,
    tsconfigPath: './test/tsconfig.json',
    dirs: ['src'],
    devdirs: ['test', 'stacks', 'examples', 'scripts'],
  },
  tsconfigDev: {
    include: ['../src/**/*.ts', '../stacks/**/*.ts', '../examples/**/*.ts', '../scripts/**/*.ts', '../.projenrc.ts'],
    compilerOptions: {},
  },
  gitignore: ['cdktf.out/', '.terraform/', '.terraform.lock.hcl', '.gen/', 'test-reports/', '.bench/', '*.tfstate*'],
});

for (const p of ['/stacks/', '/examples/', '/scripts/', '/.ci/', '/cdktf.json', '/cdktf.out/', '/test-reports/', '/.bench/']) {
  project.npmignore?.exclude(p);
}

// Unit tier: transpile-only with swc (type-checking runs separately in `typecheck`).
project.deps.removeDependency('ts-jest');
project.jest!.config.transform = {
  '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' } }],
};
project.jest!.config.testMatch = ['<rootDir>/test/**/*.test.ts'];
// cdktf's per-token stack traces skip Jest's source-map formatter (see the file).
project.jest!.config.setupFilesAfterEnv = ['<rootDir>/test/support/fast-token-traces.ts'];
project.jest!.config.testTimeout = 30_000;
// Jest's default is one worker per core minus one: a single worker on the 2-core build machine.
project.jest!.config.maxWorkers = '100%';

// Provider packages may only be imported by deep path (root import: ~10x slower, ~7x more memory).
const forbidden = Object.keys(PROVIDERS).map((name) => ({
  name,
  message: `Import resources by deep path, e.g. '${name}/lib/<resource>'. The package root loads every binding.`,
}));
project.eslint?.addRules({ 'no-restricted-imports': ['error', { paths: forbidden }] });

// cdktf.json: `npx cdktf synth` synthesizes every reference architecture in stacks/.
new JsonFile(project, 'cdktf.json', {
  obj: {
    language: 'typescript',
    app: 'npx tsx stacks/main.ts',
    projectId: 'cdktf-data-pipelines-reference-stacks',
    sendCrashReports: 'false',
    terraformProviders: [],
    terraformModules: [],
    context: {},
  },
});

// ---- tasks ---------------------------------------------------------------------------------
const env = { CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: 'true' };
project.addTask('synth', {
  description: 'Synthesize every reference architecture in stacks/ (the main job)',
  env,
  exec: 'tsx stacks/main.ts',
});
project.addTask('typecheck', {
  description: 'Type-check src, test, stacks and examples (tests themselves run transpile-only)',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});
/** `workers`: jest's default (cores - 1), one in band, or a count. */
const jestTier = (name: string, description: string, paths: string, workers: 'default' | 'in-band' | number) =>
  project.addTask(`test:${name}`, {
    description,
    env,
    exec: [
      'jest --passWithNoTests=false',
      ...(workers === 'in-band' ? ['--runInBand'] : typeof workers === 'number' ? [`--maxWorkers=${workers}`] : []),
      `--json --outputFile=test-reports/${name}.json ${paths}`,
    ].join(' '),
  });
jestTier('unit', 'Tier 1: unit tests of both backends, examples and reference stacks (plus tier 4 schemas)', 'test/unit test/schema', 'default');
jestTier('terraform', 'Tier 2: terraform init + validate of every synthesized AWS stack (offline mirror)', 'test/terraform', 'in-band');
// Each emulator file deploys to a moto of its own, and an apply spends most of its time in the
// provider's polling sleeps (about one core busy on average): three files at a time on the 2-core
// machine took the tier from 890 s in band to 357 s.
jestTier('emulator', 'Tier 3: deploy to the moto AWS emulator, send records, count them, destroy', 'test/emulator', 3);
project.addTask('docs:alarms', {
  description: 'Rewrite the README alarm tables from the reference stacks (a unit test fails when they are stale)',
  env,
  exec: 'tsx scripts/update-alarm-tables.ts',
});
project.addTask('benchmark', {
  description: 'Measure synth time/peak memory and unit suite time',
  env,
  exec: 'node scripts/benchmark.js',
});

const test = project.tasks.tryFind('test')!;
test.reset();
test.description = 'The whole suite: type-check, lint, unit+schema, terraform validate, emulator';
test.spawn(project.tasks.tryFind('typecheck')!);
test.spawn(project.eslint!.eslintTask);
// jsii compile (the public API must stay jsii-valid); API.md regenerated, and in CI it must be unchanged.
test.spawn(project.compileTask);
test.exec('node scripts/check-api-md.js');
test.exec('rm -rf test-reports && mkdir -p test-reports');
test.exec('node scripts/run-tiers.js');

project.synth();
