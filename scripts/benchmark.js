#!/usr/bin/env node
/**
 * Benchmarks the main job and the unit suite, and compares them with the budgets:
 *   synth of every stack in stacks/ (one process): median of 5 runs, wall time and peak RSS, both
 *     as `npx tsx stacks/main.ts` (what a person types) and as the node process alone
 *     (`node --import tsx stacks/main.ts`); the synth budget applies to both;
 *   `jest test/unit test/schema`: median of 3 runs, wall time and peak RSS of its largest process.
 * Prints a markdown table and writes .bench/results.json. Exits 1 when a measured command fails,
 * and, with --strict, when a budget is exceeded.
 *
 * Peak RSS comes from GNU time (`/usr/bin/time -v`: the largest single process of the tree); where
 * it is missing, from process.resourceUsage().maxRSS of the node process, reported at its exit by
 * a preloaded script.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const STRICT = process.argv.includes('--strict');
const MIB = 1024 * 1024;
const BUDGETS = {
  synthSeconds: 2,
  synthMiB: 400,
  unitSeconds: 60,
};
const RUNS = { synth: 5, unit: 3 };
const RUN_TIMEOUT_MS = { synth: 120_000, unit: 600_000 };
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => {
  try {
    return spawnSync(p, ['-v', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  } catch {
    return false;
  }
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-dp-bench-'));
const RSS_PRELOAD = path.join(tmp, 'report-rss.js');
fs.writeFileSync(RSS_PRELOAD, [
  "'use strict';",
  "process.on('exit', () => {",
  '  const file = process.env.BENCH_RSS_FILE;',
  "  if (file) require('fs').appendFileSync(file, `${process.resourceUsage().maxRSS}\\n`);",
  '});',
  '',
].join('\n'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs `command args` once: wall seconds (hrtime), peak RSS in bytes, exit status. */
function measureOnce(command, args, { env = {}, timeoutMs, label }) {
  const timeFile = path.join(tmp, 'time.txt');
  const rssFile = path.join(tmp, 'rss.txt');
  fs.rmSync(timeFile, { force: true });
  fs.rmSync(rssFile, { force: true });
  const outdir = fs.mkdtempSync(path.join(tmp, 'out-'));
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * MIB,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      DISABLE_VERSION_CHECK: 'true',
      CDKTF_OUTDIR: outdir,
      BENCH_RSS_FILE: rssFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${RSS_PRELOAD}`.trim(),
      ...env,
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.rmSync(outdir, { recursive: true, force: true });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status}${result.signal ? ` (${result.signal})` : ''}`;
    throw new Error(`${label} failed: ${why}\n${(result.stderr || '').slice(-4000)}\n${(result.stdout || '').slice(-2000)}`);
  }
  let rssBytes;
  const timeText = GNU_TIME && fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '';
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeText);
  if (m) {
    rssBytes = Number(m[1]) * 1024;
  } else if (fs.existsSync(rssFile)) {
    // maxRSS is in KiB; every node process of the tree appended its own: keep the largest.
    rssBytes = Math.max(...fs.readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number)) * 1024;
  }
  return { seconds, rssBytes, stdout: result.stdout };
}

function measure(label, command, args, runs, timeoutMs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const sample = measureOnce(command, args, { timeoutMs, label });
    samples.push(sample);
    process.stderr.write(`  ${label}: run ${i + 1}/${runs} ${sample.seconds.toFixed(2)} s, `
      + `${sample.rssBytes ? (sample.rssBytes / MIB).toFixed(0) : '?'} MiB\n`);
  }
  const rss = samples.map((s) => s.rssBytes).filter((x) => x !== undefined);
  return {
    label,
    command: [command, ...args].join(' '),
    runs,
    medianSeconds: median(samples.map((s) => s.seconds)),
    minSeconds: Math.min(...samples.map((s) => s.seconds)),
    maxSeconds: Math.max(...samples.map((s) => s.seconds)),
    medianPeakRssMiB: rss.length ? median(rss) / MIB : undefined,
    maxPeakRssMiB: rss.length ? Math.max(...rss) / MIB : undefined,
    lastStdout: samples[samples.length - 1].stdout,
  };
}

function main() {
  process.stderr.write(`benchmark (${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, node ${process.version}, `
    + `peak RSS from ${GNU_TIME ? `${GNU_TIME} -v` : 'process.resourceUsage().maxRSS'})\n`);
  const jestBin = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const rows = [
    {
      ...measure('synth: npx tsx stacks/main.ts', 'npx', ['tsx', 'stacks/main.ts'], RUNS.synth, RUN_TIMEOUT_MS.synth),
      budget: { seconds: BUDGETS.synthSeconds, MiB: BUDGETS.synthMiB },
    },
    {
      ...measure('synth: node --import tsx stacks/main.ts', process.execPath, ['--import', 'tsx', 'stacks/main.ts'], RUNS.synth, RUN_TIMEOUT_MS.synth),
      budget: { seconds: BUDGETS.synthSeconds, MiB: BUDGETS.synthMiB },
    },
    {
      ...measure('unit suite: jest test/unit test/schema', process.execPath, [jestBin, '--silent', 'test/unit', 'test/schema'], RUNS.unit, RUN_TIMEOUT_MS.unit),
      budget: { seconds: BUDGETS.unitSeconds },
    },
  ];
  const synthSummary = (/synthesized .*$/m.exec(rows[1].lastStdout) || [''])[0];

  const verdicts = [];
  for (const row of rows) {
    if (!row.budget) continue;
    const over = [];
    if (row.budget.seconds !== undefined && row.medianSeconds >= row.budget.seconds) over.push(`${row.medianSeconds.toFixed(2)} s >= ${row.budget.seconds} s`);
    if (row.budget.MiB !== undefined && row.medianPeakRssMiB !== undefined && row.medianPeakRssMiB >= row.budget.MiB) {
      over.push(`${row.medianPeakRssMiB.toFixed(0)} MiB >= ${row.budget.MiB} MiB`);
    }
    row.withinBudget = over.length === 0;
    if (over.length) verdicts.push(`OVER BUDGET ${row.label}: ${over.join(', ')}`);
  }

  const fmtBudget = (b) => (b ? [b.seconds !== undefined && `< ${b.seconds} s`, b.MiB !== undefined && `< ${b.MiB} MiB`].filter(Boolean).join(', ') : 'info');
  const lines = [
    '| measurement | runs | median wall | min-max wall | median peak RSS | budget | result |',
    '|---|---:|---:|---:|---:|---|---|',
    ...rows.map((r) => `| \`${r.label.split(': ')[1]}\` (${r.label.split(': ')[0]}) | ${r.runs} | ${r.medianSeconds.toFixed(2)} s | `
      + `${r.minSeconds.toFixed(2)}-${r.maxSeconds.toFixed(2)} s | ${r.medianPeakRssMiB !== undefined ? `${r.medianPeakRssMiB.toFixed(0)} MiB` : 'n/a'} | `
      + `${fmtBudget(r.budget)} | ${r.budget ? (r.withinBudget ? 'ok' : 'OVER') : '-'} |`),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
  if (synthSummary) process.stdout.write(`main job: ${synthSummary}\n`);
  for (const v of verdicts) process.stdout.write(`${v}\n`);

  const results = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, memGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version },
    rssSource: GNU_TIME ? `${GNU_TIME} -v` : 'process.resourceUsage().maxRSS',
    budgets: BUDGETS,
    strict: STRICT,
    mainJob: synthSummary,
    measurements: rows.map(({ lastStdout, ...r }) => r),
    overBudget: verdicts,
  };
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`results: .bench/results.json${verdicts.length && !STRICT ? ' (budgets exceeded; pass --strict to fail on that)' : ''}\n`);
  return verdicts.length && STRICT ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`benchmark failed: ${e.message}\n`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
