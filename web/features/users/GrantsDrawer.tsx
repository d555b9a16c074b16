import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Grid, Popconfirm, Table, Tag, Typography } from 'antd';
import type { Role } from '../../../common/roles';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import type { Grant } from '../auth/types';
import { UnitPicker } from '../org-units/UnitPicker';
import { useAddGrant, useRemoveGrant } from './api';
import { RoleSelect } from './RoleSelect';
import type { UserSummary } from './types';

interface AddValues {
  unitId: string;
  role: Role;
}

const ROLE_COLORS: Record<Role, string> = { viewer: 'default', editor: 'blue', manager: 'gold', admin: 'red' };

/** A user's grants (role on a unit, covering its subtree): add and remove. */
export function GrantsDrawer({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<AddValues>();
  const add = useAddGrant();
  const remove = useRemoveGrant();

  const submit = async (values: AddValues) => {
    if (!user) {
      return;
    }
    try {
      await add.mutateAsync({ userId: user.id, unitId: values.unitId, role: values.role });
      void message.success(t('grants.added'));
      form.resetFields();
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  const removeGrant = async (grant: Grant) => {
    if (!user) {
      return;
    }
    try {
      await remove.mutateAsync({ userId: user.id, grantId: grant.id });
      void message.success(t('grants.removed'));
    } catch (error) {
      void message.error(errorMessage(error), 6);
    }
  };

  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      title={user ? t('grants.title', { name: user.fullName }) : ''}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
    >
      {user && (
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('grants.hint')}
          </Typography.Paragraph>
          <Table<Grant>
            size="small"
            rowKey="id"
            dataSource={user.grants}
            pagination={false}
            locale={{ emptyText: t('grants.none') }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('common.unit'),
                key: 'unit',
                render: (_: unknown, grant) => (
                  <span>
                    {grant.unit.name} <Typography.Text type="secondary">{grant.unit.code}</Typography.Text>
                  </span>
                ),
              },
              {
                title: t('common.role'),
                key: 'role',
                render: (_: unknown, grant) => <Tag color={ROLE_COLORS[grant.role]}>{labels.role(grant.role)}</Tag>,
              },
              {
                title: '',
                key: 'remove',
                width: 48,
                render: (_: unknown, grant) => (
                  <Popconfirm
                    title={t('grants.removeConfirm')}
                    okText={t('common.remove')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => removeGrant(grant)}
                  >
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                  </Popconfirm>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('grants.add')}
          </Typography.Title>
          <Form<AddValues> name="add-grant" form={form} layout="vertical" onFinish={(values) => void submit(values)}>
            <Form.Item
              name="unitId"
              label={t('common.unit')}
              rules={[{ required: true, message: t('users.unitRequired') }]}
            >
              <UnitPicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="role"
              label={t('common.role')}
              rules={[{ required: true, message: t('grants.roleRequired') }]}
            >
              <RoleSelect />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
              {t('grants.add')}
            </Button>
          </Form>
        </Flex>
      )}
    </Drawer>
  );
}
