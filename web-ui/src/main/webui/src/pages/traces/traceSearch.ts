import type { Params } from '../../api/http';
import type { TraceSummary } from './api';

/** The trace search form as it lives in the URL (next to the time range's range/from/to). */
export interface TraceSearch {
  service: string;
  operation: string;
  minDuration: string;
  maxDuration: string;
  status: '' | 'error' | 'ok' | 'unset';
  attrs: string[];
  limit: number;
  sort: TraceSort;
}

export const SORTS = { recent: 'Most recent', longest: 'Longest first', shortest: 'Shortest first', spans: 'Most spans' } as const;
export type TraceSort = keyof typeof SORTS;
export const LIMITS = [20, 50, 100] as const;
const STATUSES = ['error', 'ok', 'unset'] as const;
const FIELDS = ['service', 'operation', 'minDuration', 'maxDuration', 'status', 'attr', 'limit', 'sort'] as const;

export function parseTraceSearch(params: URLSearchParams): TraceSearch {
  const status = params.get('status') ?? '';
  const limit = Number(params.get('limit'));
  const sort = params.get('sort') ?? '';
  return {
    service: params.get('service') ?? '',
    operation: params.get('operation') ?? '',
    minDuration: durationOrEmpty(params.get('minDuration')),
    maxDuration: durationOrEmpty(params.get('maxDuration')),
    status: (STATUSES as readonly string[]).includes(status) ? (status as TraceSearch['status']) : '',
    attrs: params.getAll('attr').filter((a) => attrError(a) === null),
    limit: (LIMITS as readonly number[]).includes(limit) ? limit : 20,
    sort: sort in SORTS ? (sort as TraceSort) : 'recent',
  };
}

function durationOrEmpty(text: string | null): string {
  return text && Number.isFinite(Number(text)) && Number(text) >= 0 ? text : '';
}

/** The URL with this search: the form's fields replaced, everything else (the time range) kept. */
export function writeTraceSearch(params: URLSearchParams, search: TraceSearch): URLSearchParams {
  const next = new URLSearchParams(params);
  FIELDS.forEach((f) => next.delete(f));
  const set = (key: string, value: string) => value && next.set(key, value);
  set('service', search.service.trim());
  set('operation', search.operation.trim());
  set('minDuration', search.minDuration);
  set('maxDuration', search.maxDuration);
  set('status', search.status);
  search.attrs.forEach((a) => next.append('attr', a.trim()));
  if (search.limit !== 20) next.set('limit', String(search.limit));
  if (search.sort !== 'recent') next.set('sort', search.sort);
  return next;
}

/** query-service's /traces parameters for a search over a time range. */
export function traceSearchParams(search: TraceSearch, from: Date, to: Date): Params {
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    service: search.service || undefined,
    operation: search.operation || undefined,
    minDuration: search.minDuration || undefined,
    maxDuration: search.maxDuration || undefined,
    status: search.status || undefined,
    attr: search.attrs.length ? search.attrs : undefined,
    limit: search.limit,
  };
}

/** Why an attribute filter is not `key:value` (or `key:` for "has the key"); null when it is fine. */
export function attrError(text: string): string | null {
  const colon = text.indexOf(':');
  if (colon < 0) return 'Write key:value, or key: for any value';
  if (colon === 0 || !text.slice(0, colon).trim()) return 'The key before ":" is missing';
  return null;
}

/** Whether any filter narrows the search (the empty state then suggests widening it). */
export function hasFilters(search: TraceSearch): boolean {
  return Boolean(search.service || search.operation || search.minDuration || search.maxDuration || search.status || search.attrs.length);
}

/** Client-side order of the loaded results; the API always answers newest first. */
export function sortTraces(traces: TraceSummary[], sort: TraceSort): TraceSummary[] {
  if (sort === 'recent') return traces;
  const sorted = [...traces];
  if (sort === 'longest') sorted.sort((a, b) => b.durationMs - a.durationMs);
  if (sort === 'shortest') sorted.sort((a, b) => a.durationMs - b.durationMs);
  if (sort === 'spans') sorted.sort((a, b) => b.spanCount - a.spanCount);
  return sorted;
}
