/**
 * The issue list's search as it lives in the URL, so a reload or a shared link shows the same list:
 * `query`, `status` (absent = unresolved), `level`, `environment`, `release`, `sort` (absent =
 * lastSeen), the time range (see lib/timeRange) and `cursor`, repeated: the stack of pages walked
 * through with "Next", the last one being the page shown. Changing a filter starts again at page one.
 */
import type { Params } from '../../api/http';

export const DEFAULT_STATUS = 'unresolved';
export const DEFAULT_SORT = 'lastSeen';

export const STATUS_OPTIONS = [
  { value: 'unresolved', label: 'Unresolved' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'resolvedInNextRelease', label: 'Resolved in next release' },
  { value: 'ignored', label: 'Ignored' },
  { value: 'all', label: 'All statuses' },
];

export const SORT_OPTIONS = [
  { value: 'lastSeen', label: 'Last seen' },
  { value: 'firstSeen', label: 'First seen' },
  { value: 'events', label: 'Events' },
  { value: 'users', label: 'Users' },
];

export const LEVELS = ['fatal', 'error', 'warning', 'info', 'debug'];

export type FilterKey = 'query' | 'status' | 'level' | 'environment' | 'release' | 'sort';

export interface IssueSearch {
  query: string;
  status: string;
  level: string | null;
  environment: string | null;
  release: string | null;
  sort: string;
  /** Cursors of the pages after the first; the last one is the page shown. */
  cursors: string[];
}

const DEFAULTS: Partial<Record<FilterKey, string>> = { status: DEFAULT_STATUS, sort: DEFAULT_SORT };

export function readSearch(params: URLSearchParams): IssueSearch {
  const sort = params.get('sort');
  return {
    query: params.get('query') ?? '',
    status: params.get('status') || DEFAULT_STATUS,
    level: params.get('level') || null,
    environment: params.get('environment') || null,
    release: params.get('release') || null,
    sort: sort && SORT_OPTIONS.some((o) => o.value === sort) ? sort : DEFAULT_SORT,
    cursors: params.getAll('cursor').filter(Boolean),
  };
}

/** The query-service parameters of the page shown. */
export function listParams(search: IssueSearch, from: Date, to: Date, limit: number): Params {
  return {
    query: search.query.trim() || undefined,
    status: search.status,
    level: search.level,
    environment: search.environment,
    release: search.release,
    sort: search.sort,
    start: from.toISOString(),
    end: to.toISOString(),
    limit,
    cursor: search.cursors[search.cursors.length - 1],
  };
}

/** Sets (or, for an empty or default value, removes) a filter and goes back to the first page. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  const trimmed = value?.trim() ?? '';
  if (!trimmed || DEFAULTS[key] === trimmed) next.delete(key);
  else next.set(key, trimmed);
  next.delete('cursor');
  return next;
}

/** The URL of the next page. */
export function nextPage(params: URLSearchParams, cursor: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.append('cursor', cursor);
  return next;
}

/** The URL of the previous page (the first page when only one cursor was walked). */
export function previousPage(params: URLSearchParams): URLSearchParams {
  const cursors = params.getAll('cursor');
  const next = new URLSearchParams(params);
  next.delete('cursor');
  cursors.slice(0, -1).forEach((c) => next.append('cursor', c));
  return next;
}

/** True when the list is narrowed by anything but the time range and the default status. */
export function isFiltered(search: IssueSearch): boolean {
  return Boolean(search.query.trim() || search.level || search.environment || search.release || search.status !== DEFAULT_STATUS);
}

/** Query keys are built from the same fields, so any change of the search refetches. */
export function searchKey(search: IssueSearch): string {
  return JSON.stringify([search.query.trim(), search.status, search.level, search.environment, search.release, search.sort, search.cursors]);
}
