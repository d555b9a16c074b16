import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLanguage } from '../../i18n/useLanguage';
import { useMarkRead, useNotifications, type AppNotification } from './api';

// Loaded when the bell is first opened: the list stays out of the initial JavaScript.
const NotificationList = lazy(() => import('./NotificationList').then((m) => ({ default: m.NotificationList })));

/** The bell in the header: unread count, the latest notifications; a click opens the record and marks it read. */
export function NotificationBell() {
  const { lang } = useLanguage();
  const navigate = useNavigate();
  const query = useNotifications();
  const markRead = useMarkRead();
  const [isOpen, setOpen] = useState(false);
  const unread = query.data?.unread ?? 0;
  const label = lang === 'vi' ? `Thông báo (${unread} chưa đọc)` : `Notifications (${unread} unread)`;
  const open = (n: AppNotification) => {
    setOpen(false);
    if (!n.isRead) {
      markRead.mutate(n.id);
    }
    if (n.link) {
      void navigate(n.link);
    }
  };
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }}>
      <Suspense fallback={<Spin size="small" />}>
        <NotificationList items={query.data?.items ?? []} onOpen={open} />
      </Suspense>
    </div>
  );
  return (
    <Popover
      open={isOpen}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>{lang === 'vi' ? 'Thông báo' : 'Notifications'}</span>
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => markRead.mutate(undefined)}>
              {lang === 'vi' ? 'Đánh dấu đã đọc hết' : 'Mark all read'}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" aria-label={label} icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />} />
      </Badge>
    </Popover>
  );
}
