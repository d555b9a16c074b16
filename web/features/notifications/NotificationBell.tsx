import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDateTime } from '../../lib/format';
import { useMarkRead, useNotifications, type AppNotification } from './api';

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
      {query.data?.items.length ? (
        <List
          size="small"
          dataSource={query.data.items}
          renderItem={(n) => (
            <List.Item
              onClick={() => open(n)}
              style={{ cursor: 'pointer', background: n.isRead ? undefined : '#fff7e6', paddingInline: 8 }}
            >
              <List.Item.Meta
                title={<span style={{ fontWeight: n.isRead ? 400 : 600 }}>{n.title}</span>}
                description={
                  <>
                    {n.body && <div>{n.body}</div>}
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={lang === 'vi' ? 'Không có thông báo' : 'No notifications'} />
      )}
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
