import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access';
import { createTree, createUser, signedIn } from '../../test/factories';
import { client, createTestContext, signIn, type Client, type TestContext } from '../../test/harness';
import { postFile } from '../../test/multipart';
import { csvFile, excelDate, xlsxFile } from '../../test/spreadsheets';
import { importOrgUnits } from './org-units-import';

const URL = '/api/v1/org-units/import';
const HEADER = ['Mã', 'Tên', 'Loại', 'Mã đơn vị cấp trên', 'Hiệu lực từ', 'Hiệu lực đến'];

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceManager: Client;
let provinceViewer: Client;
let communeEditor: Client;
let centralAdmin: Client;

/** A fresh code prefix per test, so tests never collide on codes. */
const prefix = () => `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;

async function count(table: 'org_unit' | 'audit_log'): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function unitByCode(code: string) {
  return t.database.db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

beforeAll(async () => {
  t = await createTestContext();
  tree = await createTree(t.database.db);
  provinceManager = await signedIn(t.app, t.database.db, tree.province, 'manager');
  provinceViewer = await signedIn(t.app, t.database.db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, t.database.db, tree.commune, 'editor');
  centralAdmin = await signedIn(t.app, t.database.db, tree.central, 'admin');
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/org-units/import', () => {
  it('creates units from an XLSX, parents listed after their children, with one audit entry', async () => {
    const p = prefix();
    const file = await xlsxFile([
      HEADER,
      [`${p}-01`, 'Chi bộ ấp Tân Thành', 'Chi bộ', p, excelDate('2020-01-01'), null],
      [p, 'Đảng ủy xã Tân Tiến', 'commune', tree.province.code, '01/01/2020', null],
      [null, null, null, null, null, null],
      [`${p}-02`, 'Chi bộ ấp Tân Lợi', 'chi bo', p, '2020-01-01', '31/12/2024'],
      [`${p}-G`, 'Đảng bộ Công ty Thử', 'Tổ chức cơ sở đảng', tree.commune.code, excelDate('2021-05-15'), null],
    ]);
    const auditBefore = await count('audit_log');

    const response = await postFile(provinceManager, URL, 'don-vi-moi.xlsx', file);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      dryRun: false,
      created: 4,
      items: [
        {
          code: `${p}-01`,
          name: 'Chi bộ ấp Tân Thành',
          kind: 'cell',
          parentCode: p,
          validFrom: '2020-01-01',
          validTo: null,
        },
        {
          code: p,
          name: 'Đảng ủy xã Tân Tiến',
          kind: 'commune',
          parentCode: tree.province.code,
          validFrom: '2020-01-01',
          validTo: null,
        },
        {
          code: `${p}-02`,
          name: 'Chi bộ ấp Tân Lợi',
          kind: 'cell',
          parentCode: p,
          validFrom: '2020-01-01',
          validTo: '2024-12-31',
        },
        {
          code: `${p}-G`,
          name: 'Đảng bộ Công ty Thử',
          kind: 'grassroots',
          parentCode: tree.commune.code,
          validFrom: '2021-05-15',
          validTo: null,
        },
      ],
    });

    const commune = await unitByCode(p);
    expect(commune?.parent_id).toBe(tree.province.id);
    expect((await unitByCode(`${p}-01`))?.parent_id).toBe(commune?.id);
    expect((await unitByCode(`${p}-G`))?.parent_id).toBe(tree.commune.id);
    const in2023 = await provinceManager.get(`/api/v1/org-units?parent=${p}&at=2023-06-01`);
    expect(
      in2023
        .json()
        .items.map((u: { code: string }) => u.code)
        .sort(),
    ).toEqual([`${p}-01`, `${p}-02`]);
    const today = await provinceManager.get(`/api/v1/org-units?parent=${p}`);
    expect(today.json().items.map((u: { code: string }) => u.code)).toEqual([`${p}-01`]);
    const cell = await provinceManager.get(`/api/v1/org-units/${p}-01`);
    expect(cell.json().ancestors.map((a: { id: string }) => a.id)).toEqual([tree.province.id, commune?.id]);

    expect(await count('audit_log')).toBe(auditBefore + 1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'org-unit.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      entity_type: 'org_unit',
      unit_id: tree.province.id,
      summary: 'Nhập 4 đơn vị từ tệp don-vi-moi.xlsx',
    });
    expect(audit.after).toEqual({ file: 'don-vi-moi.xlsx', count: 4, codes: [`${p}-01`, p, `${p}-02`, `${p}-G`] });
  });

  it('reports every bad cell by row and column, and writes nothing', async () => {
    const p = prefix();
    const file = await xlsxFile([
      HEADER,
      [`${p}-1`, 'Ngày sai', 'Chi bộ', tree.commune.code, '31/02/2019', null],
      [`${p}-2`, 'Loại lạ', 'Ban chấp hành', tree.commune.code, '2020-01-01', null],
      [`${p}-3`, 'Cấp trên lạ', 'Chi bộ', 'KHONG-CO', '2020-01-01', null],
      [tree.cellA.code, 'Trùng mã đã có', 'Chi bộ', tree.commune.code, '2020-01-01', null],
      [`${p}-5`, 'Lần một', 'Chi bộ', tree.commune.code, '2020-01-01', null],
      [`${p}-5`, 'Lần hai', 'Chi bộ', tree.commune.code, '2022-01-01', null],
      [`${p}-6`, 'Tỉnh ủy lồng', 'Tỉnh ủy', tree.commune.code, '2020-01-01', null],
      [`${p}-7`, 'Chi bộ tỉnh khác', 'Chi bộ', tree.otherCommune.code, '2020-01-01', null],
      ['có dấu', 'Mã sai', 'Chi bộ', tree.commune.code, '2020-01-01', null],
      [`${p}-9`, 'Ngày đảo', 'Chi bộ', tree.commune.code, '2020-01-01', '2019-12-31'],
    ]);
    const [unitsBefore, auditBefore] = [await count('org_unit'), await count('audit_log')];

    const response = await postFile(provinceManager, URL, 'loi.xlsx', file);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe('Tệp có 9 lỗi; chưa ghi dữ liệu nào.');
    const errors = (body.details as { row: number; column: string; message: string; path: string }[]).sort(
      (a, b) => a.row - b.row,
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Hiệu lực từ'],
      [3, 'Loại'],
      [4, 'Mã đơn vị cấp trên'],
      [5, 'Mã'],
      [7, 'Mã'],
      [8, 'Loại'],
      [9, 'Mã đơn vị cấp trên'],
      [10, 'Mã'],
      [11, 'Hiệu lực đến'],
    ]);
    expect(errors[0]).toMatchObject({
      path: 'row 2, column Hiệu lực từ',
      message: 'Ngày "31/02/2019" không hợp lệ; dùng DD/MM/YYYY hoặc YYYY-MM-DD.',
    });
    expect(errors[1].message).toMatch(/^Giá trị "Ban chấp hành" không hợp lệ; chọn một trong: Trung ương; Tỉnh ủy/);
    expect(errors[3].message).toMatch(/đã được dùng cho đơn vị "Chi bộ ấp 1"/);
    expect(errors[4].message).toBe(`Mã "${p}-5" trùng với dòng 6 trong cùng thời gian hiệu lực.`);
    expect(errors[5].message).toMatch(/Tỉnh ủy không thể trực thuộc/);
    // A parent outside the caller's subtree reads exactly like one that does not exist.
    expect(errors[2].message).toMatch(/^Không tìm thấy đơn vị cấp trên mã "KHONG-CO"/);
    expect(errors[6].message).toBe(
      `Không tìm thấy đơn vị cấp trên mã "${tree.otherCommune.code}" hoạt động ngày 01/01/2020, trong tệp hoặc trong phạm vi bạn quản lý.`,
    );
    expect(errors[8].message).toMatch(/trước ngày hiệu lực/);

    expect(await count('org_unit')).toBe(unitsBefore);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('checks everything on a dry run and writes nothing; the same file then imports', async () => {
    const p = prefix();
    const file = await xlsxFile([
      HEADER,
      [p, 'Đảng ủy phường Chạy Thử', 'Đảng ủy xã, phường, đặc khu', tree.province.code, '2025-07-01', null],
      [`${p}-1`, 'Chi bộ khóm 1', 'Chi bộ', p, '2025-07-01', null],
    ]);
    const [unitsBefore, auditBefore] = [await count('org_unit'), await count('audit_log')];

    const dry = await postFile(provinceManager, `${URL}?dryRun=true`, 'thu.xlsx', file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 2, items: [{ code: p }, { code: `${p}-1` }] });
    expect(await count('org_unit')).toBe(unitsBefore);
    expect(await count('audit_log')).toBe(auditBefore);

    const real = await postFile(provinceManager, `${URL}?dryRun=false`, 'thu.xlsx', file);
    expect(real.json()).toMatchObject({ dryRun: false, created: 2 });
    expect(await count('org_unit')).toBe(unitsBefore + 2);

    const again = await postFile(provinceManager, `${URL}?dryRun=true`, 'thu.xlsx', file);
    expect(again.statusCode).toBe(400);
    expect(again.json().details.map((d: { column: string }) => d.column)).toEqual(['Mã', 'Mã']);
  });

  it('reads a semicolon CSV with a BOM and unaccented Vietnamese headers', async () => {
    const p = prefix();
    const file = csvFile(
      [
        ['Ma don vi', 'Ten don vi', 'Loai don vi', 'Ma cap tren', 'Ngay thanh lap'],
        [`${p}-1`, 'Chi bộ ấp "Mới"; Khóm 2', 'Chi bộ', tree.commune.code, '5/3/2021'],
        [`${p}-2`, 'Chi bộ ấp Đông', 'cell', tree.commune.code, '2021-03-05'],
      ],
      ';',
    );
    const response = await postFile(provinceManager, URL, 'chi-bo.csv', file, { contentType: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({ code: `${p}-1`, name: 'Chi bộ ấp "Mới"; Khóm 2', validFrom: '2021-03-05' }),
      expect.objectContaining({ code: `${p}-2`, kind: 'cell', validFrom: '2021-03-05' }),
    ]);
    expect((await unitByCode(`${p}-1`))?.parent_id).toBe(tree.commune.id);
  });

  it('reports a parent cycle, a self-parent and a parent the caller may see but not manage', async () => {
    const p = prefix();
    const user = await createUser(t.database.db, tree.commune, 'manager');
    await t.database.db
      .insertInto('user_grant')
      .values({ user_id: user.id, unit_id: tree.province.id, role: 'viewer' })
      .execute();
    const communeManager = await signIn(t.app, user.username, user.password);
    const file = csvFile([
      ['code', 'name', 'kind', 'parent_code', 'valid_from'],
      [`${p}-A`, 'Vòng A', 'grassroots', `${p}-B`, '2020-01-01'],
      [`${p}-B`, 'Vòng B', 'grassroots', `${p}-A`, '2020-01-01'],
      [`${p}-C`, 'Tự làm cấp trên', 'cell', `${p}-C`, '2020-01-01'],
      [`${p}-D`, 'Dưới tỉnh', 'commune', tree.province.code, '2020-01-01'],
      [`${p}-E`, 'Dưới xã', 'cell', tree.commune.code, '2020-01-01'],
    ]);
    const response = await postFile(communeManager, URL, 'vong.csv', file);
    expect(response.statusCode).toBe(400);
    const messages = response
      .json()
      .details.map((d: { row: number; column: string; message: string }) => `${d.row} ${d.column}: ${d.message}`);
    expect(messages).toContain(
      `2 parent_code: Các đơn vị làm cấp trên của nhau thành vòng lặp: ${p}-A (dòng 2) → ${p}-B (dòng 3) → ${p}-A (dòng 2).`,
    );
    expect(messages).toContain(
      `3 parent_code: Các đơn vị làm cấp trên của nhau thành vòng lặp: ${p}-B (dòng 3) → ${p}-A (dòng 2) → ${p}-B (dòng 3).`,
    );
    expect(messages).toContain('4 parent_code: Mã đơn vị cấp trên trùng với mã của chính đơn vị.');
    expect(messages).toContain(
      `5 parent_code: Bạn không có quyền quản lý đơn vị cấp trên "${tree.province.code}" Tỉnh ủy Thử Nghiệm.`,
    );
    expect(messages.some((m: string) => m.startsWith('6 '))).toBe(false);
  });

  it('answers 401 anonymous, 403 to a viewer or editor, and refuses what is not an .xlsx or .csv file', async () => {
    const file = csvFile([HEADER]);
    expect((await postFile(client(t.app), URL, 'a.csv', file)).statusCode).toBe(401);
    for (const caller of [provinceViewer, communeEditor]) {
      const response = await postFile(caller, URL, 'a.csv', file);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
    const pdf = await postFile(provinceManager, URL, 'bao-cao.pdf', '%PDF-1.7');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().message).toBe('Chỉ nhận tệp .xlsx hoặc .csv; tệp "bao-cao.pdf" không đúng loại.');
    const wrongField = await postFile(provinceManager, URL, 'a.csv', file, { field: 'tep' });
    expect(wrongField.json().message).toMatch(/trường "file"/);
    const notMultipart = await provinceManager.post(URL, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    const corrupt = await postFile(
      provinceManager,
      URL,
      'hong.xlsx',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]),
    );
    expect(corrupt.statusCode).toBe(400);
    expect(corrupt.json().message).toMatch(/bị hỏng/);
    const headerOnly = await postFile(provinceManager, URL, 'rong.csv', file);
    expect(headerOnly.json().details[0].message).toMatch(/không có dòng dữ liệu/);
  });
});

describe('importOrgUnits (the CLI path)', () => {
  it('lets the system actor create a new root, reporting progress; an admin cannot', async () => {
    const p = prefix();
    const rows = [
      ['code', 'name', 'kind', 'parent_code', 'valid_from'],
      [p, 'Trung ương nhập', 'central', '', '1930-02-03'],
      [`${p}-96`, 'Tỉnh ủy nhập', 'province', p, '2025-07-01'],
    ];
    const asAdmin = await postFile(centralAdmin, URL, 'goc.csv', csvFile(rows));
    expect(asAdmin.statusCode).toBe(400);
    expect(asAdmin.json().details).toEqual([
      expect.objectContaining({ row: 2, column: 'parent_code', message: expect.stringMatching(/đơn vị gốc/) }),
    ]);

    const progress: [number, number | undefined][] = [];
    const result = await importOrgUnits(
      t.database.db,
      systemActor('cli'),
      { fileName: 'goc.csv', data: csvFile(rows) },
      { dryRun: false, onProgress: (done, total) => progress.push([done, total]) },
    );
    expect(result).toMatchObject({ dryRun: false, created: 2 });
    expect(progress).toEqual([
      [2, undefined],
      [2, 2],
    ]);
    expect((await unitByCode(p))?.parent_id).toBeNull();
    expect((await unitByCode(`${p}-96`))?.path).toMatch(/^\d+\.\d+$/);
  });
});
