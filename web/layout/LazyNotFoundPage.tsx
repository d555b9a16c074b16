import { lazy } from 'react';

/** The 404 page, loaded when first shown: its illustrations stay out of the initial JavaScript. */
export const LazyNotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
