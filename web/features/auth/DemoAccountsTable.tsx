import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { compareVietnamese } from '../../../common/text';
import { ROLES } from '../../../common/roles';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import type { DemoAccount } from './types';

interface Props {
  accounts: DemoAccount[];
  onPick: (account: DemoAccount) => void;
}

/** The demo data's accounts; a click on a row fills the sign-in form. */
export function DemoAccountsTable({ accounts, onPick }: Props) {
  const t = useT();
  const labels = useLabels();
  const sorted = [...accounts].sort(
    (a, b) => ROLES.indexOf(b.role) - ROLES.indexOf(a.role) || compareVietnamese(a.unitName, b.unitName),
  );
  const columns: ColumnsType<DemoAccount> = [
    {
      title: t('login.username'),
      dataIndex: 'username',
      render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
    },
    {
      title: t('login.password'),
      dataIndex: 'password',
      render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
    },
    { title: t('common.role'), dataIndex: 'role', render: (_: unknown, row) => labels.role(row.role) },
    {
      title: t('common.unit'),
      dataIndex: 'unitName',
      render: (_: unknown, row) => (
        <span>
          {row.unitName} <Typography.Text type="secondary">({row.unitCode})</Typography.Text>
        </span>
      ),
    },
  ];
  return (
    <div data-testid="demo-accounts">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('login.demoTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('login.demoHint')}
      </Typography.Paragraph>
      <Table<DemoAccount>
        size="small"
        rowKey="username"
        columns={columns}
        dataSource={sorted}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onClick: () => onPick(row), style: { cursor: 'pointer' } })}
      />
    </div>
  );
}
