/**
 * Terraform for the test tiers: the offline provider mirror, the project's CLI config, bounded
 * `terraform` child processes and synthesis of a cdktf App into a temp folder.
 *
 * Terraform only ever sees the CLI config rendered from `test/terraform/cli-config.tfrc.template`
 * (TF_CLI_CONFIG_FILE is set for every child), so the AWS provider comes from the local filesystem
 * mirror and nothing is downloaded. No plugin cache is configured (a shared cache is not safe for
 * concurrent inits): each stack folder gets its own copy from the mirror, so test files may run in
 * parallel workers.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';

/** Env var that overrides mirror autodetection: the folder that contains `registry.terraform.io/`. */
export const MIRROR_ENV = 'TF_PLUGIN_MIRROR';
/** The only provider the offline mirror holds (and the only one the CLI config takes from it). */
export const AWS_PROVIDER_ADDRESS = 'registry.terraform.io/hashicorp/aws';
/** Placeholder in the CLI config template. */
const MIRROR_PLACEHOLDER = '@MIRROR@';
const TEMPLATE = path.join(__dirname, '..', 'terraform', 'cli-config.tfrc.template');

/** Folders searched for the mirror, in order, before a bounded `find`. */
export const MIRROR_CANDIDATES: readonly string[] = [
  '/opt/tf-plugins',
  '/opt/terraform/plugins',
  '/usr/share/terraform/plugins',
  '/usr/local/share/terraform/plugins',
  path.join(os.homedir(), '.terraform.d', 'plugins'),
  path.join(os.homedir(), '.local', 'share', 'terraform', 'plugins'),
];

/** Limits of the autodetect `find` (the fallback when no candidate folder holds the mirror). */
const FIND_TIMEOUT_MS = 20_000;
const FIND_MAX_DEPTH = 8;

export type Availability = { ok: true; detail: string } | { ok: false; reason: string };

/** Whether `root` is a mirror root holding at least one version of hashicorp/aws. */
function isMirrorRoot(root: string): boolean {
  const dir = path.join(root, ...AWS_PROVIDER_ADDRESS.split('/'));
  try {
    return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** Versions of hashicorp/aws in a mirror (unpacked `<version>/` folders or packed zips). */
export function mirrorVersions(root: string): string[] {
  const dir = path.join(root, ...AWS_PROVIDER_ADDRESS.split('/'));
  const versions = new Set<string>();
  for (const entry of fs.readdirSync(dir)) {
    const packed = /^terraform-provider-aws_(\d+\.\d+\.\d+[^_]*)_/.exec(entry);
    if (packed) versions.add(packed[1]);
    else if (/^\d+\.\d+\.\d+/.test(entry)) versions.add(entry);
  }
  return [...versions].sort();
}

let mirrorCache: { root?: string; reason?: string } | undefined;

/**
 * The mirror root (the folder containing `registry.terraform.io/`): `$TF_PLUGIN_MIRROR` when set
 * (no fallback if it is wrong, so a bad override is reported), else the first known folder that
 * holds it, else a bounded `find /`.
 */
export function locateMirror(): { root?: string; reason?: string } {
  if (mirrorCache) return mirrorCache;
  const override = process.env[MIRROR_ENV];
  if (override) {
    mirrorCache = isMirrorRoot(override)
      ? { root: path.resolve(override) }
      : { reason: `${MIRROR_ENV}=${override} does not contain ${AWS_PROVIDER_ADDRESS}/<version>` };
    return mirrorCache;
  }
  const known = MIRROR_CANDIDATES.find(isMirrorRoot);
  if (known) return (mirrorCache = { root: known });

  const suffix = `/${AWS_PROVIDER_ADDRESS}`;
  const found = spawnSync('find', [
    '/', '-maxdepth', String(FIND_MAX_DEPTH),
    '(', '-path', '/proc', '-o', '-path', '/sys', '-o', '-path', '/dev', '-o', '-path', '/run',
    '-o', '-name', 'node_modules', '-o', '-name', '.git', '-o', '-name', '.terraform', ')', '-prune',
    '-o', '-type', 'd', '-path', `*${suffix}`, '-print',
  ], { encoding: 'utf8', timeout: FIND_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 });
  const roots = (found.stdout ?? '').split('\n').filter(Boolean).map((dir) => dir.slice(0, -suffix.length)).filter(isMirrorRoot);
  mirrorCache = roots.length > 0
    ? { root: roots[0] }
    : {
      reason: `no filesystem mirror of ${AWS_PROVIDER_ADDRESS} found: set ${MIRROR_ENV} to the folder that contains registry.terraform.io/ `
        + `(searched ${MIRROR_CANDIDATES.join(', ')} and find / -maxdepth ${FIND_MAX_DEPTH}${found.error ? `, which failed: ${found.error.message}` : ''})`,
    };
  return mirrorCache;
}

let configFile: string | undefined;

/** Renders the CLI config for `mirror` into a temp file (once per process) and returns its path. */
export function cliConfigFile(mirror: string): string {
  if (configFile && fs.existsSync(configFile)) return configFile;
  const hclString = mirror.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const rendered = fs.readFileSync(TEMPLATE, 'utf8').split(MIRROR_PLACEHOLDER).join(hclString);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-dp-tfrc-'));
  configFile = path.join(dir, 'terraform.tfrc');
  fs.writeFileSync(configFile, rendered);
  // Tests call cleanupTerraform() in afterAll; this catches a process that ends without it.
  process.once('exit', cleanupTerraform);
  return configFile;
}

/** Removes the rendered CLI config (call from afterAll). */
export function cleanupTerraform(): void {
  if (configFile) fs.rmSync(path.dirname(configFile), { recursive: true, force: true });
  configFile = undefined;
  process.removeListener('exit', cleanupTerraform);
}

/** Environment of every terraform child: the project's CLI config, no prompts, no checkpoint calls. */
export function terraformEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { root, reason } = locateMirror();
  if (!root) throw new Error(`terraform: ${reason}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfigFile(root),
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    ...extra,
  };
  delete env.TF_PLUGIN_CACHE_DIR;
  return env;
}

export interface TerraformResult {
  /** Exit code; -1 when terraform could not start or was killed (see `timedOut`, `error`). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** Why terraform did not run or finish, when it did not. */
  readonly error?: string;
}

export interface RunOptions {
  /** Upper bound; terraform is killed after it. @default 120000 */
  readonly timeoutMs?: number;
  /** Extra environment variables. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs `terraform <args>` in `dir`, bounded in time, with the project's CLI config. */
export function runTerraform(dir: string, args: string[], options: RunOptions = {}): TerraformResult {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const started = Date.now();
  const result = spawnSync('terraform', args, {
    cwd: dir,
    env: terraformEnv(options.env),
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  let error: string | undefined;
  if (timedOut) error = `terraform ${args[0]} timed out after ${timeoutMs} ms`;
  else if (result.error) error = `terraform ${args[0]} did not run: ${result.error.message}`;
  else if (result.signal) error = `terraform ${args[0]} was killed by ${result.signal}`;
  return {
    code: result.status ?? -1,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    timedOut,
    durationMs: Date.now() - started,
    error,
  };
}

/** A one-paragraph account of a terraform run, for assertion messages. */
export function describeRun(what: string, result: TerraformResult, maxChars = 8000): string {
  const tail = (s: string) => (s.length > maxChars ? `...${s.slice(-maxChars)}` : s);
  return [
    `${what}: exit ${result.code} after ${result.durationMs} ms${result.error ? ` (${result.error})` : ''}`,
    result.stderr.trim() && `--- stderr ---\n${tail(result.stderr.trim())}`,
    result.stdout.trim() && `--- stdout ---\n${tail(result.stdout.trim())}`,
  ].filter(Boolean).join('\n');
}

/**
 * Skips a whole tier loudly: a `SKIPPED <tier>: <reason>` warning, and a skipped describe block of
 * that title (so the reason is also in jest's --json report, which scripts/run-tiers.js reads: jest
 * does not print the console output of a skipped file when it runs several).
 */
export function skipTier(tier: string, reason: string, testName: string): void {
  const line = `SKIPPED ${tier}: ${reason}`;
  console.warn(line);
  cleanupTerraform();
  describe.skip(line, () => {
    test(testName, () => undefined);
  });
}

/** Whether terraform and the mirror are both here; the reason when not. */
export function terraformAvailable(): Availability {
  const { root, reason } = locateMirror();
  if (!root) return { ok: false, reason: reason! };
  const version = spawnSync('terraform', ['version', '-json'], {
    env: terraformEnv(), encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (version.error || version.status !== 0) {
    const why = version.error ? version.error.message : `exit ${version.status}: ${version.stderr}`;
    return { ok: false, reason: `terraform binary not usable (${why.trim()})` };
  }
  let tf = 'unknown version';
  try {
    tf = `terraform ${JSON.parse(version.stdout).terraform_version}`;
  } catch { /* older terraform: keep going */ }
  return { ok: true, detail: `${tf}, mirror ${root} (hashicorp/aws ${mirrorVersions(root).join(', ')})` };
}

/** One stack of a synthesized app. */
export interface SynthesizedStack {
  readonly name: string;
  /** Folder holding `cdk.tf.json` (where terraform runs). */
  readonly dir: string;
  /** The parsed `cdk.tf.json`. */
  readonly json: any;
  /** Local names of every provider the stack configures or requires. */
  readonly providers: string[];
  /** True when `aws` (hashicorp/aws) is the only provider: the mirror can init it. */
  readonly awsOnly: boolean;
  /** Why the stack cannot be init-ed offline, when `awsOnly` is false. */
  readonly notAwsOnlyReason?: string;
}

export interface SynthesizedApp {
  readonly outdir: string;
  readonly stacks: SynthesizedStack[];
  /** Deletes the outdir (and any terraform state in it). */
  remove(): void;
}

function providersOf(json: any): { names: string[]; foreign: string[] } {
  const required: Record<string, any> = json?.terraform?.required_providers ?? {};
  const names = [...new Set([...Object.keys(json?.provider ?? {}), ...Object.keys(required)])].sort();
  const foreign = names.filter((name) => {
    if (name !== 'aws') return true;
    const source = String(required.aws?.source ?? 'aws').toLowerCase();
    return !['aws', 'hashicorp/aws', AWS_PROVIDER_ADDRESS].includes(source);
  });
  return { names, foreign };
}

/**
 * Synthesizes an App built by `build` into a fresh temp outdir and describes each stack: its folder
 * and whether it uses only the aws provider.
 */
export function synthesizeApp(build: (app: App) => void, label = 'app'): SynthesizedApp {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `cdktf-dp-${label.replace(/[^a-z0-9-]/gi, '-')}-`));
  const remove = () => fs.rmSync(outdir, { recursive: true, force: true });
  try {
    const app = new App({ outdir, skipValidation: false });
    build(app);
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const stacks = Object.values<any>(manifest.stacks ?? {}).map((entry): SynthesizedStack => {
      const file = path.join(outdir, entry.synthesizedStackPath);
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      const { names, foreign } = providersOf(json);
      const awsOnly = names.length > 0 && foreign.length === 0;
      return {
        name: entry.name,
        dir: path.dirname(file),
        json,
        providers: names,
        awsOnly,
        notAwsOnlyReason: awsOnly ? undefined
          : names.length === 0 ? 'uses no provider'
            : `needs provider(s) ${foreign.join(', ')}, which the offline mirror does not hold (only hashicorp/aws)`,
      };
    });
    return { outdir, stacks, remove };
  } catch (e) {
    remove();
    throw e;
  }
}
