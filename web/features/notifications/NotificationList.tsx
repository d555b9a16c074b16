import { Empty, List, Typography } from 'antd';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDateTime } from '../../lib/format';
import type { AppNotification } from './api';

/** The bell's list of the latest notifications (loaded when the bell is first opened). */
export function NotificationList({
  items,
  onOpen,
}: {
  items: AppNotification[];
  onOpen: (n: AppNotification) => void;
}) {
  const { lang } = useLanguage();
  if (items.length === 0) {
    return <Empty description={lang === 'vi' ? 'Không có thông báo' : 'No notifications'} />;
  }
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(n) => (
        <List.Item
          onClick={() => onOpen(n)}
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
  );
}
