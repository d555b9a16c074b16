/**
 * Commendations: import speed and the counts endpoint, on PGlite and on PostgreSQL (issue 3, "Speed").
 *
 *   npx tsx bench/commendations-import.ts [--rows 100000] [--only pglite|postgres]
 *
 * For each database: a fresh database with the demo organisation (Cà Mau and Bạc Liêu before 2025); a generated CSV
 * of `rows` recipients over its communes and cells; the import timed (with peak memory); the floor — the same
 * recipient rows loaded with COPY; then a second file to reach 2 × rows recipients, and the p95 of
 * GET /api/v1/stats/commendations at national scope (unit TW) beside the same SQL run directly, and beside the SQL the
 * copied columns avoid (a join to the decision). PostgreSQL: TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/
 * postgres; the bench creates and drops its own database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/connection';
import { migrate } from '../server/db/migrate';
import { analyzeTables } from '../server/db/statistics';
import { Scope, systemActor } from '../server/platform/access';
import { importCommendations } from '../server/modules/commendations/commendations-import';
import { countRecipients, countRecipientsQuery } from '../server/modules/commendations/commendations.repository';
import { ensureCentralUnit } from '../server/modules/demo/bootstrap';
import { loadDemoOrganisation } from '../server/modules/demo/demo-organisation';
import { SeededRandom, vietnameseName } from '../server/modules/demo/random';
import { createUnit, createUser } from '../server/test/factories';
import { signIn } from '../server/test/harness';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROWS = Number(option('rows') ?? 100_000);
const ONLY = option('only');
const COUNT_RUNS = 60;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-'));

const POSITIONS = ['Bí thư chi bộ', 'Phó Bí thư chi bộ', 'Đảng viên', 'Trưởng ấp', 'Chi hội trưởng Hội Nông dân'];

interface BenchUnit {
  code: string;
  path: string;
  kind: string;
}

/** A CSV of `rows` recipients: district decisions (issuer = the Huyện ủy, so it owns them) of ~20 recipients each. */
async function writeCsv(database: Database, file: string, rows: number, seed: string): Promise<void> {
  const units = await sql<BenchUnit & { district: string; district_name: string }>`
    select u.code, u.path::text as path, u.kind, d.code as district, d.name as district_name
    from org_unit u join org_unit d on u.path <@ d.path and d.kind = 'district' and nlevel(d.path) = 3
    where u.kind in ('commune', 'cell') and u.valid_to = '2025-06-30'`.execute(database.db);
  const byDistrict = new Map<string, { name: string; units: BenchUnit[] }>();
  for (const unit of units.rows) {
    const entry = byDistrict.get(unit.district) ?? { name: unit.district_name, units: [] };
    entry.units.push(unit);
    byDistrict.set(unit.district, entry);
  }
  const districts = [...byDistrict.values()].filter((d) => d.units.length > 0);
  const random = new SeededRandom(seed);
  const out = fs.createWriteStream(file);
  out.write(
    '\ufeffdecision_number,decision_date,level,form,issuer,recipient_type,recipient_name,unit_code,position,reason\n',
  );
  let written = 0;
  for (let decision = 1; written < rows; decision++) {
    const district = random.pick(districts);
    const date = random.date('2016-01-01', '2025-06-30');
    const size = Math.min(random.int(10, 30), rows - written);
    for (let i = 0; i < size; i++) {
      const unit = random.pick(district.units);
      const isCollective = unit.kind === 'cell' ? random.chance(0.3) : random.chance(0.6);
      const name = isCollective ? `Tập thể ${unit.code}` : vietnameseName(random);
      const position = isCollective ? '' : random.pick(POSITIONS);
      const line = `${seed}-${decision}-QĐ/HU,${date},district,GIAY_KHEN,${district.name},${isCollective ? 'collective' : 'individual'},${name},${unit.code},${position},Hoàn thành xuất sắc nhiệm vụ\n`;
      if (!out.write(line)) {
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    }
    written += size;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function timedImport(database: Database, file: string) {
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const started = performance.now();
  const result = await importCommendations(
    database.db,
    systemActor('bench'),
    { fileName: path.basename(file), filePath: file },
    {
      dryRun: false,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return {
    seconds,
    result,
    heapMb: (peakHeap - baseline.heapUsed) / 2 ** 20,
    rssMb: (peakRss - baseline.rss) / 2 ** 20,
  };
}

/** The floor: the recipient rows the import wrote, dumped and loaded back with COPY (indexes in place). */
async function copyFloor(database: Database, url?: string): Promise<number> {
  const dump = path.join(TMP, `recipients-${database.kind}.copy`);
  if (database.pglite) {
    const out = await database.pglite.query("COPY commendation_recipient TO '/dev/blob'");
    const blob = out.blob!;
    await database.pglite.query('TRUNCATE commendation_recipient');
    const started = performance.now();
    await database.pglite.query("COPY commendation_recipient FROM '/dev/blob'", [], { blob });
    return (performance.now() - started) / 1000;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await pipeline(client.query(copyTo('COPY commendation_recipient TO STDOUT')), fs.createWriteStream(dump));
    await client.query('TRUNCATE commendation_recipient');
    const started = performance.now();
    await pipeline(fs.createReadStream(dump), client.query(copyFrom('COPY commendation_recipient FROM STDIN')));
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.95) - 1];

/**
 * Runs the variants in turn, `COUNT_RUNS` rounds (after one warm-up round), so that whatever else the machine does
 * weighs on each alike; returns each variant's median and p95 in ms.
 */
async function timeRounds(variants: (() => Promise<unknown>)[]): Promise<{ median: number; p95: number }[]> {
  for (const run of variants) {
    await run();
  }
  const samples: number[][] = variants.map(() => []);
  for (let i = 0; i < COUNT_RUNS; i++) {
    for (const [v, run] of variants.entries()) {
      const started = performance.now();
      await run();
      samples[v].push(performance.now() - started);
    }
  }
  return samples.map((list) => ({
    median: [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)],
    p95: p95(list),
  }));
}

async function countsP95(database: Database, centralId: string) {
  const dataDir = path.join(TMP, `app-${database.kind}`);
  const app = await buildApp({ database, config: { ...loadConfig({}), dataDir, loadDemo: false } });
  await app.ready();
  const central = { id: centralId, code: 'TW', name: 'Trung ương', kind: 'central' as const };
  const user = await createUser(database.db, central, 'viewer');
  const viewer = await signIn(app, user.username, user.password);
  const [from, to] = ['2016-01-01', '2025-06-30'];
  const root = await sql<{ path: string }>`select path::text as path from org_unit where id = ${centralId}`.execute(
    database.db,
  );
  // The caller's scope as the endpoint builds it (a viewer of TW), so the floor is the statement the endpoint sends.
  const callerScope = Scope.forGrants([
    { grantId: 'bench', role: 'viewer', unitId: centralId, roots: [root.rows[0].path] },
  ]);
  const filter = {
    path: root.rows[0].path,
    from,
    to,
    campaignId: null,
    scope: callerScope.sqlContains(sql`u.path`),
  };
  if (process.env.BENCH_EXPLAIN) {
    for (const scope of [callerScope, Scope.system()]) {
      const compiled = countRecipientsQuery({ ...filter, scope: scope.sqlContains(sql`u.path`) }).compile(database.db);
      const plan = await database.db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain analyze ${compiled.sql}`, [...compiled.parameters]),
      );
      process.stderr.write(`${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n\n`);
    }
  }
  const [endpoint, direct, joined] = await timeRounds([
    async () => {
      const response = await viewer.get(`/api/v1/stats/commendations?unit=TW&from=${from}&to=${to}`);
      if (response.statusCode !== 200) {
        throw new Error(response.body);
      }
    },
    () => countRecipients(database.db, filter),
    // The same counts without the copied columns: date and level read from each recipient's decision.
    () =>
      sql`
      select s.level, s.recipient_type, case when nlevel(u.path) > 1 then subpath(u.path, 0, 2)::text end, sum(s.n)
      from (select r.unit_id, d.level, r.recipient_type, count(*) as n from commendation_recipient r
        join commendation_decision d on d.id = r.decision_id
        where d.decision_date between ${from}::date and ${to}::date group by 1, 2, 3) s
      join org_unit u on u.id = s.unit_id
      where u.path <@ ${filter.path}::ltree
      group by 1, 2, 3`.execute(database.db),
  ]);
  const total = await sql<{ n: number }>`select count(*)::int as n from commendation_recipient`.execute(database.db);
  await app.close();
  return { endpoint, direct, joined, recipients: total.rows[0].n };
}

async function benchOne(kind: 'pglite' | 'postgres') {
  let database: Database;
  let url: string | undefined;
  let dropDatabase = async () => undefined as unknown;
  if (kind === 'postgres') {
    const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    const name = `lantoa_bench_${process.pid}`;
    const admin = await openDatabase({ url: server.toString(), poolSize: 1 });
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    server.pathname = `/${name}`;
    url = server.toString();
    database = await openDatabase({ url, poolSize: 4 });
    dropDatabase = async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  try {
    await migrate(database.db);
    const central = await ensureCentralUnit(database.db);
    await loadDemoOrganisation(database.db, central.id);
    // A unit outside the demo so the national scope spans more than one province tree.
    await createUnit(database.db, { kind: 'province', parent: { ...central, code: 'TW', name: '', kind: 'central' } });
    const first = path.join(TMP, `a-${kind}.csv`);
    const second = path.join(TMP, `b-${kind}.csv`);
    await writeCsv(database, first, ROWS, 'A');
    await writeCsv(database, second, ROWS, 'B');
    const imported = await timedImport(database, first);
    const floor = await copyFloor(database, url);
    const secondImport = await timedImport(database, second);
    // As the server does after an import that wrote (server/db/statistics.ts), before autovacuum would.
    await analyzeTables(database.db);
    const counts = await countsP95(database, central.id);
    return { kind, imported, floor, secondImport, counts };
  } finally {
    await database.close();
    await dropDatabase();
  }
}

const fmt = (n: number, digits = 2) => n.toFixed(digits).padStart(8);
const results = [];
for (const kind of ['pglite', 'postgres'] as const) {
  if (!ONLY || ONLY === kind) {
    process.stderr.write(`${kind}…\n`);
    results.push(await benchOne(kind));
  }
}
process.stdout.write(`\nCommendations import: ${ROWS.toLocaleString('en')} recipient rows from CSV\n`);
process.stdout.write('database   import s  (2nd) s   COPY s  ratio  heap+ MB  rss+ MB  decisions\n');
for (const r of results) {
  process.stdout.write(
    `${r.kind.padEnd(9)}${fmt(r.imported.seconds)}${fmt(r.secondImport.seconds)}${fmt(r.floor)}${fmt(r.imported.seconds / r.floor, 1)}x${fmt(r.imported.heapMb, 0)}${fmt(r.imported.rssMb, 0)}${String(r.imported.result.decisions).padStart(11)}\n`,
  );
}
process.stdout.write(`\nCounts at national scope (unit TW), ${COUNT_RUNS} interleaved runs, ms (median / p95)\n`);
process.stdout.write('database   recipients       endpoint       same SQL    without copies\n');
const pair = (t: { median: number; p95: number }) => `${fmt(t.median, 1)} /${fmt(t.p95, 1)}`.padStart(15);
for (const r of results) {
  process.stdout.write(
    `${r.kind.padEnd(9)}${String(r.counts.recipients).padStart(11)}${pair(r.counts.endpoint)}${pair(r.counts.direct)}${pair(r.counts.joined)}\n`,
  );
}
if (!process.env.BENCH_KEEP) {
  fs.rmSync(TMP, { recursive: true, force: true });
}
