import type { ReactNode } from 'react';
import { campaignsMenuItem, campaignsRoutes } from './campaigns/routes';
import { commendationsMenuItem, commendationsRoutes } from './commendations/routes';
import { dashboardMenuItem, dashboardRoutes } from './dashboard/routes';
import { meetingsMenuItem, meetingsRoutes } from './meetings/routes';
import { inspectionsMenuItem, inspectionsRoutes } from './inspections/routes';
import { conferencesMenuItem, conferencesRoutes } from './conferences/routes';
import { modelsMenuItem, modelsRoutes } from './models/routes';
import { reportsMenuItem, reportsRoutes } from './reports/routes';

export interface FeatureMenuItem {
  key: string;
  icon: ReactNode;
  label: { vi: string; en: string };
}

/** Domain features beyond the shell, in menu order; each brings its own routes and menu entry. */
export const features: { routes: { path: string; element: ReactNode }[]; menuItem: FeatureMenuItem }[] = [
  { routes: dashboardRoutes, menuItem: dashboardMenuItem },
  { routes: campaignsRoutes, menuItem: campaignsMenuItem },
  { routes: commendationsRoutes, menuItem: commendationsMenuItem },
  { routes: modelsRoutes, menuItem: modelsMenuItem },
  { routes: meetingsRoutes, menuItem: meetingsMenuItem },
  { routes: inspectionsRoutes, menuItem: inspectionsMenuItem },
  { routes: reportsRoutes, menuItem: reportsMenuItem },
  { routes: conferencesRoutes, menuItem: conferencesMenuItem },
];
