import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../common/roles';
import { useT } from '../../i18n/useT';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { MIN_PASSWORD_LENGTH } from '../auth/passwordRules';
import { UnitPicker } from '../org-units/UnitPicker';
import { useCreateUser } from './api';
import { OneTimePassword } from './OneTimePassword';
import { RoleSelect } from './RoleSelect';

interface Values {
  username: string;
  fullName: string;
  unitId: string;
  role?: Role;
  password?: string;
}

export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

/** A new account in a unit, optionally with a first grant; without a password the server makes one up. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const [generated, setGenerated] = useState<{ username: string; password: string } | null>(null);

  const close = () => {
    setGenerated(null);
    create.reset();
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const result = await create.mutateAsync({
        username: values.username.trim(),
        fullName: values.fullName.trim(),
        unitId: values.unitId,
        role: values.role,
        password: values.password || undefined,
      });
      void message.success(t('users.created', { username: result.user.username }));
      if (result.generatedPassword) {
        setGenerated({ username: result.user.username, password: result.generatedPassword });
      } else {
        close();
      }
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      onCancel={close}
      destroyOnHidden
      footer={
        generated ? (
          <Button type="primary" onClick={close}>
            {t('common.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => void submit().catch(() => undefined)}>
              {t('common.save')}
            </Button>
          </>
        )
      }
    >
      {generated ? (
        <OneTimePassword username={generated.username} password={generated.password} />
      ) : (
        <Form<Values> name="create-user" form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[
              { required: true, message: t('login.usernameRequired') },
              { min: 3, message: t('users.usernameTooShort') },
              { pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="fullName"
            label={t('users.fullName')}
            rules={[{ required: true, whitespace: true, message: t('users.fullNameRequired') }]}
          >
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('common.unit')}
            rules={[{ required: true, message: t('users.unitRequired') }]}
          >
            <UnitPicker />
          </Form.Item>
          <Form.Item name="role" label={t('users.firstRole')} extra={t('users.firstRoleHint')}>
            <RoleSelect allowClear placeholder={t('users.noRole')} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHint')}
            rules={[{ min: MIN_PASSWORD_LENGTH, message: t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
