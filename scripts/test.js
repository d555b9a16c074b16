#!/usr/bin/env node
// `npm test`: typecheck, lint, unit, integration on PGlite and (with TEST_DATABASE_URL) on PostgreSQL, then the
// browser tests on the built app. Every step runs even when an earlier one failed, so one run shows everything;
// the exit code is non-zero if any step failed. The last line is the total: "N passed, N failed".
//
// The machines this runs on have two cores. Typecheck, lint and the web build each use about one, so they run side
// by side, their output printed whole as each ends; LANTOA_TEST_SERIAL=1 runs them one after another. The PostgreSQL
// pass is not run beside the browser tests: tried, it made both two to three times slower (the browser tests took
// 13–66 s each instead of 10–28 s) — the browser, its GPU process and the server want more than the idle core.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const serial = process.env.LANTOA_TEST_SERIAL === '1';

const results = [];
let passed = 0;
let failed = 0;

/** Runs one step; with `quiet` its output is kept and printed whole at the end instead of streamed. */
function run(name, command, args, { env = {}, quiet = false } = {}) {
  const started = Date.now();
  if (!quiet) {
    process.stdout.write(`\n=== ${name} ===\n`);
  }
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('close', (code) => {
      if (quiet) {
        process.stdout.write(`\n=== ${name} ===\n${output}`);
      }
      const ok = code === 0;
      results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
      resolve(ok);
    });
  });
}

async function check(name, command, args, options) {
  if (!(await run(name, command, args, options))) {
    failed += 1;
  }
}

async function vitest(name, project, options = {}) {
  const out = path.join(tmp, `vitest-${name.replace(/\W+/g, '-')}.json`);
  fs.rmSync(out, { force: true });
  const args = ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`];
  const ok = await run(name, bin('vitest'), args, options);
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (!ok) {
    failed += 1;
  }
}

async function browser() {
  const report = path.join(tmp, 'playwright-results.json');
  fs.rmSync(report, { force: true });
  const ok = await run('browser (Playwright, Chromium)', bin('playwright'), ['test']);
  if (fs.existsSync(report)) {
    const stats = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  } else if (!ok) {
    failed += 1;
  }
}

const buildWeb = "const { ensureWebBuild } = await import('./server/web-build.ts'); await ensureWebBuild(console.log);";
const staticChecks = [
  () => check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { quiet: !serial }),
  () => check('lint', bin('eslint'), ['.'], { quiet: !serial }),
  // Through the server's own build step, which stamps dist/web with its inputs' hash: the browser tests' server then
  // finds it fresh instead of building it again.
  () =>
    check('web build', process.execPath, ['--import', 'tsx', '--input-type=module', '-e', buildWeb], {
      quiet: !serial,
    }),
];
if (serial) {
  for (const step of staticChecks) {
    await step();
  }
} else {
  await Promise.all(staticChecks.map((step) => step()));
}
await vitest('unit', 'unit');
await vitest('integration (PGlite)', 'integration', { env: { LANTOA_TEST_DB: 'pglite' } });
if (process.env.TEST_DATABASE_URL) {
  await vitest('integration (PostgreSQL)', 'integration', { env: { LANTOA_TEST_DB: 'postgres' } });
} else {
  process.stdout.write('\n(TEST_DATABASE_URL is not set: integration tests on PostgreSQL skipped)\n');
}
await browser();

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
