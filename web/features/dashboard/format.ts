export { formatNumber } from '../../lib/format';

/** `2019-08` as `08/2019`. */
export function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

const PERCENT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** A share as `92,5 %`; a dash when there is no base. */
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${PERCENT.format(value * 100)} %`;
}
