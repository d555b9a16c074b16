import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates';
import { createTree, createUnit, signedIn } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { postFile } from '../../test/multipart';
import { excelDate, loadWorkbook, readSheetRows } from '../../test/spreadsheets';

const HEADER = ['Mã', 'Tên', 'Loại', 'Mã đơn vị cấp trên', 'Hiệu lực từ', 'Hiệu lực đến'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceViewer: Client;
let provinceManager: Client;
let centralAdmin: Client;

beforeAll(async () => {
  t = await createTestContext();
  tree = await createTree(t.database.db);
  provinceViewer = await signedIn(t.app, t.database.db, tree.province, 'viewer');
  provinceManager = await signedIn(t.app, t.database.db, tree.province, 'manager');
  centralAdmin = await signedIn(t.app, t.database.db, tree.central, 'admin');
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/org-units/:id/export', () => {
  it('gives a viewer the subtree as XLSX in the import format, parents first', async () => {
    const response = await provinceViewer.get(`/api/v1/org-units/${tree.commune.id}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const fileName = `don-vi-${tree.commune.code}-${todayIso()}.xlsx`;
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
    );
    const rows = await readSheetRows(response.rawPayload);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]).toEqual([
      tree.commune.code,
      'Đảng ủy xã Hòa Bình',
      'Đảng ủy xã, phường, đặc khu',
      tree.province.code,
      excelDate('2015-01-01'),
      null,
    ]);
    const cells = rows.slice(2).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(cells).toEqual([
      [tree.cellA.code, 'Chi bộ ấp 1', 'Chi bộ', tree.commune.code, excelDate('2015-01-01'), null],
      [tree.cellB.code, 'Chi bộ ấp 2', 'Chi bộ', tree.commune.code, excelDate('2015-01-01'), null],
    ]);
  });

  it('exports the tree as it was on a date, by id or by code', async () => {
    const db = t.database.db;
    const commune = await createUnit(db, { kind: 'commune', parent: tree.province, validFrom: '2016-01-01' });
    const closed = await createUnit(db, {
      kind: 'cell',
      parent: commune,
      validFrom: '2016-01-01',
      validTo: '2024-06-30',
    });
    const open = await createUnit(db, { kind: 'cell', parent: commune, validFrom: '2024-07-01' });

    const in2020 = await provinceViewer.get(`/api/v1/org-units/${commune.code}/export?at=2020-05-15`);
    expect(in2020.headers['content-disposition']).toContain(`filename="don-vi-${commune.code}-2020-05-15.xlsx"`);
    const rows2020 = await readSheetRows(in2020.rawPayload);
    expect(rows2020.slice(1).map((r) => r[0])).toEqual([commune.code, closed.code]);
    expect(rows2020[2][5]).toEqual(excelDate('2024-06-30'));

    const now = await readSheetRows((await provinceViewer.get(`/api/v1/org-units/${commune.id}/export`)).rawPayload);
    expect(now.slice(1).map((r) => r[0])).toEqual([commune.code, open.code]);

    const before = await provinceViewer.get(`/api/v1/org-units/${commune.id}/export?at=2010-01-01`);
    expect(before.statusCode).toBe(400);
    expect(before.json().details[0].path).toBe('query.at');
  });

  it('re-imports its own file: the exported subtree copied under another parent', async () => {
    const exported = await centralAdmin.get(`/api/v1/org-units/${tree.commune.id}/export`);
    const workbook = await loadWorkbook(exported.rawPayload);
    const sheet = workbook.worksheets[0];
    const renamed = new Map<string, string>();
    sheet.eachRow((row, number) => {
      if (number > 1) {
        renamed.set(String(row.getCell(1).value), `COPY-${row.getCell(1).value}`);
      }
    });
    sheet.eachRow((row, number) => {
      if (number > 1) {
        row.getCell(1).value = renamed.get(String(row.getCell(1).value))!;
        const parent = String(row.getCell(4).value);
        row.getCell(4).value = renamed.get(parent) ?? tree.otherProvince.code;
      }
    });
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const response = await postFile(centralAdmin, '/api/v1/org-units/import', 'ban-sao.xlsx', file);
    expect(response.statusCode).toBe(200);
    expect(response.json().created).toBe(3);
    const copy = `COPY-${tree.commune.code}`;
    expect(response.json().items[0]).toEqual({
      code: copy,
      name: 'Đảng ủy xã Hòa Bình',
      kind: 'commune',
      parentCode: tree.otherProvince.code,
      validFrom: '2015-01-01',
      validTo: null,
    });
    const children = await centralAdmin.get(`/api/v1/org-units?parent=${copy}`);
    expect(children.json().items.map((u: { name: string }) => u.name)).toEqual(['Chi bộ ấp 1', 'Chi bộ ấp 2']);
    const detail = await centralAdmin.get(`/api/v1/org-units/${copy}`);
    expect(detail.json().parent.id).toBe(tree.otherProvince.id);
  });

  it('answers 401 anonymous, 404 out of the subtree or unknown, 400 on a bad date', async () => {
    expect((await client(t.app).get(`/api/v1/org-units/${tree.commune.id}/export`)).statusCode).toBe(401);
    const outside = await provinceViewer.get(`/api/v1/org-units/${tree.otherCommune.id}/export`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('NOT_FOUND');
    expect((await provinceViewer.get(`/api/v1/org-units/${tree.otherCommune.code}/export`)).statusCode).toBe(404);
    expect((await provinceViewer.get('/api/v1/org-units/KHONG-CO/export')).statusCode).toBe(404);
    const badDate = await provinceViewer.get(`/api/v1/org-units/${tree.commune.id}/export?at=15/05/2019`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().details[0].path).toBe('query.at');
  });
});

describe('GET /api/v1/org-units/import-template', () => {
  it('gives a manager a template with a drop-down for Loại and a guide sheet, which imports once filled', async () => {
    const response = await provinceManager.get('/api/v1/org-units/import-template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toContain('filename="mau-nhap-don-vi.xlsx"');

    const workbook = await loadWorkbook(response.rawPayload);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(sheet.rowCount).toBe(1);
    const kindValidation = sheet.getCell('C2').dataValidation;
    expect(kindValidation).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$2:$A$8"] });
    const lists = workbook.getWorksheet('Danh mục')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getColumn(1).values.slice(2)).toEqual([
      'Trung ương',
      'Tỉnh ủy',
      'Huyện ủy, đảng ủy trực thuộc',
      'Đảng ủy xã, phường, đặc khu',
      'Tổ chức cơ sở đảng',
      'Chi bộ',
      'Cơ quan, ban, ngành',
    ]);
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    const guideText = guide
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(guideText).toContain('Chi bộ trực thuộc:');
    expect(guideText).toContain('parent_code');

    sheet.addRow(['TPL-1', 'Chi bộ từ tệp mẫu', 'Chi bộ', tree.commune.code, excelDate('2023-01-01'), null]);
    sheet.getCell('E2').numFmt = 'dd/mm/yyyy';
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await postFile(provinceManager, '/api/v1/org-units/import', 'mau.xlsx', filled);
    expect(imported.statusCode).toBe(200);
    expect(imported.json().items).toEqual([
      {
        code: 'TPL-1',
        name: 'Chi bộ từ tệp mẫu',
        kind: 'cell',
        parentCode: tree.commune.code,
        validFrom: '2023-01-01',
        validTo: null,
      },
    ]);
  });

  it('answers 401 anonymous and 403 to a caller with no manager role', async () => {
    expect((await client(t.app).get('/api/v1/org-units/import-template')).statusCode).toBe(401);
    const viewer = await provinceViewer.get('/api/v1/org-units/import-template');
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().code).toBe('FORBIDDEN');
  });
});
