import { parseCsv } from './csv';
import { detectFormat, openStream, readHead, type ImportSource } from './source';
import { readXlsxRows, type CellValue, type TableRow } from './xlsx';

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
  const stream = format === 'csv' ? openStream(source) : undefined;
  try {
    const rows = stream ? csvRows(stream) : readXlsxRows(source);
    for await (const row of rows) {
      if (!row.values.every(isEmptyCell)) {
        yield row;
      }
    }
  } finally {
    stream?.destroy();
  }
}
