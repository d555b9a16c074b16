import { EditOutlined, KeyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { formatDate } from '../../lib/format';
import type { UserSummary } from './types';

interface Props {
  users: UserSummary[];
  isLoading: boolean;
  pagination: TablePaginationConfig;
  onEdit: (user: UserSummary) => void;
  onResetPassword: (user: UserSummary) => void;
  onGrants: (user: UserSummary) => void;
}

export function UsersTable({ users, isLoading, pagination, onEdit, onResetPassword, onGrants }: Props) {
  const t = useT();
  const labels = useLabels();
  return (
    <Table<UserSummary>
      data-testid="users-table"
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={users}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('login.username'),
          dataIndex: 'username',
          render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
        },
        { title: t('users.fullName'), dataIndex: 'fullName' },
        {
          title: t('common.unit'),
          key: 'unit',
          render: (_: unknown, user) => (
            <span>
              {user.unit.name} <Typography.Text type="secondary">{user.unit.code}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('users.grants'),
          key: 'grants',
          render: (_: unknown, user) =>
            user.grants.length === 0 ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <Flex wrap gap={4}>
                {user.grants.map((grant) => (
                  <Tag key={grant.id}>
                    {labels.role(grant.role)} · {grant.unit.name}
                  </Tag>
                ))}
              </Flex>
            ),
        },
        {
          title: t('users.status'),
          key: 'status',
          render: (_: unknown, user) =>
            user.isDisabled ? (
              <Tag color="red">{t('users.statusDisabled')}</Tag>
            ) : (
              <Tag color="green">{t('users.statusActive')}</Tag>
            ),
        },
        { title: t('users.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDate(value) },
        {
          title: '',
          key: 'actions',
          fixed: 'right',
          render: (_: unknown, user) => (
            <Flex gap={4}>
              <Tooltip title={t('users.edit')}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => onEdit(user)}
                  aria-label={t('users.edit')}
                />
              </Tooltip>
              <Tooltip title={t('users.resetPassword')}>
                <Button
                  size="small"
                  icon={<KeyOutlined />}
                  onClick={() => onResetPassword(user)}
                  aria-label={t('users.resetPassword')}
                />
              </Tooltip>
              <Tooltip title={t('users.manageGrants')}>
                <Button
                  size="small"
                  icon={<SafetyCertificateOutlined />}
                  onClick={() => onGrants(user)}
                  aria-label={t('users.manageGrants')}
                />
              </Tooltip>
            </Flex>
          ),
        },
      ]}
    />
  );
}
