import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { LoadingState } from './components/states';
import { AcceptInvitationPage } from './pages/auth/AcceptInvitationPage';
import { LoginPage } from './pages/auth/LoginPage';
import { HomeRedirect } from './pages/HomeRedirect';
import { NotFoundPage } from './pages/NotFoundPage';
import { RequireSession } from './session/session';

/** Each section is its own chunk, so the first page load fetches only what it shows. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactNode {
  const Page = lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <HomeRedirect />
      </RequireSession>
    ),
  },
  {
    path: '/projects/:projectId',
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, element: page(() => import('./pages/issues/IssuesPage'), 'IssuesPage') },
      { path: 'getting-started', element: page(() => import('./pages/getting-started/GettingStartedPage'), 'GettingStartedPage') },
      { path: 'issues', element: page(() => import('./pages/issues/IssuesPage'), 'IssuesPage') },
      { path: 'issues/:issueId', element: page(() => import('./pages/issues/IssueDetailPage'), 'IssueDetailPage') },
      { path: 'issues/:issueId/events/:eventId', element: page(() => import('./pages/issues/IssueDetailPage'), 'IssueDetailPage') },
      { path: 'traces', element: page(() => import('./pages/traces/TracesPage'), 'TracesPage') },
      { path: 'traces/:traceId', element: page(() => import('./pages/traces/TraceViewPage'), 'TraceViewPage') },
      { path: 'services', element: page(() => import('./pages/services/ServicesPage'), 'ServicesPage') },
      { path: 'logs', element: page(() => import('./pages/logs/LogsPage'), 'LogsPage') },
      { path: 'metrics', element: page(() => import('./pages/metrics/MetricsPage'), 'MetricsPage') },
      { path: 'dashboards', element: page(() => import('./pages/dashboards/DashboardsPage'), 'DashboardsPage') },
      { path: 'dashboards/:dashboardId', element: page(() => import('./pages/dashboards/DashboardPage'), 'DashboardPage') },
      { path: 'settings', element: page(() => import('./pages/settings/SettingsPage'), 'SettingsPage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
