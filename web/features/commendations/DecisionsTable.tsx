import { Table, Tag, Typography, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate, formatNumber } from '../../lib/format';
import { messages } from './messages';
import type { DecisionSummary } from './types';
import { useCommendationLabels } from './useCommendationLabels';

/** Decisions, newest first: number (a link to the decision), date, issuer, level, form, recipients. */
export function DecisionsTable({
  decisions,
  isLoading,
  pagination,
}: {
  decisions: DecisionSummary[];
  isLoading: boolean;
  pagination: TablePaginationConfig;
}) {
  const t = useMessages(messages);
  const labels = useCommendationLabels();
  return (
    <Table<DecisionSummary>
      data-testid="decisions"
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={decisions}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('list.empty') }}
      columns={[
        {
          title: t('field.number'),
          dataIndex: 'number',
          render: (number: string, row) => <Link to={`/commendations/${row.id}`}>{number}</Link>,
        },
        { title: t('field.decisionDate'), dataIndex: 'decisionDate', render: (day: string) => formatDate(day) },
        {
          title: t('field.issuerName'),
          dataIndex: 'issuerName',
          render: (issuer: string) => (
            <Typography.Text ellipsis style={{ maxWidth: 240 }}>
              {issuer}
            </Typography.Text>
          ),
        },
        {
          title: t('field.level'),
          dataIndex: 'level',
          render: (level: DecisionSummary['level']) => <Tag color="blue">{labels.level.label(level)}</Tag>,
        },
        {
          title: t('field.form'),
          dataIndex: 'form',
          render: (form: DecisionSummary['form']) => labels.form.label(form),
        },
        {
          title: t('field.collectives'),
          dataIndex: 'collectiveCount',
          align: 'right',
          render: (n: number) => formatNumber(n),
        },
        {
          title: t('field.individuals'),
          dataIndex: 'individualCount',
          align: 'right',
          render: (n: number) => formatNumber(n),
        },
        { title: t('field.campaign'), dataIndex: ['campaign', 'code'], render: (code?: string) => code ?? '' },
      ]}
    />
  );
}
