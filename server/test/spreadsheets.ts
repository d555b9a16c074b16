import ExcelJS from 'exceljs';

export type SheetCell = string | number | boolean | Date | null;

/** An XLSX whose first sheet holds `rows` (the first is the header), as a user's Excel file would. */
export async function xlsxFile(
  rows: SheetCell[][],
  options: { sheetName?: string; dateFormat?: string } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  rows.forEach((values) => {
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) {
        cell.numFmt = options.dateFormat ?? 'dd/mm/yyyy';
      }
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A calendar day as Excel stores a date cell (UTC midnight, which exceljs reads and writes). */
export const excelDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export async function loadWorkbook(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data, 'binary');
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The first sheet's rows as plain arrays (column A first, empty cells null), header included. */
export async function readSheetRows(data: Buffer): Promise<SheetCell[][]> {
  const sheet = (await loadWorkbook(data)).worksheets[0];
  const rows: SheetCell[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    // exceljs leaves trailing empty cells out; pad every row to the sheet's width so rows compare whole.
    const padded = Array.from({ length: sheet.columnCount }, (_, i) => values[i]);
    rows.push(padded.map((value) => (value === undefined || value === null ? null : (value as SheetCell))));
  });
  return rows;
}

/** CSV text with a UTF-8 BOM, as Excel's "CSV UTF-8" writes it; fields quoted when they need it. */
export function csvFile(rows: (string | null)[][], delimiter = ','): Buffer {
  const quote = (value: string | null) => {
    const text = value ?? '';
    return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}
