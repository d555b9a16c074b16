/**
 * The dashboard at national scale (issue 5, "Speed at national scale").
 *
 *   npm run bench:data            # once: the national dataset in database lantoa_bench
 *   npm run bench -- dashboard [--runs 40] [--no-render]
 *
 * On the national dataset (PostgreSQL), GET /api/v1/stats/overview at national, provincial and commune scope on both
 * structures, over the last three years and over the directive's interim period: p50 and p95 of the API through
 * real HTTP to a listening app (session cookie, auth, validation, serialisation, all of it), beside two floors —
 * the same SQL statements the endpoint ran (captured from Kysely's log during a warm-up request) replayed directly
 * through `pg` as the endpoint ran them (statements it sent side by side are replayed side by side, the stages one
 * after another), the same replay behind a bare Fastify route (HTTP with nothing of ours), and for reference the
 * statements replayed strictly one after another. Rounds interleave the
 * three so whatever else the machine does weighs on each alike. Then the first render of the national dashboard
 * in headless Chromium (sign-in done; from navigation to all four charts drawn) and the dashboard's initial JavaScript
 * (`web-bundle.ts`), when dist/web is built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { PG_SESSION_OPTIONS, type Database } from '../server/db/connection';
import type { DB } from '../server/db/schema';
import { createUser } from '../server/test/factories';
import { benchDatabaseUrl } from './data/generate';
import { initialJavaScript } from './web-bundle';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(option('runs') ?? 40);
const RENDER = !args.includes('--no-render');
const TODAY = '2026-11-28';
const LAST_3_YEARS = { from: '2023-11-29', to: TODAY };
const INTERIM = { from: '2016-05-15', to: '2019-08-20' };

interface Captured {
  sql: string;
  parameters: readonly unknown[];
  start: number;
  end: number;
}

/**
 * The endpoint's schedule: a statement sent before every earlier one had finished joins their stage (they ran side
 * by side); one sent after they all finished starts the next stage.
 */
function stagesOf(statements: Captured[]): Captured[][] {
  const stages: Captured[][] = [];
  let stageEnd = -Infinity;
  for (const statement of [...statements].sort((a, b) => a.start - b.start)) {
    if (stages.length === 0 || statement.start >= stageEnd) {
      stages.push([]);
    }
    stages[stages.length - 1].push(statement);
    stageEnd = Math.max(stageEnd, statement.end);
  }
  return stages;
}

const replayStages = async (stages: Captured[][]) => {
  const out = [];
  for (const stage of stages) {
    out.push(
      ...(await Promise.all(stage.map((statement) => pool.query(statement.sql, statement.parameters as unknown[])))),
    );
  }
  return out.map((result) => result.rows);
};

const url = benchDatabaseUrl();
// The floor runs with the app's own session settings, so both sides measure the same statement the same way.
const pool = new pg.Pool({ connectionString: url, max: 4, options: PG_SESSION_OPTIONS });
try {
  const check = await pool.query<{ n: number }>('select count(*)::int as n from org_unit');
  if (check.rows[0].n < 1000) {
    throw new Error('empty');
  }
} catch {
  console.error('Chưa có dữ liệu đo: chạy `npm run bench:data` trước.');
  process.exit(1);
}

let capture: Captured[] | null = null;
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4, options: PG_SESSION_OPTIONS }) }),
  log: (event) => {
    if (capture && event.level === 'query') {
      const end = performance.now();
      capture.push({
        sql: event.query.sql,
        parameters: event.query.parameters,
        start: end - event.queryDurationMillis,
        end,
      });
    }
  },
});
const database: Database = { db, kind: 'postgres', close: () => db.destroy() };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-dashboard-'));
const app = await buildApp({ database, config: { ...loadConfig({}), dataDir, loadDemo: false } }, { serveWeb: true });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

// The floor behind HTTP: a bare Fastify route replaying the captured statements through pg, as the endpoint ran them.
let bareStages: Captured[][] = [];
const bare = Fastify({ logger: false });
bare.get('/floor', async () => replayStages(bareStages));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

const central = await sql<{ id: string }>`select id from org_unit where code = 'TW'`.execute(db);
const user = await createUser(
  db,
  { id: central.rows[0].id, code: 'TW', name: 'Trung ương', kind: 'central' },
  'viewer',
);
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: base },
  body: JSON.stringify({ username: user.username, password: user.password }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0];

async function callApi(query: string) {
  const response = await fetch(`${base}/api/v1/stats/overview?${query}`, { headers: { cookie } });
  if (response.status !== 200) {
    throw new Error(`${response.status} ${await response.text()}`);
  }
  return response.json() as Promise<{ commendations: { total: number }; children: unknown[] }>;
}

const percentile = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.ceil(list.length * p) - 1];

async function measure(label: string, query: string) {
  await callApi(query);
  capture = [];
  const answer = await callApi(query);
  const statements = capture;
  capture = null;
  if (args.includes('--statements')) {
    for (const statement of statements) {
      const started = performance.now();
      await pool.query(statement.sql, statement.parameters as unknown[]);
      process.stdout.write(
        `  ${(performance.now() - started).toFixed(1).padStart(7)} ms  ${statement.sql.replace(/\s+/g, ' ').slice(0, 110)}\n`,
      );
    }
  }
  const stages = stagesOf(statements);
  const oneByOne = async () => {
    for (const statement of statements) {
      await pool.query(statement.sql, statement.parameters as unknown[]);
    }
  };
  const variants = [
    () => callApi(query),
    () => replayStages(stages),
    async () => {
      bareStages = stages;
      const response = await fetch(`${bareBase}/floor`);
      await response.arrayBuffer();
    },
    oneByOne,
  ];
  for (const run of variants) {
    await run();
  }
  const samples: number[][] = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [v, run] of variants.entries()) {
      const started = performance.now();
      await run();
      samples[v].push(performance.now() - started);
    }
  }
  const [api, floor, bareRoute, serial] = samples.map((s) => ({ p50: percentile(s, 0.5), p95: percentile(s, 0.95) }));
  return {
    label,
    api,
    floor,
    bareRoute,
    serial,
    statements: statements.length,
    stages: stages.length,
    total: answer.commendations.total,
    children: answer.children.length,
  };
}

const unitId = async (code: string, at: string) =>
  (
    await sql<{ id: string }>`select id from org_unit where code = ${code} and valid_from <= ${at}::date
      and (valid_to is null or valid_to >= ${at}::date)`.execute(db)
  ).rows[0].id;
const tw = central.rows[0].id;
const province = await unitId('96', TODAY);
const oldProvince = await unitId('96', INTERIM.to);
const commune = await unitId('32152', TODAY);
const oldCommune = await unitId('32152', INTERIM.to);
const q = (unit: string, period: { from: string; to: string }, structure: string) =>
  `unit=${unit}&from=${period.from}&to=${period.to}&structure=${structure}`;

const scenarios: [string, string][] = [
  ['national   3 years  current ', q(tw, LAST_3_YEARS, 'current')],
  ['national   3 years  recorded', q(tw, LAST_3_YEARS, 'recorded')],
  ['national   interim  current ', q(tw, INTERIM, 'current')],
  ['national   interim  recorded', q(tw, INTERIM, 'recorded')],
  ['province   3 years  current ', q(province, LAST_3_YEARS, 'current')],
  ['province   3 years  recorded', q(province, LAST_3_YEARS, 'recorded')],
  ['province   interim  recorded', q(oldProvince, INTERIM, 'recorded')],
  ['commune    3 years  current ', q(commune, LAST_3_YEARS, 'current')],
  ['commune    3 years  recorded', q(commune, LAST_3_YEARS, 'recorded')],
  ['commune    interim  recorded', q(oldCommune, INTERIM, 'recorded')],
];
const counts = await sql<{
  units: number;
  recipients: number;
  models: number;
  meetings: number;
  inspections: number;
  recommendations: number;
}>`
  select (select count(*) from org_unit)::int as units, (select count(*) from commendation_recipient)::int as recipients,
    (select count(*) from model)::int as models, (select count(*) from cell_meeting)::int as meetings,
    (select count(*) from inspection)::int as inspections,
    (select count(*) from recommendation)::int as recommendations`.execute(db);
const c = counts.rows[0];
process.stdout.write(
  `\nDashboard overview on PostgreSQL: ${c.units} units, ${c.recipients} recipients, ${c.models} models, ${c.meetings} meetings, ${c.inspections} inspections, ${c.recommendations} recommendations\n` +
    `${RUNS} interleaved rounds, ms; API = real HTTP to the listening app; floor = the endpoint's own SQL through pg, run as the endpoint ran it (stmts in stages: side by side within a stage); bare = that replay behind a bare Fastify route; 1-by-1 = the same SQL strictly one after another\n`,
);
process.stdout.write(
  'scope      period   structure   API p50   API p95  floor p50 floor p95  bare p50  bare p95 1-by-1 p95  p95/floor p95/1-by-1  stmts/stages  children\n',
);
const fmt = (n: number) => n.toFixed(1).padStart(9);
for (const [label, query] of scenarios) {
  const r = await measure(label, query);
  process.stdout.write(
    `${label}${fmt(r.api.p50)} ${fmt(r.api.p95)} ${fmt(r.floor.p50)} ${fmt(r.floor.p95)} ${fmt(r.bareRoute.p50)} ${fmt(r.bareRoute.p95)} ${fmt(r.serial.p95)}  ${(r.api.p95 / r.floor.p95).toFixed(2).padStart(8)}x ${(r.api.p95 / r.serial.p95).toFixed(2).padStart(9)}x ${`${r.statements}/${r.stages}`.padStart(13)} ${String(r.children).padStart(9)}\n`,
  );
}

const webDir = path.join(import.meta.dirname, '..', 'dist', 'web');
if (fs.existsSync(path.join(webDir, 'index.html'))) {
  const js = initialJavaScript(webDir, /^DashboardPage-.*\.js$/);
  process.stdout.write(
    `\nInitial JavaScript of the dashboard (entry + the dashboard chunk and their static imports; ECharts loads lazily): ${js.pageKb.toFixed(1)} KB gzip in ${js.files} files (target ≤ 350; the shell every page loads: ${js.shellKb.toFixed(1)} KB)\n`,
  );
}

if (RENDER && fs.existsSync(path.join(webDir, 'index.html'))) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
  await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: base }]);
  const page = await context.newPage();
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    await page.goto(`${base}/dashboard?unit=${tw}&period=threeYears&structure=current&r=${i}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-ready="true"]').length === 4, undefined, {
      timeout: 60_000,
    });
    if (i > 0) {
      times.push(performance.now() - started);
    }
  }
  await browser.close();
  process.stdout.write(
    `\nFirst render of the national dashboard in headless Chromium (navigation → four charts drawn), 5 loads after one warm-up: median ${percentile(times, 0.5).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms\n`,
  );
}

await sql`delete from user_session where user_id = ${user.id}`.execute(db);
await sql`delete from app_user where id = ${user.id}`.execute(db).catch(() => undefined);
await app.close();
await bare.close();
await pool.end();
fs.rmSync(dataDir, { recursive: true, force: true });
