import { foldVietnamese } from '../../../common/text';
import type { ImportErrors } from './errors';
import { isEmptyCell } from './table';
import type { CellValue } from './xlsx';

export type ParseResult<V> = { ok: true; value: V } | { ok: false; message: string };

/** The row a cell belongs to, for parsers whose answer depends on another column. */
export interface RowContext {
  rowNumber: number;
  raw(key: string): CellValue;
}

/** Turns one cell into a value or a Vietnamese message saying what is wrong and what is expected. */
export interface Parser<V> {
  (raw: CellValue, row: RowContext): ParseResult<V>;
  /** Allowed values as users write them (enum labels): drop-down lists and the guide sheet. */
  choices?: readonly string[];
  /** What the column accepts, for the guide sheet (`DD/MM/YYYY`, `có / không`). */
  hint?: string;
  /** How templates and exports format the column. */
  cellType?: 'text' | 'date' | 'number' | 'boolean';
}

export interface ColumnSpec<K extends string = string, V = unknown> {
  key: K;
  /**
   * Headers accepted, matched ignoring diacritics, case, punctuation and anything in parentheses. The first is the
   * Vietnamese header templates and exports write; the key itself (`parent_code`) always matches too.
   */
  labels: readonly string[];
  /** The column must be present in the header (whether a cell may be empty is the parser's business). */
  required: boolean;
  parse: Parser<V>;
  /** One sentence for the guide sheet. */
  description?: string;
  example?: string;
  width?: number;
}

/** The record a set of columns produces: `{ [key]: parsed value }`. */
export type RecordOf<C extends readonly ColumnSpec[]> = {
  [S in C[number] as S['key']]: S extends ColumnSpec<string, infer V> ? V : never;
};

export const ok = <V>(value: V): ParseResult<V> => ({ ok: true, value });
export const fail = (message: string): ParseResult<never> => ({ ok: false, message });

/** Keeps the keys literal, so `RecordOf` knows every field. */
export function defineColumns<const C extends readonly ColumnSpec[]>(columns: C): C {
  return columns;
}

/** `Mã đơn vị`, `ma_don_vi`, `MA DON VI (bắt buộc)` and `madonvi` all normalise to `madonvi`. */
export function normaliseHeader(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' ')).replace(/[^a-z0-9]/g, '');
}

export const headerOf = (column: ColumnSpec): string => column.labels[0] ?? column.key;

/** `0` → `A`, `27` → `AB`: the column letter a user finds in Excel. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface HeaderMatch {
  /** Cell index of each recognised column. */
  indexByKey: Map<string, number>;
  /** The header as written, by key, for error reports. */
  nameByKey: Map<string, string>;
  /** Indexes of columns without a header, whose values must stay empty. */
  unnamed: Set<number>;
  width: number;
}

/** Maps the header row onto the column specs, reporting unknown, duplicate and missing columns. */
export function matchHeader(
  values: CellValue[],
  rowNumber: number,
  columns: readonly ColumnSpec[],
  errors: ImportErrors,
): HeaderMatch {
  const byLabel = new Map<string, ColumnSpec>();
  for (const column of columns) {
    for (const label of [column.key, ...column.labels]) {
      byLabel.set(normaliseHeader(label), column);
    }
  }
  const match: HeaderMatch = { indexByKey: new Map(), nameByKey: new Map(), unnamed: new Set(), width: values.length };
  const expected = columns.map(headerOf).join(', ');
  values.forEach((value, index) => {
    if (isEmptyCell(value)) {
      match.unnamed.add(index);
      return;
    }
    const written = String(value instanceof Date ? value.toISOString().slice(0, 10) : value).trim();
    const column = byLabel.get(normaliseHeader(written));
    if (!column) {
      errors.add(rowNumber, written, `Cột "${written}" không có trong mẫu; các cột được nhận: ${expected}.`);
      return;
    }
    const earlier = match.indexByKey.get(column.key);
    if (earlier !== undefined) {
      errors.add(
        rowNumber,
        written,
        `Cột "${written}" lặp lại cột ${columnLetter(earlier)} ("${match.nameByKey.get(column.key)}"); hãy xóa một cột.`,
      );
      return;
    }
    match.indexByKey.set(column.key, index);
    match.nameByKey.set(column.key, written);
  });
  for (const column of columns) {
    if (column.required && !match.indexByKey.has(column.key)) {
      errors.add(rowNumber, headerOf(column), `Thiếu cột bắt buộc "${headerOf(column)}".`);
    }
  }
  return match;
}
