import { Alert, Button, Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../lib/serverErrors';
import { useMe } from './api';

/** Renders its children for a signed-in user; otherwise sends the browser to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.isError) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
        <Alert
          type="error"
          showIcon
          title={errorMessage(me.error)}
          action={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
        />
      </Flex>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const query = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`/login${query}`} replace />;
  }
  return children;
}
