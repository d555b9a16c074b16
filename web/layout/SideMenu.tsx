import { ApartmentOutlined, AuditOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { useLanguage } from '../i18n/useLanguage';
import { features } from '../features/registry';

/** The sections the user may open; Users and Audit only when the server's abilities allow them. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: MenuProps['items'] = [
    { key: '/org-units', icon: <ApartmentOutlined />, label: t('nav.orgUnits') },
    ...features.map(({ menuItem }) => ({ key: menuItem.key, icon: menuItem.icon, label: menuItem.label[lang] })),
    ...(me.abilities.manageUsers ? [{ key: '/users', icon: <TeamOutlined />, label: t('nav.users') }] : []),
    ...(me.abilities.readAudit ? [{ key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') }] : []),
  ];
  const selected = items.map((item) => String(item?.key)).find((key) => pathname.startsWith(key));

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
