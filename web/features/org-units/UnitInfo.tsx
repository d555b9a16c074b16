import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { formatDate } from '../../lib/format';
import { atQuery } from '../../lib/useAtDate';
import type { OrgUnitDetail } from './types';

export function UnitInfo({ unit, at }: { unit: OrgUnitDetail; at: string }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'code', label: t('unit.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
        { key: 'name', label: t('unit.name'), children: unit.name },
        { key: 'kind', label: t('unit.kind'), children: labels.kind(unit.kind) },
        {
          key: 'parent',
          label: t('unit.parent'),
          children: unit.parent ? (
            <Link to={`/org-units/${unit.parent.id}${atQuery(at)}`}>
              {unit.parent.name} ({unit.parent.code})
            </Link>
          ) : (
            '—'
          ),
        },
        { key: 'from', label: t('unit.validFrom'), children: formatDate(unit.validFrom) },
        {
          key: 'to',
          label: t('unit.validTo'),
          children: unit.validTo ? formatDate(unit.validTo) : t('unit.stillValid'),
        },
      ]}
    />
  );
}
