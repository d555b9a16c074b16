import { Table, Typography, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { messages } from './messages';
import { StatusTag } from './StatusTag';
import type { ModelSummary } from './types';
import { useModelLabels } from './useModelLabels';

interface Props {
  models: ModelSummary[];
  isLoading: boolean;
  pagination: TablePaginationConfig;
}

/** The registry as a table: one row per model. */
export function ModelsTable({ models, isLoading, pagination }: Props) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  return (
    <Table<ModelSummary>
      data-testid="models-table"
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={models}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('list.empty') }}
      columns={[
        {
          title: t('field.title'),
          dataIndex: 'title',
          render: (title: string, model) => (
            <span style={{ display: 'inline-block', minWidth: 220, maxWidth: 420, whiteSpace: 'normal' }}>
              <Link to={`/models/${model.id}`}>{title}</Link>
              {model.people.length > 0 && (
                <Typography.Text type="secondary"> — {model.people.map((p) => p.name).join(', ')}</Typography.Text>
              )}
            </span>
          ),
        },
        { title: t('field.kind'), dataIndex: 'kind', render: (kind: ModelSummary['kind']) => labels.kind(kind) },
        {
          title: t('field.unit'),
          dataIndex: ['unit', 'name'],
          render: (name: string) => (
            <span style={{ display: 'inline-block', maxWidth: 240, whiteSpace: 'normal' }}>{name}</span>
          ),
        },
        { title: t('field.field'), dataIndex: 'field', render: (field: ModelSummary['field']) => labels.field(field) },
        { title: t('field.startedOn'), dataIndex: 'startedOn', render: (day: string) => formatDate(day) },
        {
          title: t('field.status'),
          dataIndex: 'status',
          render: (status: ModelSummary['status']) => <StatusTag status={status} />,
        },
        {
          title: t('field.recognition'),
          key: 'recognition',
          render: (_, model) =>
            model.recognisedLevel && model.recognisedOn
              ? `${labels.level(model.recognisedLevel)}, ${formatDate(model.recognisedOn)}`
              : t('page.none'),
        },
        { title: t('field.replications'), dataIndex: 'replicationCount', align: 'right' },
      ]}
    />
  );
}
