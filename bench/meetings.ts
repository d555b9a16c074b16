/**
 * Cell meetings (issue 4, "Speed"), on PostgreSQL:
 *
 *   npx tsx bench/meetings.ts [--import-rows 100000] [--runs 30] [--national-runs 10] [--skip province,import,national]
 *
 * 1. Figures of a whole province over 3 years: the demo (old Tỉnh ủy Cà Mau, 2017–2019) — p95 of
 *    GET /api/v1/stats/meetings beside the same three statements run directly through `pg`.
 * 2. Import of `import-rows` meeting rows from CSV (cells of the demo, 2020–2025, months without a meeting), beside
 *    COPY of the same rows into the same table (indexes in place).
 * 3. Nation: ~50,000 synthetic cells (34 provinces × 97–98 communes × 15 cells, the reference size of DESIGN.md)
 *    with 36 months of meetings (~1.8 million records, bench/data/meetings.ts, COPY) — p95 at unit TW beside the SQL.
 *    The national tree of `npm run bench:data` (dashboard branch) is not used: it was not on main when this was
 *    written; the synthetic tree has the same counts.
 * Each part creates and drops its own database on TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { todayIso } from '../common/dates';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { inTransaction, openDatabase, PG_SESSION_OPTIONS, type Database } from '../server/db/connection';
import { migrate } from '../server/db/migrate';
import { Scope, systemActor } from '../server/platform/access';
import { loadDemoCampaigns } from '../server/modules/campaigns/campaigns-demo';
import { ensureCentralUnit } from '../server/modules/demo/bootstrap';
import { loadDemoOrganisation } from '../server/modules/demo/demo-organisation';
import { SeededRandom } from '../server/modules/demo/random';
import { loadDemoMeetings } from '../server/modules/meetings/meetings-demo';
import { importMeetings } from '../server/modules/meetings/meetings-import';
import * as statsRepo from '../server/modules/meetings/meetings-stats.repository';
import { normalisePeriod } from '../server/modules/meetings/meetings-stats';
import { createUser } from '../server/test/factories';
import { signIn } from '../server/test/harness';
import { benchMonths, MEETING_COPY_COLUMNS, meetingRows, seededUuid } from './data/meetings';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const IMPORT_ROWS = Number(option('import-rows') ?? 100_000);
const RUNS = Number(option('runs') ?? 30);
const NATIONAL_RUNS = Number(option('national-runs') ?? 10);
const SKIP = new Set((option('skip') ?? '').split(',').filter(Boolean));
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-meetings-'));
const TODAY = todayIso();

async function freshDatabase(name: string) {
  const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  server.pathname = `/${name}`;
  const url = server.toString();
  const database = await openDatabase({ url, poolSize: 4 });
  await migrate(database.db);
  return {
    url,
    database,
    drop: async () => {
      await database.close();
      // pool.end() returns before the server has seen every connection go; a forced drop would then kill them and
      // surface 57P01 in the pool. Wait for them instead (as server/test/databases.ts does).
      for (let i = 0; i < 100; i++) {
        const left = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (left.rows[0].n === 0) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.95) - 1];
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

/** The variants in turn, `runs` rounds after one warm-up, so load on the machine weighs on each alike. */
async function timeRounds(variants: (() => Promise<unknown>)[], runs: number) {
  for (const run of variants) {
    await run();
  }
  const samples: number[][] = variants.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [v, run] of variants.entries()) {
      const started = performance.now();
      await run();
      samples[v].push(performance.now() - started);
    }
  }
  return samples.map((list) => ({ median: median(list), p95: p95(list) }));
}

/**
 * p95 of the endpoint for `unit` over [from, to] beside the same three statements (monthly figures, cells, cells
 * that missed a month) sent directly through `pg`, in parallel as the service sends them.
 */
async function figuresP95(database: Database, url: string, unit: string, from: string, to: string, runs: number) {
  const app = await buildApp({
    database,
    config: { ...loadConfig({}), dataDir: fs.mkdtempSync(path.join(TMP, 'app-')), loadDemo: false },
  });
  await app.ready();
  const central = await ensureCentralUnit(database.db);
  const user = await createUser(database.db, { ...central, code: 'TW', name: '', kind: 'central' }, 'viewer');
  const viewer = await signIn(app, user.username, user.password);
  const first = await viewer.get(`/api/v1/stats/meetings?unit=${unit}&from=${from}&to=${to}`);
  if (first.statusCode !== 200) {
    throw new Error(first.body);
  }
  const figures = first.json() as {
    unit: { id: string };
    totals: { cellsExpected: number; cellMonthsExpected: number };
  };
  const root = await sql<{
    path: string;
  }>`select path::text as path from org_unit where id = ${figures.unit.id}`.execute(database.db);
  const period = normalisePeriod(from, to);
  const params: statsRepo.FiguresParams = {
    rootPath: root.rows[0].path,
    from: period.from,
    to: period.to,
    themeIds: null,
    scope: Scope.system().sqlContains(sql`u.path`),
  };
  // The statements exactly as the service sends them, compiled once, then run through plain `pg` clients.
  const monthlySql = statsRepo.monthlyFiguresQuery(params).compile(database.db);
  const direct = [
    monthlySql,
    statsRepo.countCellsQuery(params).compile(database.db),
    statsRepo.cellsNotMetQuery(params, 200).compile(database.db),
  ];
  const pool = new pg.Pool({ connectionString: url, max: 3, options: PG_SESSION_OPTIONS });
  const [endpoint, floor] = await timeRounds(
    [
      async () => {
        const response = await viewer.get(`/api/v1/stats/meetings?unit=${unit}&from=${from}&to=${to}`);
        if (response.statusCode !== 200) {
          throw new Error(response.body);
        }
      },
      () => Promise.all(direct.map((q) => pool.query(q.sql, q.parameters as unknown[]))),
    ],
    runs,
  );
  await pool.end();
  await app.close();
  return { endpoint, floor, ...figures.totals };
}

async function province() {
  const { url, database, drop } = await freshDatabase(`lantoa_bench_meetings_${process.pid}`);
  try {
    const started = performance.now();
    const loaded = await inTransaction(database.db, async (trx) => {
      const central = await ensureCentralUnit(trx);
      const organisation = await loadDemoOrganisation(trx, central.id);
      await loadDemoCampaigns(trx, { centralId: central.id, newProvinceId: organisation.newProvinceId });
      return loadDemoMeetings(trx, { newProvinceId: organisation.newProvinceId });
    });
    const demoSeconds = (performance.now() - started) / 1000;
    await sql`analyze`.execute(database.db);
    const figures = await figuresP95(database, url, '96', '2017-01-01', '2019-12-31', RUNS);
    const imported = SKIP.has('import') ? undefined : await importBench(database, url);
    return { loaded, demoSeconds, figures, imported };
  } finally {
    await drop();
  }
}

/** `rows` CSV rows: the demo's old cells, month by month from January 2020 (months the demo leaves empty). */
async function writeImportCsv(database: Database, file: string, rows: number) {
  const cells = await sql<{ code: string; valid_to: string }>`
    select code, valid_to from org_unit where kind = 'cell' and valid_to = '2025-06-30' order by code`.execute(
    database.db,
  );
  const random = new SeededRandom('bench-meetings-import');
  const out = fs.createWriteStream(file);
  out.write('\ufeffunit_code,date,type,theme_included,theme_code,members_on_roll,present,absent_reasons,summary\n');
  let written = 0;
  for (let year = 2020; written < rows && year <= 2025; year++) {
    for (let month = 1; month <= 12 && written < rows && !(year === 2025 && month > 6); month++) {
      for (const cell of cells.rows) {
        if (written >= rows) {
          break;
        }
        const roll = random.int(9, 30);
        const present = roll - random.int(0, 3);
        const day = `${String(random.int(1, 12)).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
        const theme = random.chance(0.7) ? 'có' : 'không';
        const line = `${cell.code},${day},Thường kỳ,${theme},,${roll},${present},${present < roll ? 'Ốm' : ''},Kiểm điểm nhiệm vụ tháng\n`;
        if (!out.write(line)) {
          await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        }
        written += 1;
      }
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return written;
}

async function importBench(database: Database, url: string) {
  const file = path.join(TMP, 'meetings.csv');
  const rows = await writeImportCsv(database, file, IMPORT_ROWS);
  const started = performance.now();
  const result = await importMeetings(
    database.db,
    systemActor('bench'),
    { fileName: 'meetings.csv', filePath: file },
    { dryRun: false },
  );
  const seconds = (performance.now() - started) / 1000;
  // The floor: the rows just imported, dumped and loaded back with COPY into the same table, indexes in place.
  const columns = MEETING_COPY_COLUMNS.join(', ');
  const where = `meeting_date between '2020-01-01' and '2025-06-30'`;
  const dump = path.join(TMP, 'meetings.copy');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await pipeline(
      client.query(copyTo(`COPY (select ${columns} from cell_meeting where ${where}) TO STDOUT`)),
      fs.createWriteStream(dump),
    );
    await client.query(`delete from cell_meeting where ${where}`);
    await client.query('vacuum cell_meeting');
    const copyStarted = performance.now();
    await pipeline(fs.createReadStream(dump), client.query(copyFrom(`COPY cell_meeting (${columns}) FROM STDIN`)));
    return { rows, seconds, copySeconds: (performance.now() - copyStarted) / 1000, meetings: result.meetings };
  } finally {
    await client.end();
  }
}

/** 34 provinces, 3,321 communes (97 or 98 each), 15 cells per commune: 49,815 cells, one SQL statement per level. */
async function syntheticNation(database: Database) {
  await sql`
    insert into org_unit (node, code, name, kind, parent_id, path, valid_from, search_key)
    values (1, 'TW', 'Trung ương', 'central', null, '1', '1930-02-03', 'tw')`.execute(database.db);
  await sql`
    insert into org_unit (node, code, name, kind, parent_id, path, valid_from, search_key)
    select 1000 + i, 'P' || i, 'Tỉnh ủy số ' || i, 'province', r.id, ('1.' || (1000 + i))::ltree, '2015-01-01', 'p' || i
    from generate_series(1, 34) i, org_unit r where r.node = 1`.execute(database.db);
  await sql`
    insert into org_unit (node, code, name, kind, parent_id, path, valid_from, search_key)
    select 100000 + (i - 1) * 100 + j, 'P' || i || '-' || j, 'Đảng ủy xã số ' || j || ' tỉnh ' || i, 'commune', p.id,
      (p.path::text || '.' || (100000 + (i - 1) * 100 + j))::ltree, '2015-01-01', 'c' || i || '-' || j
    from generate_series(1, 34) i join org_unit p on p.node = 1000 + i,
      generate_series(1, case when i <= 23 then 98 else 97 end) j`.execute(database.db);
  await sql`
    insert into org_unit (node, code, name, kind, parent_id, path, valid_from, search_key)
    select 1000000 + (c.node - 100000) * 20 + k, c.code || '-' || k, 'Chi bộ số ' || k, 'cell', c.id,
      (c.path::text || '.' || (1000000 + (c.node - 100000) * 20 + k))::ltree, '2015-01-01', 'x'
    from org_unit c, generate_series(1, 15) k where c.kind = 'commune'`.execute(database.db);
  const campaign = await sql<{ id: string }>`
    insert into campaign (code, kind, title, issuing_body, issued_on, scope_unit_id, search_key)
    select '05-CT/TW', 'directive', 'Chỉ thị 05', 'Bộ Chính trị', '2016-05-15', id, '05' from org_unit where node = 1
    returning id`.execute(database.db);
  const { from, to } = benchMonths(TODAY);
  const themes = await sql<{ id: string; period_start: string; period_end: string }>`
    insert into study_theme (campaign_id, code, title, period_start, period_end, scope_unit_id, search_key)
    select ${campaign.rows[0].id}, 'CD-' || y, 'Chuyên đề năm ' || y, make_date(y, 1, 1), make_date(y, 12, 31), u.id, 'cd'
    from generate_series(${Number(from.slice(0, 4))}::int, ${Number(to.slice(0, 4))}::int) y, org_unit u where u.node = 1
    returning id, period_start, period_end`.execute(database.db);
  const cells = await sql<{ id: string; parent_id: string }>`
    select id, parent_id from org_unit where kind = 'cell' order by node`.execute(database.db);
  return {
    cells: cells.rows.map((c) => ({ id: c.id, parentId: c.parent_id, validFrom: '2015-01-01', validTo: null })),
    themes: themes.rows.map((t) => ({ id: t.id, periodStart: t.period_start, periodEnd: t.period_end })),
    from,
    to,
  };
}

function* copyLines(rows: Iterable<(string | number | boolean | null)[]>, counter: { n: number }) {
  let batch = '';
  for (const row of rows) {
    batch += `${row.map((v) => (v === null ? '\\N' : String(v))).join('\t')}\n`;
    counter.n += 1;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  yield batch;
}

async function nation() {
  const { url, database, drop } = await freshDatabase(`lantoa_bench_meetings_nation_${process.pid}`);
  try {
    const nationTree = await syntheticNation(database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const counter = { n: 0 };
    const started = performance.now();
    const rows = meetingRows(nationTree.cells, {
      seed: 'lantoa-bench',
      from: nationTree.from,
      to: nationTree.to,
      today: TODAY,
      themes: nationTree.themes,
      seededId: seededUuid,
    });
    await pipeline(
      Readable.from(copyLines(rows, counter)),
      client.query(copyFrom(`COPY cell_meeting (${MEETING_COPY_COLUMNS.join(', ')}) FROM STDIN`)),
    );
    const loadSeconds = (performance.now() - started) / 1000;
    await client.query('vacuum analyze');
    await client.end();
    const figures = await figuresP95(
      database,
      url,
      'TW',
      nationTree.from,
      `${nationTree.to.slice(0, 8)}28`,
      NATIONAL_RUNS,
    );
    const provinceFigures = await figuresP95(
      database,
      url,
      'P1',
      nationTree.from,
      `${nationTree.to.slice(0, 8)}28`,
      RUNS,
    );
    return {
      cells: nationTree.cells.length,
      meetings: counter.n,
      loadSeconds,
      figures,
      provinceFigures,
      months: nationTree,
    };
  } finally {
    await drop();
  }
}

const ms = (t: { median: number; p95: number }) =>
  `${t.median.toFixed(0).padStart(6)} / ${t.p95.toFixed(0).padStart(6)}`;
const n = (v: number) => v.toLocaleString('en');

if (!SKIP.has('province')) {
  process.stderr.write('province (demo)…\n');
  const r = await province();
  process.stdout.write(
    `\nDemo meetings: ${n(r.loaded.meetings)} rows for ${n(r.loaded.cells)} cells loaded in ${r.demoSeconds.toFixed(1)} s (organisation and campaigns included)\n`,
  );
  process.stdout.write(
    `Figures, old Tỉnh ủy Cà Mau 01/2017–12/2019: ${n(r.figures.cellsExpected)} cells, ${n(r.figures.cellMonthsExpected)} cell-months; ${RUNS} runs, ms median / p95\n`,
  );
  process.stdout.write(`  endpoint   ${ms(r.figures.endpoint)}\n  same SQL   ${ms(r.figures.floor)}\n`);
  if (r.imported) {
    process.stdout.write(
      `\nImport of ${n(r.imported.rows)} meeting rows from CSV: ${r.imported.seconds.toFixed(1)} s (${n(Math.round(r.imported.rows / r.imported.seconds))} rows/s); COPY of the same rows: ${r.imported.copySeconds.toFixed(1)} s; ratio ${(r.imported.seconds / r.imported.copySeconds).toFixed(1)}×\n`,
    );
  }
}
if (!SKIP.has('national')) {
  process.stderr.write('nation (synthetic)…\n');
  const r = await nation();
  process.stdout.write(
    `\nNation (synthetic): ${n(r.cells)} cells, ${n(r.meetings)} meetings ${r.months.from.slice(0, 7)}…${r.months.to.slice(0, 7)} loaded with COPY in ${r.loadSeconds.toFixed(1)} s\n`,
  );
  process.stdout.write(
    `Figures at TW, ${n(r.figures.cellMonthsExpected)} cell-months; ${NATIONAL_RUNS} runs, ms median / p95\n  endpoint   ${ms(r.figures.endpoint)}\n  same SQL   ${ms(r.figures.floor)}\n`,
  );
  process.stdout.write(
    `Figures of one province of it, ${n(r.provinceFigures.cellMonthsExpected)} cell-months; ${RUNS} runs\n  endpoint   ${ms(r.provinceFigures.endpoint)}\n  same SQL   ${ms(r.provinceFigures.floor)}\n`,
  );
}
if (!process.env.BENCH_KEEP) {
  fs.rmSync(TMP, { recursive: true, force: true });
}
