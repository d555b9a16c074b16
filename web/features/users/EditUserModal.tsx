import { App, Form, Input, Modal, Switch } from 'antd';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/useT';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useUpdateUser } from './api';
import type { UserSummary } from './types';

interface Values {
  fullName: string;
  isDisabled: boolean;
}

/** Full name and whether the account may sign in; `version` guards against a concurrent edit. */
export function EditUserModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();

  const submit = async (current: UserSummary) => {
    const values = await form.validateFields();
    try {
      await update.mutateAsync({
        id: current.id,
        fullName: values.fullName.trim(),
        isDisabled: values.isDisabled,
        version: current.version,
      });
      void message.success(t('users.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        void message.error(error.message, 6);
        onClose();
      } else if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editTitle', { username: user.username }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => user && void submit(user).catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {user && (
        <Form<Values>
          name="edit-user"
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ fullName: user.fullName, isDisabled: user.isDisabled }}
        >
          <Form.Item
            name="fullName"
            label={t('users.fullName')}
            rules={[{ required: true, whitespace: true, message: t('users.fullNameRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="isDisabled"
            label={t('users.disabled')}
            valuePropName="checked"
            extra={t('users.disabledHint')}
          >
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
