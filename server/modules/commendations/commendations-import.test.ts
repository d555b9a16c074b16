import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access';
import { createTree, createUnit, signedIn, createCampaign } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { postFile } from '../../test/multipart';
import { csvFile, excelDate, xlsxFile } from '../../test/spreadsheets';
import { importCommendations } from './commendations-import';

const URL = '/api/v1/commendations/import';
const HEADER = [
  'Số quyết định',
  'Ngày quyết định',
  'Cấp khen',
  'Hình thức',
  'Cơ quan ban hành',
  'Mã chương trình',
  'Tập thể/cá nhân',
  'Tên tập thể, cá nhân',
  'Mã đơn vị',
  'Chức vụ',
  'Thành tích',
];
const KEYS = [
  'decision_number',
  'decision_date',
  'level',
  'form',
  'issuer',
  'campaign_code',
  'recipient_type',
  'recipient_name',
  'unit_code',
  'position',
  'reason',
];

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceEditor: Client;
let provinceViewer: Client;
let communeEditor: Client;
let campaignCode: string;

const tag = () => crypto.randomBytes(3).toString('hex').toUpperCase();

async function count(table: 'commendation_decision' | 'commendation_recipient'): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  campaignCode = `05-CT/TW-${tag()}`;
  await createCampaign(db, tree.central, {
    code: campaignCode,
    title: 'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  });
});

afterAll(async () => {
  await t?.close();
});

/** A good file: one provincial decision with 2 recipients, one district decision with 1. */
function goodRows(n: string) {
  return [
    [
      `${n}-QĐ/TU`,
      excelDate('2019-08-20'),
      'Cấp tỉnh',
      'Bằng khen',
      tree.province.name,
      campaignCode,
      'Tập thể',
      'Chi bộ ấp 1',
      tree.cellA.code,
      null,
      'Xuất sắc',
    ],
    [
      `${n}-QĐ/TU`,
      '20/08/2019',
      'province',
      'BANG_KHEN',
      tree.province.name,
      campaignCode,
      'cá nhân',
      'Nguyễn Văn Ấn',
      tree.cellB.code,
      'Bí thư chi bộ',
      null,
    ],
    [
      `${n}-QĐ/HU`,
      '2018-01-05',
      'Cấp huyện',
      'Giấy khen',
      'Ủy ban nhân dân huyện Thử',
      null,
      'individual',
      'Lê Thị Mai',
      tree.cellA.code,
      'Đảng viên',
      null,
    ],
  ];
}

describe('POST /api/v1/commendations/import', () => {
  it('imports a good XLSX: decisions grouped by number and date, owners, campaign, one audit entry', async () => {
    const n = tag();
    const file = await xlsxFile([HEADER, ...goodRows(n)]);
    const response = await postFile(provinceEditor, URL, 'khen-thuong.xlsx', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: false,
      decisions: 2,
      recipients: 3,
      byLevel: { province: { collective: 1, individual: 1 }, district: { collective: 0, individual: 1 } },
      skipped: [],
    });
    const decisions = await t.database.db
      .selectFrom('commendation_decision')
      .select(['number', 'unit_id', 'issuer_unit_id', 'campaign_id', 'type', 'system'])
      .where('number', 'like', `${n}-%`)
      .orderBy('number')
      .execute();
    expect(decisions).toMatchObject([
      // The issuer is not one of ours: the owner is the closest unit above its recipient.
      { number: `${n}-QĐ/HU`, unit_id: tree.cellA.id, issuer_unit_id: null, campaign_id: null, type: 'periodic' },
      // The issuer's name is one of our units: it owns the decision.
      { number: `${n}-QĐ/TU`, unit_id: tree.province.id, issuer_unit_id: tree.province.id, type: 'thematic' },
    ]);
    expect(decisions[1].campaign_id).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['summary'])
      .where('action', '=', 'commendation.import')
      .execute();
    expect(audit.at(-1)?.summary).toContain('Nhập 2 quyết định khen thưởng, 3 người, tập thể');
  });

  it('reads CSV with a BOM and English headers; the owner of a non-issuing decision is the common ancestor', async () => {
    const n = tag();
    const file = csvFile([
      KEYS,
      [
        `${n}/QĐ-UBND`,
        '2019-03-01',
        'district',
        'GIAY_KHEN',
        'UBND huyện Thử',
        '',
        'collective',
        'Chi bộ ấp 1',
        tree.cellA.code,
        '',
        '',
      ],
      [
        `${n}/QĐ-UBND`,
        '01/03/2019',
        'district',
        'GIAY_KHEN',
        'UBND huyện Thử',
        '',
        'collective',
        'Chi bộ ấp 2',
        tree.cellB.code,
        '',
        '',
      ],
    ]);
    const response = await postFile(provinceEditor, URL, 'khen.csv', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ decisions: 1, recipients: 2 });
    const decision = await t.database.db
      .selectFrom('commendation_decision')
      .select(['unit_id'])
      .where('number', '=', `${n}/QĐ-UBND`)
      .executeTakeFirstOrThrow();
    expect(decision.unit_id).toBe(tree.commune.id);
  });

  it('dry run checks everything, writes nothing, and says what would be created', async () => {
    const before = [await count('commendation_decision'), await count('commendation_recipient')];
    const response = await postFile(
      provinceEditor,
      `${URL}?dryRun=true`,
      'k.xlsx',
      await xlsxFile([HEADER, ...goodRows(tag())]),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: true, decisions: 2, recipients: 3 });
    expect(response.json().created).toEqual([
      expect.objectContaining({ decisionDate: '2019-08-20', level: 'province', form: 'BANG_KHEN', recipients: 2 }),
      expect.objectContaining({ decisionDate: '2018-01-05', level: 'district', form: 'GIAY_KHEN', recipients: 1 }),
    ]);
    expect([await count('commendation_decision'), await count('commendation_recipient')]).toEqual(before);
  });

  it('lists every bad cell by row and column, in Vietnamese, and writes nothing', async () => {
    const n = tag();
    const outside = await createUnit(t.database.db, { kind: 'cell', parent: tree.otherCommune });
    const before = await count('commendation_recipient');
    const file = await xlsxFile([
      HEADER,
      [
        `${n}-QĐ/TU`,
        '31/02/2019',
        'Cấp tỉnh',
        'Bằng khen',
        tree.province.name,
        null,
        'Tập thể',
        'Chi bộ ấp 1',
        tree.cellA.code,
        null,
        null,
      ],
      [
        `${n}-QĐ/TU`,
        '2019-08-20',
        'Cấp tỉnh',
        'Bằng khen',
        tree.province.name,
        null,
        'Tập thể',
        'Chi bộ ấp 1',
        'KHONG-CO',
        null,
        null,
      ],
      [
        `${n}-QĐ/TU`,
        '2019-08-20',
        'Cấp tỉnh',
        'Bằng khen',
        tree.province.name,
        null,
        'Tập thể',
        'Chi bộ khác',
        outside.code,
        null,
        null,
      ],
      [
        `${n}-QĐ/TU`,
        '2019-08-20',
        'Cấp huyện',
        'Giấy khen',
        tree.province.name,
        null,
        'Cá nhân',
        'Lê Văn Tám',
        tree.cellB.code,
        null,
        null,
      ],
      [
        `${n}-QĐ/YY`,
        '2019-08-20',
        'Cấp tỉnh',
        'Bằng khen',
        tree.province.name,
        'KHONG-CO/TW',
        'Cá nhân',
        'Lê Văn Chín',
        tree.cellB.code,
        null,
        null,
      ],
      [
        `${n}-QĐ/XX`,
        '2019-08-20',
        'quốc gia',
        'Bằng khen',
        tree.province.name,
        null,
        'Cá nhân',
        'Lê Văn Mười',
        tree.cellB.code,
        null,
        null,
      ],
    ]);
    const response = await postFile(provinceEditor, URL, 'loi.xlsx', file);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe('Tệp có 7 lỗi; chưa ghi dữ liệu nào.');
    const cells = body.details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`);
    expect(cells).toEqual([
      '2:Ngày quyết định',
      '3:Mã đơn vị',
      '4:Mã đơn vị',
      '5:Cấp khen',
      '5:Hình thức',
      '6:Mã chương trình',
      '7:Cấp khen',
    ]);
    expect(body.details[0].message).toContain('Ngày "31/02/2019" không hợp lệ');
    expect(body.details[1].message).toContain('Không tìm thấy đơn vị mã "KHONG-CO"');
    expect(body.details[2].message).toContain('trong phạm vi của bạn');
    expect(body.details[3].message).toBe(
      `Khác với dòng 3 của cùng quyết định ${n}-QĐ/TU ngày 20/08/2019: dòng đó ghi "Cấp tỉnh", dòng này ghi "Cấp huyện".`,
    );
    expect(body.details[5].message).toContain('Không có chỉ thị, nghị quyết, chương trình mã "KHONG-CO/TW"');
    expect(body.details[6].message).toContain('Giá trị "quốc gia" không hợp lệ');
    expect(await count('commendation_recipient')).toBe(before);
  });

  it('refuses units the caller may only view, and decisions of an issuer above the caller', async () => {
    const n = tag();
    const file = await xlsxFile([
      HEADER,
      [
        `${n}-QĐ/TU`,
        '2019-08-20',
        'Cấp tỉnh',
        'Bằng khen',
        tree.province.name,
        null,
        'Tập thể',
        'Chi bộ ấp 1',
        tree.cellA.code,
        null,
        null,
      ],
    ]);
    const response = await postFile(communeEditor, URL, 'k.xlsx', file);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toMatchObject([{ row: 2, column: 'Cơ quan ban hành' }]);
  });

  it('refuses a decision already stored, listing it, then skips it with skipExisting', async () => {
    const n = tag();
    const rows = goodRows(n);
    expect((await postFile(provinceEditor, URL, 'a.xlsx', await xlsxFile([HEADER, rows[0]]))).statusCode).toBe(200);
    const again = await postFile(provinceEditor, URL, 'b.xlsx', await xlsxFile([HEADER, ...rows]));
    expect(again.statusCode).toBe(400);
    expect(again.json().details).toEqual([
      {
        path: 'row 2, column Số quyết định',
        row: 2,
        column: 'Số quyết định',
        message: `Quyết định ${n}-QĐ/TU ngày 20/08/2019 của ${tree.province.name} đã có trong hệ thống; bỏ các dòng của quyết định này khỏi tệp, hoặc chọn bỏ qua quyết định đã có (--skip-existing).`,
      },
    ]);
    const skipping = await postFile(
      provinceEditor,
      `${URL}?skipExisting=true`,
      'b.xlsx',
      await xlsxFile([HEADER, ...rows]),
    );
    expect(skipping.statusCode, skipping.body).toBe(200);
    expect(skipping.json()).toMatchObject({
      decisions: 1,
      recipients: 1,
      skipped: [{ number: `${n}-QĐ/TU`, decisionDate: '2019-08-20', issuerName: tree.province.name }],
      created: [{ number: `${n}-QĐ/HU`, decisionDate: '2018-01-05', level: 'district', recipients: 1 }],
    });
  });

  it('refuses viewers (403), anonymous callers (401), a missing file and a wrong file type (400)', async () => {
    const file = await xlsxFile([HEADER, ...goodRows(tag())]);
    expect((await postFile(provinceViewer, URL, 'k.xlsx', file)).statusCode).toBe(403);
    expect((await postFile(client(t.app), URL, 'k.xlsx', file)).statusCode).toBe(401);
    expect((await provinceEditor.post(URL, {})).statusCode).toBe(400);
    const wrong = await postFile(provinceEditor, URL, 'k.pdf', 'abc');
    expect(wrong.statusCode).toBe(400);
    expect((await postFile(provinceEditor, `${URL}?dryRun=maybe`, 'k.xlsx', file)).statusCode).toBe(400);
  });

  it('works for the CLI’s system actor from a file path, with progress', async () => {
    const n = tag();
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = path.join(t.ctx.config.dataDir, 'k.csv');
    fs.writeFileSync(
      file,
      csvFile([KEYS, ...goodRows(n).map((r) => r.map((c) => (c instanceof Date ? '2019-08-20' : c)))]),
    );
    const progress: [number, number | undefined][] = [];
    const result = await importCommendations(
      t.database.db,
      systemActor('cli'),
      { fileName: 'k.csv', filePath: file },
      {
        dryRun: false,
        onProgress: (done, total) => progress.push([done, total]),
      },
    );
    expect(result).toMatchObject({ decisions: 2, recipients: 3 });
    expect(progress.at(-1)).toEqual([3, 3]);
  });
});
