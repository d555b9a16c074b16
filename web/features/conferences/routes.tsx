import { VideoCameraOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import { RequireAbility } from '../auth/RequireAbility';

const ConferencesPage = lazy(() => import('./ConferencesPage').then((m) => ({ default: m.ConferencesPage })));
const ConferencePage = lazy(() => import('./ConferencePage').then((m) => ({ default: m.ConferencePage })));
const BridgePage = lazy(() => import('./BridgePage').then((m) => ({ default: m.BridgePage })));
const CheckInPage = lazy(() => import('./CheckInPage').then((m) => ({ default: m.CheckInPage })));
const CategoriesPage = lazy(() => import('./CategoriesPage').then((m) => ({ default: m.CategoriesPage })));
const BoardPage = lazy(() => import('./BoardPage').then((m) => ({ default: m.BoardPage })));

/** Conferences: the list, one conference, a bridge point, its phone check-in, and the organiser's live board. */
export const conferencesRoutes: { path: string; element: ReactNode }[] = [
  { path: 'conferences', element: <ConferencesPage /> },
  {
    path: 'conferences/categories',
    element: (
      <RequireAbility ability="isAdmin">
        <CategoriesPage />
      </RequireAbility>
    ),
  },
  { path: 'conferences/:id', element: <ConferencePage /> },
  { path: 'conferences/:id/board', element: <BoardPage /> },
  { path: 'conferences/:id/bridges/:bridgeId', element: <BridgePage /> },
  { path: 'conferences/:id/bridges/:bridgeId/check-in', element: <CheckInPage /> },
];

export const conferencesMenuItem = {
  key: '/conferences',
  icon: <VideoCameraOutlined />,
  label: { vi: 'Hội nghị trực tuyến', en: 'Online conferences' },
};
