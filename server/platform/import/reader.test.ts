import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { defineColumns, normaliseHeader } from './columns';
import { date, enumOf, integer, requiredText, text, yesNo } from './parsers';
import { ImportReader } from './reader';
import type { ImportSource } from './source';
import { readTable } from './table';

const COLUMNS = defineColumns([
  { key: 'code', labels: ['Mã', 'Mã đơn vị', 'unit_code'], required: true, parse: requiredText({ max: 10 }) },
  { key: 'name', labels: ['Tên'], required: true, parse: requiredText() },
  { key: 'founded', labels: ['Ngày thành lập', 'valid_from'], required: true, parse: date({ required: true }) },
  { key: 'members', labels: ['Số đảng viên'], required: false, parse: integer() },
  {
    key: 'level',
    labels: ['Cấp'],
    required: false,
    parse: enumOf(['a', 'b'] as const, { a: ['Cấp A'], b: ['Cấp B'] }),
  },
  { key: 'active', labels: ['Hoạt động'], required: false, parse: yesNo() },
  { key: 'note', labels: ['Ghi chú'], required: false, parse: text() },
]);

const csv = (body: string, fileName = 'tep.csv'): ImportSource => ({ fileName, data: Buffer.from(body, 'utf8') });

async function xlsx(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function failure(reader: ImportReader<typeof COLUMNS>) {
  await reader.readAll();
  try {
    reader.finish();
  } catch (error) {
    return error as { code: string; message: string; details: { row?: number; column?: string; message: string }[] };
  }
  throw new Error('expected the file to be refused');
}

describe('header matching', () => {
  it('normalises diacritics, case, underscores and notes in parentheses', () => {
    for (const header of ['Mã đơn vị', 'ma don vi', 'MA_DON_VI', 'Mã đơn vị (bắt buộc)', ' mã-đơn-vị ']) {
      expect(normaliseHeader(header)).toBe('madonvi');
    }
    expect(normaliseHeader('unit_code')).toBe(normaliseHeader('Unit code'));
  });

  it('reads English and unaccented Vietnamese headers in any order', async () => {
    const reader = new ImportReader(csv('ten,UNIT_CODE,valid_from\nChi bộ 1,C1,20/08/2019\n'), COLUMNS);
    const rows = await reader.readAll();
    reader.finish();
    expect(rows[0].record).toEqual({
      code: 'C1',
      name: 'Chi bộ 1',
      founded: '2019-08-20',
      members: null,
      level: null,
      active: null,
      note: null,
    });
  });

  it('reports unknown, duplicate and missing columns on the header row, and a value under no header', async () => {
    const reader = new ImportReader(csv('\nMã,Mã đơn vị,Tên,Ghi chu,Màu,\nC1,C1,A,,xanh,lạ\n'), COLUMNS);
    const error = await failure(reader);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      expect.objectContaining({ row: 2, column: 'Mã đơn vị', message: expect.stringMatching(/lặp lại cột A/) }),
      expect.objectContaining({ row: 2, column: 'Màu', message: expect.stringMatching(/không có trong mẫu/) }),
      expect.objectContaining({ row: 2, column: 'Ngày thành lập', message: 'Thiếu cột bắt buộc "Ngày thành lập".' }),
      expect.objectContaining({ row: 3, column: 'Cột F', message: expect.stringMatching(/không có tiêu đề/) }),
    ]);
  });
});

describe('ImportReader', () => {
  it('checks the whole file, reporting every bad cell with the header as written', async () => {
    const body =
      'Mã;Tên;valid_from;Số đảng viên;Cấp;Hoạt động\n' +
      'C1;Một;31/02/2019;12;Cấp A;x\n' +
      'C2;;01/01/2020;-3;Cấp C;có\n' +
      'C3;Ba;2020-01-01;5;b;không\n';
    const reader = new ImportReader(csv(body), COLUMNS);
    const rows = await reader.readAll();
    expect(rows.map((r) => r.record !== undefined)).toEqual([false, false, true]);
    expect(rows[0].values).toMatchObject({ code: 'C1', members: 12, level: 'a', active: true });
    const error = await failure(new ImportReader(csv(body), COLUMNS));
    expect(error.message).toBe('Tệp có 4 lỗi; chưa ghi dữ liệu nào.');
    expect(error.details.map((d) => [d.row, d.column])).toEqual([
      [2, 'valid_from'],
      [3, 'Tên'],
      [3, 'Số đảng viên'],
      [3, 'Cấp'],
    ]);
    expect(error.details[0]).toMatchObject({
      path: 'row 2, column valid_from',
      message: 'Ngày "31/02/2019" không hợp lệ; dùng DD/MM/YYYY hoặc YYYY-MM-DD.',
    });
  });

  it('caps the list at 1,000 and says how many more there are', async () => {
    const lines = ['Mã,Tên,Ngày thành lập'];
    for (let i = 0; i < 1200; i += 1) {
      lines.push(`C${i},Tên,không phải ngày`);
    }
    const error = await failure(new ImportReader(csv(lines.join('\n')), COLUMNS));
    expect(error.details).toHaveLength(1000);
    expect(error.message).toBe(
      'Tệp có 1.200 lỗi; chưa ghi dữ liệu nào. Danh sách chỉ nêu 1.000 lỗi đầu; còn 200 lỗi khác.',
    );
  });

  it('refuses empty files, header-only files and files over the row limit', async () => {
    expect((await failure(new ImportReader(csv('\n\n'), COLUMNS))).details[0].message).toMatch(/Tệp trống/);
    expect((await failure(new ImportReader(csv('Mã,Tên,Ngày thành lập\n'), COLUMNS))).details[0].message).toMatch(
      /không có dòng dữ liệu/,
    );
    const long = new ImportReader(csv('Mã,Tên,Ngày thành lập\nA,a,1/1/2020\nB,b,1/1/2020\nC,c,1/1/2020\n'), COLUMNS, {
      maxRows: 2,
    });
    expect((await failure(long)).details[0].message).toMatch(/hơn 2 dòng/);
  });

  it('reports progress as rows are read', async () => {
    const seen: number[] = [];
    const body = ['Mã,Tên,Ngày thành lập', ...Array.from({ length: 5 }, (_, i) => `C${i},T,1/1/2020`)].join('\n');
    await new ImportReader(csv(body), COLUMNS, { onProgress: (n) => seen.push(n), progressEvery: 2 }).readAll();
    expect(seen).toEqual([2, 4, 5]);
  });
});

describe('XLSX files', () => {
  it('reads a real date cell, a number cell and rich text, from the first visible sheet', async () => {
    const data = await xlsx((workbook) => {
      const hidden = workbook.addWorksheet('Ẩn', { state: 'hidden' });
      hidden.addRow(['không đọc']);
      const sheet = workbook.addWorksheet('Dữ liệu');
      sheet.addRow([]);
      sheet.addRow(['Mã', 'Tên', 'Ngày thành lập', 'Số đảng viên', 'Hoạt động']);
      sheet.addRow([
        970,
        { richText: [{ text: 'Huyện ủy ' }, { text: 'Đầm Dơi', font: { bold: true } }] },
        new Date(Date.UTC(2019, 7, 20)),
        42,
        true,
      ]);
      sheet.getCell('C3').numFmt = 'dd/mm/yyyy';
      sheet.addRow([]);
      sheet.addRow(['C2', 'Hai', '1/7/2025', '7', 'không']);
      workbook.addWorksheet('Hướng dẫn').addRow(['không đọc']);
    });
    const reader = new ImportReader({ fileName: 'Danh sách.XLSX', data }, COLUMNS);
    const rows = await reader.readAll();
    reader.finish();
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 5]);
    expect(rows[0].record).toMatchObject({
      code: '970',
      name: 'Huyện ủy Đầm Dơi',
      founded: '2019-08-20',
      members: 42,
      active: true,
    });
    expect(rows[1].record).toMatchObject({ code: 'C2', founded: '2025-07-01', members: 7, active: false });
  });

  it('streams from a file path and stops cleanly when the caller breaks off', async () => {
    const data = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('A');
      sheet.addRow(['x']);
      for (let i = 0; i < 50; i += 1) {
        sheet.addRow([i]);
      }
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-import-')), 'lon.xlsx');
    fs.writeFileSync(file, data);
    const seen: number[] = [];
    for await (const row of readTable({ fileName: 'lon.xlsx', filePath: file })) {
      seen.push(row.rowNumber);
      if (seen.length === 3) {
        break;
      }
    }
    expect(seen).toEqual([1, 2, 3]);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('finds the sheet through the workbook, whatever the zip order, part names or absolute targets', async () => {
    // Written as other spreadsheet programs do: the workbook part last in the zip, the sheet under another name,
    // the relationship target absolute, and a hidden sheet first.
    const original = await xlsx((workbook) => {
      workbook.addWorksheet('Danh mục', { state: 'hidden' }).addRow(['không nhập']);
      const sheet = workbook.addWorksheet('Dữ liệu');
      sheet.addRow(['Mã', 'Ngày']);
      sheet.addRow(['A1', new Date(Date.UTC(2019, 7, 20))]);
    });
    const zip = await JSZip.loadAsync(original);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const moved = new JSZip();
    const workbookXml = await zip.file('xl/workbook.xml')!.async('uint8array');
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir && n !== 'xl/workbook.xml')) {
      const content = await zip.file(name)!.async('uint8array');
      if (name === 'xl/worksheets/sheet2.xml') {
        moved.file('xl/worksheets/du-lieu.xml', content);
      } else if (name === 'xl/_rels/workbook.xml.rels') {
        moved.file(name, rels.replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/du-lieu.xml"'));
      } else if (name === '[Content_Types].xml') {
        const types = new TextDecoder().decode(content);
        moved.file(name, types.replace('/xl/worksheets/sheet2.xml', '/xl/worksheets/du-lieu.xml'));
      } else {
        moved.file(name, content);
      }
    }
    moved.file('xl/workbook.xml', workbookXml);
    const data = await moved.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(rels).toContain('Target="worksheets/sheet2.xml"');
    const rows = [];
    for await (const row of readTable({ fileName: 'khac.xlsx', data })) {
      rows.push(row);
    }
    expect(rows.map((r) => r.values)).toEqual([
      ['Mã', 'Ngày'],
      ['A1', new Date(Date.UTC(2019, 7, 20))],
    ]);
  });

  it('refuses other file types, old .xls, renamed and corrupt files with a clear message', async () => {
    const read = async (source: ImportSource) => {
      for await (const _row of readTable(source)) {
        // consume
      }
    };
    await expect(read({ fileName: 'bao-cao.pdf', data: Buffer.from('%PDF-1.7') })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Chỉ nhận tệp .xlsx hoặc .csv; tệp "bao-cao.pdf" không đúng loại.',
    });
    await expect(read({ fileName: 'cu.xls', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) })).rejects.toMatchObject(
      {
        message: /97-2003/,
      },
    );
    await expect(read({ fileName: 'doi-duoi.xlsx', data: Buffer.from('Mã,Tên\n') })).rejects.toMatchObject({
      message: /không phải tệp XLSX hợp lệ/,
    });
    const good = await xlsx((workbook) => workbook.addWorksheet('A').addRow(['x']));
    const corrupt = Buffer.concat([good.subarray(0, 200), Buffer.alloc(100, 7)]);
    await expect(read({ fileName: 'hong.xlsx', data: corrupt })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: /bị hỏng/,
    });
    await expect(read({ fileName: 'nhi-phan.csv', data: good })).rejects.toMatchObject({ message: /CSV UTF-8/ });
  });
});
