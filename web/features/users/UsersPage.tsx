import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../lib/serverErrors';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useUsers } from './api';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { GrantsDrawer } from './GrantsDrawer';
import { ResetPasswordModal } from './ResetPasswordModal';
import type { UserSummary } from './types';
import { UsersTable } from './UsersTable';

type Dialog = { kind: 'edit' | 'reset' | 'grants'; userId: string } | { kind: 'create' } | null;

/** Accounts in the caller's subtree: search, create, edit, reset password, grants. */
export function UsersPage() {
  const t = useT();
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 300);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(search, page, pageSize);
  const items = users.data?.items ?? [];

  // Dialogs look the user up in the latest list, so a grant added shows at once.
  const dialogUser = (kind: 'edit' | 'reset' | 'grants'): UserSummary | null =>
    dialog && dialog.kind === kind ? (items.find((user) => user.id === dialog.userId) ?? null) : null;
  const open = (kind: 'edit' | 'reset' | 'grants') => (user: UserSummary) => setDialog({ kind, userId: user.id });
  const close = () => setDialog(null);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </Flex>
      <Card size="small">
        <Flex vertical gap={12}>
          <Input
            prefix={<SearchOutlined />}
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            value={term}
            onChange={(event) => {
              setTerm(event.target.value);
              setPage(1);
            }}
            style={{ maxWidth: 420 }}
          />
          {users.isError ? (
            <Alert type="error" showIcon title={errorMessage(users.error)} />
          ) : (
            <UsersTable
              users={items}
              isLoading={users.isFetching}
              pagination={{
                current: page,
                pageSize,
                total: users.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                showTotal: (total) => t('users.total', { count: total }),
                onChange: (nextPage, nextSize) => {
                  setPage(nextSize === pageSize ? nextPage : 1);
                  setPageSize(nextSize);
                },
              }}
              onEdit={open('edit')}
              onResetPassword={open('reset')}
              onGrants={open('grants')}
            />
          )}
        </Flex>
      </Card>
      <CreateUserModal open={dialog?.kind === 'create'} onClose={close} />
      <EditUserModal user={dialogUser('edit')} onClose={close} />
      <ResetPasswordModal user={dialogUser('reset')} onClose={close} />
      <GrantsDrawer user={dialogUser('grants')} onClose={close} />
    </Flex>
  );
}
