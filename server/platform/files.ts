import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { validationFailed } from './errors';

/** The largest attachment accepted: a scanned decision or a set of photos, not a video. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FileType {
  mimeType: string;
  /** Extensions a file of this type may carry, lower case without the dot. */
  extensions: readonly string[];
  label: string;
}

const PDF: FileType = { mimeType: 'application/pdf', extensions: ['pdf'], label: 'PDF' };
const DOCX: FileType = {
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['docx'],
  label: 'Word (DOCX)',
};
const XLSX: FileType = {
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['xlsx'],
  label: 'Excel (XLSX)',
};
const JPEG: FileType = { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' };
const PNG: FileType = { mimeType: 'image/png', extensions: ['png'], label: 'PNG' };
const WEBP: FileType = { mimeType: 'image/webp', extensions: ['webp'], label: 'WebP' };

export const ACCEPTED_FILE_TYPES: readonly FileType[] = [PDF, DOCX, XLSX, JPEG, PNG, WEBP];
export const ACCEPTED_FILE_EXTENSIONS = ACCEPTED_FILE_TYPES.flatMap((type) => type.extensions);

const ACCEPTED_HINT = 'PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG, WebP';

function startsWith(data: Buffer, bytes: number[], offset = 0): boolean {
  return data.length >= offset + bytes.length && bytes.every((byte, i) => data[offset + i] === byte);
}

/**
 * One member of a ZIP archive, read through its central directory (no library: an Office file needs only
 * `[Content_Types].xml`). Inflation is capped, so a crafted archive cannot blow up memory.
 */
export function readZipEntry(data: Buffer, name: string, maxBytes = 1024 * 1024): Buffer | undefined {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    return undefined;
  }
  const entries = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) {
      return undefined;
    }
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const entryName = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== 0x04034b50) {
        return undefined;
      }
      const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
      if (start + compressedSize > data.length) {
        return undefined;
      }
      const raw = data.subarray(start, start + compressedSize);
      try {
        if (method === 0) {
          return raw.length <= maxBytes ? raw : undefined;
        }
        return method === 8 ? zlib.inflateRawSync(raw, { maxOutputLength: maxBytes }) : undefined;
      } catch {
        return undefined;
      }
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

/** Word or Excel by the main part's content type; anything else in a ZIP (ODT, DOCM, plain archives) is refused. */
function officeType(data: Buffer): FileType | undefined {
  const types = readZipEntry(data, '[Content_Types].xml')?.toString('utf8');
  if (!types) {
    return undefined;
  }
  if (types.includes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')) {
    return DOCX;
  }
  if (types.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) {
    return XLSX;
  }
  return undefined;
}

/** The type the content really is, by its first bytes (and for Office files, by what the archive declares). */
export function detectFileType(data: Buffer): FileType | undefined {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return PDF;
  }
  if (startsWith(data, [0xff, 0xd8, 0xff])) {
    return JPEG;
  }
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return PNG;
  }
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) {
    return WEBP;
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    return officeType(data);
  }
  return undefined;
}

/** A file name safe to store and to send back: no folders, no control characters, NFC, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // A control character in a name would break the Content-Disposition header on download.
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f]/g;
  const cleaned = base.normalize('NFC').replace(controls, '').trim();
  if (cleaned.length <= 200) {
    return cleaned;
  }
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - extension.length) + extension;
}

function refuse(message: string): never {
  throw validationFailed(message, [{ path: 'body.file', message }]);
}

/**
 * Checks an upload: not empty, at most 20 MB, a type we accept by its content, and a name whose extension agrees
 * with that content (a renamed file would open in the wrong program). Throws VALIDATION_FAILED in Vietnamese.
 */
export function checkUpload(fileName: string, data: Buffer): FileType {
  if (data.length === 0) {
    refuse(`Tệp "${fileName}" rỗng.`);
  }
  if (data.length > MAX_FILE_BYTES) {
    refuse(`Tệp "${fileName}" lớn hơn 20 MB; hãy nén hoặc chia nhỏ rồi gửi lại.`);
  }
  const type = detectFileType(data);
  if (!type) {
    refuse(`Tệp "${fileName}" không phải ${ACCEPTED_HINT} (nội dung tệp không đúng định dạng).`);
  }
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!type.extensions.includes(extension)) {
    refuse(`Tên tệp "${fileName}" không khớp với nội dung (${type.label}); hãy dùng đuôi .${type.extensions[0]}.`);
  }
  return type;
}

export function sha256Of(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Where the content with this hash lives: `<dataDir>/files/<aa>/<bb>/<sha256>`. */
export function storedFilePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw new Error(`not a sha256: ${sha256}`);
  }
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export interface StoredContent {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  /** False when the same content was already stored (nothing written). */
  isNew: boolean;
}

/**
 * Stores content once by its SHA-256. The bytes go to a temporary file in the same folder, are flushed, then renamed
 * into place, so a reader never sees half a file and two uploads of the same content cannot corrupt each other.
 */
export async function storeContent(dataDir: string, data: Buffer, mimeType: string): Promise<StoredContent> {
  const sha256 = sha256Of(data);
  const target = storedFilePath(dataDir, sha256);
  const result = { sha256, sizeBytes: data.length, mimeType };
  if (fs.existsSync(target)) {
    return { ...result, isNew: false };
  }
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.promises.open(temporary, 'wx', 0o640);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
  return { ...result, isNew: true };
}

/** A read stream of stored content, or undefined when the file is missing on disk. */
export function openStoredContent(dataDir: string, sha256: string): fs.ReadStream | undefined {
  const file = storedFilePath(dataDir, sha256);
  return fs.existsSync(file) ? fs.createReadStream(file) : undefined;
}
