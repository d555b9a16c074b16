import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.service';
import { resolveUnit } from '../org-units/org-units.service';
import { buildDemoModels } from './models-demo';
import { createTestContext, signIn, type TestContext } from '../../test/harness';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
});

afterAll(async () => {
  await t?.close();
});

describe('the demo models', () => {
  it('holds about three hundred models in every status, before and after the 2025 merger', async () => {
    const db = t.database.db;
    const rows = await sql<{ period: string; status: string; n: number }>`
      select case when started_on < '2025-07-01' then 'old' else 'new' end as period, status, count(*)::int as n
      from model group by 1, 2 order by 1, 2`.execute(db);
    const total = rows.rows.reduce((sum, row) => sum + row.n, 0);
    expect(total).toBe(300);
    const statuses = new Set(rows.rows.map((row) => row.status));
    expect([...statuses].sort()).toEqual(['archived', 'proposed', 'recognised', 'replicated']);
    expect(rows.rows.filter((row) => row.period === 'new').reduce((sum, row) => sum + row.n, 0)).toBe(45);

    const checks = await sql<{ bad_units: number; bad_timelines: number; fields: number; replicated_many: number }>`
      select
        (select count(*) from model m join org_unit u on u.id = m.unit_id
          where m.started_on < u.valid_from or (u.valid_to is not null and m.started_on > u.valid_to))::int as bad_units,
        (select count(*) from model m where m.status <> (select c.to_status from model_status_change c
          where c.model_id = m.id order by c.at desc, c.effective_on desc limit 1))::int as bad_timelines,
        (select count(distinct field_id) from model)::int as fields,
        (select count(*) from (select model_id from model_replication group by model_id having count(*) >= 3) x)::int
          as replicated_many`.execute(db);
    expect(checks.rows[0]).toMatchObject({ bad_units: 0, bad_timelines: 0, fields: 10 });
    expect(checks.rows[0].replicated_many).toBeGreaterThan(10);
  });

  it('lets the commune demo account find its models, and the province find "Dân vận khéo" without diacritics', async () => {
    const commune = await signIn(t.app, 'xa.nhaplieu', DEMO_PASSWORD);
    const mine = (await commune.get('/api/v1/models?pageSize=200')).json();
    expect(mine.total).toBeGreaterThan(0);
    const province = await signIn(t.app, 'tinh.quanly', DEMO_PASSWORD);
    const found = (await province.get('/api/v1/models?search=dan%20van%20kheo&pageSize=200')).json();
    expect(found.total).toBeGreaterThan(5);
    expect(found.items[0].title).toMatch(/Dân vận khéo/);
    const stats = (await province.get('/api/v1/stats/models?unit=96&from=2016-05-15&to=2019-08-20')).json();
    expect(stats.unit.name).toBe('Tỉnh ủy Cà Mau');
    expect(stats.total).toBeGreaterThan(30);
    expect(stats.children.length).toBe(13);
  });

  it('builds the same models on every start', async () => {
    const db = t.database.db;
    const province = await resolveUnit(db, '96', '2026-01-01');
    const context = { centralId: '', newProvinceId: province!.id, newCommuneIds: new Map<string, string>() };
    const fingerprint = async () =>
      (await buildDemoModels(db, context)).models.map((m) =>
        [m.title, m.unit_id, m.started_on, m.status, m.recognised_on].join('|'),
      );
    const first = await fingerprint();
    expect(first).toHaveLength(300);
    expect(await fingerprint()).toEqual(first);
  });
});
