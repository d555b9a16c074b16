import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { formatDate } from '../../lib/format';
import { atQuery } from '../../lib/useAtDate';
import type { LineageLink } from './types';
import { dayWithin, validityText } from './validity';

/** Predecessors or successors: the other unit, the event (merge, split…), its date and legal basis. */
export function LineageTable({ links, testId }: { links: LineageLink[]; testId: string }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Table<LineageLink>
      data-testid={testId}
      size="small"
      rowKey={(row) => `${row.unit.id}-${row.event.kind}-${row.event.effectiveDate}`}
      dataSource={links}
      pagination={false}
      // A minimum width rather than max-content, so that a long legal basis wraps instead of running off.
      scroll={{ x: 760 }}
      locale={{ emptyText: t('common.none') }}
      columns={[
        {
          title: t('common.unit'),
          key: 'unit',
          render: (_: unknown, row) => {
            const day = dayWithin(row.event.effectiveDate, row.unit.validFrom, row.unit.validTo);
            return (
              <div>
                <Link to={`/org-units/${row.unit.id}${atQuery(day)}`}>{row.unit.name}</Link>{' '}
                <Typography.Text type="secondary">{row.unit.code}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {labels.kind(row.unit.kind)} · {validityText(t, row.unit.validFrom, row.unit.validTo)}
                  </Typography.Text>
                </div>
              </div>
            );
          },
        },
        {
          title: t('lineage.event'),
          key: 'event',
          render: (_: unknown, row) => (
            <span>
              {labels.event(row.event.kind)}
              {row.isPartial && (
                <Tag color="gold" style={{ marginInlineStart: 6 }}>
                  {t('lineage.partial')}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t('lineage.date'), key: 'date', render: (_: unknown, row) => formatDate(row.event.effectiveDate) },
        {
          title: t('lineage.legalBasis'),
          key: 'basis',
          width: '40%',
          render: (_: unknown, row) => row.event.legalBasis ?? '—',
        },
      ]}
    />
  );
}
