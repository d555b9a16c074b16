import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.service';
import { createTestContext, signIn, type TestContext } from '../../test/harness';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
});

afterAll(async () => {
  await t?.close();
});

describe('the demo inspections', () => {
  it('holds a few dozen inspections in every step, with recommendations in every status', async () => {
    const db = t.database.db;
    const steps = await sql<{ step: string; n: number }>`
      select step, count(*)::int as n from inspection group by 1 order by 1`.execute(db);
    const total = steps.rows.reduce((sum, row) => sum + row.n, 0);
    expect(total).toBeGreaterThanOrEqual(24);
    expect(total).toBeLessThanOrEqual(48);
    expect(steps.rows.map((row) => row.step)).toEqual(['closed', 'conduct', 'prepare']);
    const r = await sql<Record<string, number>>`
      select count(*) filter (where status = 'open')::int as open,
        count(*) filter (where status = 'in_progress' and report_submitted_on is null)::int as in_progress,
        count(*) filter (where status = 'in_progress' and report_submitted_on is not null)::int as awaiting,
        count(*) filter (where status = 'done' and done_on <= deadline)::int as done_on_time,
        count(*) filter (where status = 'done' and done_on > deadline)::int as done_late,
        count(*) filter (where status <> 'done' and deadline < current_date)::int as overdue,
        (select count(*) from inspection i where i.step = 'closed' and i.conclusion_date is null)::int as bad_closed,
        (select count(*) from inspection i join org_unit u on u.id = i.conducting_unit_id
          where i.planned_start < u.valid_from or (u.valid_to is not null and i.planned_start > u.valid_to))::int
          as bad_units,
        (select count(*) from inspection i join inspection_plan p on p.id = i.plan_id
          where extract(year from i.planned_start) <> p.year)::int as bad_years
      from recommendation`.execute(db);
    const counts = r.rows[0]!;
    for (const key of ['open', 'in_progress', 'awaiting', 'done_on_time', 'done_late', 'overdue']) {
      expect(counts[key], key).toBeGreaterThan(0);
    }
    expect(counts).toMatchObject({ bad_closed: 0, bad_units: 0, bad_years: 0 });
  });

  it('lets the commune account see its own recommendations and the province its figures for 2016–2019', async () => {
    const commune = await signIn(t.app, 'xa.nhaplieu', DEMO_PASSWORD);
    const mine = (await commune.get('/api/v1/recommendations?view=owner')).json();
    expect(mine.total).toBeGreaterThan(0);
    const province = await signIn(t.app, 'tinh.quanly', DEMO_PASSWORD);
    const stats = (await province.get('/api/v1/stats/inspections?unit=96&from=2016-01-01&to=2019-12-31')).json();
    expect(stats.unit.name).toBe('Tỉnh ủy Cà Mau');
    expect(stats.counts.inspections + stats.counts.supervisions).toBeGreaterThan(10);
    expect(stats.counts.recommendations).toBeGreaterThan(10);
    const plans = (await province.get('/api/v1/inspection-plans?pageSize=100')).json();
    expect(plans.items.some((p: { status: string }) => p.status === 'draft')).toBe(true);
  });
});

describe('the bench generator', () => {
  it('inserts the asked number of inspections with recommendations, seeded', async () => {
    const { generateInspections } = await import('../../../bench/data/inspections');
    const db = t.database.db;
    const units = await sql<{ id: string; kind: string; subjects: string[] }>`
      select p.id, p.kind, array_agg(c.id) as subjects from org_unit p join org_unit c on c.parent_id = p.id
      where p.kind in ('province', 'district') and p.valid_to is not null and c.valid_to is not null
      group by p.id, p.kind`.execute(db);
    const before = await sql<{ n: number }>`select count(*)::int as n from inspection`.execute(db);
    const totals = await generateInspections(db, {
      conducting: units.rows,
      count: 500,
      years: [2016, 2019],
      batch: 200,
      seed: 7,
    });
    const after = await sql<{ n: number }>`select count(*)::int as n from inspection`.execute(db);
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(500);
    expect(totals.inspections).toBe(500);
    expect(totals.recommendations).toBeGreaterThan(500);
  });
});
