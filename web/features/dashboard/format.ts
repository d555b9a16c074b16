/** Numbers the Vietnamese way: 1.234,5. */
export const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** `2019-08` as `08/2019`. */
export function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}
