import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { useRemoveReplication } from './api';
import { messages } from './messages';
import type { ModelDetail, Replication } from './types';

/** The units that took the model up, with the date each started; removable by their editors. */
export function ReplicationsList({ model }: { model: ModelDetail }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const remove = useRemoveReplication();
  if (model.replications.length === 0) {
    return <Typography.Text type="secondary">{t('page.noReplications')}</Typography.Text>;
  }
  const drop = async (replication: Replication) => {
    try {
      await remove.mutateAsync({ id: model.id, replicationId: replication.id });
      void message.success(t('page.removed', { unit: replication.unit.name }));
    } catch (error) {
      void message.error(errorMessage(error), 6);
    }
  };
  return (
    <Table<Replication>
      data-testid="replications"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={model.replications}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('field.replicatingUnit'),
          dataIndex: 'unit',
          render: (unit: Replication['unit'], replication) => (
            <span style={{ display: 'inline-block', minWidth: 160, whiteSpace: 'normal' }}>
              <Link to={`/org-units/${unit.id}?at=${replication.startedOn}`}>{unit.name}</Link>{' '}
              <Typography.Text type="secondary">{unit.code}</Typography.Text>
            </span>
          ),
        },
        { title: t('field.replicationStart'), dataIndex: 'startedOn', render: (day: string) => formatDate(day) },
        { title: t('field.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
        {
          key: 'actions',
          width: 60,
          render: (_, replication) =>
            replication.canRemove && (
              <Popconfirm
                title={t('page.removeConfirm', { unit: replication.unit.name })}
                okText={t('page.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() => drop(replication)}
              >
                <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('page.remove')} />
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
