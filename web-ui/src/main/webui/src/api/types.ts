/** Shapes shared by several pages; each page area keeps its own in its api.ts. */

export interface DsnKey {
  publicKey: string;
  dsn: string;
  label: string;
  active: boolean;
  rateLimitPerMinute: number | null;
  createdAt: string;
}

export interface Project {
  id: number;
  organization: string;
  slug: string;
  name: string;
  platform: string;
  keys: DsnKey[];
}

export type Role = 'owner' | 'admin' | 'member' | 'viewer';

export interface Membership {
  organization: string;
  role: Role | null;
}

export interface Me {
  authenticatedBy: 'session' | 'user-token' | 'organization-token' | 'admin-token';
  user: { id: number; email: string; name: string } | null;
  memberships: Membership[];
  scopes: string[] | null;
  csrfToken: string | null;
}
