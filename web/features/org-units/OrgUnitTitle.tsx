import { Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/useLabels';
import { atQuery } from '../../lib/useAtDate';
import type { OrgUnitSummary } from './types';

/** A tree node: the unit's name (a link to its page), then its code and kind, muted. */
export function OrgUnitTitle({ unit, at }: { unit: OrgUnitSummary; at: string }) {
  const labels = useLabels();
  return (
    <span className="org-node" data-id={unit.id} data-parent={unit.parentId ?? undefined} data-code={unit.code}>
      <Link to={`/org-units/${unit.id}${atQuery(at)}`} onClick={(event) => event.stopPropagation()}>
        {unit.name}
      </Link>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {unit.code} · {labels.kind(unit.kind)}
      </Typography.Text>
    </span>
  );
}
