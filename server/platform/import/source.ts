import fs from 'node:fs';
import { Readable } from 'node:stream';
import { unreadableFile } from './errors';

/**
 * A file to import: its bytes (an upload) or a path (the CLI, large files), and its name as the user gave it — the
 * name picks the format and appears in messages and the audit log.
 */
export type ImportSource = { fileName: string; data: Buffer } | { fileName: string; filePath: string };

export type ImportFormat = 'xlsx' | 'csv';

export const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'] as const;

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

/** The file's first bytes, enough to tell a zip (XLSX) from an old Excel file or text. */
export async function readHead(source: ImportSource, length = 512): Promise<Buffer> {
  if ('data' in source) {
    return source.data.subarray(0, length);
  }
  const handle = await fs.promises.open(source.filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The format from the file name, checked against the content: users rename files, and Excel 97-2003 `.xls` or a
 * spreadsheet saved as something else must get a message that says what to do, not a parser's stack trace.
 */
export function detectFormat(fileName: string, head: Buffer): ImportFormat {
  const extension = extensionOf(fileName);
  const isZip = head.subarray(0, 4).equals(ZIP_SIGNATURE);
  const isOle = head.subarray(0, 4).equals(OLE_SIGNATURE);
  if (extension === '.xls' || (isOle && extension !== '.csv')) {
    throw unreadableFile('Tệp Excel 97-2003 (.xls) không được hỗ trợ; hãy mở bằng Excel và lưu thành .xlsx.');
  }
  if (extension === '.xlsx') {
    if (!isZip) {
      throw unreadableFile(`Tệp "${fileName}" không phải tệp XLSX hợp lệ (có thể đã hỏng hoặc bị đổi đuôi).`);
    }
    return 'xlsx';
  }
  if (extension === '.csv') {
    if (isZip || isOle || head.includes(0)) {
      throw unreadableFile(`Tệp "${fileName}" không phải tệp CSV dạng văn bản; hãy lưu lại dưới dạng "CSV UTF-8".`);
    }
    return 'csv';
  }
  throw unreadableFile(`Chỉ nhận tệp .xlsx hoặc .csv; tệp "${fileName}" không đúng loại.`);
}

/** A stream over the source; the caller destroys it when it stops early, so a file descriptor is never left open. */
export function openStream(source: ImportSource): Readable {
  return 'data' in source ? Readable.from([source.data]) : fs.createReadStream(source.filePath);
}
