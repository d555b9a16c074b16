import dayjs, { type Dayjs } from 'dayjs';
import { addDays, formatDateVi, VIETNAM_TIME_ZONE } from '../../common/dates';

/** Date format of every date picker and every date a user reads. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export const formatDate = formatDateVi;

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** A timestamp as `dd/MM/yyyy HH:mm:ss`, in Vietnam time whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return dateTimeFormat.format(date).replace(',', '');
}

/** `validTo` is the last day a unit existed; it stopped being valid the day after. */
export function endedOn(validTo: string): string {
  return addDays(validTo, 1);
}

export function toDayjs(iso: string | null | undefined): Dayjs | null {
  return iso ? dayjs(iso, 'YYYY-MM-DD') : null;
}

export function fromDayjs(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A number the Vietnamese way: 1.234,5. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}
