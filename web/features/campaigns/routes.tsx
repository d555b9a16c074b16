import { FileProtectOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';

// Each page is its own chunk.
const CampaignsPage = lazy(() => import('./CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./CampaignPage').then((m) => ({ default: m.CampaignPage })));
const ThemePage = lazy(() => import('./ThemePage').then((m) => ({ default: m.ThemePage })));

/** Routes of the campaigns feature, relative to the shell: the list, one campaign, one study theme. */
export const campaignsRoutes: { path: string; element: ReactNode }[] = [
  { path: 'campaigns', element: <CampaignsPage /> },
  { path: 'campaigns/:id', element: <CampaignPage /> },
  { path: 'study-themes/:id', element: <ThemePage /> },
];

export const campaignsMenuItem = {
  key: '/campaigns',
  icon: <FileProtectOutlined />,
  label: { vi: 'Chỉ thị, nghị quyết', en: 'Directives & resolutions' },
};
