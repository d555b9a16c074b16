import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, signedIn, type TestUnit, createCampaign, createTheme } from '../../test/factories';
import { createTestContext, type Client, type TestContext } from '../../test/harness';

// A small tree whose figures are computed by hand below: P → C1 (cells a, b), C2 (cell c closed 15/02/2019, cell d
// opened 10/03/2019); period January–April 2019.

let t: TestContext;
let units: Record<'central' | 'province' | 'c1' | 'c2' | 'a' | 'b' | 'c' | 'd' | 'other', TestUnit>;
let campaign: { id: string; code: string };
let provinceViewer: Client;
let c1Viewer: Client;
let otherViewer: Client;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const central = await createUnit(db, { kind: 'central' });
  const province = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Số Liệu' });
  const c1 = await createUnit(db, { kind: 'commune', parent: province, name: 'Đảng ủy xã An' });
  const c2 = await createUnit(db, { kind: 'commune', parent: province, name: 'Đảng ủy xã Bình' });
  const other = await createUnit(db, { kind: 'province', parent: central });
  units = {
    central,
    province,
    c1,
    c2,
    other,
    a: await createUnit(db, { kind: 'cell', parent: c1, code: `A${Date.now()}` }),
    b: await createUnit(db, { kind: 'cell', parent: c1, code: `B${Date.now()}` }),
    c: await createUnit(db, { kind: 'cell', parent: c2, code: `C${Date.now()}`, validTo: '2019-02-15' }),
    d: await createUnit(db, { kind: 'cell', parent: c2, code: `D${Date.now()}`, validFrom: '2019-03-10' }),
  };
  campaign = await createCampaign(db, central);
  const otherCampaign = await createCampaign(db, central);
  const theme = await createTheme(db, campaign.id, central, { start: '2019-01-01', end: '2019-12-31' });
  const otherTheme = await createTheme(db, otherCampaign.id, province, { start: '2019-01-01', end: '2019-12-31' });
  const meeting = (
    cell: TestUnit,
    date: string,
    present: number,
    roll: number,
    themeId: string | null,
    type = 'regular',
  ) => ({
    unit_id: cell.id,
    meeting_date: date,
    type,
    theme_included: themeId !== null,
    theme_id: themeId,
    members_on_roll: roll,
    present,
  });
  await db
    .insertInto('cell_meeting')
    .values([
      meeting(units.a, '2018-12-20', 12, 12, null),
      meeting(units.a, '2019-01-08', 10, 12, theme.id),
      meeting(units.a, '2019-02-08', 11, 12, null),
      meeting(units.a, '2019-03-08', 12, 12, theme.id),
      meeting(units.a, '2019-03-20', 9, 12, theme.id, 'thematic'),
      meeting(units.a, '2019-05-05', 12, 12, theme.id),
      meeting(units.b, '2019-01-15', 8, 10, theme.id),
      meeting(units.b, '2019-04-15', 10, 10, null),
      meeting(units.c, '2019-02-10', 5, 6, otherTheme.id),
    ])
    .execute();
  provinceViewer = await signedIn(t.app, db, province, 'viewer');
  c1Viewer = await signedIn(t.app, db, c1, 'viewer');
  otherViewer = await signedIn(t.app, db, other, 'viewer');
});

afterAll(async () => {
  await t?.close();
});

const stats = (by: Client, query: string) => by.get(`/api/v1/stats/meetings?${query}`);

describe('GET /api/v1/stats/meetings', () => {
  it('counts cells and cell-months expected, held, theme included, thematic meetings and attendance', async () => {
    const response = await stats(provinceViewer, `unit=${units.province.code}&from=2019-01-15&to=2019-04-30`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ from: '2019-01-01', to: '2019-04-30', campaign: null });
    expect(body.totals).toEqual({
      cellsExpected: 4,
      cellMonthsExpected: 12,
      cellMonthsHeld: 6,
      heldShare: 0.5,
      cellMonthsThemeIncluded: 4,
      themeShare: 4 / 12,
      thematicMeetings: 1,
      present: 65,
      membersOnRoll: 74,
      attendanceRate: 65 / 74,
    });
    expect(body.children.map((c: { unit: { name: string } }) => c.unit.name)).toEqual([
      'Đảng ủy xã An',
      'Đảng ủy xã Bình',
    ]);
    expect(body.children[0].figures).toMatchObject({
      cellsExpected: 2,
      cellMonthsExpected: 8,
      cellMonthsHeld: 5,
      cellMonthsThemeIncluded: 3,
      thematicMeetings: 1,
      present: 60,
      membersOnRoll: 68,
    });
    expect(body.children[1].figures).toMatchObject({
      cellsExpected: 2,
      cellMonthsExpected: 4,
      cellMonthsHeld: 1,
      cellMonthsThemeIncluded: 1,
      present: 5,
      membersOnRoll: 6,
    });
    expect(
      body.months.map((m: { month: string; figures: Record<string, number> }) => [
        m.month,
        m.figures.cellMonthsExpected,
        m.figures.cellMonthsHeld,
        m.figures.cellMonthsThemeIncluded,
        m.figures.thematicMeetings,
      ]),
    ).toEqual([
      ['2019-01-01', 3, 2, 2, 0],
      ['2019-02-01', 3, 2, 1, 0],
      ['2019-03-01', 3, 1, 1, 1],
      ['2019-04-01', 3, 1, 0, 0],
    ]);
    expect(body.direct).toBeNull();
  });

  it('lists the cells that missed a month, most months missed first, with the months', async () => {
    const body = (await stats(provinceViewer, `unit=${units.province.code}&from=2019-01-01&to=2019-04-30`)).json();
    expect(body.notMet.total).toBe(4);
    expect(
      body.notMet.items.map((i: { unit: { id: string }; missingMonths: string[]; lastMeetingDate: string | null }) => [
        i.unit.id,
        i.missingMonths,
        i.lastMeetingDate,
      ]),
    ).toEqual([
      [units.b.id, ['2019-02-01', '2019-03-01'], '2019-04-15'],
      [units.d.id, ['2019-03-01', '2019-04-01'], null],
      [units.a.id, ['2019-04-01'], '2019-03-20'],
      [units.c.id, ['2019-01-01'], '2019-02-10'],
    ]);
  });

  it('counts only the themes of a campaign when one is given', async () => {
    const body = (
      await stats(provinceViewer, `unit=${units.province.code}&from=2019-01-01&to=2019-04-30&campaign=${campaign.code}`)
    ).json();
    expect(body.campaign).toEqual({ id: campaign.id, code: campaign.code });
    expect(body.totals).toMatchObject({ cellMonthsHeld: 6, cellMonthsThemeIncluded: 3, thematicMeetings: 1 });
  });

  it('keeps to the caller reach: a commune viewer sees the commune, not the province', async () => {
    const own = await stats(c1Viewer, `unit=${units.c1.code}&from=2019-01-01&to=2019-04-30`);
    expect(own.json().totals.cellMonthsExpected).toBe(8);
    // A commune's children are its cells: one row per cell.
    expect(
      own
        .json()
        .children.map((c: { unit: { id: string }; figures: { cellMonthsHeld: number } }) => [
          c.unit.id,
          c.figures.cellMonthsHeld,
        ]),
    ).toEqual(
      expect.arrayContaining([
        [units.a.id, 3],
        [units.b.id, 2],
      ]),
    );
    const cell = await stats(c1Viewer, `unit=${units.a.id}&from=2019-01-01&to=2019-04-30`);
    expect(cell.json().direct).toMatchObject({ cellsExpected: 1, cellMonthsHeld: 3 });
    expect((await stats(c1Viewer, `unit=${units.province.code}&from=2019-01-01&to=2019-04-30`)).statusCode).toBe(404);
    expect((await stats(otherViewer, `unit=${units.c1.id}&from=2019-01-01&to=2019-04-30`)).statusCode).toBe(404);
  });

  it('answers 400 for a reversed or too long period, an unknown campaign, a malformed date', async () => {
    const reversed = await stats(provinceViewer, `unit=${units.province.code}&from=2019-04-01&to=2019-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details[0].path).toBe('query.to');
    expect((await stats(provinceViewer, `unit=${units.province.code}&from=2000-01-01&to=2019-01-01`)).statusCode).toBe(
      400,
    );
    const campaignMissing = await stats(
      provinceViewer,
      `unit=${units.province.code}&from=2019-01-01&to=2019-04-30&campaign=99-CT/TW`,
    );
    expect(campaignMissing.statusCode).toBe(400);
    expect(campaignMissing.json().details[0].path).toBe('query.campaign');
    expect((await stats(provinceViewer, `unit=${units.province.code}&from=2019/01/01&to=2019-04-30`)).statusCode).toBe(
      400,
    );
  });

  it('never counts months after today', async () => {
    const year = new Date().getFullYear() + 1;
    const body = (
      await stats(provinceViewer, `unit=${units.province.code}&from=${year}-01-01&to=${year}-12-31`)
    ).json();
    expect(body.months).toEqual([]);
    expect(body.totals.cellMonthsExpected).toBe(0);
    expect(body.totals.heldShare).toBeNull();
  });
});
