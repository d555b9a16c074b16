import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper, { type CentralDirectoryFile } from 'unzipper';
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

/** What of exceljs' streaming WorkbookReader this reader drives, part by part (exceljs 4.4.0, pinned). */
interface WorkbookParts {
  model?: { sheets?: (SheetMeta & { rId: string })[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

const damaged = () => unreadableFile('Không đọc được tệp XLSX: tệp bị hỏng hoặc không đúng định dạng Excel (.xlsx).');

/**
 * Streams the rows of the first visible worksheet (templates carry hidden list sheets and a guide sheet after it) of
 * an XLSX file on disk or in memory.
 *
 * The zip is read through its central directory, each part found by name and parsed in the order the rows need:
 * relationships, workbook (sheet names and visibility), shared strings, styles (a date cell is only a number with a
 * date format), then that one sheet, row by row, so memory stays flat for 100,000-row files. exceljs' own streaming
 * reader walks the zip front to back instead and now and then loses a part when its consumer is slow
 * (exceljs#3064: its iterator pauses an entry stream that ends meanwhile) — the workbook part, which exceljs and this
 * app write last, so a good file was refused as damaged about once in a few hundred test runs. Only the part
 * parsers of exceljs' reader are used here.
 */
export async function* readXlsxRows(source: { filePath: string } | { data: Buffer }): AsyncGenerator<TableRow> {
  let files: Map<string, CentralDirectoryFile>;
  try {
    const directory = await ('filePath' in source
      ? unzipper.Open.file(source.filePath)
      : unzipper.Open.buffer(source.data));
    files = new Map(directory.files.map((file) => [file.path.replace(/^\//, ''), file]));
  } catch {
    throw damaged();
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookParts;
  let rows: AsyncIterable<ExcelJS.Row>;
  let sheetStream: Readable | undefined;
  try {
    const part = (name: string) => files.get(name)?.stream();
    const rels = part('xl/_rels/workbook.xml.rels');
    const workbook = part('xl/workbook.xml');
    if (!rels || !workbook) {
      throw damaged();
    }
    await reader._parseRels(rels);
    await reader._parseWorkbook(workbook);
    const sharedStrings = part('xl/sharedStrings.xml');
    if (sharedStrings) {
      for await (const _ of reader._parseSharedStrings(sharedStrings)) {
        // cached by the reader
      }
    }
    const styles = part('xl/styles.xml');
    if (styles) {
      await reader._parseStyles(styles);
    }
    const sheet = reader.model?.sheets?.find((candidate) => !isHidden(candidate));
    if (!sheet) {
      throw unreadableFile('Tệp XLSX không có trang tính nào để nhập.');
    }
    // A relationship target is relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml").
    const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target ?? '';
    const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheetStream = part(sheetPath);
    if (!sheetStream) {
      throw damaged();
    }
    const sheetNo = /(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
    rows = [...reader._parseWorksheet(sheetStream, sheetNo)][0].value;
  } catch (error) {
    throw error instanceof AppError ? error : damaged();
  }
  try {
    for await (const row of rows) {
      const raw = row.values as unknown[];
      const values: CellValue[] = [];
      for (let col = 1; col < raw.length; col++) {
        values.push(plainCellValue(raw[col]));
      }
      yield { rowNumber: row.number, values };
    }
  } catch (error) {
    throw error instanceof AppError ? error : damaged();
  } finally {
    // Stopped early, or failed: the sheet's stream is closed now, not left to the garbage collector.
    sheetStream?.destroy();
  }
}
