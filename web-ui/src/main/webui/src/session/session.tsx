import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { api, ApiError, setCsrfToken, UNAUTHORIZED_EVENT } from '../api/http';
import type { Me, Role } from '../api/types';
import { FullPageLoader, ErrorState } from '../components/states';

const SessionContext = createContext<Me | null>(null);

/** The signed-in caller; only usable below RequireSession. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe outside RequireSession');
  return me;
}

/** The caller's role in an organization; admin tokens act as owners. */
export function roleIn(me: Me, organization: string): Role | null {
  if (me.authenticatedBy === 'admin-token') return 'owner';
  return me.memberships.find((m) => m.organization === organization)?.role ?? null;
}

/** Viewers read; members and above change issue state, keys and saved views. */
export function canWrite(me: Me, organization: string): boolean {
  if (me.scopes) return me.scopes.some((s) => s.endsWith(':write') || s.endsWith(':admin'));
  const role = roleIn(me, organization);
  return role !== null && role !== 'viewer';
}

export const meQueryKey = ['auth', 'me'] as const;

/** Renders children for a signed-in user; otherwise sends them to /login and back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const client = useQueryClient();
  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: () => api<Me>('/api/v1/auth/me'),
    retry: (count, error) => !(error instanceof ApiError && error.status === 401) && count < 2,
    staleTime: 60_000,
  });
  useEffect(() => {
    const onUnauthorized = () => client.invalidateQueries({ queryKey: meQueryKey });
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [client]);
  // Writes happen on user actions, after this effect has run: the token need not be set during render.
  useEffect(() => setCsrfToken(me.data?.csrfToken ?? null), [me.data]);

  if (me.isPending) return <FullPageLoader />;
  if (me.error instanceof ApiError && me.error.status === 401) {
    const next = location.pathname + location.search + location.hash;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.error) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
