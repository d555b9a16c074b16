#!/usr/bin/env node
// `npm test`: typecheck, lint, unit, integration on PGlite and (with TEST_DATABASE_URL) on PostgreSQL, then the
// browser tests on the built app. Every step runs even when an earlier one failed, so one run shows everything;
// the exit code is non-zero if any step failed. The last line is the total: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const results = [];
let passed = 0;
let failed = 0;

function run(name, command, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

function vitest(name, project, env = {}) {
  const out = path.join(tmp, `vitest-${name.replace(/\W+/g, '-')}.json`);
  fs.rmSync(out, { force: true });
  const args = ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`];
  const ok = run(name, bin('vitest'), args, env);
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (!ok) {
    failed += 1;
  }
}

if (!run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) {
  failed += 1;
}
if (!run('lint', bin('eslint'), ['.'])) {
  failed += 1;
}
vitest('unit', 'unit');
vitest('integration (PGlite)', 'integration', { LANTOA_TEST_DB: 'pglite' });
if (process.env.TEST_DATABASE_URL) {
  vitest('integration (PostgreSQL)', 'integration', { LANTOA_TEST_DB: 'postgres' });
} else {
  process.stdout.write('\n(TEST_DATABASE_URL is not set: integration tests on PostgreSQL skipped)\n');
}
if (!run('web build', bin('vite'), ['build', '--logLevel', 'warn'])) {
  failed += 1;
}
const e2eReport = path.join(tmp, 'playwright-results.json');
fs.rmSync(e2eReport, { force: true });
const e2eOk = run('browser (Playwright, Chromium)', bin('playwright'), ['test']);
if (fs.existsSync(e2eReport)) {
  const stats = JSON.parse(fs.readFileSync(e2eReport, 'utf8')).stats;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
}
if (!e2eOk && !fs.existsSync(e2eReport)) {
  failed += 1;
}

process.stdout.write('\n=== summary ===\n');
for (const r of results) {
  process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)\n`);
}
const anyFailed = results.some((r) => !r.ok);
if (anyFailed && failed === 0) {
  failed = 1;
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(anyFailed ? 1 : 0);
