/** The query-service endpoints of the issue pages (query-service/README.md), their shapes and hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api, type Params } from '../../api/http';
import type { SentryEvent } from './event/sentryEvent';

export interface CountBucket {
  /** Bucket start, epoch seconds. */
  t: number;
  count: number;
}

export interface IssueSummary {
  id: number;
  projectId: number;
  title: string;
  culprit: string;
  type: string;
  level: string;
  platform: string;
  status: string;
  firstSeen: string;
  lastSeen: string;
  firstRelease: string | null;
  lastRelease: string | null;
  count: number;
  userCount: number;
  stats: CountBucket[];
  isNew: boolean;
  isRegressed: boolean;
}

export interface IssuePage {
  issues: IssueSummary[];
  nextCursor: string | null;
  statsPeriod: 'hour' | 'day';
  start: string;
  end: string;
}

export interface TagValue {
  value: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface TagSummary {
  key: string;
  totalValues: number;
  uniqueValues: number;
  topValues: TagValue[];
}

export interface IssueFacets {
  facets: TagSummary[];
  start: string;
  end: string;
}

export interface IssueDetail extends Omit<IssueSummary, 'isNew'> {
  resolvedAt: string | null;
  resolvedInRelease: string | null;
  regressedAt: string | null;
  dailyStats: CountBucket[];
  tags: TagSummary[];
  groupingConfig: string | null;
}

export interface EventUser {
  id: string | null;
  email: string | null;
  username: string | null;
  ipAddress: string | null;
}

export interface EventSummary {
  eventId: string;
  issueId: number;
  projectId: number;
  timestamp: string;
  level: string;
  platform: string;
  title: string;
  culprit: string;
  message: string;
  release: string | null;
  environment: string | null;
  serverName: string | null;
  transaction: string | null;
  traceId: string | null;
  spanId: string | null;
  user: EventUser | null;
  tags: Array<{ key: string; value: string }>;
  sdkName: string | null;
  sdkVersion: string | null;
}

export interface EventDetail extends EventSummary {
  event: SentryEvent;
  previousEventId: string | null;
  nextEventId: string | null;
}

export interface IssueTrace {
  traceId: string;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
}

export const issuesKey = (projectId: number) => ['issues', projectId] as const;

/**
 * placeholderData keeps the previous answer on screen while the next loads (no flash on paging or
 * filtering), but only when it answered for the same project or issue (the key's second element):
 * never another one's data under a new heading.
 */
function sameOwner(owner: number, query: { queryKey: readonly unknown[] } | undefined): boolean {
  return query?.queryKey[1] === owner;
}

export function useIssueList(projectId: number, params: Params, key: unknown[]) {
  return useQuery({
    queryKey: [...issuesKey(projectId), 'list', ...key],
    queryFn: ({ signal }) => api<IssuePage>(`/api/v1/projects/${projectId}/issues`, { params, signal }),
    placeholderData: (previous, query) => (sameOwner(projectId, query) ? previous : undefined),
  });
}

export function useIssueFacets(projectId: number, from: Date, to: Date) {
  return useQuery({
    queryKey: [...issuesKey(projectId), 'facets', from.getTime(), to.getTime()],
    queryFn: ({ signal }) =>
      api<IssueFacets>(`/api/v1/projects/${projectId}/issues/facets`, {
        params: { start: from.toISOString(), end: to.toISOString(), limit: 100 },
        signal,
      }),
    staleTime: 60_000,
    placeholderData: (previous, query) => (sameOwner(projectId, query) ? previous : undefined),
  });
}

export function useIssue(issueId: number) {
  return useQuery({
    queryKey: ['issue', issueId],
    queryFn: ({ signal }) => api<IssueDetail>(`/api/v1/issues/${issueId}`, { signal }),
  });
}

/** One event of the issue: an id, or "latest" / "oldest". */
export function useIssueEvent(issueId: number, eventId: string) {
  return useQuery({
    queryKey: ['issue', issueId, 'event', eventId],
    queryFn: ({ signal }) => api<EventDetail>(`/api/v1/issues/${issueId}/events/${encodeURIComponent(eventId)}`, { signal }),
    placeholderData: (previous, query) => (sameOwner(issueId, query) ? previous : undefined),
  });
}

export function useIssueTraces(projectId: number, issueId: number) {
  return useQuery({
    queryKey: ['issue', issueId, 'traces', projectId],
    queryFn: ({ signal }) =>
      api<{ issueId: number; traces: IssueTrace[] }>(`/api/v1/projects/${projectId}/issues/${issueId}/traces`, {
        params: { limit: 10 },
        signal,
      }),
  });
}

export type StatusAction = 'resolved' | 'ignored' | 'unresolved';

const DONE: Record<StatusAction, string> = { resolved: 'Resolved', ignored: 'Ignored', unresolved: 'Unresolved' };

/** Bulk status change of the selected issues of a project; refreshes every issue query of it. */
export function useBulkStatus(projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, status }: { ids: number[]; status: StatusAction }) =>
      api<{ updated: number }>(`/api/v1/projects/${projectId}/issues`, { method: 'PUT', params: { id: ids }, body: { status } }),
    onSuccess: (result, { status }) => {
      notifications.show({ color: 'green', message: `${DONE[status]} ${result.updated} issue${result.updated === 1 ? '' : 's'}` });
      return Promise.all([
        client.invalidateQueries({ queryKey: issuesKey(projectId) }),
        client.invalidateQueries({ queryKey: ['issue'] }),
      ]);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Status not changed', message: error.message }),
  });
}

/** Status change of one issue from its page. */
export function useIssueStatus(issueId: number, projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: StatusAction) => api<IssueDetail>(`/api/v1/issues/${issueId}`, { method: 'PUT', body: { status } }),
    onSuccess: (issue, status) => {
      client.setQueryData(['issue', issueId], issue);
      notifications.show({ color: 'green', message: `${DONE[status]}: ${issue.title}` });
      return client.invalidateQueries({ queryKey: issuesKey(projectId) });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Status not changed', message: error.message }),
  });
}
