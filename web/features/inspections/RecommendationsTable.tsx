import { Button, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateVi } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import { RecommendationTag } from './RecommendationTag';
import type { RecommendationSummary } from './types';
import { useInspectionLabels } from './useInspectionLabels';
import { UnitName } from './UnitName';

interface Props {
  items: RecommendationSummary[] | undefined;
  onOpen: (id: string) => void;
  loading?: boolean;
  hideInspection?: boolean;
  pagination?: false | { current: number; pageSize: number; total?: number; onChange: (page: number) => void };
}

/** Recommendations in the server's order (overdue first); an overdue row stands out in red. */
export function RecommendationsTable({ items, onOpen, loading, hideInspection, pagination = false }: Props) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  return (
    <Table<RecommendationSummary>
      rowKey="id"
      size="middle"
      data-testid="recommendations-table"
      loading={loading}
      dataSource={items}
      pagination={pagination && { ...pagination, showSizeChanger: false }}
      locale={{ emptyText: t('rec.empty') }}
      scroll={{ x: hideInspection ? 760 : 1180 }}
      rowClassName={(item) => (item.isOverdue ? 'recommendation-overdue' : '')}
      onRow={(item) => ({ style: item.isOverdue ? { background: '#fff1f0' } : undefined })}
      columns={[
        {
          key: 'text',
          title: t('rec.text'),
          width: hideInspection ? undefined : 320,
          render: (_, item) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
              onClick={() => onOpen(item.id)}
            >
              {item.text}
            </Button>
          ),
        },
        ...(hideInspection
          ? []
          : [
              {
                key: 'category',
                title: t('rec.category'),
                width: 170,
                render: (_: unknown, item: RecommendationSummary) => labels.category(item.category),
              },
            ]),
        { key: 'owner', title: t('rec.owner'), width: 190, render: (_, item) => <UnitName unit={item.ownerUnit} /> },
        {
          key: 'deadline',
          title: t('rec.deadline'),
          width: 110,
          render: (_, item) => (
            <Typography.Text type={item.isOverdue ? 'danger' : undefined} strong={item.isOverdue}>
              {formatDateVi(item.deadline)}
            </Typography.Text>
          ),
        },
        { key: 'status', title: t('rec.status'), width: 210, render: (_, item) => <RecommendationTag item={item} /> },
        ...(hideInspection
          ? []
          : [
              {
                key: 'inspection',
                title: t('rec.inspection'),
                width: 220,
                render: (_: unknown, item: RecommendationSummary) => (
                  <Link to={`/inspections/${item.inspection.id}`}>
                    {item.inspection.conclusionNumber ?? item.inspection.title} · {item.inspection.conductingUnit.name}
                  </Link>
                ),
              },
            ]),
      ]}
    />
  );
}
