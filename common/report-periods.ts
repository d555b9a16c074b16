import { addDays, formatDateVi } from './dates';
import type { PeriodType } from './reports';

// Reporting periods by key: "2026-11" (month), "2026-Q4" (quarter), "2026-H2" (half-year), "2026" (year) and
// "custom" for a template's own span (2016-05-15 … 2019-08-20).

export interface Period {
  key: string;
  from: string;
  to: string;
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  return addDays(`${month === 12 ? year + 1 : year}-${pad(month === 12 ? 1 : month + 1)}-01`, -1);
}

/** The period of `key` for a template of `type`; undefined when the key does not fit the type. */
export function periodOf(
  type: PeriodType,
  key: string,
  custom?: { from: string | null; to: string | null },
): Period | undefined {
  let match: RegExpMatchArray | null;
  switch (type) {
    case 'custom':
      if (key !== 'custom' || !custom?.from || !custom.to) {
        return undefined;
      }
      return {
        key,
        from: custom.from,
        to: custom.to,
        label: `${formatDateVi(custom.from)} – ${formatDateVi(custom.to)}`,
      };
    case 'month':
      match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
      if (!match) {
        return undefined;
      }
      return {
        key,
        from: `${match[1]}-${match[2]}-01`,
        to: lastDay(Number(match[1]), Number(match[2])),
        label: `Tháng ${Number(match[2])}/${match[1]}`,
      };
    case 'quarter': {
      match = /^(\d{4})-Q([1-4])$/.exec(key);
      if (!match) {
        return undefined;
      }
      const q = Number(match[2]);
      return {
        key,
        from: `${match[1]}-${pad(q * 3 - 2)}-01`,
        to: lastDay(Number(match[1]), q * 3),
        label: `Quý ${ROMAN[q - 1]}/${match[1]}`,
      };
    }
    case 'half_year': {
      match = /^(\d{4})-H([12])$/.exec(key);
      if (!match) {
        return undefined;
      }
      const h = Number(match[2]);
      return {
        key,
        from: `${match[1]}-${h === 1 ? '01' : '07'}-01`,
        to: `${match[1]}-${h === 1 ? '06-30' : '12-31'}`,
        label: h === 1 ? `6 tháng đầu năm ${match[1]}` : `6 tháng cuối năm ${match[1]}`,
      };
    }
    case 'year':
      match = /^(\d{4})$/.exec(key);
      return match ? { key, from: `${key}-01-01`, to: `${key}-12-31`, label: `Năm ${key}` } : undefined;
  }
}

/** The period a day falls in, for a template of `type` (the custom span whatever the day). */
export function periodContaining(
  type: PeriodType,
  day: string,
  custom?: { from: string | null; to: string | null },
): Period | undefined {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (type) {
    case 'custom':
      return periodOf(type, 'custom', custom);
    case 'month':
      return periodOf(type, day.slice(0, 7));
    case 'quarter':
      return periodOf(type, `${year}-Q${Math.ceil(month / 3)}`);
    case 'half_year':
      return periodOf(type, `${year}-H${month <= 6 ? 1 : 2}`);
    case 'year':
      return periodOf(type, year);
  }
}

/** The last `count` periods up to the one containing `day`, newest first. */
export function recentPeriods(
  type: PeriodType,
  day: string,
  count: number,
  custom?: { from: string | null; to: string | null },
): Period[] {
  const periods: Period[] = [];
  let current = periodContaining(type, day, custom);
  while (current && periods.length < count) {
    periods.push(current);
    if (type === 'custom') {
      break;
    }
    current = periodContaining(type, addDays(current.from, -1), custom);
  }
  return periods;
}
