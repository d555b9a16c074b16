import { Tag, Tooltip } from 'antd';
import { formatDateVi } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import type { InspUnit } from './types';

/** A unit as it was: its name, and a mark when it has since been dissolved or merged. */
export function UnitName({ unit }: { unit: InspUnit }) {
  const t = useMessages(messages);
  return (
    <span>
      {unit.name}
      {unit.validTo && (
        <Tooltip title={t('insp.dissolved', { date: formatDateVi(unit.validTo) })}>
          <Tag style={{ marginInlineStart: 6 }} data-testid="dissolved-tag">
            {t('insp.dissolved', { date: formatDateVi(unit.validTo) })}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
