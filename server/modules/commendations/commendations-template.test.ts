import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { createTree, signedIn, type TestUnit, createCampaign } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { loadWorkbook } from '../../test/spreadsheets';

const URL = '/api/v1/commendations/import-template';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceEditor: Client;
let provinceViewer: Client;
let national: string;
let ours: string;
let theirs: string;

async function campaign(scope: TestUnit, issuedOn: string): Promise<string> {
  const code = `${crypto.randomInt(1, 999)}-KH/${crypto.randomBytes(2).toString('hex').toUpperCase()}`;
  return (await createCampaign(t.database.db, scope, { code, kind: 'plan', title: 'Kế hoạch thử', issuedOn })).code;
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  national = await campaign(tree.central, '2016-05-15');
  ours = await campaign(tree.province, '2019-01-10');
  theirs = await campaign(tree.otherProvince, '2019-02-10');
});

afterAll(async () => {
  await t?.close();
});

/** The list a data cell's drop-down offers, read back from the sheet its formula points at. */
function dropDown(workbook: ExcelJS.Workbook, header: string): string[] {
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const column = headers.indexOf(header) + 1;
  expect(column, header).toBeGreaterThan(0);
  const validation = sheet.getCell(2, column).dataValidation;
  expect(validation.type).toBe('list');
  const match = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(validation.formulae![0] as string);
  expect(match, String(validation.formulae)).not.toBeNull();
  const [, sheetName, letter, first, , last] = match!;
  const lists = workbook.getWorksheet(sheetName)!;
  expect(lists.state).toBe('hidden');
  // The drop-down reaches well below the header, not just the first data row.
  expect(sheet.getCell(500, column).dataValidation?.formulae).toEqual(validation.formulae);
  const values: string[] = [];
  for (let row = Number(first); row <= Number(last); row++) {
    values.push(String(lists.getCell(`${letter}${row}`).value));
  }
  return values;
}

describe('GET /api/v1/commendations/import-template', () => {
  it('gives an XLSX with fixed drop-down lists and a guide; viewers get 403', async () => {
    const response = await provinceEditor.get(URL);
    expect(response.statusCode).toBe(200);
    const workbook = await loadWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Khen thưởng', 'Hướng dẫn', 'Danh mục']);
    const lists = workbook.getWorksheet('Danh mục')!;
    const firstRow = (lists.getRow(1).values as unknown[]).slice(1);
    expect(firstRow).toEqual([
      'Cấp khen',
      'Hình thức',
      'Mã chương trình',
      'Tập thể/cá nhân',
      'Hệ thống',
      'Loại khen thưởng',
    ]);
    expect(dropDown(workbook, 'Cấp khen')).toEqual(['Cấp Trung ương', 'Cấp tỉnh', 'Cấp huyện', 'Cấp xã', 'Cấp cơ sở']);
    expect((await provinceViewer.get(URL)).statusCode).toBe(403);
    expect((await client(t.app).get(URL)).statusCode).toBe(401);
  });

  it('offers the codes of the campaigns the caller may see, newest first, and none of another province', async () => {
    const workbook = await loadWorkbook((await provinceEditor.get(URL)).rawPayload);
    const codes = dropDown(workbook, 'Mã chương trình');
    expect(codes).toEqual([ours, national]);
    expect(codes).not.toContain(theirs);
  });
});
