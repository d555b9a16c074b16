/**
 * Reports: the time to produce the provincial interim-review DOCX from the records, and the aggregate at national
 * scale (issue 6, "Done when").
 *
 *   npx tsx bench/reports.ts [--only pglite|postgres] [--communes 3321]
 *
 * For each database: a fresh database with the full demo (Cà Mau's commendations, models, meetings…); the
 * interim-review document of Tỉnh ủy Cà Mau over 15/05/2016 – 20/08/2019 built N times (median, p95), split into
 * the figures and the DOCX packing, beside the floor — the figure queries' SQL run directly. Then a national
 * reporting round: 34 provinces and `communes` commune committees under TW, a template every commune reports on to
 * TW, one approved submission each; the review (completeness and roll-up over every commune) and the aggregate
 * XLSX and DOCX timed, beside the floor — the expected-units and submissions SQL run directly through the driver.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { DEFAULT_SECTIONS } from '../common/reports';
import { openDatabase, type Database } from '../server/db/connection';
import { migrate } from '../server/db/migrate';
import { systemActor } from '../server/platform/access';
import { loadDemo } from '../server/modules/demo/demo.service';
import { createUnitsBulk } from '../server/modules/org-units/org-units.service';
import { buildInterimReview } from '../server/modules/reports/interim-review';
import { loadSources } from '../server/modules/reports/indicators';
import { buildPartyDocument } from '../server/modules/reports/party-docx';
import { aggregateDocx, aggregateXlsx } from '../server/modules/reports/report-documents';
import { getReview } from '../server/modules/reports/review.service';
import * as templatesRepo from '../server/modules/reports/templates.repository';
import { resolveUnit } from '../server/modules/org-units/org-units.service';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ONLY = option('only');
const COMMUNES = Number(option('communes') ?? 3321);
const RUNS = 12;
const PERIOD = { from: '2016-05-15', to: '2019-08-20' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];

async function time(runs: number, work: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return { median: median(samples), p95: p95(samples) };
}

async function provincialDocx(database: Database) {
  const db = database.db;
  const actor = systemActor('bench');
  const unit = (await resolveUnit(db, '96', PERIOD.to))!;
  const campaign = await db
    .selectFrom('campaign')
    .select('id')
    .where('code', '=', '05-CT/TW')
    .executeTakeFirstOrThrow();
  const input = { unit: '96', campaign: '05-CT/TW', ...PERIOD, number: false as const };
  const whole = await time(RUNS, () => buildInterimReview(db, actor, input));
  const figures = await time(RUNS, () =>
    loadSources(db, actor, { unitId: unit.id, unitCode: '96', ...PERIOD, campaignId: campaign.id }, [
      'commendations.collective',
      'models.total',
    ]),
  );
  const packing = await time(RUNS, () =>
    buildPartyDocument({
      header: { superior: 'ĐẢNG BỘ TỈNH CÀ MAU', issuer: 'TỈNH ỦY', symbol: '12-BC/TU', placeAndDate: 'Cà Mau' },
      typeName: 'BÁO CÁO',
      subject: 'sơ kết',
      body: [
        { kind: 'paragraph', text: 'x'.repeat(4000) },
        {
          kind: 'chart',
          title: 't',
          categories: ['a', 'b', 'c'],
          series: ['x', 'y'],
          values: [
            [281, 410],
            [46, 56],
            [2, 2],
          ],
        },
      ],
      signature: { authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: null },
      recipients: ['Lưu'],
    }),
  );
  // Floor: the figure SQL alone — recipients by level and type under the province, models by status.
  const floor = await time(RUNS, async () => {
    await sql`select r.level, r.recipient_type, count(*)::int from commendation_recipient r
      join org_unit u on u.id = r.unit_id
      where u.path <@ ${unit.path}::ltree and r.decision_date between ${PERIOD.from}::date and ${PERIOD.to}::date
        and r.campaign_id = ${campaign.id}
      group by 1, 2`.execute(db);
    await sql`select m.status, count(*)::int from model m join org_unit u on u.id = m.unit_id
      where u.path <@ ${unit.path}::ltree and m.started_on between ${PERIOD.from}::date and ${PERIOD.to}::date
      group by 1`.execute(db);
  });
  return { whole, figures, packing, floor };
}

/** 34 provinces, `COMMUNES` communes under TW, a template all communes report on to TW, one approved submission each. */
async function nationalRound(database: Database) {
  const db = database.db;
  const tw = (await resolveUnit(db, 'TW', '2026-09-30'))!;
  const provinces = Array.from({ length: 34 }, (_, i) => ({
    code: `B${String(i + 1).padStart(2, '0')}`,
    name: `Tỉnh ủy Đo Đạc ${i + 1}`,
    kind: 'province' as const,
    parentId: tw.id,
    validFrom: '2025-07-01',
    validTo: null,
  }));
  const provinceIds = await createUnitsBulk(db, provinces);
  const communes = Array.from({ length: COMMUNES }, (_, i) => ({
    code: `B${String(i + 1).padStart(5, '0')}`,
    name: `Đảng ủy xã Đo Đạc ${i + 1}`,
    kind: 'commune' as const,
    parentId: provinceIds[i % provinceIds.length],
    validFrom: '2025-07-01',
    validTo: null,
  }));
  const communeIds: string[] = [];
  for (let i = 0; i < communes.length; i += 500) {
    communeIds.push(...(await createUnitsBulk(db, communes.slice(i, i + 500))));
  }
  const templateId = await templatesRepo.insertTemplate(db, {
    code: 'BENCH-Q',
    name: 'Báo cáo quý toàn quốc',
    campaign_id: null,
    owner_unit_id: tw.id,
    period_type: 'quarter',
    custom_from: null,
    custom_to: null,
    deadline_days: 10,
    subject: 'kết quả thực hiện Chỉ thị số 05-CT/TW quý III năm 2026',
    sections: JSON.stringify(DEFAULT_SECTIONS),
    created_by: null,
  });
  await templatesRepo.replaceIndicators(db, templateId, [
    {
      code: 'khen',
      label: 'Tập thể được khen',
      unit_label: 'tập thể',
      value_type: 'integer',
      source: 'computed',
      catalogue_code: 'commendations.collective',
      roll_up: 'sum',
      weight_code: null,
      section_key: 'II',
    },
    {
      code: 'mo_hinh',
      label: 'Mô hình',
      unit_label: 'mô hình',
      value_type: 'integer',
      source: 'computed',
      catalogue_code: 'models.total',
      roll_up: 'sum',
      weight_code: null,
      section_key: 'II',
    },
    {
      code: 'chi_bo',
      label: 'Chi bộ',
      unit_label: 'chi bộ',
      value_type: 'integer',
      source: 'manual',
      catalogue_code: null,
      roll_up: 'sum',
      weight_code: null,
      section_key: null,
    },
    {
      code: 'ty_le',
      label: 'Tỷ lệ chi bộ sinh hoạt chuyên đề',
      unit_label: '%',
      value_type: 'percent',
      source: 'manual',
      catalogue_code: null,
      roll_up: 'weighted_average',
      weight_code: 'chi_bo',
      section_key: null,
    },
  ]);
  await templatesRepo.insertObligation(db, {
    template_id: templateId,
    reviewer_unit_id: tw.id,
    unit_kind: 'commune',
    reporter_unit_id: null,
    created_by: null,
  });
  const sentAt = new Date('2026-10-05T09:00:00+07:00');
  const rows = communeIds.map((unitId, i) => ({
    id: crypto.randomUUID(),
    template_id: templateId,
    unit_id: unitId,
    reviewer_unit_id: tw.id,
    period_key: '2026-Q3',
    period_from: '2026-07-01',
    period_to: '2026-09-30',
    due_on: '2026-10-10',
    status: i % 10 === 0 ? 'submitted' : 'approved',
    values: JSON.stringify({
      khen: { value: i % 7 },
      mo_hinh: { value: i % 5 },
      chi_bo: { value: 10 + (i % 20) },
      ty_le: { value: 70 + (i % 30) },
    }),
    computed_at: sentAt,
    sections: JSON.stringify({ I: 'Đã triển khai.', II: 'Kết quả tốt.' }),
    revision: 1,
    first_submitted_at: i % 13 === 0 ? new Date('2026-10-20T09:00:00+07:00') : sentAt,
    submitted_at: sentAt,
    approved_at: i % 10 === 0 ? null : sentAt,
    doc_number: 1,
    doc_symbol: '01-BC/ĐU',
    doc_date: '2026-10-05',
    created_by: null,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('report_submission')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  const actor = systemActor('bench');
  const query = { template: templateId, period: '2026-Q3', unit: 'TW' };
  const review = await time(5, () => getReview(db, actor, query));
  const xlsx = await time(3, () => aggregateXlsx(db, actor, query));
  const docx = await time(3, () => aggregateDocx(db, actor, query));
  const floor = await time(5, async () => {
    await sql`select u.id, u.code, u.name from org_unit u
      where u.kind = 'commune' and u.path <@ ${(await resolveUnit(db, 'TW', '2026-09-30'))!.path}::ltree
        and u.valid_from <= '2026-09-30' and (u.valid_to is null or u.valid_to >= '2026-09-30')`.execute(db);
    await sql`select s.unit_id, s.status, s."values", s.first_submitted_at from report_submission s
      where s.template_id = ${templateId} and s.period_key = '2026-Q3' and s.reviewer_unit_id = ${tw.id}`.execute(db);
  });
  const check = await getReview(db, actor, query);
  return { review, xlsx, docx, floor, completeness: check.completeness };
}

async function benchOne(kind: 'pglite' | 'postgres') {
  let database: Database;
  let dropDatabase = async () => undefined as unknown;
  if (kind === 'postgres') {
    const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    const name = `lantoa_bench_reports_${process.pid}`;
    const admin = await openDatabase({ url: server.toString(), poolSize: 1 });
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    server.pathname = `/${name}`;
    database = await openDatabase({ url: server.toString(), poolSize: 4 });
    dropDatabase = async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  try {
    await migrate(database.db);
    const demoStart = performance.now();
    await loadDemo(database.db);
    const demoSeconds = (performance.now() - demoStart) / 1000;
    const provincial = await provincialDocx(database);
    const national = await nationalRound(database);
    return { kind, demoSeconds, provincial, national };
  } finally {
    await database.close();
    await dropDatabase();
  }
}

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
const results = [];
for (const kind of ['pglite', 'postgres'] as const) {
  if (!ONLY || ONLY === kind) {
    process.stderr.write(`${kind}…\n`);
    results.push(await benchOne(kind));
  }
}
for (const r of results) {
  const p = r.provincial;
  const n = r.national;
  process.stdout.write(`\n${r.kind}: demo loaded in ${r.demoSeconds.toFixed(1)} s\n`);
  process.stdout.write('Interim-review DOCX, Tỉnh ủy Cà Mau 15/05/2016–20/08/2019      median      p95\n');
  process.stdout.write(
    `  whole document (figures + drafting + DOCX)               ${ms(p.whole.median)} ${ms(p.whole.p95)}\n`,
  );
  process.stdout.write(
    `  figures through the stats functions                      ${ms(p.figures.median)} ${ms(p.figures.p95)}\n`,
  );
  process.stdout.write(
    `  DOCX packing alone (text + chart PNG)                    ${ms(p.packing.median)} ${ms(p.packing.p95)}\n`,
  );
  process.stdout.write(
    `  floor: the figure SQL run directly                       ${ms(p.floor.median)} ${ms(p.floor.p95)}\n`,
  );
  process.stdout.write(
    `National round: ${COMMUNES} communes report to TW (${n.completeness.submitted} sent, ${n.completeness.approved} approved, ${n.completeness.late} late)\n`,
  );
  process.stdout.write(
    `  review: completeness + roll-up + TW's own figures       ${ms(n.review.median)} ${ms(n.review.p95)}\n`,
  );
  process.stdout.write(
    `  aggregate XLSX (a column per commune)                    ${ms(n.xlsx.median)} ${ms(n.xlsx.p95)}\n`,
  );
  process.stdout.write(
    `  aggregate DOCX                                           ${ms(n.docx.median)} ${ms(n.docx.p95)}\n`,
  );
  process.stdout.write(
    `  floor: expected units + submissions SQL run directly     ${ms(n.floor.median)} ${ms(n.floor.p95)}\n`,
  );
}
