import type { Indicator, Value } from './types';

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A figure the Vietnamese way: 1.234 and 97,5%; a dash when empty. */
export function valueText(indicator: Pick<Indicator, 'valueType'>, value: Value | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'number') {
    return indicator.valueType === 'percent' ? `${decimal.format(value)}%` : integer.format(value);
  }
  return value;
}
