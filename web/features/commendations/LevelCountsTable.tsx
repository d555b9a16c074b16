import { Table } from 'antd';
import { COMMENDATION_LEVELS, type CommendationLevel } from '../../../common/commendations';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import type { LevelCounts } from './types';
import { useCommendationLabels } from './useCommendationLabels';
import { formatNumber } from '../../lib/format';

/** Level × collective/individual, levels with nothing left out, and a total row. */
export function LevelCountsTable({ counts, testId }: { counts: LevelCounts; testId?: string }) {
  const t = useMessages(messages);
  const labels = useCommendationLabels();
  const rows = COMMENDATION_LEVELS.filter((level) => counts[level].collective + counts[level].individual > 0).map(
    (level) => ({ key: level, label: labels.level.label(level), ...counts[level] }),
  );
  const sum = (type: 'collective' | 'individual') => rows.reduce((total, row) => total + row[type], 0);
  const all = [
    ...rows,
    {
      key: 'total' as CommendationLevel | 'total',
      label: t('stats.total'),
      collective: sum('collective'),
      individual: sum('individual'),
    },
  ];
  return (
    <Table
      data-testid={testId}
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={all}
      columns={[
        { title: t('stats.level'), dataIndex: 'label' },
        {
          title: t('stats.collective'),
          dataIndex: 'collective',
          align: 'right',
          render: (n: number) => formatNumber(n),
        },
        {
          title: t('stats.individual'),
          dataIndex: 'individual',
          align: 'right',
          render: (n: number) => formatNumber(n),
        },
      ]}
    />
  );
}
