import { Table } from 'antd';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { formatDate } from '../../lib/format';
import type { ImportResult } from './types';

type Item = ImportResult['items'][number];

/** The first units the import created (or would create, in a dry run). */
export function ImportResultTable({ items }: { items: Item[] }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Table<Item>
      size="small"
      rowKey="code"
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('unit.code'), dataIndex: 'code' },
        { title: t('unit.name'), dataIndex: 'name' },
        { title: t('unit.kind'), dataIndex: 'kind', render: (_: unknown, row) => labels.kind(row.kind) },
        { title: t('import.parentCode'), dataIndex: 'parentCode', render: (value: string | null) => value ?? '—' },
        { title: t('unit.validFrom'), dataIndex: 'validFrom', render: (value: string) => formatDate(value) },
      ]}
    />
  );
}
