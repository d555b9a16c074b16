import { Tabs, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { reportsMessages } from './messages';

const TABS = ['my', 'review', 'templates', 'interim'] as const;

/** The title and the tabs of the reports pages; each tab is its own address. */
export function ReportsTabs() {
  const t = useMessages(reportsMessages);
  const location = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((tab) => location.pathname.startsWith(`/reports/${tab}`)) ?? 'my';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/reports/${key}`)}
        items={TABS.map((tab) => ({ key: tab, label: t(`tab.${tab}`) }))}
      />
    </>
  );
}
