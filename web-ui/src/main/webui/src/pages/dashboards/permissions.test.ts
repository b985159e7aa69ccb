import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { canEditDashboards } from './permissions';

const session = (role: 'owner' | 'admin' | 'member' | 'viewer'): Me => ({
  authenticatedBy: 'session',
  user: { id: 1, email: 'a@example.com', name: 'A' },
  memberships: [{ organization: 'acme', role }],
  scopes: null,
  csrfToken: 'x',
});

describe('canEditDashboards', () => {
  it('follows project:write: admins and owners edit, members and viewers read', () => {
    expect(canEditDashboards(session('owner'), 'acme')).toBe(true);
    expect(canEditDashboards(session('admin'), 'acme')).toBe(true);
    expect(canEditDashboards(session('member'), 'acme')).toBe(false);
    expect(canEditDashboards(session('viewer'), 'acme')).toBe(false);
    expect(canEditDashboards(session('owner'), 'other')).toBe(false);
  });

  it('reads a token’s scopes', () => {
    const token: Me = { authenticatedBy: 'user-token', user: null, memberships: [], scopes: ['event:read', 'project:write'], csrfToken: null };
    expect(canEditDashboards(token, 'acme')).toBe(true);
    expect(canEditDashboards({ ...token, scopes: ['project:read'] }, 'acme')).toBe(false);
  });
});
