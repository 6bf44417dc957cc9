#!/usr/bin/env node
/**
 * Runs the test tiers in order (unit+schema, terraform validate, emulator), each to the end even
 * when an earlier one failed, then summarizes their jest --json reports:
 * a table per tier, the loud SKIPPED lines the tiers printed, and one closing line
 *   tests: <passed> passed, <failed> failed, <skipped> skipped
 * Exit 1 when a tier failed, its report is missing or empty, the unit tier executed no test, or a
 * tier executed no test without saying loudly why it skipped.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const REPORTS = process.env.RUN_TIERS_REPORTS ?? path.join(ROOT, 'test-reports');
const MINUTE = 60_000;
/** name = projen task `test:<name>` writing `test-reports/<name>.json`; limit bounds the whole tier. */
const TIERS = [
  { name: 'unit', title: 'tier 1: unit + schema', limitMs: 25 * MINUTE, mustExecute: true },
  { name: 'terraform', title: 'tier 2: terraform validate', limitMs: 25 * MINUTE, mustExecute: false },
  { name: 'emulator', title: 'tier 3: emulator (moto)', limitMs: 15 * MINUTE, mustExecute: false },
];
const SKIP_LINE = /^\s*(SKIPPED tier \d.*?)\s*$/;

/** Runs `npx projen test:<tier>`, echoing its output and collecting the SKIPPED lines it prints. */
function runTier(tier) {
  return new Promise((resolve) => {
    const started = Date.now();
    const skips = new Set();
    const child = spawn('npx', ['projen', `test:${tier.name}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a tier over its limit is ended whole
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    });
    const scan = (stream, out) => {
      let partial = '';
      stream.on('data', (chunk) => {
        out.write(chunk);
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop();
        for (const line of lines) {
          const m = SKIP_LINE.exec(line);
          if (m) skips.add(m[1]);
        }
      });
      stream.on('end', () => {
        const m = SKIP_LINE.exec(partial);
        if (m) skips.add(m[1]);
      });
    };
    scan(child.stdout, process.stdout);
    scan(child.stderr, process.stderr);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch { /* gone */ }
    }, tier.limitMs);
    const finish = (code, error) => {
      clearTimeout(timer);
      resolve({ code, error, timedOut, skips: [...skips], wallMs: Date.now() - started });
    };
    child.on('error', (err) => finish(-1, err.message));
    child.on('close', (code, signal) => finish(code ?? -1, signal ? `killed by ${signal}` : undefined));
  });
}

function readReport(tier) {
  const file = path.join(REPORTS, `${tier.name}.json`);
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { problem: `report ${path.relative(ROOT, file)} is missing` };
  }
  if (text.trim() === '') return { problem: `report ${path.relative(ROOT, file)} is empty` };
  try {
    return { report: JSON.parse(text) };
  } catch (e) {
    return { problem: `report ${path.relative(ROOT, file)} is not JSON (${e.message})` };
  }
}

function summarize(tier, run) {
  const { report, problem } = readReport(tier);
  const problems = [];
  if (problem) problems.push(problem);
  if (run.timedOut) problems.push(`tier exceeded its ${tier.limitMs / MINUTE} min limit and was ended`);
  if (run.error) problems.push(run.error);
  const r = report ?? {};
  const passed = r.numPassedTests ?? 0;
  const failedTests = r.numFailedTests ?? 0;
  // A suite that failed to run (syntax error, throw while collecting) has no failed test: count it.
  const brokenSuites = r.numRuntimeErrorTestSuites ?? 0;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  const executed = passed + failedTests;
  const results = r.testResults ?? [];
  // Skip reasons also stand in the titles of skipped describe blocks (jest does not print the
  // console output of a skipped file when it runs several).
  const skips = new Set(run.skips);
  for (const file of results) {
    for (const a of file.assertionResults ?? []) {
      for (const title of [...(a.ancestorTitles ?? []), a.title]) {
        const m = SKIP_LINE.exec(title ?? '');
        if (m) skips.add(m[1]);
      }
    }
  }
  const jestMs = results.length ? Math.max(...results.map((t) => t.endTime ?? t.perfStats?.end ?? 0)) - (r.startTime ?? 0) : 0;
  if (report) {
    if (failedTests > 0) problems.push(`${failedTests} test(s) failed`);
    if (brokenSuites > 0) problems.push(`${brokenSuites} suite(s) failed to run`);
    if ((r.numFailedTestSuites ?? 0) > 0 && failedTests === 0 && brokenSuites === 0) problems.push(`${r.numFailedTestSuites} suite(s) failed`);
    if (executed === 0 && tier.mustExecute) problems.push('0 tests executed');
    if (executed === 0 && !tier.mustExecute && skips.size === 0) problems.push('0 tests executed and no SKIPPED line says why');
  }
  if (run.code !== 0 && problems.length === 0) problems.push(`exit code ${run.code}`);
  // Whole files skipped while no SKIPPED line reached us (jest hides the console output of skipped
  // files when it runs several): name them, so no skip goes unseen.
  const skippedFiles = results
    .filter((file) => ['skipped', 'pending'].includes(file.status))
    .map((file) => path.relative(ROOT, file.name));
  const unexplained = skips.size === 0 ? skippedFiles : [];
  const counted = failedTests + brokenSuites;
  return {
    tier: tier.name,
    title: tier.title,
    ok: problems.length === 0,
    exitCode: run.code,
    passed,
    // A failed tier counts at least one failure, so the closing line never reads "0 failed" on exit 1.
    failed: problems.length ? Math.max(counted, 1) : counted,
    skipped,
    suites: {
      total: r.numTotalTestSuites ?? 0,
      passed: r.numPassedTestSuites ?? 0,
      failed: r.numFailedTestSuites ?? 0,
      skipped: r.numPendingTestSuites ?? 0,
    },
    wallMs: run.wallMs,
    jestMs: Math.max(0, jestMs),
    skips: [...skips],
    unexplained,
    problems,
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function printSummary(rows) {
  const lines = [
    '',
    '## Test tiers',
    '',
    '| tier | result | tests passed | tests failed | tests skipped | suites (pass/fail/skip of total) | jest time | wall time |',
    '|---|---|---:|---:|---:|---|---:|---:|',
    ...rows.map((s) => `| ${s.title} | ${!s.ok ? 'FAILED' : s.passed === 0 && s.skips.length ? 'SKIPPED' : 'ok'} | ${s.passed} | ${s.failed} | ${s.skipped} | `
      + `${s.suites.passed}/${s.suites.failed}/${s.suites.skipped} of ${s.suites.total} | ${seconds(s.jestMs)} | ${seconds(s.wallMs)} |`),
    '',
  ];
  const skips = rows.flatMap((s) => s.skips);
  if (skips.length) lines.push('Skipped (loudly):', ...skips.map((l) => `  ${l}`), '');
  const unexplained = rows.flatMap((s) => s.unexplained.map((file) => `  ${s.title}: ${file}`));
  if (unexplained.length) {
    lines.push('WARNING: whole test files skipped without a SKIPPED line in the output or in a describe title:', ...unexplained, '');
  }
  const failed = rows.filter((row) => !row.ok);
  for (const s of failed) lines.push(`FAILED ${s.title}: ${s.problems.join('; ')}`);
  if (failed.length) lines.push('');
  const total = (key) => rows.reduce((sum, s) => sum + s[key], 0);
  lines.push(`tests: ${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  fs.mkdirSync(REPORTS, { recursive: true });
  const rows = [];
  for (const tier of TIERS) {
    // A stale report from an earlier run must not stand in for this one.
    fs.rmSync(path.join(REPORTS, `${tier.name}.json`), { force: true });
    process.stdout.write(`\n==> ${tier.title}: npx projen test:${tier.name}\n`);
    rows.push(summarize(tier, await runTier(tier)));
  }
  fs.writeFileSync(path.join(REPORTS, 'summary.json'), JSON.stringify(rows, null, 2));
  printSummary(rows);
  process.exitCode = rows.every((s) => s.ok) ? 0 : 1;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.stdout.write('tests: 0 passed, 1 failed, 0 skipped\n');
    process.exitCode = 1;
  });
}

module.exports = { summarize, printSummary, TIERS };
