import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates';
import { createTree, createUnit, signedIn, type TestUnit, createCampaign, createTheme } from '../../test/factories';
import { createTestContext, type Client, type TestContext } from '../../test/harness';

const GRID = '/api/v1/meetings/grid';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let closedCell: TestUnit;
let theme: { id: string };
let communeEditor: Client;
let communeViewer: Client;
let otherEditor: Client;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  closedCell = await createUnit(db, { kind: 'cell', parent: tree.commune, validTo: '2019-06-30' });
  const campaign = await createCampaign(db, tree.central);
  theme = await createTheme(db, campaign.id, tree.central, { start: '2019-01-01', end: '2019-12-31' });
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  communeViewer = await signedIn(t.app, db, tree.commune, 'viewer');
  otherEditor = await signedIn(t.app, db, tree.otherProvince, 'editor');
});

afterAll(async () => {
  await t?.close();
});

const save = (by: Client, cell: TestUnit, months: unknown[], year = 2019) =>
  by.request({ method: 'PUT', url: `${GRID}/${cell.id}`, payload: { year, months } });

describe('GET /api/v1/meetings/grid', () => {
  it('shows every cell that existed in the year × 12 months, open where the cell existed', async () => {
    const response = await communeViewer.get(`${GRID}?unit=${tree.commune.code}&year=2019`);
    expect(response.statusCode, response.body).toBe(200);
    const grid = response.json();
    expect(grid.months).toHaveLength(12);
    expect(grid.rows.map((r: { cell: { id: string } }) => r.cell.id)).toEqual(
      expect.arrayContaining([tree.cellA.id, tree.cellB.id, closedCell.id]),
    );
    const closed = grid.rows.find((r: { cell: { id: string } }) => r.cell.id === closedCell.id);
    expect(closed.months.map((m: { isOpen: boolean }) => m.isOpen)).toEqual([
      ...Array(6).fill(true),
      ...Array(6).fill(false),
    ]);
    expect(closed.canEdit).toBe(false);
  });

  it('answers 404 out of reach and 400 for a bad year', async () => {
    expect((await otherEditor.get(`${GRID}?unit=${tree.commune.code}&year=2019`)).statusCode).toBe(404);
    const bad = await communeViewer.get(`${GRID}?unit=${tree.commune.code}&year=19`);
    expect(bad.statusCode).toBe(400);
  });
});

describe('PUT /api/v1/meetings/grid/:cellId', () => {
  it('creates, updates and clears a row of months in one request, audited per meeting', async () => {
    const first = await save(communeEditor, tree.cellA, [
      { month: '2019-01-01', held: true, themeIncluded: true, present: 10, membersOnRoll: 12 },
      { month: '2019-02-01', held: true, themeIncluded: false, present: 11, membersOnRoll: 12 },
      { month: '2019-03-01', held: false },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    const months = first.json().months;
    expect(months[0].meeting).toMatchObject({
      meetingDate: '2019-01-31',
      themeIncluded: true,
      present: 10,
      version: 1,
    });
    expect(months[1].meeting).toMatchObject({ themeIncluded: false, present: 11 });
    expect(months[2].meeting).toBeNull();
    const stored = await t.database.db
      .selectFrom('cell_meeting')
      .selectAll()
      .where('id', '=', months[0].meeting.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ type: 'regular', theme_id: theme.id });

    const second = await save(communeEditor, tree.cellA, [
      { month: '2019-01-01', held: true, themeIncluded: true, present: 12, membersOnRoll: 12, version: 1 },
      { month: '2019-02-01', held: false, version: 1 },
    ]);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().months[0].meeting).toMatchObject({ present: 12, version: 2 });
    expect(second.json().months[1].meeting).toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'cell_meeting')
      .where('unit_id', '=', tree.cellA.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'meeting.create',
      'meeting.create',
      'meeting.delete',
      'meeting.update',
    ]);
  });

  it('checks every month first and writes nothing when one is wrong, naming month and field', async () => {
    const year = Number(todayIso().slice(0, 4));
    const response = await save(communeEditor, tree.cellB, [
      { month: '2019-04-01', held: true, present: 9, membersOnRoll: 12 },
      { month: '2019-05-01', held: true, present: 13, membersOnRoll: 12 },
      { month: '2019-06-01', held: true, present: 5 },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { path: 'body.months.1.present', message: 'Tháng 05/2019: Số có mặt (13) lớn hơn số đảng viên của chi bộ (12).' },
      { path: 'body.months.2.membersOnRoll', message: 'Tháng 06/2019: nhập số đảng viên của chi bộ (từ 1 trở lên).' },
    ]);
    const written = await t.database.db
      .selectFrom('cell_meeting')
      .select('id')
      .where('unit_id', '=', tree.cellB.id)
      .execute();
    expect(written).toHaveLength(0);

    const closed = await save(communeEditor, closedCell, [
      { month: '2019-08-01', held: true, present: 5, membersOnRoll: 6 },
    ]);
    expect(closed.statusCode).toBe(400);
    expect(closed.json().message).toContain('đã kết thúc hoạt động');
    const future = await save(
      communeEditor,
      tree.cellB,
      [{ month: `${year}-12-01`, held: true, present: 5, membersOnRoll: 6 }],
      year,
    );
    if (todayIso() < `${year}-12-01`) {
      expect(future.statusCode).toBe(400);
      expect(future.json().message).toContain('chưa đến');
    }
    const wrongYear = await save(communeEditor, tree.cellB, [{ month: '2020-01-01', held: false }]);
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().details[0].path).toBe('body.months.0.month');
  });

  it('answers 409 when a month changed since read, and refuses to clear a meeting with minutes or content', async () => {
    await save(communeEditor, tree.cellB, [{ month: '2019-07-01', held: true, present: 9, membersOnRoll: 12 }]);
    const unread = await save(communeEditor, tree.cellB, [
      { month: '2019-07-01', held: true, present: 8, membersOnRoll: 12 },
    ]);
    expect(unread.statusCode).toBe(409);
    const stale = await save(communeEditor, tree.cellB, [
      { month: '2019-07-01', held: true, present: 8, membersOnRoll: 12, version: 3 },
    ]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details[0].message).toContain('có mặt 9/12');
    const post = await communeEditor.post('/api/v1/meetings', {
      unitId: tree.cellB.id,
      meetingDate: '2019-08-12',
      type: 'regular',
      themeIncluded: false,
      contentSummary: 'Bàn kế hoạch thu hoạch lúa',
      membersOnRoll: 12,
      present: 12,
    });
    expect(post.statusCode).toBe(201);
    const clear = await save(communeEditor, tree.cellB, [{ month: '2019-08-01', held: false, version: 1 }]);
    expect(clear.statusCode).toBe(400);
    expect(clear.json().message).toContain('xóa ở trang chi tiết');
  });

  it('answers 404 out of reach, 403 for a viewer, 400 for malformed input', async () => {
    const months = [{ month: '2019-09-01', held: true, present: 5, membersOnRoll: 6 }];
    expect((await save(otherEditor, tree.cellA, months)).statusCode).toBe(404);
    expect((await save(communeViewer, tree.cellA, months)).statusCode).toBe(403);
    const commune = await save(communeEditor, tree.commune, months);
    expect(commune.statusCode).toBe(400);
    expect(commune.json().details[0].path).toBe('params.cellId');
    const bad = await save(communeEditor, tree.cellA, [{ month: 'tháng 9', held: 'có' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});
