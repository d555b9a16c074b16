import { Alert, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../lib/serverErrors';
import { atQuery } from '../../lib/useAtDate';
import { useChildUnits } from './api';
import type { OrgUnitSummary } from './types';
import { validityText } from './validity';

/** The units directly under this one on `at`. */
export function UnitChildrenTable({ unitId, at }: { unitId: string; at: string }) {
  const t = useT();
  const labels = useLabels();
  const children = useChildUnits(unitId, at);
  if (children.isError) {
    return <Alert type="error" showIcon title={errorMessage(children.error)} />;
  }
  return (
    <Table<OrgUnitSummary>
      data-testid="unit-children"
      size="small"
      rowKey="id"
      loading={children.isPending}
      dataSource={children.data ?? []}
      pagination={(children.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('unit.noChildren') }}
      columns={[
        {
          title: t('unit.name'),
          dataIndex: 'name',
          render: (_: unknown, row) => <Link to={`/org-units/${row.id}${atQuery(at)}`}>{row.name}</Link>,
        },
        {
          title: t('unit.code'),
          dataIndex: 'code',
          render: (value: string) => <Typography.Text type="secondary">{value}</Typography.Text>,
        },
        { title: t('unit.kind'), dataIndex: 'kind', render: (_: unknown, row) => <Tag>{labels.kind(row.kind)}</Tag> },
        {
          title: t('unit.validity'),
          key: 'validity',
          render: (_: unknown, row) => validityText(t, row.validFrom, row.validTo),
        },
      ]}
    />
  );
}
