import { AuditOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';

// Each page is its own chunk.
const PlansPage = lazy(() => import('./PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./PlanPage').then((m) => ({ default: m.PlanPage })));
const InspectionPage = lazy(() => import('./InspectionPage').then((m) => ({ default: m.InspectionPage })));
const RecommendationsPage = lazy(() =>
  import('./RecommendationsPage').then((m) => ({ default: m.RecommendationsPage })),
);
const StatsPage = lazy(() => import('./StatsPage').then((m) => ({ default: m.StatsPage })));

/** Routes of the inspections feature: plans, one plan, one inspection, recommendations, figures. */
export const inspectionsRoutes: { path: string; element: ReactNode }[] = [
  { path: 'inspections', element: <PlansPage /> },
  { path: 'inspections/plans/:id', element: <PlanPage /> },
  { path: 'inspections/recommendations', element: <RecommendationsPage /> },
  { path: 'inspections/stats', element: <StatsPage /> },
  { path: 'inspections/:id', element: <InspectionPage /> },
];

export const inspectionsMenuItem = {
  key: '/inspections',
  icon: <AuditOutlined />,
  label: { vi: 'Kiểm tra, giám sát', en: 'Inspection & supervision' },
};
