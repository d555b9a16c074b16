import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogout, useLogoutAll } from '../features/auth/api';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { errorMessage } from '../lib/serverErrors';

// Loaded when first opened: its form stays out of the initial JavaScript.
const ChangePasswordModal = lazy(() =>
  import('../features/auth/ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);

/** The user's name in the header, with change password, sign out, and sign out everywhere. */
export function UserMenu({ isCompact }: { isCompact: boolean }) {
  const t = useT();
  const me = useCurrentUser();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();
  const logoutAll = useLogoutAll();
  const [isChangingPassword, setChangingPassword] = useState(false);

  const signOut = async (everywhere: boolean) => {
    try {
      await (everywhere ? logoutAll : logout).mutateAsync();
      await navigate('/login', { replace: true });
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: `${me.fullName} (${me.username}) — ${me.unit.name}`,
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout') },
    { key: 'logout-all', icon: <LogoutOutlined />, label: t('user.logoutAll'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') {
      setChangingPassword(true);
    } else if (key === 'logout') {
      void signOut(false);
    } else if (key === 'logout-all') {
      modal.confirm({
        title: t('user.logoutAllConfirmTitle'),
        content: t('user.logoutAllConfirmText'),
        okText: t('user.logoutAll'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => signOut(true),
      });
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" style={{ color: '#fff' }} aria-label={t('user.menu')} data-testid="user-menu">
          <UserOutlined />
          {!isCompact && <span>{me.fullName}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      {isChangingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}
