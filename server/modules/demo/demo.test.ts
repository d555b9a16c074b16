import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { createTestContext, signIn, type TestContext } from '../../test/harness';
import { DEMO_PASSWORD, loadDemo } from './demo.service';

let t: TestContext;

async function treeFingerprint(db: Db): Promise<string> {
  const rows = await sql<{ line: string }>`
    select concat_ws('|', u.code, u.name, u.kind, p.code, u.valid_from, u.valid_to) as line
    from org_unit u left join org_unit p on p.id = u.parent_id order by 1`.execute(db);
  return crypto
    .createHash('sha256')
    .update(rows.rows.map((r) => r.line).join('\n'))
    .digest('hex');
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
});

afterAll(async () => {
  await t?.close();
});

describe('the demo organisation', () => {
  it('shows Tỉnh ủy Cà Mau on 2019-05-15 with its 9 district committees and 100 commune committees', async () => {
    const tinh = await signIn(t.app, 'tinh.quanly', DEMO_PASSWORD);
    const top = (await tinh.get('/api/v1/org-units?at=2019-05-15')).json().items;
    expect(top.map((u: { name: string }) => u.name)).toEqual(['Tỉnh ủy Bạc Liêu', 'Tỉnh ủy Cà Mau']);
    const caMau = top.find((u: { code: string }) => u.code === '96');
    const children = (await tinh.get(`/api/v1/org-units?parent=${caMau.id}&at=2019-05-15`)).json().items;
    const districts = children.filter((u: { code: string }) => /^\d{3}$/.test(u.code));
    expect(districts).toHaveLength(9);
    expect(districts.map((u: { name: string }) => u.name)).toContain('Huyện ủy Đầm Dơi');
    expect(children.filter((u: { code: string }) => u.code.startsWith('96-'))).toHaveLength(4);
    let communes = 0;
    for (const district of districts) {
      communes += (await tinh.get(`/api/v1/org-units?parent=${district.id}&at=2019-05-15`)).json().items.length;
    }
    expect(communes).toBe(100);
  });

  it('shows the merged Tỉnh ủy Cà Mau today with 64 commune committees directly under it', async () => {
    const tinh = await signIn(t.app, 'tinh.xem', DEMO_PASSWORD);
    const top = (await tinh.get('/api/v1/org-units')).json().items;
    expect(top.map((u: { code: string; name: string }) => [u.code, u.name])).toEqual([['96', 'Tỉnh ủy Cà Mau']]);
    const children = (await tinh.get(`/api/v1/org-units?parent=96`)).json().items;
    expect(children.filter((u: { kind: string }) => u.kind === 'commune')).toHaveLength(64);
    expect(children.filter((u: { kind: string }) => u.kind === 'district')).toHaveLength(4);
  });

  it('finds Huyện ủy Đầm Dơi however it is typed', async () => {
    const tinh = await signIn(t.app, 'tinh.xem', DEMO_PASSWORD);
    for (const q of ['dam doi', 'ĐẦM DƠI', 'Đầm Dơi', '970']) {
      const items = (await tinh.get(`/api/v1/org-units?search=${encodeURIComponent(q)}`)).json().items;
      expect(items.map((u: { name: string }) => u.name)).toContain('Huyện ủy Đầm Dơi');
    }
  });

  it('gives commune staff the history of the communes theirs was formed from, and nothing else', async () => {
    const xa = await signIn(t.app, 'xa.xem', DEMO_PASSWORD);
    const top2019 = (await xa.get('/api/v1/org-units?at=2019-05-15')).json().items;
    expect(top2019.map((u: { code: string }) => u.code).sort()).toEqual(['32152', '32155', '32173', '32174']);
    expect((await xa.get('/api/v1/org-units/970?at=2019-05-15')).statusCode).toBe(404);
  });

  it('records lineage: each old commune and cell has successors and exactly one primary', async () => {
    const { db } = t.database;
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from org_unit u
      where u.valid_to = '2025-06-30' and u.kind in ('commune', 'cell', 'district', 'province')
        and (select count(*) from org_lineage l where l.from_unit_id = u.id and l.is_primary) <> 1`.execute(db);
    expect(orphans.rows[0].n).toBe(0);
    const cells = await sql<{ old: number; now: number }>`
      select count(*) filter (where valid_to = '2025-06-30')::int as old,
        count(*) filter (where valid_to is null)::int as now
      from org_unit where kind = 'cell'`.execute(db);
    expect(cells.rows[0].old).toBe(cells.rows[0].now);
    const partial = await sql<{ n: number }>`select count(*)::int as n from org_lineage where is_partial`.execute(db);
    expect(partial.rows[0].n).toBeGreaterThan(0);
  });

  it('builds the same tree on every load and loads only once', async () => {
    const again = await loadDemo(t.database.db);
    expect(again.alreadyLoaded).toBe(true);
    const other = await createTestContext();
    try {
      await loadDemo(other.database.db);
      expect(await treeFingerprint(other.database.db)).toBe(await treeFingerprint(t.database.db));
    } finally {
      await other.close();
    }
    // A whole second demo load: about 25 s on PGlite alone, more beside the other worker.
  }, 180_000);

  it('lists the demo accounts on the sign-in page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' });
    expect(response.json().accounts).toHaveLength(9);
    expect(response.json().accounts[0]).toMatchObject({
      username: 'tinh.xem',
      password: DEMO_PASSWORD,
      unitCode: '96',
    });
  });
});
