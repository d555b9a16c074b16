import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAbility } from './features/auth/RequireAbility';
import { RequireAuth } from './features/auth/RequireAuth';
import { AppShell } from './layout/AppShell';
import { LazyNotFoundPage } from './layout/LazyNotFoundPage';
import { LazyPage } from './layout/LazyPage';
import { features } from './features/registry';

// Each page is its own chunk: the first load carries only the shell.
const LoginPage = lazy(() => import('./features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const OrgTreePage = lazy(() => import('./features/org-units/OrgTreePage').then((m) => ({ default: m.OrgTreePage })));
const OrgUnitPage = lazy(() => import('./features/org-units/OrgUnitPage').then((m) => ({ default: m.OrgUnitPage })));
const UsersPage = lazy(() => import('./features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));

export function App() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <LazyPage>
            <LoginPage />
          </LazyPage>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/dashboard" replace />} />
        <Route path="org-units" element={<OrgTreePage />} />
        <Route path="org-units/:id" element={<OrgUnitPage />} />
        {features.flatMap((feature) =>
          feature.routes.map((route) => <Route key={route.path} path={route.path} element={route.element} />),
        )}
        <Route
          path="users"
          element={
            <RequireAbility ability="manageUsers">
              <UsersPage />
            </RequireAbility>
          }
        />
        <Route
          path="audit"
          element={
            <RequireAbility ability="readAudit">
              <AuditPage />
            </RequireAbility>
          }
        />
        <Route path="*" element={<LazyNotFoundPage />} />
      </Route>
    </Routes>
  );
}
