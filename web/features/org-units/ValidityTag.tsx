import { Tag } from 'antd';
import { todayIso } from '../../../common/dates';
import { useT } from '../../i18n/useT';
import { endedOn, formatDate } from '../../lib/format';

/** "Hết hiệu lực từ dd/MM/yyyy" for a unit that has (or will have) ceased; nothing for a living one. */
export function ValidityTag({ validFrom, validTo, at }: { validFrom: string; validTo: string | null; at?: string }) {
  const t = useT();
  const day = at ?? todayIso();
  if (validTo) {
    const ended = endedOn(validTo);
    return (
      <Tag color={ended <= todayIso() ? 'red' : 'orange'} variant="filled">
        {t('unit.endedFrom', { date: formatDate(ended) })}
      </Tag>
    );
  }
  if (validFrom > day) {
    return (
      <Tag color="blue" variant="filled">
        {t('unit.startsOn', { date: formatDate(validFrom) })}
      </Tag>
    );
  }
  return null;
}
