import { Table } from 'antd';
import { useT } from '../../i18n/useT';
import { formatDate } from '../../lib/format';
import type { OrgUnitDetail } from './types';

type NameRow = OrgUnitDetail['names'][number];

/** Every name the unit has borne, with the dates it bore each. */
export function UnitNamesTable({ names }: { names: NameRow[] }) {
  const t = useT();
  return (
    <Table<NameRow>
      size="small"
      rowKey={(row) => `${row.validFrom}-${row.name}`}
      dataSource={names}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('unit.name'), dataIndex: 'name' },
        { title: t('common.fromDate'), dataIndex: 'validFrom', render: (value: string) => formatDate(value) },
        {
          title: t('common.toDate'),
          dataIndex: 'validTo',
          render: (value: string | null) => (value ? formatDate(value) : t('unit.stillValid')),
        },
      ]}
    />
  );
}
