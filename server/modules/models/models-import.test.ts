import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, createUnit, signedIn, type TestUnit, createCampaign } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { postFile } from '../../test/multipart';
import { csvFile, excelDate, loadWorkbook, readSheetRows, xlsxFile } from '../../test/spreadsheets';
import { fieldId, modelBody } from './models.fixtures';

const URL = '/api/v1/models/import';
const HEADER = [
  'Tên mô hình',
  'Loại',
  'Mã đơn vị',
  'Lĩnh vực',
  'Ngày bắt đầu',
  'Trạng thái',
  'Mô tả',
  'Kết quả',
  'Văn bản chỉ đạo',
  'Người thực hiện',
];

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceManager: Client;
let provinceViewer: Client;
let communeEditor: Client;
let otherEditor: Client;
let campaign: { id: string; code: string };
let unit: TestUnit;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  otherEditor = await signedIn(t.app, db, tree.otherCommune, 'editor');
  campaign = await createCampaign(db, tree.central, { code: '05-CT/TW' });
  unit = await createUnit(db, { kind: 'cell', parent: tree.commune, validFrom: '2015-01-01', validTo: '2025-06-30' });
});

afterAll(async () => {
  await t?.close();
});

async function modelCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom('model')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('POST /api/v1/models/import', () => {
  it('imports an XLSX all at once, with campaigns, people, a timeline entry each and one audit entry', async () => {
    const file = await xlsxFile([
      HEADER,
      [
        'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới',
        'Mô hình tập thể',
        unit.code,
        'Dân vận',
        excelDate('2017-04-01'),
        null,
        'Vận động nhân dân hiến đất làm đường',
        '12 km đường bê tông',
        '05-CT/TW',
        null,
      ],
      [
        'Gương đảng viên giúp dân thoát nghèo',
        'individual_example',
        unit.code,
        'economy',
        '15/03/2018',
        'Đã công nhận',
        null,
        null,
        '05-ct/tw, ',
        'Nguyễn Văn An - Bí thư chi bộ; Trần Thị Bình (Trưởng ấp)',
      ],
      [
        'Tuyến đường hoa',
        'Cách làm hay',
        tree.commune.code,
        'Môi trường',
        '2025-08-01',
        'luu tru',
        null,
        null,
        null,
        null,
      ],
    ]);
    const dry = await postFile(provinceManager, `${URL}?dryRun=true`, 'mo-hinh.xlsx', file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 3 });
    const before = await modelCount();
    expect(before).toBe(0);

    const response = await postFile(provinceManager, URL, 'mo-hinh.xlsx', file);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: false,
      created: 3,
      items: [
        { kind: 'collective_model', unitCode: unit.code, startedOn: '2017-04-01', status: 'proposed' },
        { kind: 'individual_example', status: 'recognised' },
        { kind: 'good_practice', status: 'archived' },
      ],
    });
    const list = (await provinceViewer.get(`/api/v1/models?unit=${tree.commune.id}&search=thoat%20ngheo`)).json();
    expect(list.items).toHaveLength(1);
    const model = (await provinceViewer.get(`/api/v1/models/${list.items[0].id}`)).json();
    expect(model).toMatchObject({
      status: 'recognised',
      field: { code: 'economy' },
      people: [
        { name: 'Nguyễn Văn An', position: 'Bí thư chi bộ' },
        { name: 'Trần Thị Bình', position: 'Trưởng ấp' },
      ],
      campaigns: [{ id: campaign.id }],
      timeline: [{ fromStatus: null, toStatus: 'recognised', note: 'Nhập từ tệp mo-hinh.xlsx' }],
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['summary'])
      .where('action', '=', 'model.import')
      .execute();
    expect(audit).toEqual([{ summary: 'Nhập 3 mô hình từ tệp mo-hinh.xlsx' }]);
  });

  it('reads a CSV (UTF-8 with BOM) with English headers', async () => {
    const file = csvFile([
      [
        'title',
        'kind',
        'unit_code',
        'field',
        'start_date',
        'status',
        'description',
        'results',
        'campaign_codes',
        'people',
      ],
      ['Ngày thứ Bảy tình nguyện', 'collective_model', tree.cellA.code, 'culture', '2019-09-07', '', '', '', '', ''],
    ]);
    const response = await postFile(communeEditor, URL, 'mo-hinh.csv', file);
    expect(response.statusCode).toBe(200);
    expect(response.json().created).toBe(1);
  });

  it('reports every bad cell by row and column in Vietnamese and writes nothing', async () => {
    const before = await modelCount();
    await communeEditor.post(
      '/api/v1/models',
      modelBody(tree.cellB, await fieldId(t.database.db, 'health'), {
        title: 'Chi bộ 4 tốt',
        startedOn: '2019-01-01',
      }),
    );
    const file = await xlsxFile([
      HEADER,
      ['Chi bộ 4 tốt', 'Mô hình tập thể', tree.cellB.code, 'Y tế', '01/01/2019', null, null, null, null, null],
      ['Gương sáng', 'Gương cá nhân điển hình', 'KHONGCO', 'Y tế', '01/01/2019', null, null, null, null, null],
      ['Mô hình A', 'tượng đài', 'KHONGCO', 'Thể thao', '31/02/2019', null, null, null, '99-XX/TW', null],
      ['Mô hình B', 'Cách làm hay', unit.code, 'Y tế', '2025-08-01', 'Đã nhân rộng', null, null, '99-CT/TW', null],
      ['Mô hình C', 'Cách làm hay', tree.cellA.code, 'Y tế', '2019-05-05', 'Đã công nhận', null, null, null, null],
      ['Mô hình D', 'Cách làm hay', tree.cellA.code, 'Y tế', '2019-05-05', null, null, null, null, null],
      ['mô hình d', 'Cách làm hay', tree.cellA.code, 'Y tế', '2019-05-05', null, null, null, null, null],
      ['Mô hình E', 'Cách làm hay', tree.otherCommune.code, 'Y tế', '2019-05-05', null, null, null, null, null],
    ]);
    const response = await postFile(communeEditor, URL, 'loi.xlsx', file);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^Tệp có \d+ lỗi; chưa ghi dữ liệu nào\./);
    const found = response.json().details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`);
    expect(found.sort()).toEqual(
      [
        '2:Tên mô hình',
        '3:Người thực hiện',
        '3:Mã đơn vị',
        '4:Loại',
        '4:Lĩnh vực',
        '4:Ngày bắt đầu',
        '4:Mã đơn vị',
        '4:Văn bản chỉ đạo',
        '5:Trạng thái',
        '5:Mã đơn vị',
        '5:Văn bản chỉ đạo',
        '6:Trạng thái',
        '8:Tên mô hình',
        '9:Mã đơn vị',
      ].sort(),
    );
    const message = (row: number, column: string) =>
      response.json().details.find((d: { row: number; column: string }) => d.row === row && d.column === column)
        .message;
    expect(message(5, 'Mã đơn vị')).toContain('không hoạt động vào ngày 01/08/2025');
    expect(message(8, 'Tên mô hình')).toContain('Trùng với dòng 7');
    expect(message(6, 'Trạng thái')).toContain('quản lý');
    expect(await modelCount()).toBe(before + 1);
  });

  it('answers 403 to a viewer, 401 anonymous, 400 without a file or with a wrong type', async () => {
    const file = await xlsxFile([HEADER]);
    expect((await postFile(provinceViewer, URL, 'a.xlsx', file)).statusCode).toBe(403);
    expect((await postFile(client(t.app), URL, 'a.xlsx', file)).statusCode).toBe(401);
    const wrongType = await postFile(communeEditor, URL, 'a.pdf', '%PDF-1.4');
    expect(wrongType.json().details).toEqual([{ path: 'body.file', message: expect.stringContaining('.xlsx') }]);
    expect((await communeEditor.post(URL, {})).statusCode).toBe(400);
    const empty = await postFile(communeEditor, URL, 'a.xlsx', file);
    expect(empty.json().details[0].message).toContain('không có dòng dữ liệu');
  });
});

describe('template and export', () => {
  it('gives the template with drop-downs to editors; 403 to viewers; 401 anonymous', async () => {
    const response = await communeEditor.get('/api/v1/models/import-template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('mau-nhap-mo-hinh.xlsx');
    const rows = await readSheetRows(response.rawPayload);
    expect(rows[0]).toEqual(HEADER);
    const book = await loadWorkbook(response.rawPayload);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Mô hình', 'Hướng dẫn', 'Danh mục']);
    expect((await provinceViewer.get('/api/v1/models/import-template')).statusCode).toBe(403);
    expect((await client(t.app).get('/api/v1/models/import-template')).statusCode).toBe(401);
  });

  it('exports what the filters show, scoped to the caller; 404 out of reach; 400 bad filter; 401 anonymous', async () => {
    const response = await provinceViewer.get(
      `/api/v1/models/export?unit=${tree.commune.code}&search=dan%20van%20kheo`,
    );
    expect(response.statusCode).toBe(200);
    const rows = await readSheetRows(response.rawPayload);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 5)).toEqual([
      'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới',
      'Mô hình tập thể',
      unit.code,
      'Dân vận',
      excelDate('2017-04-01'),
    ]);
    expect(rows[1][8]).toBe('05-CT/TW');
    const outside = await otherEditor.get('/api/v1/models/export');
    expect((await readSheetRows(outside.rawPayload)).length).toBe(1);
    expect((await otherEditor.get(`/api/v1/models/export?unit=${tree.commune.code}`)).statusCode).toBe(404);
    expect((await provinceViewer.get('/api/v1/models/export?kind=x')).statusCode).toBe(400);
    expect((await client(t.app).get('/api/v1/models/export')).statusCode).toBe(401);
  });
});
