import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, createUnit, signedIn } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { postFile } from '../../test/multipart';
import { xlsxFile } from '../../test/spreadsheets';
import { draftAttendance, placeName } from './conferences-documents';
import { CONFERENCES, conferenceBody, conferenceWorld } from './conferences.fixtures';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let organiser: Client;
let organiserViewer: Client;
let cellAEditor: Client;
let cellAViewer: Client;
let cellBEditor: Client;
let outsider: Client;
let conferenceId: string;
let bridgeA: string;
let bridgeB: string;

const base = CONFERENCES;

async function auditActions(entityId: string) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action'])
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await createTestContext();
  ({
    tree,
    organiser,
    organiserViewer,
    cellAEditor,
    cellAViewer,
    cellBEditor,
    outsider,
    conferenceId,
    bridgeA,
    bridgeB,
  } = await conferenceWorld(t));
});

afterAll(async () => {
  await t?.close();
});

describe('conferences: organising', () => {
  it('creates a conference with a Jitsi room name, audited; refuses bad input with Vietnamese details', async () => {
    const response = await organiser.get(`${base}/${conferenceId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      title: conferenceBody('').title,
      unit: { id: tree.province.id },
      mode: 'online',
      bridgesCount: 2,
      isOrganiser: true,
      video: { jitsiUrl: null },
      abilities: { canEdit: true, canInvite: true, canWatchBoard: true },
    });
    expect(response.json().video.roomName).toMatch(/^LanToa-/);
    expect(await auditActions(conferenceId)).toContain('conference.create');

    const bad = await organiser.post(base, {
      ...conferenceBody(tree.province.id),
      title: 'x',
      mode: 'radio',
      startsAt: '20/08/2019',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['body.mode', 'body.startsAt', 'body.title']);
    const backwards = await organiser.post(base, {
      ...conferenceBody(tree.province.id),
      endsAt: '2019-08-20T06:00:00+07:00',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details[0]).toMatchObject({
      path: 'body.endsAt',
      message: 'Giờ kết thúc phải sau giờ bắt đầu.',
    });
  });

  it('lets only editors of the organising unit create; out of reach is 404', async () => {
    expect((await organiserViewer.post(base, conferenceBody(tree.province.id))).statusCode).toBe(403);
    expect((await outsider.post(base, conferenceBody(tree.province.id))).statusCode).toBe(404);
    expect((await client(t.app).get(base)).statusCode).toBe(401);
  });

  it('lists conferences to the organiser and to bridge staff, not to outsiders', async () => {
    const mine = (await cellAEditor.get(base)).json().items;
    expect(mine).toEqual([expect.objectContaining({ id: conferenceId, isOrganiser: false })]);
    expect((await outsider.get(base)).json().items).toEqual([]);
    expect((await outsider.get(`${base}/${conferenceId}`)).statusCode).toBe(404);
    const detail = (await cellAEditor.get(`${base}/${conferenceId}`)).json();
    expect(detail.myBridges).toEqual([expect.objectContaining({ id: bridgeA })]);
    expect(detail.abilities).toEqual({ canEdit: false, canInvite: false, canWatchBoard: false });
  });

  it('edits with a version (409 naming what changed), minutes and conclusions; bridge staff cannot', async () => {
    const before = (await organiser.get(`${base}/${conferenceId}`)).json();
    const ok = await organiser.patch(`${base}/${conferenceId}`, {
      minutes: 'Hội nghị khai mạc lúc 7 giờ 30.',
      conclusions: 'Tiếp tục đẩy mạnh học tập và làm theo.',
      version: before.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ minutes: 'Hội nghị khai mạc lúc 7 giờ 30.', version: before.version + 1 });
    const stale = await organiser.patch(`${base}/${conferenceId}`, { minutes: 'Khác', version: before.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.map((d: { path: string }) => d.path)).toContain('body.minutes');
    expect((await cellAEditor.patch(`${base}/${conferenceId}`, { minutes: 'x', version: 2 })).statusCode).toBe(403);
    expect((await outsider.patch(`${base}/${conferenceId}`, { minutes: 'x', version: 2 })).statusCode).toBe(404);
    expect((await organiser.patch(`${base}/${conferenceId}`, { meetingUrl: 'zoom', version: 2 })).statusCode).toBe(400);
  });

  it('keeps an agenda: add, edit with version, delete; audited; bridge staff refused', async () => {
    const added = await organiser.post(`${base}/${conferenceId}/agenda`, {
      startsAt: '07:30',
      title: 'Báo cáo sơ kết 03 năm thực hiện Chỉ thị 05-CT/TW',
      presenter: 'Võ Văn Thưởng',
      presenterPosition: 'Trưởng Ban Tuyên giáo Trung ương',
    });
    expect(added.statusCode).toBe(201);
    const item = added.json().agenda[0];
    expect(item).toMatchObject({ startsAt: '07:30', presenter: 'Võ Văn Thưởng', version: 1 });
    const edited = await organiser.patch(`${base}/${conferenceId}/agenda/${item.id}`, {
      startsAt: '08:00',
      version: 1,
    });
    expect(edited.json().agenda[0].startsAt).toBe('08:00');
    expect(
      (await organiser.patch(`${base}/${conferenceId}/agenda/${item.id}`, { title: 'Khác', version: 1 })).statusCode,
    ).toBe(409);
    expect((await organiser.post(`${base}/${conferenceId}/agenda`, { startsAt: '25:00', title: 'A' })).statusCode).toBe(
      400,
    );
    expect((await cellAEditor.post(`${base}/${conferenceId}/agenda`, { title: 'Phát biểu' })).statusCode).toBe(403);
    expect((await outsider.delete(`${base}/${conferenceId}/agenda/${item.id}`)).statusCode).toBe(404);
    expect((await organiser.delete(`${base}/${conferenceId}/agenda/${item.id}`)).json().agenda).toEqual([]);
    expect(await auditActions(item.id)).toEqual([
      'conference.agenda.create',
      'conference.agenda.update',
      'conference.agenda.delete',
    ]);
  });
});

describe('conferences: bridge points', () => {
  it('invites one by one (idempotent), refuses units closed on the day, and only for organisers', async () => {
    const closed = await createUnit(t.database.db, { kind: 'cell', parent: tree.commune, validTo: '2018-12-31' });
    const bad = await organiser.post(`${base}/${conferenceId}/bridges`, { unitIds: [closed.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'body.unitIds.0' });
    expect(bad.json().details[0].message).toContain('không hoạt động vào ngày diễn ra hội nghị');
    const again = await organiser.post(`${base}/${conferenceId}/bridges`, { unitIds: [tree.cellA.id] });
    expect(again.json()).toEqual({ invited: 0, alreadyInvited: 1 });
    expect((await organiser.post(`${base}/${conferenceId}/bridges`, {})).statusCode).toBe(400);
    expect((await cellAEditor.post(`${base}/${conferenceId}/bridges`, { unitIds: [tree.cellB.id] })).statusCode).toBe(
      403,
    );
    expect((await outsider.post(`${base}/${conferenceId}/bridges`, { unitIds: [tree.cellB.id] })).statusCode).toBe(404);
  });

  it('shows bridge staff only their own point; another point is 404', async () => {
    expect(
      (await cellAEditor.get(`${base}/${conferenceId}/bridges`)).json().items.map((b: { id: string }) => b.id),
    ).toEqual([bridgeA]);
    expect((await cellAEditor.get(`${base}/${conferenceId}/bridges/${bridgeA}`)).statusCode).toBe(200);
    expect((await cellAEditor.get(`${base}/${conferenceId}/bridges/${bridgeB}`)).statusCode).toBe(404);
    expect(
      (
        await cellBEditor.post(`${base}/${conferenceId}/bridges/${bridgeA}/status`, {
          status: 'registered',
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('changes status with history and version; a problem needs a note; viewers cannot', async () => {
    const registered = await cellAEditor.post(`${base}/${conferenceId}/bridges/${bridgeA}/status`, {
      status: 'registered',
      version: 1,
    });
    expect(registered.statusCode).toBe(200);
    expect(registered.json()).toMatchObject({ status: 'registered', version: 2 });
    const noNote = await cellAEditor.post(`${base}/${conferenceId}/bridges/${bridgeA}/status`, {
      status: 'problem',
      version: 2,
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().details[0]).toMatchObject({ path: 'body.note', message: 'Ghi rõ sự cố gặp phải' });
    const stale = await cellAEditor.post(`${base}/${conferenceId}/bridges/${bridgeA}/status`, {
      status: 'tested',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await cellAViewer.post(`${base}/${conferenceId}/bridges/${bridgeA}/status`, { status: 'tested', version: 2 }))
        .statusCode,
    ).toBe(403);
    const problem = await cellAEditor.post(`${base}/${conferenceId}/bridges/${bridgeA}/status`, {
      status: 'problem',
      note: 'Mất tiếng',
      version: 2,
    });
    expect(problem.json()).toMatchObject({ status: 'problem', problemNote: 'Mất tiếng' });
    expect(problem.json().history.map((h: { status: string }) => h.status)).toEqual([
      'problem',
      'registered',
      'invited',
    ]);
    expect(await auditActions(bridgeA)).toEqual(['conference.bridge.status', 'conference.bridge.status']);
  });

  it('edits place, contact and expected attendance with a version', async () => {
    const current = (await cellBEditor.get(`${base}/${conferenceId}/bridges/${bridgeB}`)).json();
    const ok = await cellBEditor.patch(`${base}/${conferenceId}/bridges/${bridgeB}`, {
      place: 'Hội trường ấp 2',
      contactName: 'Lê Văn Tám',
      contactPhone: '0290 3831 234',
      expected: 35,
      version: current.version,
    });
    expect(ok.json()).toMatchObject({ place: 'Hội trường ấp 2', expected: 35, version: current.version + 1 });
    const bad = await cellBEditor.patch(`${base}/${conferenceId}/bridges/${bridgeB}`, {
      contactPhone: 'gọi tôi',
      version: 9,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.contactPhone');
    expect(
      (await cellBEditor.patch(`${base}/${conferenceId}/bridges/${bridgeB}`, { expected: 1, version: 1 })).statusCode,
    ).toBe(409);
  });
});

describe('conferences: roster and check-in', () => {
  let categories: { id: string; code: string }[];

  it('lists the article’s categories; only an administrator changes them', async () => {
    categories = (await cellAEditor.get('/api/v1/conference-categories')).json().items;
    expect(categories.map((c) => c.code).slice(0, 3)).toEqual([
      'executive_committee',
      'department_heads',
      'front_mass_orgs',
    ]);
    expect(
      (await organiser.post('/api/v1/conference-categories', { code: 'press', nameVi: 'phóng viên', nameEn: 'press' }))
        .statusCode,
    ).toBe(403);
    const admin = await signedIn(t.app, t.database.db, tree.central, 'admin');
    const created = await admin.post('/api/v1/conference-categories', {
      code: 'press',
      nameVi: 'phóng viên báo chí',
      nameEn: 'press',
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await admin.post('/api/v1/conference-categories', { code: 'Bad Code', nameVi: 'x', nameEn: 'y' })).statusCode,
    ).toBe(400);
    const retired = await admin.patch(`/api/v1/conference-categories/${created.json().id}`, {
      isActive: false,
      version: 1,
    });
    expect(retired.json()).toMatchObject({ isActive: false, version: 2 });
  });

  it('adds, edits and removes people; search ignores diacritics; another point’s staff get 404', async () => {
    const url = `${base}/${conferenceId}/bridges/${bridgeA}/attendees`;
    const added = await cellAEditor.post(url, {
      fullName: 'Nguyễn Thị Hồng Đào',
      position: 'Bí thư chi bộ',
      categoryId: categories.find((c) => c.code === 'cell_secretaries')!.id,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      fullName: 'Nguyễn Thị Hồng Đào',
      checkedInAt: null,
      category: { code: 'cell_secretaries' },
    });
    await cellAEditor.post(url, { fullName: 'Trần Văn Bình', position: 'Đảng viên' });
    const found = (await cellAEditor.get(`${url}?search=hong%20dao`)).json();
    expect(found.items.map((a: { fullName: string }) => a.fullName)).toEqual(['Nguyễn Thị Hồng Đào']);
    expect((await cellAEditor.post(url, { fullName: 'X' })).json().details[0].path).toBe('body.fullName');
    expect((await cellBEditor.get(url)).statusCode).toBe(404);
    // Editors see the QR token (they print the invitations); viewers do not.
    expect(found.items[0].token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await cellAViewer.get(url)).json().items.every((a: { token: string | null }) => a.token === null)).toBe(
      true,
    );
    expect((await cellAViewer.post(url, { fullName: 'Lê Văn Út' })).statusCode).toBe(403);
    const edited = await cellAEditor.patch(`${url}/${added.json().id}`, { organisation: 'Chi bộ ấp 1', version: 1 });
    expect(edited.json()).toMatchObject({ organisation: 'Chi bộ ấp 1', version: 2 });
    expect((await cellAEditor.patch(`${url}/${added.json().id}`, { organisation: 'Y', version: 1 })).statusCode).toBe(
      409,
    );
    const temp = await cellAEditor.post(url, { fullName: 'Người tạm' });
    expect((await cellAEditor.delete(`${url}/${temp.json().id}`)).statusCode).toBe(204);
    expect(await auditActions(temp.json().id)).toEqual(['conference.attendee.create', 'conference.attendee.delete']);
  });

  it('checks in by QR token once, by id after a search, walk-ins, and undo; counts follow', async () => {
    const url = `${base}/${conferenceId}/bridges/${bridgeA}`;
    const people = (await cellAEditor.get(`${url}/attendees`)).json().items;
    const token = (
      await t.database.db
        .selectFrom('conference_attendee')
        .select('token')
        .where('id', '=', people[0].id)
        .executeTakeFirstOrThrow()
    ).token;
    const first = await cellAEditor.post(`${url}/check-in`, { token });
    expect(first.json()).toMatchObject({ alreadyCheckedIn: false, attendee: { id: people[0].id } });
    expect(first.json().attendee.checkedInAt).not.toBeNull();
    const second = await cellAEditor.post(`${url}/check-in`, { token });
    expect(second.json().alreadyCheckedIn).toBe(true);
    const badToken = await cellAEditor.post(`${url}/check-in`, { token: 'not a token' });
    expect(badToken.statusCode).toBe(400);
    expect(badToken.json().details[0].message).toBe('Mã QR không đúng dạng mã của giấy mời');
    // A token of another point is not this point's invitation.
    const other = await cellBEditor.post(`${base}/${conferenceId}/bridges/${bridgeB}/attendees`, {
      fullName: 'Phạm Văn Đồng',
    });
    const otherToken = (
      await t.database.db
        .selectFrom('conference_attendee')
        .select('token')
        .where('id', '=', other.json().id)
        .executeTakeFirstOrThrow()
    ).token;
    const wrongPoint = await cellAEditor.post(`${url}/check-in`, { token: otherToken });
    expect(wrongPoint.statusCode).toBe(404);
    expect(wrongPoint.json().message).toContain('không phải giấy mời của điểm cầu');
    expect((await cellAViewer.post(`${url}/check-in`, { token })).statusCode).toBe(403);
    // Another point's staff are out of reach of this one; the refused scan wrote nothing.
    const otherUrl = `${base}/${conferenceId}/bridges/${bridgeB}/check-in`;
    expect((await cellAEditor.post(otherUrl, { token: otherToken })).statusCode).toBe(404);
    const untouched = await t.database.db
      .selectFrom('conference_attendee')
      .select('checked_in_at')
      .where('id', '=', other.json().id)
      .executeTakeFirstOrThrow();
    expect(untouched.checked_in_at).toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['summary', 'user_id', 'request_id'])
      .where('entity_id', '=', people[0].id)
      .where('action', '=', 'conference.attendee.check_in')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatch(/^Điểm danh tại điểm cầu .+: .+ \(mã QR\)$/);
    expect(audit[0].request_id).toBeTruthy();

    const byId = await cellAEditor.post(`${url}/attendees/${people[1].id}/check-in`);
    expect(byId.json().alreadyCheckedIn).toBe(false);
    const walkIn = await cellAEditor.post(`${url}/attendees`, { fullName: 'Võ Thị Sáu', isWalkIn: true });
    expect(walkIn.json()).toMatchObject({ isWalkIn: true });
    expect(walkIn.json().checkedInAt).not.toBeNull();
    expect((await cellAEditor.get(url)).json()).toMatchObject({ checkedIn: 3, rosterCount: 3, present: 3 });
    const undone = await cellAEditor.delete(`${url}/attendees/${people[1].id}/check-in`);
    expect(undone.json().checkedInAt).toBeNull();
    expect((await cellAEditor.get(url)).json().checkedIn).toBe(2);
    expect(await auditActions(people[1].id)).toEqual([
      'conference.attendee.create',
      'conference.attendee.check_in',
      'conference.attendee.undo_check_in',
    ]);
  });

  it('takes a head count for a large hall, which becomes the present figure', async () => {
    const url = `${base}/${conferenceId}/bridges/${bridgeB}`;
    const current = (await cellBEditor.get(url)).json();
    const counted = await cellBEditor.request({
      method: 'PUT',
      url: `${url}/head-count`,
      payload: { headCount: 120, version: current.version },
    });
    expect(counted.json()).toMatchObject({ headCount: 120, present: 120 });
    const bad = await cellBEditor.request({
      method: 'PUT',
      url: `${url}/head-count`,
      payload: { headCount: -1, version: current.version + 1 },
    });
    expect(bad.json().details[0]).toMatchObject({ path: 'body.headCount', message: 'Số người không âm' });
    expect(
      (await cellAEditor.request({ method: 'PUT', url: `${url}/head-count`, payload: { headCount: 1, version: 1 } }))
        .statusCode,
    ).toBe(404);
  });

  it('imports a roster from XLSX all or nothing, with row/column errors, template and dry run', async () => {
    const url = `${base}/${conferenceId}/bridges/${bridgeB}/roster/import`;
    const template = await cellBEditor.get(`${base}/roster-template`);
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual([
      'Họ và tên',
      'Chức vụ',
      'Cơ quan, đơn vị',
      'Thành phần',
    ]);
    const header = ['Họ và tên', 'Chức vụ', 'Cơ quan, đơn vị', 'Thành phần'];
    const good = await xlsxFile([
      header,
      ['Huỳnh Quốc Việt', 'Phó Bí thư Tỉnh ủy', 'Tỉnh ủy Cà Mau', 'Thành viên Ban Chấp hành Đảng bộ tỉnh'],
      ['Lâm Văn Bi', 'Giám đốc Sở', 'Sở Văn hóa', 'department_heads'],
    ]);
    const dry = await postFile(cellBEditor, `${url}?dryRun=true`, 'ds.xlsx', good);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 2 });
    expect((await cellBEditor.get(`${base}/${conferenceId}/bridges/${bridgeB}`)).json().rosterCount).toBe(1);
    const bad = await xlsxFile([
      header,
      ['Huỳnh Quốc Việt', 'Phó Bí thư Tỉnh ủy', null, null],
      ['A', null, null, 'không có'],
      ['huynh quoc viet', 'pho bi thu tinh uy', null, null],
      ['Phạm Văn Đồng', null, null, null],
    ]);
    const refused = await postFile(cellBEditor, url, 'loi.xlsx', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/^Tệp có \d+ lỗi; chưa ghi dữ liệu nào\./);
    const found = refused
      .json()
      .details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`)
      .sort();
    // Row 3: name too short, unknown category; row 4 repeats row 2; row 5 is already on the roster.
    expect(found).toEqual(['3:Họ và tên', '3:Thành phần', '4:Họ và tên', '5:Họ và tên']);
    expect((await cellBEditor.get(`${base}/${conferenceId}/bridges/${bridgeB}`)).json().rosterCount).toBe(1);
    expect((await postFile(cellAEditor, url, 'ds.xlsx', good)).statusCode).toBe(404);
    expect(
      (await postFile(cellAViewer, `${base}/${conferenceId}/bridges/${bridgeA}/roster/import`, 'ds.xlsx', good))
        .statusCode,
    ).toBe(403);
    const done = await postFile(cellBEditor, url, 'ds.xlsx', good);
    expect(done.json()).toMatchObject({ dryRun: false, created: 2 });
    expect((await cellBEditor.get(`${base}/${conferenceId}/bridges/${bridgeB}`)).json().rosterCount).toBe(3);
    expect(await auditActions(bridgeB)).toContain('conference.attendee.import');
  });
});

function unzipXml(data: Buffer, entry = 'word/document.xml'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-'));
  const file = path.join(dir, 'f.zip');
  fs.writeFileSync(file, data);
  const xml = execFileSync('unzip', ['-p', file, entry]).toString('utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return xml;
}

describe('conferences: afterwards', () => {
  it('drafts the attendance paragraph in the article’s words', () => {
    expect(placeName('Tỉnh ủy Cà Mau')).toBe('Cà Mau');
    expect(
      draftAttendance(
        'Tỉnh ủy Cà Mau',
        [
          { name: 'thủ trưởng các sở, ban, ngành', order: 20, count: 12 },
          { name: 'thành viên Ban Chấp hành Đảng bộ tỉnh', order: 10, count: 40 },
          { name: 'Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cấp tỉnh', order: 30, count: 6 },
          { name: 'báo cáo viên cấp tỉnh', order: 40, count: 20 },
          { name: 'bí thư, phó bí thư các huyện uỷ, thành uỷ, đảng uỷ trực thuộc', order: 50, count: 27 },
          { name: 'khách mời', order: 100, count: 0 },
        ],
        105,
      ),
    ).toBe(
      'Tham dự Hội nghị tại điểm cầu Cà Mau, có các đồng chí thành viên Ban Chấp hành Đảng bộ tỉnh, thủ trưởng các sở, ' +
        'ban, ngành, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cấp tỉnh; các đồng chí báo cáo viên cấp tỉnh ' +
        'và bí thư, phó bí thư các huyện uỷ, thành uỷ, đảng uỷ trực thuộc. Tổng số 105 đại biểu dự tại điểm cầu.',
    );
  });

  it('serves, edits and downloads the attendance paragraph and the news draft as DOCX in Times New Roman', async () => {
    const url = `${base}/${conferenceId}/bridges/${bridgeA}/attendance-text`;
    const draft = (await cellAEditor.get(url)).json();
    expect(draft.isEdited).toBe(false);
    expect(draft.text).toMatch(/^Tham dự Hội nghị tại điểm cầu .*có các đồng chí bí thư chi bộ\./);
    const saved = await cellAEditor.request({
      method: 'PUT',
      url,
      payload: { text: `${draft.text} Có phóng viên.`, version: draft.version },
    });
    expect(saved.json()).toMatchObject({ isEdited: true, text: `${draft.text} Có phóng viên.` });
    expect(
      (await cellAEditor.request({ method: 'PUT', url, payload: { text: 'x', version: draft.version } })).statusCode,
    ).toBe(409);
    expect((await cellBEditor.get(url)).statusCode).toBe(404);
    const docx = await cellAEditor.get(`${url}.docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = unzipXml(docx.rawPayload);
    expect(xml).toContain('Có phóng viên.');
    expect(xml).toContain('Times New Roman');

    const news = (await organiser.get(`${base}/${conferenceId}/news`)).json();
    expect(news.text).toMatch(
      /^Sáng ngày 20\/8\/2019, .* tổ chức Hội nghị trực tuyến sơ kết .* kết nối tới 2 điểm cầu/,
    );
    expect(news.text).toContain('Kết luận Hội nghị: Tiếp tục đẩy mạnh học tập và làm theo.');
    expect((await cellAEditor.get(`${base}/${conferenceId}/news`)).statusCode).toBe(403);
    const savedNews = await organiser.request({
      method: 'PUT',
      url: `${base}/${conferenceId}/news`,
      payload: { text: 'Tin đã sửa.', version: news.version },
    });
    expect(savedNews.json()).toMatchObject({ text: 'Tin đã sửa.', isEdited: true });
    expect(unzipXml((await organiser.get(`${base}/${conferenceId}/news.docx`)).rawPayload)).toContain('Tin đã sửa.');
  });

  it('prints invitations with a QR code per person', async () => {
    const response = await cellAEditor.get(`${base}/${conferenceId}/bridges/${bridgeA}/invitations.docx`);
    expect(response.statusCode).toBe(200);
    const xml = unzipXml(response.rawPayload);
    expect(xml).toContain('GIẤY MỜI');
    expect(xml).toContain('Nguyễn Thị Hồng Đào');
    const media = execFileSync('sh', ['-c', 'cat > /tmp/inv.zip && unzip -l /tmp/inv.zip'], {
      input: response.rawPayload,
    }).toString();
    expect(media.match(/word\/media\/.*\.png/g)?.length).toBe(3);
    expect((await cellBEditor.get(`${base}/${conferenceId}/bridges/${bridgeA}/invitations.docx`)).statusCode).toBe(404);
  });

  it('exports attendance per point and in total to XLSX, organiser only', async () => {
    const response = await organiser.get(`${base}/${conferenceId}/attendance.xlsx`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const total = rows[rows.length - 1];
    expect(total[2]).toBe('Tổng cộng (2 điểm cầu)');
    // Point A: 2 checked in; point B: head count 120.
    expect(total[8]).toBe(2);
    expect(total[10]).toBe(122);
    const names = (book.worksheets[1].getColumn(2).values as string[]).filter(Boolean);
    expect(names.sort()).toEqual(
      [
        'Họ và tên',
        'Nguyễn Thị Hồng Đào',
        'Trần Văn Bình',
        'Võ Thị Sáu',
        'Phạm Văn Đồng',
        'Huỳnh Quốc Việt',
        'Lâm Văn Bi',
      ].sort(),
    );
    expect((await cellAEditor.get(`${base}/${conferenceId}/attendance.xlsx`)).statusCode).toBe(403);
  });
});

describe('conferences: removing', () => {
  it('removes a point without check-ins (organiser only), refuses one with check-ins, deletes a conference (manager)', async () => {
    const spare = await createUnit(t.database.db, { kind: 'cell', parent: tree.commune });
    const other = await organiser.post(base, conferenceBody(tree.province.id));
    const otherId = other.json().id;
    await organiser.post(`${base}/${otherId}/bridges`, { unitIds: [spare.id, tree.cellA.id] });
    const points = (await organiser.get(`${base}/${otherId}/bridges`)).json().items;
    const sparePoint = points.find((b: { unit: { id: string } }) => b.unit.id === spare.id).id;
    const pointA = points.find((b: { unit: { id: string } }) => b.unit.id === tree.cellA.id).id;
    await cellAEditor.post(`${base}/${otherId}/bridges/${pointA}/attendees`, {
      fullName: 'Đinh Văn Nam',
      isWalkIn: true,
    });
    expect((await cellAEditor.delete(`${base}/${otherId}/bridges/${pointA}`)).statusCode).toBe(403);
    expect((await outsider.delete(`${base}/${otherId}/bridges/${pointA}`)).statusCode).toBe(404);
    const refused = await organiser.delete(`${base}/${otherId}/bridges/${pointA}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('đã có 1 người điểm danh');
    expect((await organiser.delete(`${base}/${otherId}/bridges/${sparePoint}`)).statusCode).toBe(204);
    expect(await auditActions(sparePoint)).toEqual(['conference.bridge.remove']);

    expect((await organiser.delete(`${base}/${otherId}`)).statusCode).toBe(403);
    expect((await outsider.delete(`${base}/${otherId}`)).statusCode).toBe(404);
    const manager = await signedIn(t.app, t.database.db, tree.province, 'manager');
    expect((await manager.delete(`${base}/${otherId}`)).statusCode).toBe(204);
    expect((await organiser.get(`${base}/${otherId}`)).statusCode).toBe(404);
    expect(await auditActions(otherId)).toContain('conference.delete');
  });

  it('answers 400 in Vietnamese for malformed ids', async () => {
    const response = await organiser.get(`${base}/khong-phai-uuid/bridges/x`);
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['params.bridgeId', 'params.id']);
    expect(response.json().details[0].message).toMatch(/^Mã định danh (hội nghị|điểm cầu) không hợp lệ$/);
  });
});
