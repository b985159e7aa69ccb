import type { Me } from '../../api/types';

/**
 * Whether the caller may change rules, channels and silences: the API asks for alerts:write, which
 * members, admins and owners have (viewers only read alerts), or a token that carries it.
 */
export function canEditAlerts(me: Me, organization: string): boolean {
  if (me.authenticatedBy === 'admin-token') return true;
  if (me.scopes) return me.scopes.includes('alerts:write');
  const role = me.memberships.find((m) => m.organization === organization)?.role;
  return role === 'member' || role === 'admin' || role === 'owner';
}
