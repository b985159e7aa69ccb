import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Params } from '../../api/http';
import type { LogRecord, LogBucket } from '../../api/telemetry';

/** Shapes of query-service's log endpoints (query-service/README.md, "Logs"). */

export type { LogRecord, LogBucket };

export interface LogPage {
  logs: LogRecord[];
  nextCursor: string | null;
  from: string;
  to: string;
}

export interface LogHistogram {
  from: string;
  to: string;
  stepSeconds: number;
  buckets: LogBucket[];
}

export interface LogServices {
  services: string[];
}

/** Records per page of the list; the API allows up to 1000. */
export const PAGE_SIZE = 200;

function logsPath(projectId: number, suffix = ''): string {
  return `/api/v1/projects/${projectId}/logs${suffix}`;
}

export function fetchLogs(projectId: number, params: Params, signal?: AbortSignal): Promise<LogPage> {
  return api<LogPage>(logsPath(projectId), { params, signal });
}

/** The search, newest first, one page of PAGE_SIZE at a time (keyset cursor). */
export function useLogPages(projectId: number, params: Params, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['logs', projectId, 'search', params],
    queryFn: ({ pageParam, signal }) => fetchLogs(projectId, { ...params, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export function useLogHistogram(projectId: number, params: Params, enabled: boolean) {
  return useQuery({
    queryKey: ['logs', projectId, 'histogram', params],
    queryFn: ({ signal }) => api<LogHistogram>(logsPath(projectId, '/histogram'), { params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The services that logged in the range, for the service filter. */
export function useLogServices(projectId: number, from: string, to: string) {
  return useQuery({
    queryKey: ['logs', projectId, 'services', from, to],
    queryFn: ({ signal }) => api<LogServices>(logsPath(projectId, '/services'), { params: { from, to }, signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
