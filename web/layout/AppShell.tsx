import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/useT';
import { PageErrorBoundary } from './PageErrorBoundary';
import { PageSpinner } from './PageSpinner';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

export const HEADER_COLOR = '#b91c1c';

/** Header, side menu (a drawer on phones) and the current page. */
export function AppShell() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          paddingInline: isPhone ? 8 : 24,
          background: HEADER_COLOR,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {isPhone && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
            aria-label={t('nav.openMenu')}
            style={{ color: '#fff' }}
          />
        )}
        <Link to="/org-units" style={{ display: 'flex', alignItems: 'center', gap: 8, color: '#fff' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.name')}</span>
        </Link>
        <div style={{ flex: 1 }} />
        <NotificationBell />
        <LanguageSwitch isOnDark isCompact={isPhone} />
        <UserMenu isCompact={isPhone} />
      </Layout.Header>
      <Layout>
        {!isPhone && (
          <Layout.Sider width={232} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <PageErrorBoundary key={location.pathname} title={t('common.pageError')} retryLabel={t('common.reload')}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
          size={260}
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
