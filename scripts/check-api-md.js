#!/usr/bin/env node
/**
 * Regenerates the API reference with jsii-docgen (after the jsii compile) and compares it with the
 * API.md in the working tree. Locally it updates API.md; with CI=true a difference fails the run,
 * because the committed API reference must describe the committed code.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'API.md');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-md-'));
const fresh = path.join(tmp, 'API.md');
try {
  const run = spawnSync('npx', ['jsii-docgen', '-o', fresh], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`jsii-docgen failed (exit ${run.status}); run the jsii compile first (npx projen compile).`);
    process.exit(1);
  }
  const expected = fs.readFileSync(fresh, 'utf8');
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (expected === current) {
    console.log(`API.md is current (${expected.split('\n').length} lines).`);
  } else if (process.env.CI === 'true') {
    console.error('API.md is out of date with the code: run "npx projen compile && npx projen docgen" and commit API.md.');
    process.exit(1);
  } else {
    fs.writeFileSync(target, expected);
    console.log('API.md updated: commit it with the change.');
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
