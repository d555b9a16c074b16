import { unreadableFile } from './errors';

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The delimiter of the header line: Excel in a Vietnamese (or any comma-decimal) locale saves CSV with `;`, elsewhere
 * with `,`. Counted outside quotes, so a header such as `"Tên, đơn vị";Mã` is read right.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const char of headerLine) {
    if (char === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && (char === ',' || char === ';' || char === '\t')) {
      counts[char] += 1;
    }
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ',';
}

/**
 * An RFC 4180 record parser fed text in chunks of any size (a quote, a CR LF or a field may be split across chunks).
 * `push` returns the records completed so far; `end` the last one.
 */
export class CsvRecordParser {
  private record: string[] = [];
  private field = '';
  private inQuotes = false;
  /** Just closed a quoted section: a second quote is an escaped quote, anything else continues the field. */
  private afterQuote = false;
  private afterCr = false;
  private isFieldStarted = false;
  private records = 0;
  private quoteOpenedAt = 0;

  constructor(private readonly delimiter: CsvDelimiter) {}

  push(text: string): string[][] {
    const done: string[][] = [];
    for (const char of text) {
      if (this.afterCr) {
        this.afterCr = false;
        if (char === '\n') {
          continue;
        }
      }
      if (this.inQuotes) {
        if (char === '"') {
          this.inQuotes = false;
          this.afterQuote = true;
        } else {
          this.field += char;
        }
        continue;
      }
      // A quote opens a quoted section only at the start of a field; `""` inside one is a literal quote; a stray
      // quote in the middle of a plain field is kept as it is, the way Excel reads it.
      if (char === '"' && (this.afterQuote || this.field === '')) {
        if (this.afterQuote) {
          this.field += '"';
        } else {
          this.quoteOpenedAt = this.records + 1;
        }
        this.inQuotes = true;
        this.afterQuote = false;
        this.isFieldStarted = true;
        continue;
      }
      this.afterQuote = false;
      if (char === this.delimiter) {
        this.endField();
      } else if (char === '\n' || char === '\r') {
        this.afterCr = char === '\r';
        done.push(this.endRecord());
      } else {
        this.field += char;
        this.isFieldStarted = true;
      }
    }
    return done;
  }

  end(): string[][] {
    if (this.inQuotes) {
      throw unreadableFile(
        `Tệp CSV lỗi: dấu ngoặc kép mở ở dòng ${this.quoteOpenedAt} không được đóng; hãy kiểm tra lại tệp.`,
      );
    }
    // A last line without a line break still counts; a trailing line break does not add an empty record.
    return this.isFieldStarted || this.record.length > 0 ? [this.endRecord()] : [];
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.isFieldStarted = true;
  }

  private endRecord(): string[] {
    this.record.push(this.field);
    const record = this.record;
    this.record = [];
    this.field = '';
    this.isFieldStarted = false;
    this.afterQuote = false;
    this.records += 1;
    return record;
  }
}

/** The first line holding anything but white space, or undefined while it is not complete yet. */
function firstNonEmptyLine(text: string, isFinal: boolean): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const complete = isFinal ? lines : lines.slice(0, -1);
  return complete.find((line) => line.trim() !== '');
}

/**
 * Streams CSV records from raw bytes: UTF-8 with or without a BOM (a strict decoder, so a file saved in a legacy
 * code page is refused with a message instead of importing mangled Vietnamese), delimiter detected on the header line.
 */
export async function* parseCsv(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string[]> {
  // The default ignoreBOM: false makes the decoder drop a leading BOM.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer | string): string => {
    try {
      return typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      throw unreadableFile(
        'Tệp CSV không được mã hóa UTF-8; trong Excel hãy chọn Lưu thành "CSV UTF-8 (Comma delimited)".',
      );
    }
  };
  let parser: CsvRecordParser | undefined;
  let pending = '';
  const feed = (text: string, isFinal: boolean): string[][] => {
    if (!parser) {
      pending += text;
      const header = firstNonEmptyLine(pending, isFinal);
      if (header === undefined) {
        return [];
      }
      parser = new CsvRecordParser(detectDelimiter(header));
      text = pending;
      pending = '';
    }
    return parser.push(text);
  };
  for await (const chunk of chunks) {
    yield* feed(decode(chunk), false);
  }
  yield* feed(decode(), true);
  if (parser) {
    yield* parser.end();
  }
}
