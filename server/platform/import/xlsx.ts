import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { unreadableFile } from './errors';

/** A cell as the importer sees it: formulas, rich text and hyperlinks already reduced to what the cell shows. */
export type CellValue = string | number | boolean | Date | null;

export interface TableRow {
  /** The row number the user sees in Excel (for CSV: the record's line, header = 1). */
  rowNumber: number;
  /** Cell values from column A (index 0). */
  values: CellValue[];
}

/** Reduces an exceljs cell value to a plain value. */
export function plainCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return (object.richText as { text?: string }[]).map((run) => run.text ?? '').join('');
    }
    if ('formula' in object || 'sharedFormula' in object) {
      return plainCellValue(object.result);
    }
    if (typeof object.text === 'string') {
      return object.text;
    }
    if (typeof object.error === 'string') {
      return object.error;
    }
  }
  return String(value);
}

interface SheetMeta {
  name: string;
  state?: string;
}

const isHidden = (sheet: SheetMeta) => sheet.state === 'hidden' || sheet.state === 'veryHidden';

/**
 * Streams the rows of the first visible worksheet (templates carry hidden list sheets and a guide sheet after it).
 * exceljs' streaming reader keeps memory flat for 100,000-row files; styles are cached because a date cell is only a
 * number with a date format.
 */
export async function* readXlsxRows(stream: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const model = reader as unknown as { model?: { sheets?: SheetMeta[] } };
  let hasSheet = false;
  try {
    for await (const worksheet of reader) {
      const meta = worksheet as unknown as SheetMeta;
      const first = model.model?.sheets?.find((sheet) => !isHidden(sheet));
      if (hasSheet || isHidden(meta) || (first && first.name !== meta.name)) {
        // Drained rather than abandoned: exceljs may have parked the sheet in a temporary file with an open stream.
        for await (const _row of worksheet) {
          // skip
        }
        continue;
      }
      hasSheet = true;
      for await (const row of worksheet) {
        const raw = row.values as unknown[];
        const values: CellValue[] = [];
        for (let col = 1; col < raw.length; col++) {
          values.push(plainCellValue(raw[col]));
        }
        yield { rowNumber: row.number, values };
      }
    }
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw unreadableFile('Không đọc được tệp XLSX: tệp bị hỏng hoặc không đúng định dạng Excel (.xlsx).');
  }
  if (!hasSheet) {
    throw unreadableFile('Tệp XLSX không có trang tính nào để nhập.');
  }
}

/**
 * The rows of the first visible worksheet of a workbook already in memory (an upload), read through its central
 * directory. exceljs' streaming reader loses a zip entry now and then when its consumer is slow (exceljs#3064: its
 * stream iterator pauses the entry stream, which ends meanwhile); the workbook part, which exceljs and this app write
 * last, is the one lost, and a good file was refused as damaged about once in a few hundred test runs.
 */
export async function* readXlsxBuffer(data: Buffer): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadableFile('Không đọc được tệp XLSX: tệp bị hỏng hoặc không đúng định dạng Excel (.xlsx).');
  }
  const sheet = workbook.worksheets.find((candidate) => !isHidden(candidate));
  if (!sheet) {
    throw unreadableFile('Tệp XLSX không có trang tính nào để nhập.');
  }
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    if (!row.hasValues) {
      continue;
    }
    const raw = row.values as unknown[];
    const values: CellValue[] = [];
    for (let col = 1; col < raw.length; col++) {
      values.push(plainCellValue(raw[col]));
    }
    yield { rowNumber, values };
  }
}
