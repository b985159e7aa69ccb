import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Params } from '../../api/http';
import type { TraceSummary, LogRecord } from '../../api/telemetry';

/** Shapes of query-service's trace endpoints (query-service/README.md, "Trace search" and "Trace by id"). */

export type { TraceSummary, LogRecord };

export interface TraceSearchResponse {
  traces: TraceSummary[];
  nextCursor: string | null;
  from: string;
  to: string;
}

export type SpanStatus = 'unset' | 'ok' | 'error';

export interface SpanEvent {
  timestamp: string;
  name: string;
  attributes: Record<string, string>;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: Record<string, string>;
}

export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  depth: number;
  orphan: boolean;
  childSpanIds: string[];
  service: string;
  name: string;
  kind: string;
  status: SpanStatus;
  statusMessage: string | null;
  start: string;
  end: string;
  durationMs: number;
  durationNanos: number;
  traceState: string | null;
  scopeName: string | null;
  scopeVersion: string | null;
  attributes: Record<string, string>;
  resourceAttributes: Record<string, string>;
  events: SpanEvent[];
  links: SpanLink[];
  source: string;
}

export interface TraceError {
  eventId: string;
  issueId: number;
  timestamp: string;
  level: string;
  title: string;
  culprit: string | null;
  message: string | null;
  transaction: string | null;
  spanId: string | null;
}

export interface TraceDetail {
  traceId: string;
  start: string;
  end: string;
  durationMs: number;
  services: string[];
  spanCount: number;
  truncated: boolean;
  spans: Span[];
  errors: TraceError[];
  logs: LogRecord[];
}

/** Pages of trace search results; "Load more" appends the next page (the scatter plots all loaded). */
export function useTraceSearch(projectId: number, params: Params) {
  return useInfiniteQuery({
    queryKey: ['traces', projectId, 'search', params],
    queryFn: ({ pageParam, signal }) =>
      api<TraceSearchResponse>(`/api/v1/projects/${projectId}/traces`, {
        params: { ...params, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Trace logs shown in the Logs tab; the span panel filters them by span id. */
export const TRACE_LOG_LIMIT = 2000;

export function useTrace(projectId: number, traceId: string) {
  return useQuery({
    queryKey: ['traces', projectId, 'trace', traceId],
    queryFn: ({ signal }) =>
      api<TraceDetail>(`/api/v1/projects/${projectId}/traces/${encodeURIComponent(traceId)}`, {
        params: { logLimit: TRACE_LOG_LIMIT },
        signal,
      }),
    // A trace can still be receiving spans for a while; it does not change from one second to the next.
    staleTime: 60_000,
  });
}
