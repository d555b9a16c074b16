import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { defineColumns } from './columns';
import { date, enumOf, requiredText, yesNo } from './parsers';
import { ImportReader } from './reader';
import { attachmentDisposition, GUIDE_SHEET, writeWorkbook } from './workbook';

const COLUMNS = defineColumns([
  { key: 'code', labels: ['Mã'], required: true, parse: requiredText(), description: 'Mã đơn vị' },
  {
    key: 'kind',
    labels: ['Loại'],
    required: true,
    parse: enumOf(['province', 'commune'] as const, { province: ['Tỉnh ủy'], commune: ['Đảng ủy xã, phường'] }),
  },
  { key: 'since', labels: ['Hiệu lực từ', 'valid_from'], required: true, parse: date({ required: true }) },
  { key: 'active', labels: ['Hoạt động'], required: false, parse: yesNo() },
]);

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('writeWorkbook', () => {
  it('writes a template: bold frozen Vietnamese header, drop-downs from a hidden list sheet, a guide sheet', async () => {
    const workbook = await load(await writeWorkbook({ sheetName: 'Đơn vị', columns: COLUMNS }));
    const [sheet, guide, lists] = workbook.worksheets;
    expect([sheet.name, guide.name, lists.name]).toEqual(['Đơn vị', GUIDE_SHEET, 'Danh mục']);
    expect(lists.state).toBe('hidden');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mã', 'Loại', 'Hiệu lực từ', 'Hoạt động']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$2:$A$3"] });
    expect(sheet.getCell('B1001').dataValidation?.type).toBe('list');
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ formulae: ["'Danh mục'!$B$2:$B$3"] });
    expect(sheet.getCell('A2').dataValidation).toBeUndefined();
    expect([lists.getCell('A2').value, lists.getCell('A3').value]).toEqual(['Tỉnh ủy', 'Đảng ủy xã, phường']);

    const guideText = guide
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(guideText).toContain('Tỉnh ủy; Đảng ủy xã, phường');
    expect(guideText).toContain('DD/MM/YYYY');
    expect(guideText).toContain('valid_from');
  });

  it('writes rows the importer reads back, dates as real date cells on the right day', async () => {
    const buffer = await writeWorkbook({
      sheetName: 'Đơn vị',
      columns: COLUMNS,
      rows: [
        { code: '96', kind: 'Tỉnh ủy', since: '2025-07-01', active: 'có' },
        { code: '0123', kind: 'Đảng ủy xã, phường', since: '1945-09-02', active: null },
      ],
    });
    const sheet = (await load(buffer)).worksheets[0];
    expect(sheet.getCell('C2').value).toEqual(new Date(Date.UTC(2025, 6, 1)));
    expect(sheet.getCell('C2').numFmt).toBe('dd/mm/yyyy');

    const reader = new ImportReader({ fileName: 'xuat.xlsx', data: buffer }, COLUMNS);
    const rows = await reader.readAll();
    reader.finish();
    expect(rows.map((r) => r.record)).toEqual([
      { code: '96', kind: 'province', since: '2025-07-01', active: true },
      { code: '0123', kind: 'commune', since: '1945-09-02', active: null },
    ]);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('don-vi-96-QS-2025-07-01.xlsx')).toBe(
      `attachment; filename="don-vi-96-QS-2025-07-01.xlsx"; filename*=UTF-8''don-vi-96-QS-2025-07-01.xlsx`,
    );
    expect(attachmentDisposition('Mẫu nhập đơn vị (Đảng ủy).xlsx')).toBe(
      `attachment; filename="Mau-nhap-don-vi-Dang-uy.xlsx"; filename*=UTF-8''M%E1%BA%ABu%20nh%E1%BA%ADp%20%C4%91%C6%A1n%20v%E1%BB%8B%20%28%C4%90%E1%BA%A3ng%20%E1%BB%A7y%29.xlsx`,
    );
  });
});
