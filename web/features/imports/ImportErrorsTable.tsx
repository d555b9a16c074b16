import { Table } from 'antd';
import type { ErrorDetail } from '../../../common/errors';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';

/** The server's list of problems in an imported file: Dòng, Cột, Lỗi. */
export function ImportErrorsTable({ details }: { details: ErrorDetail[] }) {
  const t = useMessages(messages);
  return (
    <Table<ErrorDetail & { index: number }>
      data-testid="import-errors"
      size="small"
      rowKey="index"
      dataSource={details.map((detail, index) => ({ ...detail, index }))}
      pagination={details.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('row'), dataIndex: 'row', width: 70, render: (value?: number) => value ?? '—' },
        { title: t('column'), dataIndex: 'column', width: 140, render: (value?: string) => value ?? '—' },
        { title: t('error'), dataIndex: 'message' },
      ]}
    />
  );
}
