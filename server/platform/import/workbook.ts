import ExcelJS from 'exceljs';
import { columnLetter, headerOf, type ColumnSpec } from './columns';
import type { CellValue } from './xlsx';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const GUIDE_SHEET = 'Hướng dẫn';
const LISTS_SHEET = 'Danh mục';

export interface WorkbookOptions {
  /** The data sheet, always the first: the importer reads the first visible sheet. */
  sheetName: string;
  columns: readonly ColumnSpec[];
  /** Data rows keyed by column key; a date column takes `YYYY-MM-DD` and is written as a real date cell. */
  rows?: Iterable<Record<string, CellValue | undefined>>;
  /** Lines printed above the column table on the guide sheet. */
  notes?: readonly string[];
  /**
   * Drop-down lists known only at request time, by column key (the campaign codes the caller may see), beside the
   * columns' fixed choices. An empty list adds no drop-down.
   */
  lists?: Readonly<Record<string, readonly string[]>>;
  /** Rows below the header that get drop-down lists (default: the data rows plus 1,000). */
  validationRows?: number;
}

/** exceljs has `dataValidations.add` on a worksheet but leaves it out of its typings. */
interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function toUtcDate(iso: string): Date {
  // exceljs turns a Date into an Excel serial through UTC, so UTC midnight lands on the intended calendar day.
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function writeGuide(workbook: ExcelJS.Workbook, options: WorkbookOptions): void {
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 28 }, { width: 11 }, { width: 48 }, { width: 60 }, { width: 22 }];
  const notes = [
    `Điền dữ liệu ở trang "${options.sheetName}", mỗi dòng một bản ghi, bắt đầu từ dòng 2; giữ nguyên dòng tiêu đề.`,
    'Tiêu đề cột có thể viết tiếng Việt hoặc tiếng Anh, có dấu hoặc không dấu; thứ tự cột tùy ý.',
    'Ngày viết theo dạng DD/MM/YYYY (ví dụ 20/08/2019) hoặc định dạng ô ngày của Excel.',
    'Cả tệp được kiểm tra trước khi ghi: nếu có lỗi, hệ thống liệt kê từng lỗi theo dòng và cột và không ghi gì.',
    ...(options.notes ?? []),
  ];
  guide.addRow(['Hướng dẫn nhập dữ liệu']).font = { bold: true, size: 14 };
  notes.forEach((note) => guide.addRow([`• ${note}`]));
  guide.addRow([]);
  const head = guide.addRow(['Cột', 'Bắt buộc', 'Giá trị được nhận', 'Ý nghĩa', 'Ví dụ']);
  head.font = { bold: true };
  for (const column of options.columns) {
    const accepted = [
      column.parse.hint,
      `Tên cột khác được nhận: ${[...column.labels.slice(1), column.key].join(', ')}`,
    ]
      .filter(Boolean)
      .join('\n');
    const row = guide.addRow([
      headerOf(column),
      column.required ? 'Có' : 'Không',
      accepted,
      column.description ?? '',
      column.example ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

function listMessage(choices: readonly string[]): string {
  const full = `Chọn một giá trị trong danh sách: ${choices.join('; ')}`;
  return full.length <= 255 ? full : 'Chọn một giá trị trong danh sách thả xuống.';
}

/**
 * An XLSX with one data sheet (bold frozen header, drop-downs on columns with fixed choices), a guide sheet explaining
 * every column, and a hidden sheet holding the drop-down lists — an inline list cannot hold labels with commas and
 * is capped at 255 characters. With `rows` it is an export that the same importer reads back.
 */
export async function writeWorkbook(options: WorkbookOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((column) => ({
    key: column.key,
    header: headerOf(column),
    width: column.width ?? Math.max(14, headerOf(column).length + 4),
    // Text columns stay text, so a code typed as 0123 keeps its leading zero.
    style: {
      numFmt: column.parse.cellType === 'date' ? 'dd/mm/yyyy' : column.parse.cellType === 'text' ? '@' : 'General',
    },
  }));
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });

  let rowCount = 0;
  for (const record of options.rows ?? []) {
    const values = options.columns.map((column) => {
      const value = record[column.key];
      if (typeof value === 'string' && column.parse.cellType === 'date') {
        return toUtcDate(value);
      }
      return value ?? null;
    });
    sheet.addRow(values);
    rowCount += 1;
  }

  writeGuide(workbook, options);
  const choicesOf = (column: ColumnSpec) => options.lists?.[column.key] ?? column.parse.choices ?? [];
  const listed = options.columns.filter((column) => choicesOf(column).length > 0);
  if (listed.length > 0) {
    const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    const lastRow = 1 + (options.validationRows ?? rowCount + 1000);
    listed.forEach((column, listIndex) => {
      const choices = choicesOf(column);
      const letter = columnLetter(listIndex);
      lists.getCell(`${letter}1`).value = headerOf(column);
      choices.forEach((choice, i) => (lists.getCell(`${letter}${i + 2}`).value = choice));
      const dataLetter = columnLetter(options.columns.indexOf(column));
      (sheet as unknown as WithDataValidations).dataValidations.add(`${dataLetter}2:${dataLetter}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${choices.length + 1}`],
        showErrorMessage: true,
        // A warning, not a stop: the importer also takes the English keys, which are not in the list.
        errorStyle: 'warning',
        errorTitle: headerOf(column),
        // Excel caps the message at 255 characters: a long list (campaign codes) is named, not spelled out.
        error: listMessage(choices),
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback (diacritics dropped) for old clients and the
 * exact name per RFC 5987 for the rest.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+\./g, '.')
    .replace(/^-+|-+$/g, '');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii || 'tep.xlsx'}"; filename*=UTF-8''${encoded}`;
}
