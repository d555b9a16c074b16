import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../../common/dates';
import { createTree, createUnit, signedIn, type TestUnit, createCampaign, createTheme } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { postFile } from '../../test/multipart';
import { csvFile, excelDate, loadWorkbook, xlsxFile } from '../../test/spreadsheets';

const URL = '/api/v1/meetings/import';
const HEADER = [
  'unit_code',
  'date',
  'type',
  'theme_included',
  'theme_code',
  'members_on_roll',
  'present',
  'absent_reasons',
  'summary',
];

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let closedCell: TestUnit;
let theme: { id: string; code: string };
let otherTheme: { id: string; code: string };
let communeEditor: Client;
let communeViewer: Client;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  closedCell = await createUnit(db, { kind: 'cell', parent: tree.commune, validTo: '2019-06-30' });
  const campaign = await createCampaign(db, tree.central);
  theme = await createTheme(db, campaign.id, tree.central, { start: '2019-01-01', end: '2019-12-31' });
  otherTheme = await createTheme(db, campaign.id, tree.otherProvince, { start: '2019-01-01', end: '2019-12-31' });
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  communeViewer = await signedIn(t.app, db, tree.commune, 'viewer');
});

afterAll(async () => {
  await t?.close();
});

const countMeetings = async (unit: TestUnit) =>
  (await t.database.db.selectFrom('cell_meeting').select('id').where('unit_id', '=', unit.id).execute()).length;

describe('POST /api/v1/meetings/import', () => {
  it('checks a good CSV in a dry run without writing, then imports it, audited', async () => {
    const file = csvFile([
      HEADER,
      [tree.cellA.code, '15/01/2019', 'Thường kỳ', 'có', '', '18', '16', 'Trần Văn C: ốm', 'Học chuyên đề năm 2019'],
      [tree.cellA.code, '2019-01-25', 'chuyên đề', 'có', theme.code, '18', '17', '', ''],
      [tree.cellB.code, '12/02/2019', 'regular', 'không', '', '9', '9', '', ''],
    ]);
    const dry = await postFile(communeEditor, `${URL}?dryRun=true`, 'sinh-hoat.csv', file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      dryRun: true,
      meetings: 3,
      regular: 2,
      thematic: 1,
      themeIncluded: 2,
      cells: 2,
      from: '2019-01-15',
      to: '2019-02-12',
    });
    expect(await countMeetings(tree.cellA)).toBe(0);

    const real = await postFile(communeEditor, URL, 'sinh-hoat.csv', file);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json().dryRun).toBe(false);
    const rows = await t.database.db
      .selectFrom('cell_meeting')
      .selectAll()
      .where('unit_id', '=', tree.cellA.id)
      .orderBy('meeting_date')
      .execute();
    expect(rows.map((r) => [r.meeting_date, r.type, r.theme_id, r.present, r.absent_reasons])).toEqual([
      ['2019-01-15', 'regular', theme.id, 16, 'Trần Văn C: ốm'],
      ['2019-01-25', 'thematic', theme.id, 17, null],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'meeting.import')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe('Nhập 3 buổi sinh hoạt của 2 chi bộ từ tệp sinh-hoat.csv');
  });

  it('refuses a bad XLSX as a whole, listing each problem by row and column', async () => {
    const future = addDays(todayIso(), 3);
    const file = await xlsxFile([
      ['Mã chi bộ', 'Ngày sinh hoạt', 'Loại sinh hoạt', 'Có đưa chuyên đề', 'Mã chuyên đề', 'Số đảng viên', 'Có mặt'],
      [tree.cellB.code, excelDate('2019-03-05'), 'Thường kỳ', 'có', '', 10, 9],
      ['KHONG-CO', excelDate('2019-03-05'), 'Thường kỳ', 'không', '', 10, 9],
      [closedCell.code, excelDate('2019-07-05'), 'Thường kỳ', 'không', '', 10, 9],
      [tree.cellB.code, excelDate('2019-04-05'), 'Thường kỳ', 'không', '', 10, 11],
      [tree.cellB.code, excelDate(future), 'Thường kỳ', 'không', '', 10, 9],
      [tree.cellB.code, excelDate('2019-03-20'), 'Thường kỳ', 'không', '', 10, 9],
      [tree.cellB.code, excelDate('2019-02-20'), 'Thường kỳ', 'không', '', 10, 9],
      [tree.cellB.code, excelDate('2019-05-05'), 'Chuyên đề', 'có', otherTheme.code, 10, 9],
      [tree.cellB.code, excelDate('2019-06-05'), 'Thường kỳ', 'không', theme.code, 10, 9],
      [tree.cellB.code, excelDate('2019-08-05'), 'hàng tháng', 'có lẽ', '', 'mười', 9],
      [tree.commune.code, excelDate('2019-08-05'), 'Thường kỳ', 'không', '', 10, 9],
    ]);
    const response = await postFile(communeEditor, URL, 'loi.xlsx', file);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.message).toMatch(/^Tệp có \d+ lỗi; chưa ghi dữ liệu nào\.$/);
    const cells = body.details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`);
    expect(cells).toEqual([
      '3:Mã chi bộ',
      '4:Mã chi bộ',
      '5:Có mặt',
      '6:Ngày sinh hoạt',
      '7:Ngày sinh hoạt',
      '8:Ngày sinh hoạt',
      '9:Mã chuyên đề',
      '10:Mã chuyên đề',
      '11:Loại sinh hoạt',
      '11:Có đưa chuyên đề',
      '11:Số đảng viên',
      '12:Mã chi bộ',
    ]);
    const messages = body.details.map((d: { message: string }) => d.message);
    expect(messages[0]).toBe('Không có đơn vị mã "KHONG-CO".');
    expect(messages[1]).toContain('không hoạt động vào ngày 05/07/2019');
    expect(messages[2]).toBe('Số có mặt (11) lớn hơn số đảng viên của chi bộ (10).');
    expect(messages[3]).toContain('ở tương lai');
    expect(messages[4]).toBe('Trùng với dòng 2: mỗi chi bộ mỗi tháng một buổi sinh hoạt thường kỳ.');
    expect(messages[5]).toContain('đã có buổi sinh hoạt thường kỳ tháng 02/2019 trong hệ thống');
    expect(messages[6]).toContain('không áp dụng cho chi bộ này');
    expect(messages[7]).toBe('Chỉ ghi mã chuyên đề khi cột "Có đưa chuyên đề" là "có".');
    expect(messages[11]).toContain('không phải chi bộ');
    expect(await countMeetings(tree.cellB)).toBe(1);
  });

  it('refuses a viewer (403) and an anonymous caller (401), and a file of the wrong kind (400)', async () => {
    const file = csvFile([HEADER, [tree.cellA.code, '15/03/2019', 'Thường kỳ', 'không', '', '18', '16', '', '']]);
    expect((await postFile(communeViewer, URL, 'a.csv', file)).statusCode).toBe(403);
    expect((await postFile(client(t.app), URL, 'a.csv', file)).statusCode).toBe(401);
    const wrong = await postFile(communeEditor, URL, 'a.pdf', 'xin chào');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].path).toBe('body.file');
  });

  it('refuses rows for cells out of the caller reach', async () => {
    const outside = await createUnit(t.database.db, { kind: 'cell', parent: tree.otherCommune });
    const file = csvFile([HEADER, [outside.code, '15/03/2019', 'Thường kỳ', 'không', '', '18', '16', '', '']]);
    const response = await postFile(communeEditor, URL, 'a.csv', file);
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0]).toMatchObject({ row: 2, column: 'unit_code' });
    expect(response.json().details[0].message).toContain('không có quyền nhập liệu');
  });
});

describe('GET /api/v1/meetings/import-template', () => {
  it('gives an XLSX whose header re-imports, with a guide; viewers get 403', async () => {
    const response = await communeEditor.get('/api/v1/meetings/import-template');
    expect(response.statusCode).toBe(200);
    const workbook = await loadWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['Sinh hoạt chi bộ', 'Hướng dẫn']);
    const header = (workbook.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 7)).toEqual([
      'Mã chi bộ',
      'Ngày sinh hoạt',
      'Loại sinh hoạt',
      'Có đưa chuyên đề',
      'Mã chuyên đề',
      'Số đảng viên',
      'Có mặt',
    ]);
    expect((await communeViewer.get('/api/v1/meetings/import-template')).statusCode).toBe(403);
  });
});
