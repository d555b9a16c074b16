import { describe, expect, it } from 'vitest';
import type { Parser, ParseResult } from './columns';
import { date, enumOf, integer, parseDateText, requiredText, text, yesNo } from './parsers';
import type { CellValue } from './xlsx';

const row = { rowNumber: 2, raw: () => null };
const run = <V>(parser: Parser<V>, raw: CellValue): ParseResult<V> => parser(raw, row);
const value = <V>(parser: Parser<V>, raw: CellValue): V => {
  const result = run(parser, raw);
  if (!result.ok) {
    throw new Error(`expected a value for ${String(raw)}, got: ${result.message}`);
  }
  return result.value;
};
const message = (parser: Parser<unknown>, raw: CellValue): string => {
  const result = run(parser, raw);
  if (result.ok) {
    throw new Error(`expected an error for ${String(raw)}`);
  }
  return result.message;
};

describe('text parsers', () => {
  it('trims, enforces length, and turns numbers Excel made of codes back into text', () => {
    expect(value(text({ max: 10 }), '  Cà Mau  ')).toBe('Cà Mau');
    expect(value(text(), 970)).toBe('970');
    expect(value(text(), '   ')).toBeNull();
    expect(message(text({ max: 3 }), 'Bạc Liêu')).toBe('Dài 8 ký tự; tối đa 3 ký tự.');
    expect(message(text({ min: 2 }), 'A')).toMatch(/ít nhất 2/);
  });

  it('requiredText refuses an empty cell', () => {
    expect(message(requiredText(), '')).toMatch(/bắt buộc/);
    expect(message(requiredText(), null)).toMatch(/bắt buộc/);
    expect(value(requiredText(), 'x')).toBe('x');
  });
});

describe('date', () => {
  it('reads ISO, DD/MM/YYYY and D/M/YYYY text', () => {
    expect(value(date(), '2019-08-20')).toBe('2019-08-20');
    expect(value(date(), '20/08/2019')).toBe('2019-08-20');
    expect(value(date(), '1/7/2025')).toBe('2025-07-01');
    expect(value(date(), '01.07.2025')).toBe('2025-07-01');
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
  });

  it('reads an Excel date cell (UTC midnight) as its calendar day, whatever the server time zone', () => {
    expect(value(date(), new Date(Date.UTC(2019, 7, 20)))).toBe('2019-08-20');
    // A serial stored as 43697.99999999 is a hair before midnight; it still means the next day.
    expect(value(date(), new Date(Date.UTC(2019, 7, 21) - 1))).toBe('2019-08-21');
    // The same day as a bare serial, as the streaming reader sees a date cell when styles come late in the zip.
    expect(value(date(), 43697)).toBe('2019-08-20');
    expect(value(date(), 43697.5)).toBe('2019-08-20');
  });

  it('explains an impossible or malformed date and what to write', () => {
    expect(message(date(), '31/02/2019')).toBe('Ngày "31/02/2019" không hợp lệ; dùng DD/MM/YYYY hoặc YYYY-MM-DD.');
    expect(message(date(), '2019/08/20')).toMatch(/không hợp lệ/);
    expect(message(date(), '20/08/19')).toMatch(/không hợp lệ/);
    expect(message(date(), 2019)).toMatch(/"2019" không hợp lệ/);
    expect(value(date(), '')).toBeNull();
    expect(message(date({ required: true }), '')).toMatch(/bắt buộc/);
  });
});

describe('enumOf', () => {
  const kinds = enumOf(['commune', 'cell'] as const, {
    commune: ['Đảng ủy xã, phường'],
    cell: ['Chi bộ', 'Party cell'],
  });

  it('accepts the key or any label, ignoring case, diacritics and punctuation', () => {
    expect(value(kinds, 'commune')).toBe('commune');
    expect(value(kinds, 'CHI BO')).toBe('cell');
    expect(value(kinds, 'Chi bộ')).toBe('cell');
    expect(value(kinds, 'party cell')).toBe('cell');
    expect(value(kinds, 'Đảng ủy xã phường')).toBe('commune');
    expect(kinds.choices).toEqual(['Đảng ủy xã, phường', 'Chi bộ']);
  });

  it('lists the allowed values when one is unknown', () => {
    expect(message(kinds, 'Tỉnh ủy')).toBe(
      'Giá trị "Tỉnh ủy" không hợp lệ; chọn một trong: Đảng ủy xã, phường; Chi bộ (hoặc commune, cell).',
    );
  });
});

describe('integer', () => {
  it('takes whole numbers ≥ 0 as numbers or text, with Vietnamese thousands', () => {
    expect(value(integer(), 42)).toBe(42);
    expect(value(integer(), ' 7 ')).toBe(7);
    expect(value(integer(), '1.000')).toBe(1000);
    expect(value(integer(), '70 000')).toBe(70000);
    expect(value(integer(), 0)).toBe(0);
  });

  it('refuses negatives, fractions and words', () => {
    expect(message(integer(), -1)).toBe('"-1" không phải số nguyên ≥ 0.');
    expect(message(integer(), 2.5)).toMatch(/số nguyên/);
    expect(message(integer(), '1,5')).toMatch(/số nguyên/);
    expect(message(integer(), 'mười')).toMatch(/số nguyên/);
    expect(message(integer({ min: 1, max: 12 }), 13)).toBe('"13" không phải số nguyên từ 1 đến 12.');
  });
});

describe('yesNo', () => {
  it('reads có/không, yes/no, x, 1/0, true/false and Excel booleans', () => {
    for (const yes of ['có', 'Có', 'co', 'yes', 'X', 'x', '1', 'true', 1, true]) {
      expect(value(yesNo(), yes)).toBe(true);
    }
    for (const no of ['không', 'KHÔNG', 'no', '0', 'false', 0, false]) {
      expect(value(yesNo(), no)).toBe(false);
    }
    expect(value(yesNo(), '')).toBeNull();
    expect(message(yesNo(), 'có lẽ')).toMatch(/có\/không/);
  });
});
