import { FileTextOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import { Navigate } from 'react-router';

// Each page is its own chunk.
const MySubmissionsPage = lazy(() => import('./MySubmissionsPage').then((m) => ({ default: m.MySubmissionsPage })));
const SubmissionPage = lazy(() => import('./SubmissionPage').then((m) => ({ default: m.SubmissionPage })));
const ReviewPage = lazy(() => import('./ReviewPage').then((m) => ({ default: m.ReviewPage })));
const TemplatesPage = lazy(() => import('./TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const InterimReviewPage = lazy(() => import('./InterimReviewPage').then((m) => ({ default: m.InterimReviewPage })));

/** Routes of the reports feature: my unit's reports, one report, the review of the level above, templates. */
export const reportsRoutes: { path: string; element: ReactNode }[] = [
  { path: 'reports', element: <Navigate to="/reports/my" replace /> },
  { path: 'reports/my', element: <MySubmissionsPage /> },
  { path: 'reports/submissions/:id', element: <SubmissionPage /> },
  { path: 'reports/review', element: <ReviewPage /> },
  { path: 'reports/templates', element: <TemplatesPage /> },
  { path: 'reports/interim', element: <InterimReviewPage /> },
];

export const reportsMenuItem = {
  key: '/reports',
  icon: <FileTextOutlined />,
  label: { vi: 'Báo cáo định kỳ', en: 'Periodic reports' },
};
