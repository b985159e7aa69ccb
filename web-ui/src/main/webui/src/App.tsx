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
const chunks = {
  issues: () => import('./pages/issues/IssuesPage'),
  issue: () => import('./pages/issues/IssueDetailPage'),
  traces: () => import('./pages/traces/TracesPage'),
  trace: () => import('./pages/traces/TraceViewPage'),
  services: () => import('./pages/services/ServicesPage'),
  logs: () => import('./pages/logs/LogsPage'),
  metrics: () => import('./pages/metrics/MetricsPage'),
  dashboards: () => import('./pages/dashboards/DashboardsPage'),
  dashboard: () => import('./pages/dashboards/DashboardPage'),
  alerts: () => import('./pages/alerts/AlertsPage'),
  'getting-started': () => import('./pages/getting-started/GettingStartedPage'),
  settings: () => import('./pages/settings/SettingsPage'),
};

const DETAIL: Record<string, keyof typeof chunks> = { issues: 'issue', traces: 'trace', dashboards: 'dashboard' };

/**
 * Starts fetching the chunk of the page a URL opens, so it downloads while the session is being
 * checked instead of after (the lazy route then finds it in the module cache).
 */
export function preloadPageFor(pathname: string): void {
  const [, root, , section = 'issues', id] = pathname.split('/');
  if (root !== 'projects') return;
  const key = id && DETAIL[section] ? DETAIL[section] : (section as keyof typeof chunks);
  chunks[key]?.().catch(() => undefined);
}

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
      { index: true, element: page(chunks.issues, 'IssuesPage') },
      { path: 'getting-started', element: page(chunks['getting-started'], 'GettingStartedPage') },
      { path: 'issues', element: page(chunks.issues, 'IssuesPage') },
      { path: 'issues/:issueId', element: page(chunks.issue, 'IssueDetailPage') },
      { path: 'issues/:issueId/events/:eventId', element: page(chunks.issue, 'IssueDetailPage') },
      { path: 'traces', element: page(chunks.traces, 'TracesPage') },
      { path: 'traces/:traceId', element: page(chunks.trace, 'TraceViewPage') },
      { path: 'services', element: page(chunks.services, 'ServicesPage') },
      { path: 'logs', element: page(chunks.logs, 'LogsPage') },
      { path: 'metrics', element: page(chunks.metrics, 'MetricsPage') },
      { path: 'dashboards', element: page(chunks.dashboards, 'DashboardsPage') },
      { path: 'dashboards/:dashboardId', element: page(chunks.dashboard, 'DashboardPage') },
      { path: 'alerts', element: page(chunks.alerts, 'AlertsPage') },
      { path: 'settings', element: page(chunks.settings, 'SettingsPage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
