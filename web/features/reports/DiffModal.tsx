import { useQuery } from '@tanstack/react-query';
import { Empty, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { fetchDiff } from './api';
import { reportsMessages } from './messages';
import type { SubmissionDetail } from './types';

/** The differences between two versions sent up, or a version and the working copy. */
export function DiffModal({ detail, onClose }: { detail: SubmissionDetail; onClose: () => void }) {
  const t = useMessages(reportsMessages);
  const revisions = detail.revisions.map((r) => r.revision);
  const [a, setA] = useState(revisions.length > 1 ? revisions[revisions.length - 2] : revisions[0]);
  const [b, setB] = useState<number | 'current'>(revisions.length > 1 ? revisions[revisions.length - 1] : 'current');
  const query = useQuery({
    queryKey: ['reports', 'diff', detail.id, a, b, detail.version],
    queryFn: () => fetchDiff(detail.id, a, b),
  });
  const options = revisions.map((r) => ({ value: r, label: t('sub.revision', { n: r }) }));
  const isEmpty = query.data && query.data.indicators.length === 0 && query.data.sections.length === 0;
  return (
    <Modal open title={t('diff.title')} onCancel={onClose} footer={null} width={900}>
      <Space style={{ marginBottom: 12 }}>
        {t('diff.from')}
        <Select aria-label={t('diff.from')} value={a} onChange={setA} options={options} style={{ width: 140 }} />
        {t('diff.to')}
        <Select
          aria-label={t('diff.to')}
          value={b}
          onChange={setB}
          options={[...options, { value: 'current' as const, label: t('diff.current') }]}
          style={{ width: 160 }}
        />
      </Space>
      {isEmpty && <Empty description={t('diff.none')} />}
      {!!query.data?.indicators.length && (
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={query.data.indicators}
          columns={[
            { title: t('col.indicator'), dataIndex: 'label' },
            {
              title: t('diff.before'),
              align: 'right',
              render: (_, r) => <Typography.Text delete>{String(r.before ?? '—')}</Typography.Text>,
            },
            {
              title: t('diff.after'),
              align: 'right',
              render: (_, r) => <Typography.Text strong>{String(r.after ?? '—')}</Typography.Text>,
            },
          ]}
          style={{ marginBottom: 12 }}
        />
      )}
      {query.data?.sections.map((s) => (
        <div key={s.key} style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {s.key}. {s.title}
          </Typography.Text>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
            <div style={{ background: '#fff1f0', padding: 8, whiteSpace: 'pre-wrap' }}>{s.before || '—'}</div>
            <div style={{ background: '#f6ffed', padding: 8, whiteSpace: 'pre-wrap' }}>{s.after || '—'}</div>
          </div>
        </div>
      ))}
    </Modal>
  );
}
