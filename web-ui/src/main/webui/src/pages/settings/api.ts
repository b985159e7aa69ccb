import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { DsnKey, Role } from '../../api/types';

export interface Member {
  userId: number;
  email: string;
  name: string;
  role: Role;
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  userId: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  token: string | null;
}

export interface Invitation {
  id: number;
  email: string;
  role: Role;
  inviteUrl: string;
}

/** Scopes an API token can carry, as query-service names them (Sentry's names). */
export const SCOPES = [
  'org:read', 'org:write', 'org:admin', 'member:read', 'member:write', 'member:admin', 'team:read', 'team:write',
  'team:admin', 'project:read', 'project:write', 'project:admin', 'project:releases', 'event:read', 'event:write',
  'event:admin', 'alerts:read', 'alerts:write',
];

const org = (slug: string) => `/api/v1/organizations/${encodeURIComponent(slug)}`;

export function useMembers(slug: string) {
  return useQuery({ queryKey: ['members', slug], queryFn: () => api<Member[]>(`${org(slug)}/members`) });
}

export function useTokens(slug: string) {
  return useQuery({ queryKey: ['tokens', slug], queryFn: () => api<ApiToken[]>(`${org(slug)}/tokens`) });
}

export function useKeys(projectId: number) {
  return useQuery({ queryKey: ['keys', projectId], queryFn: () => api<DsnKey[]>(`/api/v1/projects/${projectId}/keys`) });
}

/** A write that refreshes the listed query once it succeeds. */
export function useWrite<A, R>(invalidate: readonly unknown[], write: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: invalidate }) });
}

export const settingsApi = {
  changeRole: (slug: string, userId: number, role: Role) => api<Member>(`${org(slug)}/members/${userId}`, { method: 'PUT', body: { role } }),
  removeMember: (slug: string, userId: number) => api<void>(`${org(slug)}/members/${userId}`, { method: 'DELETE' }),
  invite: (slug: string, email: string, role: Role) => api<Invitation>(`${org(slug)}/invitations`, { method: 'POST', body: { email, role } }),
  createToken: (slug: string, name: string, scopes: string[], organizationToken: boolean) =>
    api<ApiToken>(`${org(slug)}/tokens`, { method: 'POST', body: { name, scopes, organizationToken } }),
  revokeToken: (slug: string, id: number) => api<void>(`${org(slug)}/tokens/${id}`, { method: 'DELETE' }),
  addKey: (projectId: number) => api<DsnKey>(`/api/v1/projects/${projectId}/keys`, { method: 'POST' }),
  updateKey: (projectId: number, key: string, change: Partial<Pick<DsnKey, 'label' | 'active' | 'rateLimitPerMinute'>>) =>
    api<DsnKey>(`/api/v1/projects/${projectId}/keys/${key}`, { method: 'PUT', body: change }),
  rotateKey: (projectId: number, key: string) => api<DsnKey>(`/api/v1/projects/${projectId}/keys/${key}/rotate`, { method: 'POST' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<void>('/api/v1/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
  createProject: (organization: string, slug: string, name: string, platform: string) =>
    api<{ id: number }>('/api/v1/projects', { method: 'POST', body: { organization, slug, name, platform } }),
};
