import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { checkUpload, cleanFileName, detectFileType, readZipEntry, storeContent, storedFilePath } from './files';

/** A ZIP archive built by hand: each entry deflated (or stored), with its central directory. */
function zip(entries: Record<string, string>, method: 0 | 8 = 8): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const raw = Buffer.from(text, 'utf8');
    const data = method === 8 ? zlib.deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types><Override PartName="/main.xml" ContentType="${main}"/></Types>`;
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

describe('detectFileType', () => {
  it('knows PDF, JPEG, PNG and WebP by their first bytes', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n'))?.mimeType).toBe('application/pdf');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.mimeType).toBe('image/jpeg');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mimeType).toBe(
      'image/png',
    );
    expect(detectFileType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))?.mimeType).toBe('image/webp');
    expect(detectFileType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeUndefined();
    expect(detectFileType(Buffer.from('Đây không phải PDF'))).toBeUndefined();
  });

  it('tells Word from Excel by the archive’s [Content_Types].xml, and refuses other archives', () => {
    expect(detectFileType(zip({ '[Content_Types].xml': contentTypes(DOCX_MAIN) }))?.extensions).toEqual(['docx']);
    expect(
      detectFileType(zip({ 'a.txt': 'x', '[Content_Types].xml': contentTypes(XLSX_MAIN) }, 0))?.extensions,
    ).toEqual(['xlsx']);
    expect(detectFileType(zip({ 'a.txt': 'chỉ là một tệp nén' }))).toBeUndefined();
    const macro = contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml');
    expect(detectFileType(zip({ '[Content_Types].xml': macro }))).toBeUndefined();
    const truncated = zip({ '[Content_Types].xml': contentTypes(DOCX_MAIN) }).subarray(0, 40);
    expect(detectFileType(truncated)).toBeUndefined();
  });

  it('caps what it inflates', () => {
    const archive = zip({ '[Content_Types].xml': 'x'.repeat(4096) });
    expect(readZipEntry(archive, '[Content_Types].xml', 1024)).toBeUndefined();
    expect(readZipEntry(archive, '[Content_Types].xml')?.length).toBe(4096);
  });
});

describe('checkUpload', () => {
  const refusal = (fileName: string, data: Buffer): string => {
    try {
      checkUpload(fileName, data);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details?.[0].path).toBe('body.file');
      return (error as AppError).message;
    }
    throw new Error('accepted');
  };

  it('accepts a file whose name agrees with its content, in any case', () => {
    expect(checkUpload('Ảnh hội nghị.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe1])).mimeType).toBe('image/jpeg');
  });

  it('refuses in Vietnamese: empty, unknown content, a renamed file', () => {
    expect(refusal('a.pdf', Buffer.alloc(0))).toContain('rỗng');
    expect(refusal('a.pdf', Buffer.from('<html>'))).toContain('không phải PDF');
    expect(refusal('a.docx', Buffer.from('%PDF-1.4'))).toContain('không khớp');
    expect(refusal('khong-duoi', Buffer.from('%PDF-1.4'))).toContain('.pdf');
  });
});

describe('cleanFileName', () => {
  it('keeps the Vietnamese name, drops folders and control characters, shortens keeping the extension', () => {
    expect(cleanFileName('C:\\Tài liệu\\Quyết định 123-QĐ.pdf')).toBe('Quyết định 123-QĐ.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    // Decomposed (NFD) input from macOS becomes composed.
    expect(cleanFileName('Ho\u0302\u0300.pdf')).toBe('Hồ.pdf');
    const long = cleanFileName(`${'x'.repeat(300)}.docx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.docx')).toBe(true);
  });
});

describe('storeContent', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-files-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('writes content once under files/<aa>/<bb>/<sha256>, leaving no temporary file', async () => {
    const data = Buffer.from('%PDF-1.4 một lần thôi');
    const first = await storeContent(dataDir, data, 'application/pdf');
    const second = await storeContent(dataDir, data, 'application/pdf');
    expect(first.isNew).toBe(true);
    expect(second.isNew).toBe(false);
    const file = storedFilePath(dataDir, first.sha256);
    expect(path.relative(dataDir, file)).toBe(
      path.join('files', first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256),
    );
    expect(fs.readFileSync(file).equals(data)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual([first.sha256]);
    expect(() => storedFilePath(dataDir, '../x')).toThrow();
  });
});
