import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';

async function records(...chunks: (string | Buffer)[]): Promise<string[][]> {
  const out: string[][] = [];
  const source = (async function* () {
    for (const chunk of chunks) {
      yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    }
  })();
  for await (const record of parseCsv(source)) {
    out.push(record);
  }
  return out;
}

describe('parseCsv', () => {
  it('reads RFC 4180 quoting: delimiters, escaped quotes and line breaks inside quotes', async () => {
    const text = 'Mã,Tên,Ghi chú\r\n96,"Tỉnh ủy Cà Mau, khóa XVI","Dòng 1\nDòng 2"\r\n970,"Huyện ủy ""Đầm Dơi""",\r\n';
    expect(await records(text)).toEqual([
      ['Mã', 'Tên', 'Ghi chú'],
      ['96', 'Tỉnh ủy Cà Mau, khóa XVI', 'Dòng 1\nDòng 2'],
      ['970', 'Huyện ủy "Đầm Dơi"', ''],
    ]);
  });

  it('drops a UTF-8 BOM and keeps the last line without a line break', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const result = await records(Buffer.concat([bom, Buffer.from('Mã;Tên\n96;Tỉnh ủy')]));
    expect(result).toEqual([
      ['Mã', 'Tên'],
      ['96', 'Tỉnh ủy'],
    ]);
    expect(result[0][0]).toBe('Mã');
  });

  it('detects semicolons from the header line, not from the data', async () => {
    expect(await records('Mã;Tên;Loại\n96;"Cà Mau, Bạc Liêu";province\n')).toEqual([
      ['Mã', 'Tên', 'Loại'],
      ['96', 'Cà Mau, Bạc Liêu', 'province'],
    ]);
  });

  it('survives chunks split inside a multi-byte letter, a quote pair and a CR LF', async () => {
    const whole = Buffer.from('Mã,Tên\r\n1,"Đảng ủy ""xã"""\r\n2,Hòa Bình\r\n', 'utf8');
    const chunks: Buffer[] = [];
    for (let i = 0; i < whole.length; i += 1) {
      chunks.push(whole.subarray(i, i + 1));
    }
    expect(await records(...chunks)).toEqual([
      ['Mã', 'Tên'],
      ['1', 'Đảng ủy "xã"'],
      ['2', 'Hòa Bình'],
    ]);
  });

  it('counts empty lines as rows, as Excel shows them', async () => {
    expect(await records('\n\nMã,Tên\n\n96,A\n')).toEqual([[''], [''], ['Mã', 'Tên'], [''], ['96', 'A']]);
  });

  it('refuses a file that is not UTF-8, saying how to save it', async () => {
    const latin1 = Buffer.from('Mã,Tên\n96,Cà Mau\n', 'latin1');
    await expect(records(latin1)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /UTF-8/ });
  });

  it('refuses an unterminated quote, naming the row where it opened', async () => {
    await expect(records('Mã,Tên\n96,"Cà Mau\n970,Đầm Dơi\n')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: /dòng 2/,
    });
  });
});

describe('detectDelimiter', () => {
  it('counts outside quotes and falls back to a comma', () => {
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('"a,b,c";d;e')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('Mã')).toBe(',');
  });
});
