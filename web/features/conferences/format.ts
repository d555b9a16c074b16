import dayjs, { type Dayjs } from 'dayjs';
import { VIETNAM_TIME_ZONE } from '../../../common/dates';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const time = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `20/08/2019 07:30`, Vietnam time. */
export const formatWhen = (iso: string) => dateTime.format(new Date(iso)).replace(',', '');
export const formatTime = (iso: string | null) => (iso ? time.format(new Date(iso)) : '');
export { formatNumber } from '../../lib/format';

/** A picker value read as Vietnam wall time. */
export const toVietnamIso = (value: Dayjs) => `${value.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
export const fromIso = (iso: string) => dayjs(formatWhen(iso), 'DD/MM/YYYY HH:mm');
