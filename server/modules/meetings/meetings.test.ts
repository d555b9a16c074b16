import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../../common/dates';
import { createTree, createUnit, signedIn, type TestUnit, createCampaign, createTheme } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { multipartForm } from '../../test/multipart';

const URL = '/api/v1/meetings';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let closedCell: TestUnit;
let theme2019: { id: string; code: string };
let provinceTheme2019: { id: string; code: string };
let otherTheme: { id: string; code: string };
let communeEditor: Client;
let communeViewer: Client;
let provinceEditor: Client;
let otherEditor: Client;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  closedCell = await createUnit(db, {
    kind: 'cell',
    parent: tree.commune,
    name: 'Chi bộ ấp cũ',
    validFrom: '2015-01-01',
    validTo: '2019-06-30',
  });
  const campaign = await createCampaign(db, tree.central);
  theme2019 = await createTheme(db, campaign.id, tree.central, { start: '2019-01-01', end: '2019-12-31' });
  provinceTheme2019 = await createTheme(db, campaign.id, tree.province, { start: '2019-01-01', end: '2019-12-31' });
  otherTheme = await createTheme(db, campaign.id, tree.otherProvince, { start: '2019-01-01', end: '2019-12-31' });
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  communeViewer = await signedIn(t.app, db, tree.commune, 'viewer');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  otherEditor = await signedIn(t.app, db, tree.otherProvince, 'editor');
});

afterAll(async () => {
  await t?.close();
});

function body(overrides: Record<string, unknown> = {}) {
  return {
    unitId: tree.cellA.id,
    meetingDate: '2019-03-12',
    type: 'regular',
    themeIncluded: true,
    contentSummary: 'Kiểm điểm nhiệm vụ tháng 3; học chuyên đề năm 2019',
    conclusion: 'Thống nhất phân công đảng viên phụ trách hộ',
    chair: 'Nguyễn Văn Ấn',
    secretary: 'Lê Thị Bé',
    membersOnRoll: 18,
    present: 16,
    absentReasons: 'Trần Văn C: ốm; Phạm Thị D: đi công tác',
    ...overrides,
  };
}

async function create(by: Client = communeEditor, overrides: Record<string, unknown> = {}) {
  const response = await by.post(URL, body(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const detailPaths = (response: { json(): { details: { path: string }[] } }) =>
  response.json().details.map((d) => d.path);

describe('POST /api/v1/meetings', () => {
  it('records a meeting with the narrowest current theme picked, and audits it', async () => {
    const created = await create(communeEditor, { meetingDate: '2019-01-10' });
    expect(created).toMatchObject({
      unit: { id: tree.cellA.id, name: 'Chi bộ ấp 1' },
      meetingDate: '2019-01-10',
      type: 'regular',
      themeIncluded: true,
      // The province's own theme is narrower than the central one, so it is the cell's current theme.
      theme: { id: provinceTheme2019.id },
      membersOnRoll: 18,
      present: 16,
      absent: 2,
      version: 1,
      abilities: { canEdit: true, canDelete: true },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('meeting.create');
    expect(audit.summary).toContain('Chi bộ ấp 1');
  });

  it('keeps a named theme that applies to the cell', async () => {
    const created = await create(communeEditor, { meetingDate: '2019-02-10', themeId: theme2019.id });
    expect(created.theme.id).toBe(theme2019.id);
  });

  it('refuses a second regular meeting in the month, but takes a thematic one', async () => {
    await create(communeEditor, { meetingDate: '2019-04-03' });
    const second = await communeEditor.post(URL, body({ meetingDate: '2019-04-25' }));
    expect(second.statusCode).toBe(400);
    expect(second.json().message).toContain('đã có buổi sinh hoạt thường kỳ tháng 04/2019');
    expect(detailPaths(second)).toContain('body.meetingDate');
    const thematic = await create(communeEditor, { meetingDate: '2019-04-25', type: 'thematic' });
    expect(thematic.type).toBe('thematic');
  });

  it('refuses more present than on roll, a future date, a closed cell, a unit that is not a cell', async () => {
    const tooMany = await communeEditor.post(URL, body({ meetingDate: '2019-05-02', present: 19 }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toBe('Số có mặt (19) lớn hơn số đảng viên của chi bộ (18).');
    expect(detailPaths(tooMany)).toEqual(['body.present']);

    const future = await communeEditor.post(URL, body({ meetingDate: addDays(todayIso(), 1) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('ở tương lai');

    const closed = await communeEditor.post(URL, body({ unitId: closedCell.id, meetingDate: '2019-07-05' }));
    expect(closed.statusCode).toBe(400);
    expect(closed.json().message).toContain('đã kết thúc hoạt động từ 30/06/2019');
    await create(communeEditor, { unitId: closedCell.id, meetingDate: '2019-06-05' });

    const commune = await communeEditor.post(URL, body({ unitId: tree.commune.id }));
    expect(commune.statusCode).toBe(400);
    expect(commune.json().message).toContain('không phải chi bộ');
    expect(detailPaths(commune)).toEqual(['body.unitId']);
  });

  it('refuses a theme of another province, and theme included when no theme is current', async () => {
    const foreign = await communeEditor.post(URL, body({ meetingDate: '2019-05-03', themeId: otherTheme.id }));
    expect(foreign.statusCode).toBe(400);
    expect(detailPaths(foreign)).toEqual(['body.themeId']);
    const none = await communeEditor.post(URL, body({ meetingDate: '2018-05-03' }));
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('Không có chuyên đề nào áp dụng');
    const without = await create(communeEditor, { meetingDate: '2018-05-03', themeIncluded: false });
    expect(without.theme).toBeNull();
  });

  it('answers 400 naming the fields for malformed input', async () => {
    const response = await communeEditor.post(URL, body({ meetingDate: '12/03/2019', type: 'monthly', present: -1 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(detailPaths(response)).toEqual(expect.arrayContaining(['body.meetingDate', 'body.type', 'body.present']));
  });

  it('answers 404 for a cell out of reach, 403 for a viewer, 401 anonymous', async () => {
    expect((await otherEditor.post(URL, body({ meetingDate: '2019-08-01' }))).statusCode).toBe(404);
    expect((await communeViewer.post(URL, body({ meetingDate: '2019-08-01' }))).statusCode).toBe(403);
    expect((await client(t.app).post(URL, body({ meetingDate: '2019-08-01' }))).statusCode).toBe(401);
  });
});

describe('GET /api/v1/meetings and /:id', () => {
  it('lists meetings in reach with filters, and shows one', async () => {
    const created = await create(communeEditor, {
      unitId: tree.cellB.id,
      meetingDate: '2019-09-09',
      themeIncluded: false,
    });
    const list = await provinceEditor.get(`${URL}?unit=${tree.commune.code}&from=2019-09-01&to=2019-09-30`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { id: string }) => m.id)).toEqual([created.id]);
    const themed = await provinceEditor.get(`${URL}?unit=${tree.commune.code}&themeIncluded=true&type=thematic`);
    expect(
      themed
        .json()
        .items.every((m: { themeIncluded: boolean; type: string }) => m.themeIncluded && m.type === 'thematic'),
    ).toBe(true);
    expect((await otherEditor.get(URL)).json().total).toBe(0);
    const one = await communeViewer.get(`${URL}/${created.id}`);
    expect(one.json()).toMatchObject({ id: created.id, abilities: { canEdit: false, canDelete: false } });
  });

  it('answers 404 out of reach and for an unknown unit filter, 400 for a bad id and reversed period', async () => {
    const created = await create(communeEditor, {
      unitId: tree.cellB.id,
      meetingDate: '2019-10-09',
      themeIncluded: false,
    });
    expect((await otherEditor.get(`${URL}/${created.id}`)).statusCode).toBe(404);
    expect((await otherEditor.get(`${URL}?unit=${tree.commune.code}`)).statusCode).toBe(404);
    expect((await communeEditor.get(`${URL}/not-a-uuid`)).statusCode).toBe(400);
    const reversed = await communeEditor.get(`${URL}?from=2019-12-01&to=2019-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(detailPaths(reversed)).toEqual(['query.to']);
  });
});

describe('PATCH and DELETE /api/v1/meetings/:id', () => {
  it('edits from the version read, answers 409 listing what changed meanwhile, audits', async () => {
    const created = await create(communeEditor, { meetingDate: '2019-11-05' });
    const first = await communeEditor.patch(`${URL}/${created.id}`, { version: 1, present: 17 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ present: 17, absent: 1, version: 2 });
    const stale = await provinceEditor.patch(`${URL}/${created.id}`, { version: 1, present: 15 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.map((d: { message: string }) => d.message)).toContain('Có mặt hiện là 17');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['meeting.create', 'meeting.update']));
  });

  it('applies the rules to an edit: present within roll, one regular a month', async () => {
    const a = await create(communeEditor, { unitId: tree.cellB.id, meetingDate: '2019-12-02' });
    const b = await create(communeEditor, { unitId: tree.cellB.id, meetingDate: '2019-12-20', type: 'thematic' });
    const tooMany = await communeEditor.patch(`${URL}/${a.id}`, { version: 1, membersOnRoll: 10 });
    expect(tooMany.statusCode).toBe(400);
    expect(detailPaths(tooMany)).toEqual(['body.present']);
    const twoRegular = await communeEditor.patch(`${URL}/${b.id}`, { version: 1, type: 'regular' });
    expect(twoRegular.statusCode).toBe(400);
    expect(twoRegular.json().message).toContain('tháng 12/2019');
  });

  it('answers 404 out of reach and 403 for a viewer on edit and delete', async () => {
    const created = await create(communeEditor, { meetingDate: '2019-08-08' });
    expect((await otherEditor.patch(`${URL}/${created.id}`, { version: 1, present: 1 })).statusCode).toBe(404);
    expect((await communeViewer.patch(`${URL}/${created.id}`, { version: 1, present: 1 })).statusCode).toBe(403);
    expect((await otherEditor.delete(`${URL}/${created.id}?version=1`)).statusCode).toBe(404);
    expect((await communeViewer.delete(`${URL}/${created.id}?version=1`)).statusCode).toBe(403);
    expect((await communeEditor.patch(`${URL}/${created.id}`, { present: 1 })).statusCode).toBe(400);
  });

  it('deletes with the version read (409 when stale), audits, and frees the month', async () => {
    const created = await create(communeEditor, { meetingDate: '2019-07-07' });
    await communeEditor.patch(`${URL}/${created.id}`, { version: 1, present: 10 });
    expect((await communeEditor.delete(`${URL}/${created.id}?version=1`)).statusCode).toBe(409);
    expect((await communeEditor.delete(`${URL}/${created.id}?version=2`)).statusCode).toBe(204);
    expect((await communeEditor.get(`${URL}/${created.id}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.id)
      .where('action', '=', 'meeting.delete')
      .execute();
    expect(audit).toHaveLength(1);
    await create(communeEditor, { meetingDate: '2019-07-20' });
  });
});

describe('GET /api/v1/meetings/form', () => {
  it('offers the cells the caller may record for, the current theme and the last roll', async () => {
    const cellUser = await signedIn(t.app, t.database.db, tree.cellA, 'editor');
    await create(communeEditor, { meetingDate: '2019-03-12', membersOnRoll: 21, present: 20 });
    const form = await cellUser.get(`${URL}/form?date=2019-03-20`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({
      cell: { id: tree.cellA.id },
      themes: [{ id: provinceTheme2019.id }, { id: theme2019.id }],
      lastMembersOnRoll: 21,
      regularThisMonth: { meetingDate: '2019-03-12' },
    });
    const commune = await communeEditor.get(`${URL}/form?date=2019-03-20`);
    expect(commune.json().cells.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([tree.cellA.id, tree.cellB.id, closedCell.id]),
    );
    expect(commune.json().cell).toBeNull();
    expect((await otherEditor.get(`${URL}/form?unit=${tree.cellA.id}`)).statusCode).toBe(404);
    const viewer = await communeViewer.get(`${URL}/form?unit=${tree.cellA.id}&date=2019-03-20`);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().message).toContain('chỉ được xem');
    // A unit that is not a cell (or not open that day) is the caller's input, not their rights.
    expect((await communeEditor.get(`${URL}/form?unit=${tree.commune.id}&date=2019-03-20`)).statusCode).toBe(400);
    expect((await communeEditor.get(`${URL}/form?date=2019-13-01`)).statusCode).toBe(400);
  });
});

describe('minutes attached to a meeting', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

  it("are attached by the cell's editors, read by whoever sees the meeting, and by no one else", async () => {
    const meeting = await create(communeEditor, { meetingDate: '2019-10-08', themeIncluded: false });
    const attach = (as: Client, data = PDF) =>
      as.request({
        method: 'POST',
        url: '/api/v1/documents',
        ...multipartForm({ entityType: 'cell_meeting', entityId: meeting.id }, { fileName: 'bien-ban.pdf', data }),
      });
    expect((await attach(communeViewer)).statusCode).toBe(403);
    expect((await attach(otherEditor)).statusCode).toBe(404);
    const fake = await attach(communeEditor, Buffer.from('không phải PDF'));
    expect(fake.statusCode).toBe(400);
    expect((await communeViewer.get(`${URL}/${meeting.id}`)).json().hasMinutes).toBe(false);

    const attached = await attach(communeEditor);
    expect(attached.statusCode, attached.body).toBe(201);
    const minutes = attached.json() as { id: string };
    expect((await communeViewer.get(`${URL}/${meeting.id}`)).json().hasMinutes).toBe(true);
    const download = await provinceEditor.get(`/api/v1/documents/${minutes.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await otherEditor.get(`/api/v1/documents/${minutes.id}/download`)).statusCode).toBe(404);
    expect((await otherEditor.get(`/api/v1/documents?entityType=cell_meeting&entityId=${meeting.id}`)).statusCode).toBe(
      404,
    );
  });
});
