import { parseCsv } from './csv';
import { detectFormat, openStream, readHead, type ImportSource } from './source';
import { readXlsxBuffer, readXlsxRows, type CellValue, type TableRow } from './xlsx';

/**
 * An upload up to this size is read whole (readXlsxBuffer: never loses a part); larger files and files on disk (the
 * CLI) stream, which keeps memory flat for 100,000-row imports.
 */
const IN_MEMORY_XLSX_BYTES = 8 * 1024 * 1024;

export function isEmptyCell(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

async function* csvRows(stream: AsyncIterable<Buffer>): AsyncGenerator<TableRow> {
  let rowNumber = 0;
  for await (const values of parseCsv(stream)) {
    rowNumber += 1;
    yield { rowNumber, values };
  }
}

/**
 * Rows of an XLSX (first visible sheet) or CSV file, one at a time, fully empty rows skipped. Unreadable files throw
 * VALIDATION_FAILED with a message for the user. Stopping early (break) closes the underlying stream.
 */
export async function* readTable(source: ImportSource): AsyncGenerator<TableRow> {
  const format = detectFormat(source.fileName, await readHead(source));
  const stream = openStream(source);
  try {
    const rows =
      format === 'csv'
        ? csvRows(stream)
        : 'data' in source && source.data.length <= IN_MEMORY_XLSX_BYTES
          ? readXlsxBuffer(source.data)
          : readXlsxRows(stream);
    for await (const row of rows) {
      if (!row.values.every(isEmptyCell)) {
        yield row;
      }
    }
  } finally {
    stream.destroy();
  }
}
