import { TrophyOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';

// Each page is its own chunk.
const CommendationsPage = lazy(() => import('./CommendationsPage').then((m) => ({ default: m.CommendationsPage })));
const DecisionPage = lazy(() => import('./DecisionPage').then((m) => ({ default: m.DecisionPage })));
const ImportPage = lazy(() => import('./ImportPage').then((m) => ({ default: m.ImportPage })));
const StatsPage = lazy(() => import('./StatsPage').then((m) => ({ default: m.StatsPage })));

/** Routes of the commendations feature, relative to the shell. */
export const commendationsRoutes: { path: string; element: ReactNode }[] = [
  { path: 'commendations', element: <CommendationsPage /> },
  { path: 'commendations/import', element: <ImportPage /> },
  { path: 'commendations/stats', element: <StatsPage /> },
  { path: 'commendations/:id', element: <DecisionPage /> },
];

export const commendationsMenuItem = {
  key: '/commendations',
  icon: <TrophyOutlined />,
  label: { vi: 'Khen thưởng', en: 'Commendations' },
};
