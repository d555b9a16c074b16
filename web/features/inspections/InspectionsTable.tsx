import { Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateVi } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import type { InspectionSummary } from './types';
import { useInspectionLabels } from './useInspectionLabels';
import { UnitName } from './UnitName';

const STEP_COLORS = { prepare: 'gold', conduct: 'blue', closed: 'green' } as const;

/** Inspections with their step, subjects, dates, recommendations and duration warnings. */
export function InspectionsTable({ items, loading }: { items: InspectionSummary[] | undefined; loading?: boolean }) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  return (
    <Table<InspectionSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        {
          key: 'title',
          title: t('insp.title'),
          render: (_, item) => (
            <span>
              <Tag>{labels.kind(item.kind)}</Tag>
              <Link to={`/inspections/${item.id}`}>{item.title}</Link>
            </span>
          ),
        },
        {
          key: 'subjects',
          title: t('insp.subjects'),
          render: (_, item) => (
            <Typography.Text>
              {item.subjects.map((unit, index) => (
                <span key={unit.id}>
                  {index > 0 && ', '}
                  <UnitName unit={unit} />
                </span>
              ))}
            </Typography.Text>
          ),
        },
        {
          key: 'dates',
          title: t('insp.planned'),
          width: 190,
          render: (_, item) => (
            <span>
              {formatDateVi(item.plannedStart)} – {formatDateVi(item.plannedEnd)}
              {item.warnings.length > 0 && (
                <Tooltip title={item.warnings.map((w) => w.message).join(' ')}>
                  <Tag color="orange" style={{ marginInlineStart: 4 }}>
                    {item.warnings[0]!.days}/{item.warnings[0]!.limit}
                  </Tag>
                </Tooltip>
              )}
            </span>
          ),
        },
        {
          key: 'step',
          title: t('insp.step'),
          width: 120,
          render: (_, item) => <Tag color={STEP_COLORS[item.step]}>{labels.step(item.step)}</Tag>,
        },
        {
          key: 'recommendations',
          title: t('insp.recommendations'),
          width: 150,
          render: (_, item) => (
            <span>
              {item.recommendationCount}
              {item.overdueCount > 0 && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  {t('insp.overdue', { count: item.overdueCount })}
                </Tag>
              )}
            </span>
          ),
        },
      ]}
    />
  );
}
