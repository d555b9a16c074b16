import fs from 'node:fs';
import { parseCsv } from './csv';
import { detectFormat, openStream, readHead, type ImportSource } from './source';
import { readXlsxBuffer, readXlsxRows, type CellValue, type TableRow } from './xlsx';

/**
 * An XLSX file up to this size, uploaded or on disk (the CLI), is read whole (readXlsxBuffer: never loses a part);
 * larger files stream, which keeps memory flat for the largest imports.
 */
const IN_MEMORY_XLSX_BYTES = 8 * 1024 * 1024;

/** The whole file when it is small enough to read in memory, else undefined (it streams). */
async function smallXlsx(source: ImportSource, limit: number): Promise<Buffer | undefined> {
  if ('data' in source) {
    return source.data.length <= limit ? source.data : undefined;
  }
  const { size } = await fs.promises.stat(source.filePath);
  return size <= limit ? fs.promises.readFile(source.filePath) : undefined;
}

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
export async function* readTable(
  source: ImportSource,
  options: { inMemoryXlsxBytes?: number } = {},
): AsyncGenerator<TableRow> {
  const format = detectFormat(source.fileName, await readHead(source));
  const whole =
    format === 'xlsx' ? await smallXlsx(source, options.inMemoryXlsxBytes ?? IN_MEMORY_XLSX_BYTES) : undefined;
  const stream = openStream(source);
  try {
    const rows = format === 'csv' ? csvRows(stream) : whole ? readXlsxBuffer(whole) : readXlsxRows(stream);
    for await (const row of rows) {
      if (!row.values.every(isEmptyCell)) {
        yield row;
      }
    }
  } finally {
    stream.destroy();
  }
}
