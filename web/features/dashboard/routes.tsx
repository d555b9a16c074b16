import { DashboardOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';

// The page is its own chunk, and ECharts another one below it, so neither is in the first load.
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

/** The dashboard, the landing page after sign-in. */
export const dashboardRoutes: { path: string; element: ReactNode }[] = [
  { path: 'dashboard', element: <DashboardPage /> },
];

export const dashboardMenuItem = {
  key: '/dashboard',
  icon: <DashboardOutlined />,
  label: { vi: 'Tổng quan', en: 'Dashboard' },
};
