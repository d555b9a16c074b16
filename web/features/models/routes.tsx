import { BulbOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';

// Each page is its own chunk.
const ModelsPage = lazy(() => import('./ModelsPage').then((m) => ({ default: m.ModelsPage })));
const ModelPage = lazy(() => import('./ModelPage').then((m) => ({ default: m.ModelPage })));

/** Routes of the models feature, relative to the shell: the registry and one model. */
export const modelsRoutes: { path: string; element: ReactNode }[] = [
  { path: 'models', element: <ModelsPage /> },
  { path: 'models/:id', element: <ModelPage /> },
];

export const modelsMenuItem = {
  key: '/models',
  icon: <BulbOutlined />,
  label: { vi: 'Mô hình, cách làm hay', en: 'Models & good practices' },
};
