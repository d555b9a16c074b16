import { Flex, Table, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatNumber } from '../../lib/format';
import { messages } from './messages';
import type { InspectionCounts, InspectionStats } from './types';
import { useInspectionLabels } from './useInspectionLabels';

interface Row {
  key: string;
  name: string;
  counts: InspectionCounts;
  isTotal?: boolean;
}

const COLUMNS = [
  ['inspections', 'stats.inspections'],
  ['supervisions', 'stats.supervisions'],
  ['thematic', 'stats.thematic'],
  ['subjectsCovered', 'stats.subjects'],
  ['recommendations', 'stats.recommendations'],
  ['done', 'stats.done'],
  ['doneOnTime', 'stats.doneOnTime'],
  ['overdue', 'stats.overdue'],
  ['difficultiesResolved', 'stats.difficulties'],
] as const;

/** The total, what the unit conducted itself and each child unit: every count, and under the name the split by level. */
export function StatsTable({ data, isLoading }: { data: InspectionStats; isLoading: boolean }) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const rows: Row[] = [
    { key: 'total', name: t('stats.total'), counts: data.counts, isTotal: true },
    { key: 'own', name: t('stats.own', { name: data.unit.name }), counts: data.ownCounts },
    ...data.children.map((child) => ({ key: child.unit.id, name: child.unit.name, counts: child.counts })),
  ];
  return (
    <Table<Row>
      data-testid="stats-table"
      size="small"
      pagination={false}
      loading={isLoading}
      dataSource={rows}
      scroll={{ x: 1000 }}
      rowClassName={(row) => (row.isTotal ? 'ant-table-row-selected' : '')}
      columns={[
        {
          key: 'name',
          title: t('stats.children'),
          fixed: 'left',
          width: 240,
          render: (_, row) => (
            <Flex vertical>
              {row.isTotal ? <strong>{row.name}</strong> : row.name}
              {Object.keys(row.counts.byLevel).length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="row-by-level">
                  {Object.entries(row.counts.byLevel)
                    .map(([level, n]) =>
                      t('stats.levelShort', {
                        level: labels.level(level),
                        inspections: formatNumber(n.inspection),
                        supervisions: formatNumber(n.supervision),
                      }),
                    )
                    .join(' · ')}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        ...COLUMNS.map(([key, label]) => ({
          key,
          title: t(label),
          align: 'right' as const,
          render: (_: unknown, row: Row) => (
            <Typography.Text type={key === 'overdue' && row.counts.overdue > 0 ? 'danger' : undefined}>
              {formatNumber(row.counts[key])}
            </Typography.Text>
          ),
        })),
      ]}
    />
  );
}
