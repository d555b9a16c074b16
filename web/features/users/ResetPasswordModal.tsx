import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { MIN_PASSWORD_LENGTH } from '../auth/passwordRules';
import { useResetPassword } from './api';
import { OneTimePassword } from './OneTimePassword';
import type { UserSummary } from './types';

/** Sets a new password (typed, or made up by the server) and shows it once. */
export function ResetPasswordModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password?: string }>();
  const reset = useResetPassword();
  const [newPassword, setNewPassword] = useState<string | null>(null);

  const close = () => {
    setNewPassword(null);
    reset.reset();
    onClose();
  };

  const submit = async (current: UserSummary) => {
    const values = await form.validateFields();
    try {
      const result = await reset.mutateAsync({ id: current.id, password: values.password || undefined });
      setNewPassword(result.password);
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { username: user.username }) : ''}
      onCancel={close}
      destroyOnHidden
      footer={
        newPassword ? (
          <Button type="primary" onClick={close}>
            {t('common.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger
              loading={reset.isPending}
              onClick={() => user && void submit(user).catch(() => undefined)}
            >
              {t('users.resetSubmit')}
            </Button>
          </>
        )
      }
    >
      {user && newPassword ? (
        <OneTimePassword username={user.username} password={newPassword} />
      ) : (
        <Form name="reset-password" form={form} layout="vertical" preserve={false}>
          <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
          <Form.Item
            name="password"
            label={t('users.password')}
            rules={[{ min: MIN_PASSWORD_LENGTH, message: t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
