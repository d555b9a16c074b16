import { formatDateVi, isIsoDate } from '../../../common/dates';
import { fail, normaliseHeader, ok, type Parser, type ParseResult } from './columns';
import { isEmptyCell } from './table';
import type { CellValue } from './xlsx';

const EMPTY_REQUIRED = 'Ô trống; cột này bắt buộc phải có giá trị.';

/** Shows a cell back to the user the way they typed it, cut short when long. */
function shown(raw: CellValue): string {
  const text = asText(raw);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The cell as text: a number Excel made of a code such as `970` comes back as `970`, a date as `DD/MM/YYYY`. */
function asText(raw: CellValue): string {
  if (raw instanceof Date) {
    return formatDateVi(utcDay(raw));
  }
  return String(raw).trim();
}

type Options<R extends boolean> = { required?: R };
type Out<V, R extends boolean> = R extends true ? V : V | null;

/** Wraps a parser of non-empty cells with the empty-cell rule: null when optional, an error when required. */
function withEmpty<V, R extends boolean>(required: R | undefined, parseFilled: (raw: CellValue) => ParseResult<V>) {
  return (raw: CellValue): ParseResult<Out<V, R>> => {
    if (isEmptyCell(raw)) {
      return required ? fail(EMPTY_REQUIRED) : (ok(null) as ParseResult<Out<V, R>>);
    }
    return parseFilled(raw) as ParseResult<Out<V, R>>;
  };
}

function describe<V>(
  parse: (raw: CellValue) => ParseResult<V>,
  meta: Pick<Parser<V>, 'choices' | 'hint' | 'cellType'>,
): Parser<V> {
  return Object.assign(parse, meta);
}

/** Trimmed text; `min`/`max` count characters. */
export function text<R extends boolean = false>(
  options: Options<R> & { min?: number; max?: number } = {},
): Parser<Out<string, R>> {
  const { min = 0, max = 10_000 } = options;
  return describe(
    withEmpty(options.required, (raw) => {
      const value = asText(raw);
      if (value.length > max) {
        return fail(`Dài ${value.length} ký tự; tối đa ${max} ký tự.`);
      }
      if (value.length < min) {
        return fail(`"${shown(raw)}" quá ngắn; cần ít nhất ${min} ký tự.`);
      }
      return ok(value);
    }),
    { cellType: 'text', hint: options.max ? `Văn bản, tối đa ${max} ký tự` : 'Văn bản' },
  );
}

export function requiredText(options: { min?: number; max?: number } = {}): Parser<string> {
  return text({ ...options, required: true });
}

/** The calendar day of an Excel date: exceljs gives UTC midnight; rounding absorbs serials stored as 43600.9999999. */
function utcDay(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  return rounded.toISOString().slice(0, 10);
}

/** 1920-01-01 and 2199-12-31 as Excel serials (1900 date system). */
const SERIAL_MIN = 7306;
const SERIAL_MAX = 109574;

/**
 * A date cell that reached us as a bare number: exceljs' streaming reader only knows a cell is a date from its style,
 * and files whose styles part comes after the sheet in the zip (LibreOffice writes them so) lose that. Only numbers
 * that are plausible dates count, so a year typed alone (2019) is still refused rather than read as 1905.
 */
function serialDay(serial: number): string | undefined {
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) {
    return undefined;
  }
  return utcDay(new Date((serial - 25569) * 86_400_000));
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
export const DATE_HINT = 'DD/MM/YYYY hoặc YYYY-MM-DD';

/** Parses `YYYY-MM-DD`, `DD/MM/YYYY`, `D/M/YYYY` (also with `.` or `-`) or an Excel date cell into `YYYY-MM-DD`. */
export function parseDateText(value: string): string | undefined {
  const trimmed = value.trim();
  const dmy = DMY.exec(trimmed);
  const ymd = YMD.exec(trimmed);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : undefined;
  if (!parts) {
    return undefined;
  }
  const [y, m, d] = parts;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

export function date<R extends boolean = false>(options: Options<R> = {}): Parser<Out<string, R>> {
  return describe(
    withEmpty(options.required, (raw) => {
      const iso =
        raw instanceof Date
          ? utcDay(raw)
          : typeof raw === 'string'
            ? parseDateText(raw)
            : typeof raw === 'number'
              ? serialDay(raw)
              : undefined;
      if (!iso || iso < '1900-01-01' || iso > '2199-12-31') {
        return fail(`Ngày "${shown(raw)}" không hợp lệ; dùng ${DATE_HINT}.`);
      }
      return ok(iso);
    }),
    { cellType: 'date', hint: DATE_HINT },
  );
}

/**
 * One of `values`, written as the English key or any label (Vietnamese first), diacritics- and case-insensitive.
 * `labels[key][0]` is what drop-downs offer.
 */
export function enumOf<K extends string, R extends boolean = false>(
  values: readonly K[],
  labels: Record<K, readonly string[]>,
  options: Options<R> = {},
): Parser<Out<K, R>> {
  const lookup = new Map<string, K>();
  for (const value of values) {
    for (const label of [value, ...labels[value]]) {
      lookup.set(normaliseHeader(label), value);
    }
  }
  const choices = values.map((value) => labels[value][0] ?? value);
  return describe(
    withEmpty(options.required, (raw) => {
      const value = lookup.get(normaliseHeader(asText(raw)));
      return value
        ? ok(value)
        : fail(
            `Giá trị "${shown(raw)}" không hợp lệ; chọn một trong: ${choices.join('; ')} (hoặc ${values.join(', ')}).`,
          );
    }),
    { cellType: 'text', choices, hint: choices.join('; ') },
  );
}

/** A whole number ≥ `min` (default 0); `1.000` and `1 000` are read as thousands, the Vietnamese way. */
export function integer<R extends boolean = false>(
  options: Options<R> & { min?: number; max?: number } = {},
): Parser<Out<number, R>> {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = options;
  return describe(
    withEmpty(options.required, (raw) => {
      let value: number | undefined;
      if (typeof raw === 'number') {
        value = raw;
      } else if (typeof raw === 'string' && /^\s*(\d+|\d{1,3}(?:[. ]\d{3})+)\s*$/.test(raw)) {
        value = Number(raw.replace(/[. ]/g, ''));
      }
      if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
        const range = max < Number.MAX_SAFE_INTEGER ? `từ ${min} đến ${max}` : `≥ ${min}`;
        return fail(`"${shown(raw)}" không phải số nguyên ${range}.`);
      }
      return ok(value);
    }),
    { cellType: 'number', hint: min === 0 ? 'Số nguyên ≥ 0' : `Số nguyên ≥ ${min}` },
  );
}

const YES = new Set(['yes', 'y', 'co', 'x', '1', 'true', 'dung']);
const NO = new Set(['no', 'n', 'khong', '0', 'false', 'sai']);

/** `có/không`, `yes/no`, `x`, `1/0`, `true/false`, or an Excel TRUE/FALSE cell. */
export function yesNo<R extends boolean = false>(options: Options<R> = {}): Parser<Out<boolean, R>> {
  return describe(
    withEmpty(options.required, (raw) => {
      if (typeof raw === 'boolean') {
        return ok(raw);
      }
      const key = normaliseHeader(asText(raw));
      if (YES.has(key)) {
        return ok(true);
      }
      if (NO.has(key)) {
        return ok(false);
      }
      return fail(`Giá trị "${shown(raw)}" không hợp lệ; dùng có/không (hoặc yes/no, x, 1/0).`);
    }),
    { cellType: 'boolean', choices: ['có', 'không'], hint: 'có / không (x, 1/0, yes/no)' },
  );
}
