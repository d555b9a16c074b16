/**
 * `npm run bench:data [-- --database lantoa_bench] [--seed lantoa-bench] [--pglite DIR --province 96]`
 *
 * Generates the national dataset of DESIGN.md ("Scale") into its own PostgreSQL database (created afresh on the
 * server of TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres), or a provincial slice into a PGlite
 * data folder: the organisation tree before and after 2025 with lineage, Directive 05-CT/TW with its yearly themes,
 * commendation recipients and models, then every generator bench/data/<domain>.ts that exists (meetings,
 * inspections). Everything goes in with COPY; the same seed writes the same rows. Prints what it wrote and how long
 * each part took.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { foldVietnamese } from '../../common/text';
import { createProgress } from '../../server/cli-progress';
import { openDatabase, PG_SESSION_OPTIONS, type Database } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { LEGAL_BASIS_2025, NEW_FROM } from '../../server/modules/demo/demo-organisation';
import { SeededRandom } from '../../server/modules/demo/random';
import { searchKeyFor } from '../../server/modules/org-units/org-units.service';
import { indexCells, seededUuid, type BenchContext, type BenchGenerator } from './context';
import { pgliteTarget, postgresTarget, type CopyTarget } from './copy';
import { generateNationalTree, sliceTree, type NationalTree } from './national-tree';
import { generateCommendations, generateModels } from './recognition';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SEED = option('seed') ?? 'lantoa-bench';
const TODAY = option('today') ?? '2026-11-28';
const PGLITE_DIR = option('pglite');
const PROVINCE = option('province') ?? '96';
const DATABASE = option('database') ?? 'lantoa_bench';
/** Generators of other domains, run after ours when their file exists. */
const EXTRA_GENERATORS = ['meetings', 'inspections'];

/**
 * Generators written to another shape than `generate(ctx)`, called through the context here: inspections by today's
 * provinces (of their communes) and communes (of their cells) in the current year, where every unit exists.
 */
const ADAPTERS: Record<string, (database: Database) => BenchGenerator> = {
  inspections: (database) => async (ctx) => {
    const { generateInspections } = await import('./inspections');
    const year = Number(ctx.today.slice(0, 4));
    const cellsByCommune = new Map<string, string[]>();
    for (const cell of ctx.tree.newCells) {
      cellsByCommune.set(cell.parentId!, [...(cellsByCommune.get(cell.parentId!) ?? []), cell.id]);
    }
    const communesByProvince = new Map<string, string[]>();
    for (const commune of ctx.tree.newCommunes) {
      communesByProvince.set(commune.parentId!, [...(communesByProvince.get(commune.parentId!) ?? []), commune.id]);
    }
    const conducting = [
      ...[...communesByProvince].map(([id, subjects]) => ({ id, kind: 'province', subjects })),
      ...[...cellsByCommune].map(([id, subjects]) => ({ id, kind: 'commune', subjects })),
    ];
    const count = Math.round(20_000 * ctx.scale);
    const totals = await generateInspections(database.db, {
      conducting,
      count,
      years: [year, year],
      seed: `${ctx.seed}:inspections`,
      today: ctx.today,
      campaignId: ctx.campaignId,
      onProgress: (done) => ctx.progress.update(done, count),
    });
    return totals as Record<string, number>;
  },
};

/** The URL of the bench database on the test server (the database is dropped and created). */
export function benchDatabaseUrl(name = DATABASE): string {
  const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/${name}`;
  return server.toString();
}

async function openTarget(): Promise<{ database: Database; target: CopyTarget; close: () => Promise<void> }> {
  if (PGLITE_DIR) {
    fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(path.resolve(PGLITE_DIR)), { recursive: true });
    const database = await openDatabase({ dataDir: PGLITE_DIR });
    await migrate(database.db);
    return { database, target: pgliteTarget(database.pglite!), close: () => database.close() };
  }
  const url = benchDatabaseUrl();
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${DATABASE}" with (force)`);
  await admin.query(`create database "${DATABASE}"`);
  await admin.end();
  const database = await openDatabase({ url, poolSize: 2 });
  await migrate(database.db);
  const client = new pg.Client({ connectionString: url, options: PG_SESSION_OPTIONS });
  await client.connect();
  return {
    database,
    target: postgresTarget(client),
    close: async () => {
      await client.end();
      await database.close();
    },
  };
}

const EVENT_NOTES: Record<string, [string, string]> = {
  province: ['merge', 'Hợp nhất tỉnh ủy'],
  committee: ['merge', 'Hợp nhất đảng ủy trực thuộc tỉnh ủy'],
  district: ['dissolve', 'Kết thúc hoạt động của đảng bộ cấp huyện'],
  commune: ['merge', 'Sắp xếp đảng bộ cấp xã'],
  cell: ['move', 'Chi bộ chuyển về đảng bộ xã, phường mới'],
};

async function writeTree(target: CopyTarget, tree: NationalTree, random: SeededRandom): Promise<void> {
  await target.copy(
    'org_unit',
    ['id', 'node', 'code', 'name', 'kind', 'parent_id', 'path', 'valid_from', 'valid_to', 'search_key'],
    tree.units.map((u) => [u.id, u.node, u.code, u.name, u.kind, u.parentId, u.path, u.validFrom, u.validTo,
      searchKeyFor(u.code, [u.name])]),
  );
  await target.exec(`select setval(pg_get_serial_sequence('org_unit', 'node'), (select max(node) from org_unit))`);
  await target.copy(
    'org_unit_name',
    ['unit_id', 'name', 'valid_from', 'valid_to'],
    tree.units.map((u) => [u.id, u.name, u.validFrom, u.validTo]),
  );
  const eventIds = new Map(Object.keys(EVENT_NOTES).map((event) => [event, seededUuid(random)]));
  await target.copy(
    'org_event',
    ['id', 'kind', 'effective_date', 'legal_basis', 'note'],
    [...eventIds].map(([event, id]) => [id, EVENT_NOTES[event][0], NEW_FROM, LEGAL_BASIS_2025, EVENT_NOTES[event][1]]),
  );
  await target.copy(
    'org_lineage',
    ['event_id', 'from_unit_id', 'to_unit_id', 'is_partial', 'is_primary'],
    tree.edges.map((e) => [eventIds.get(e.event)!, e.fromId, e.toId, e.isPartial, e.isPrimary]),
  );
}

async function writeCampaign(target: CopyTarget, tree: NationalTree, random: SeededRandom) {
  const campaignId = seededUuid(random);
  const title =
    'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';
  await target.copy(
    'campaign',
    ['id', 'code', 'kind', 'title', 'issuing_body', 'issued_on', 'scope_unit_id', 'search_key'],
    [[campaignId, '05-CT/TW', 'directive', title, 'Bộ Chính trị', '2016-05-15', tree.central.id,
      foldVietnamese(`05-CT/TW ${title}`)]],
  );
  const themes = [];
  for (let year = 2016; year <= Number(TODAY.slice(0, 4)); year++) {
    themes.push({ id: seededUuid(random), year, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
  }
  await target.copy(
    'study_theme',
    ['id', 'campaign_id', 'code', 'title', 'period_start', 'period_end', 'scope_unit_id', 'search_key'],
    themes.map((t) => {
      const themeTitle = `Chuyên đề năm ${t.year}`;
      return [t.id, campaignId, `05-CT/TW-${t.year}`, themeTitle, t.periodStart, t.periodEnd, tree.central.id,
        foldVietnamese(themeTitle)];
    }),
  );
  return { campaignId, themes };
}

async function main() {
  const started = performance.now();
  const lap = (() => {
    let last = performance.now();
    return () => {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return `${seconds.toFixed(1)} s`;
    };
  })();
  const national = generateNationalTree(SEED);
  const tree = PGLITE_DIR ? sliceTree(national, PROVINCE) : national;
  const scale = tree.newCells.length / national.newCells.length;
  const { database, target, close } = await openTarget();
  const where = PGLITE_DIR ? `PGlite ${PGLITE_DIR} (tỉnh ${PROVINCE})` : benchDatabaseUrl().replace(/\/\/[^@]*@/, '//');
  process.stdout.write(`Dữ liệu đo hiệu năng → ${where}, hạt giống "${SEED}"\n`);
  lap();
  const random = new SeededRandom(SEED);
  const progress = createProgress('Cơ cấu tổ chức');
  await writeTree(target, tree, random);
  progress.stop();
  process.stdout.write(
    `  đơn vị: ${tree.units.length} (chi bộ trước 2025: ${tree.oldCells.length}, từ 2025: ${tree.newCells.length}), kế thừa: ${tree.edges.length} — ${lap()}\n`,
  );
  const campaign = await writeCampaign(target, tree, random);
  const ctx: BenchContext = {
    tree,
    target,
    seed: SEED,
    scale,
    today: TODAY,
    campaignId: campaign.campaignId,
    themes: campaign.themes,
    cellsUnder: indexCells(tree),
    progress: createProgress('Khen thưởng'),
  };
  const commendations = await generateCommendations(ctx);
  ctx.progress.stop();
  process.stdout.write(`  khen thưởng: ${commendations.decisions} quyết định, ${commendations.recipients} người/tập thể — ${lap()}\n`);
  ctx.progress = createProgress('Mô hình');
  const models = await generateModels(ctx);
  ctx.progress.stop();
  process.stdout.write(`  mô hình: ${models.models} — ${lap()}\n`);
  for (const name of EXTRA_GENERATORS) {
    const file = path.join(import.meta.dirname, `${name}.ts`);
    if (!fs.existsSync(file)) {
      process.stdout.write(`  ${name}: chưa có bench/data/${name}.ts, bỏ qua\n`);
      continue;
    }
    const module = (await import(file)) as { generate?: BenchGenerator };
    const generate = module.generate ?? ADAPTERS[name]?.(database);
    if (!generate) {
      process.stdout.write(`  ${name}: bench/data/${name}.ts không có generate(ctx), bỏ qua\n`);
      continue;
    }
    ctx.progress = createProgress(name);
    const written = await generate(ctx);
    ctx.progress.stop();
    const parts = Object.entries(written).map(([k, v]) => `${k} ${v}`);
    process.stdout.write(`  ${name}: ${parts.join(', ')} — ${lap()}\n`);
  }
  await sql`analyze`.execute(database.db);
  await close();
  process.stdout.write(`Xong trong ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generate.ts')) {
  await main();
}
