import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { QueryData } from './promql';

/**
 * The project's Prometheus-compatible data source: the base URL Grafana or codemirror-promql is
 * given; they call `<base>/api/v1/query`, `/labels`, `/series`…
 */
export function promBase(projectId: number): string {
  return `/api/v1/projects/${projectId}/prometheus`;
}

/** Prometheus's envelope; `api()` already turns `{"status":"error","error":…}` answers into ApiError. */
interface PromEnvelope<T> {
  status: 'success';
  data: T;
  warnings?: string[];
}

export interface MetricMetadata {
  type: string;
  help: string;
  unit: string;
}

export interface PromResult {
  data: QueryData;
  warnings: string[];
}

async function prom<T>(projectId: number, path: string, params: Record<string, string | number | string[] | undefined>, signal?: AbortSignal) {
  const body = await api<PromEnvelope<T>>(`${promBase(projectId)}/api/v1/${path}`, { params, signal });
  return { data: body.data, warnings: body.warnings ?? [] };
}

/** A range query over [from, to] every `step` seconds. */
export function usePromRange(projectId: number, query: string, from: Date, to: Date, step: number) {
  // Aligned to the step, as Grafana does: consecutive refreshes ask for the same grid (and cache well).
  const start = Math.floor(from.getTime() / 1000 / step) * step;
  const end = Math.floor(to.getTime() / 1000 / step) * step;
  return useQuery({
    queryKey: ['prom', projectId, 'range', query, start, end, step],
    queryFn: ({ signal }) => prom<QueryData>(projectId, 'query_range', { query, start, end, step }, signal),
    enabled: query.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
    select: (r): PromResult & { start: number; end: number; step: number } => ({ ...r, start, end, step }),
  });
}

/** An instant query at `time`. */
export function usePromInstant(projectId: number, query: string, time: Date) {
  const t = Math.floor(time.getTime() / 1000);
  return useQuery({
    queryKey: ['prom', projectId, 'instant', query, t],
    queryFn: ({ signal }) => prom<QueryData>(projectId, 'query', { query, time: t }, signal),
    enabled: query.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Metric names seen in [from, to]. */
export function useMetricNames(projectId: number, from: Date, to: Date) {
  const start = Math.floor(from.getTime() / 1000);
  const end = Math.floor(to.getTime() / 1000);
  return useQuery({
    queryKey: ['prom', projectId, 'names', start, end],
    queryFn: ({ signal }) => prom<string[]>(projectId, 'label/__name__/values', { start, end }, signal),
    staleTime: 60_000,
  });
}

/** Type, help and unit per metric family. */
export function useMetricMetadata(projectId: number) {
  return useQuery({
    queryKey: ['prom', projectId, 'metadata'],
    queryFn: ({ signal }) => prom<Record<string, MetricMetadata[]>>(projectId, 'metadata', {}, signal),
    staleTime: 5 * 60_000,
  });
}

/** Label names of one metric's series in [from, to]. */
export function useMetricLabels(projectId: number, metric: string | null, from: Date, to: Date) {
  const start = Math.floor(from.getTime() / 1000);
  const end = Math.floor(to.getTime() / 1000);
  return useQuery({
    queryKey: ['prom', projectId, 'labels', metric, start, end],
    queryFn: ({ signal }) => prom<string[]>(projectId, 'labels', { 'match[]': metric ?? undefined, start, end }, signal),
    enabled: metric !== null,
    staleTime: 60_000,
  });
}

/** The metadata of a series name: its own entry, else its family's (without _bucket/_count/_sum/_total). */
export function metadataOf(metadata: Record<string, MetricMetadata[]> | undefined, name: string): MetricMetadata | undefined {
  if (!metadata) return undefined;
  return (metadata[name] ?? metadata[name.replace(/(_count|_sum|_bucket|_total)$/, '')])?.[0];
}
