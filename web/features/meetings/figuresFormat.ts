const PERCENT = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

export { formatNumber } from '../../lib/format';

/** 85,3 % — or a dash when nothing was expected. */
export const formatShare = (share: number | null) => (share === null ? '—' : PERCENT.format(share));

/** `2019-03-01` → `03/2019`. */
export const formatMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
