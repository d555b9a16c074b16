import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../lib/serverErrors';
import { useDemoAccounts, useLogin, useMe } from './api';
import { DemoAccountsTable } from './DemoAccountsTable';

interface LoginValues {
  username: string;
  password: string;
}

function safeNext(next: string | null): string {
  // Only paths inside this app: never `//host` or a full URL from a crafted link.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

export function LoginPage() {
  const t = useT();
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const demo = useDemoAccounts();

  if (me.data) {
    return <Navigate to={safeNext(params.get('next'))} replace />;
  }

  const error = login.error;
  const errorTitle = isApiError(error, 'RATE_LIMITED')
    ? t('login.lockedTitle')
    : isApiError(error, 'UNAUTHENTICATED')
      ? t('login.failedTitle')
      : t('common.error');

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '16px 12px 32px', background: '#f5f5f5' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 720 }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical gap={16} style={{ width: '100%', maxWidth: 720 }}>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <img src="/favicon.svg" alt="" width={56} height={56} />
          <Typography.Title level={2} style={{ margin: '8px 0 0', color: '#b91c1c' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        <Card style={{ width: '100%', maxWidth: 400, alignSelf: 'center' }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          {error && (
            <Alert
              type="error"
              showIcon
              title={errorTitle}
              description={errorMessage(error)}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          )}
          <Form<LoginValues>
            name="login"
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => login.mutate(values)}
            disabled={login.isPending}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        {demo.data && demo.data.length > 0 && (
          <Card>
            <DemoAccountsTable
              accounts={demo.data}
              onPick={(account) => {
                form.setFieldsValue({ username: account.username, password: account.password });
                login.reset();
              }}
            />
          </Card>
        )}
      </Flex>
    </Flex>
  );
}
