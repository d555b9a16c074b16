import { TeamOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';

// Each page is its own chunk; the phone page stays small.
const MeetingsPage = lazy(() => import('./MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const RecordMeetingPage = lazy(() => import('./RecordMeetingPage').then((m) => ({ default: m.RecordMeetingPage })));
const MeetingGridPage = lazy(() => import('./MeetingGridPage').then((m) => ({ default: m.MeetingGridPage })));
const MeetingStatsPage = lazy(() => import('./MeetingStatsPage').then((m) => ({ default: m.MeetingStatsPage })));
const MeetingPage = lazy(() => import('./MeetingPage').then((m) => ({ default: m.MeetingPage })));

/** Routes of the meetings feature: the list, the secretary's page, the commune grid, the figures, one meeting. */
export const meetingsRoutes: { path: string; element: ReactNode }[] = [
  { path: 'meetings', element: <MeetingsPage /> },
  { path: 'meetings/record', element: <RecordMeetingPage /> },
  { path: 'meetings/grid', element: <MeetingGridPage /> },
  { path: 'meetings/stats', element: <MeetingStatsPage /> },
  { path: 'meetings/:id', element: <MeetingPage /> },
];

export const meetingsMenuItem = {
  key: '/meetings',
  icon: <TeamOutlined />,
  label: { vi: 'Sinh hoạt chi bộ', en: 'Cell meetings' },
};
