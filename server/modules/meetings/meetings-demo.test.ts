import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates';
import { inTransaction } from '../../db/connection';
import { loadDemoCampaigns } from '../campaigns/campaigns-demo';
import { ensureCentralUnit } from '../demo/bootstrap';
import { loadDemoOrganisation } from '../demo/demo-organisation';
import { createUser } from '../../test/factories';
import { createTestContext, signIn, type Client, type TestContext } from '../../test/harness';
import { loadDemoMeetings, type DemoMeetingsResult } from './meetings-demo';

let t: TestContext;
let provinceViewer: Client;
let loaded: DemoMeetingsResult;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const newProvinceId = await inTransaction(db, async (trx) => {
    const central = await ensureCentralUnit(trx);
    const organisation = await loadDemoOrganisation(trx, central.id);
    await loadDemoCampaigns(trx, { centralId: central.id, newProvinceId: organisation.newProvinceId });
    loaded = await loadDemoMeetings(trx, { newProvinceId: organisation.newProvinceId });
    return organisation.newProvinceId;
  });
  const user = await createUser(db, { id: newProvinceId, code: '96', name: '', kind: 'province' }, 'viewer');
  provinceViewer = await signIn(t.app, user.username, user.password);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('demo meetings', () => {
  it('give every cell of old Cà Mau monthly meetings 2016–2019, with gaps, and a theme share that varies by commune', async () => {
    const response = await provinceViewer.get('/api/v1/stats/meetings?unit=96&from=2016-06-01&to=2019-12-31');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.unit.name).toBe('Tỉnh ủy Cà Mau');
    const { totals } = body;
    expect(totals.cellMonthsExpected).toBe(totals.cellsExpected * 43);
    expect(totals.heldShare).toBeGreaterThan(0.8);
    expect(totals.heldShare).toBeLessThan(0.99);
    expect(totals.thematicMeetings).toBeGreaterThan(0);
    expect(totals.attendanceRate).toBeGreaterThan(0.7);
    expect(body.notMet.total).toBeGreaterThan(0);
    const district = body.children[0].unit.code;
    const communes = (
      await provinceViewer.get(`/api/v1/stats/meetings?unit=${district}&from=2016-06-01&to=2019-12-31`)
    ).json().children;
    const shares = communes.map((c: { figures: { themeShare: number } }) => c.figures.themeShare);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.15);
  });

  it('read like minutes: each meeting has its chair, minute-taker, content and conclusion', async () => {
    const { rows } = await sql<{ n: number; bare: number; chairs: number }>`
      select count(*)::int as n,
        count(*) filter (where chair is null or secretary is null or conclusion is null or content_summary is null)::int
          as bare,
        count(distinct chair)::int as chairs
      from cell_meeting`.execute(t.database.db);
    expect(rows[0].n).toBeGreaterThan(90_000);
    expect(rows[0].bare).toBe(0);
    expect(rows[0].chairs).toBeGreaterThan(1_000);
  });

  it('continue after the merger to last month, a provincial theme current for each year since 2026', async () => {
    const body = (await provinceViewer.get(`/api/v1/stats/meetings?unit=96&from=2025-07-01&to=${todayIso()}`)).json();
    const lastMonth = body.months.at(-2);
    expect(lastMonth.figures.cellMonthsHeld).toBeGreaterThan(0);
    expect(body.months.at(-1).figures.cellMonthsHeld).toBe(0);
    const withoutAny = await sql<{ n: number }>`
      select count(*)::int as n from org_unit u where u.kind = 'cell'
        and not exists (select 1 from cell_meeting m where m.unit_id = u.id)`.execute(t.database.db);
    expect(withoutAny.rows[0].n).toBe(0);
    const theme2026 = await sql<{ n: number }>`
      select count(*)::int as n from cell_meeting m join study_theme s on s.id = m.theme_id
      where s.code = '05-CT/TW-96-2026'`.execute(t.database.db);
    const thisYear = await sql<{ n: number }>`
      select count(*)::int as n from study_theme s
      where s.code = ${`05-CT/TW-96-${todayIso().slice(0, 4)}`} and s.period_start <= ${todayIso()}::date
        and s.period_end >= ${todayIso()}::date`.execute(t.database.db);
    expect(thisYear.rows[0].n).toBe(1);
    expect(theme2026.rows[0].n).toBeGreaterThan(0);
  });

  it('keep every rule: within the cell life, never in the future, present within the roll', async () => {
    const broken = await sql<{ n: number }>`
      select count(*)::int as n from cell_meeting m join org_unit u on u.id = m.unit_id
      where m.meeting_date < u.valid_from or m.meeting_date > coalesce(u.valid_to, current_date)
        or m.meeting_date > ${todayIso()}::date or m.present > m.members_on_roll or u.kind <> 'cell'`.execute(
      t.database.db,
    );
    expect(broken.rows[0].n).toBe(0);
    const count = await sql<{ n: number }>`select count(*)::int as n from cell_meeting`.execute(t.database.db);
    expect(count.rows[0].n).toBe(loaded.meetings);
  });

  it('reach the dashboard rollup, every one, at every depth and in both structures', async () => {
    const db = t.database.db;
    const rollup = await sql<{ structure: string; depth: number; n: number; theme: number }>`
      select structure, depth, sum(n)::int as n, (sum(n) filter (where b = 'theme'))::int as theme
      from stats_rollup where figure = 'meetings' group by structure, depth order by structure, depth`.execute(db);
    const records = await sql<{ n: number; theme: number }>`
      select count(*)::int as n, (count(*) filter (where theme_included))::int as theme from cell_meeting`.execute(db);
    expect(rollup.rows.length).toBeGreaterThan(0);
    for (const row of rollup.rows) {
      expect([row.n, row.theme], `${row.structure} depth ${row.depth}`).toEqual([
        records.rows[0].n,
        records.rows[0].theme,
      ]);
    }
  });
});
