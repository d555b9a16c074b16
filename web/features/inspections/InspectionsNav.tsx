import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';

const TABS = [
  { path: '/inspections', key: 'nav.plans' },
  { path: '/inspections/recommendations', key: 'nav.recommendations' },
  { path: '/inspections/stats', key: 'nav.stats' },
] as const;

/** The three views of the feature: plans, recommendations, figures. */
export function InspectionsNav() {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current =
    TABS.find((tab) => tab.path !== '/inspections' && pathname.startsWith(tab.path))?.path ?? '/inspections';
  return (
    <Segmented
      value={current}
      options={TABS.map((tab) => ({ value: tab.path, label: t(tab.key) }))}
      onChange={(path) => void navigate(path)}
    />
  );
}
