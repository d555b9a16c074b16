import { useQuery } from '@tanstack/react-query';
import { Modal, Table, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatDateTime } from '../../lib/format';
import { fetchCompare } from './api';
import { reportsMessages } from './messages';
import { valueText } from './valueText';

/** The stored computed figures beside the same figures from today's records. */
export function CompareModal({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useMessages(reportsMessages);
  const query = useQuery({ queryKey: ['reports', 'compare', id], queryFn: () => fetchCompare(id), gcTime: 0 });
  return (
    <Modal open title={t('compare.title')} onCancel={onClose} footer={null} width={760}>
      {query.data?.computedAt && (
        <Typography.Paragraph type="secondary">
          {t('sub.computedAt', { at: formatDateTime(query.data.computedAt) })}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="code"
        size="small"
        loading={query.isLoading}
        pagination={false}
        dataSource={query.data?.items ?? []}
        columns={[
          { title: t('col.indicator'), dataIndex: 'label' },
          {
            title: t('compare.stored'),
            align: 'right',
            render: (_, r) => valueText({ valueType: 'integer' }, r.stored),
          },
          { title: t('compare.today'), align: 'right', render: (_, r) => valueText({ valueType: 'integer' }, r.today) },
          {
            title: t('compare.delta'),
            align: 'right',
            render: (_, r) =>
              r.delta ? (
                <Typography.Text type={r.delta > 0 ? 'success' : 'danger'} strong>
                  {r.delta > 0 ? `+${r.delta}` : r.delta}
                </Typography.Text>
              ) : (
                '0'
              ),
          },
        ]}
      />
    </Modal>
  );
}
