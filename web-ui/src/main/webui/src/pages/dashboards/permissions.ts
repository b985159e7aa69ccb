import type { Me } from '../../api/types';

/**
 * Whether the caller may create, change and delete dashboards: the API asks for project:write, which
 * admins and owners have (members and viewers read them).
 */
export function canEditDashboards(me: Me, organization: string): boolean {
  if (me.authenticatedBy === 'admin-token') return true;
  if (me.scopes) return me.scopes.includes('project:write') || me.scopes.includes('project:admin');
  const role = me.memberships.find((m) => m.organization === organization)?.role;
  return role === 'admin' || role === 'owner';
}
