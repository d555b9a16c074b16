const NUMBER = new Intl.NumberFormat('vi-VN');
const PERCENT = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/** 1.234 — numbers the Vietnamese way. */
export const formatNumber = (n: number) => NUMBER.format(n);

/** 85,3 % — or a dash when nothing was expected. */
export const formatShare = (share: number | null) => (share === null ? '—' : PERCENT.format(share));

/** `2019-03-01` → `03/2019`. */
export const formatMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
