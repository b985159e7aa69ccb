/**
 * Reading Sentry's event schema as SDKs send it. The same field comes in several shapes depending on
 * the SDK and its age (tags as an object or as [key, value] pairs, headers likewise, a query string
 * as text or pairs, exceptions under `exception.values` or as a bare list, timestamps as epoch seconds
 * or ISO text), so every section goes through these helpers instead of trusting one shape.
 */
import type { Frame } from './frames';

export interface Mechanism {
  type?: string;
  handled?: boolean;
  description?: string;
  help_link?: string;
  synthetic?: boolean;
  is_exception_group?: boolean;
  exception_id?: number;
  parent_id?: number;
  source?: string;
  meta?: Record<string, unknown>;
  data?: Record<string, unknown>;
}

export interface Stacktrace {
  frames?: Frame[] | null;
}

export interface ExceptionValue {
  type?: string | null;
  value?: string | null;
  module?: string | null;
  mechanism?: Mechanism | null;
  stacktrace?: Stacktrace | null;
  raw_stacktrace?: Stacktrace | null;
  thread_id?: number | string | null;
}

export interface Breadcrumb {
  timestamp?: number | string | null;
  type?: string | null;
  category?: string | null;
  message?: string | null;
  level?: string | null;
  data?: Record<string, unknown> | null;
}

export interface SentryRequest {
  url?: string;
  method?: string;
  query_string?: unknown;
  headers?: unknown;
  cookies?: unknown;
  data?: unknown;
  env?: Record<string, unknown>;
}

/** The normalized event as stored (only the fields the page reads are typed). */
export interface SentryEvent {
  event_id?: string;
  timestamp?: number | string;
  platform?: string;
  level?: string;
  message?: string | { formatted?: string; message?: string; params?: unknown[] } | null;
  logentry?: { formatted?: string; message?: string } | null;
  exception?: { values?: ExceptionValue[] | null } | ExceptionValue[] | null;
  threads?: { values?: Array<{ id?: unknown; name?: string; crashed?: boolean; current?: boolean; stacktrace?: Stacktrace }> } | null;
  stacktrace?: Stacktrace | null;
  breadcrumbs?: { values?: Breadcrumb[] } | Breadcrumb[] | null;
  request?: SentryRequest | null;
  user?: Record<string, unknown> | null;
  contexts?: Record<string, Record<string, unknown> | null> | null;
  sdk?: { name?: string; version?: string; integrations?: string[]; packages?: Array<{ name?: string; version?: string }> } | null;
  extra?: Record<string, unknown> | null;
  modules?: Record<string, string> | null;
  fingerprint?: string[];
  transaction?: string | null;
}

/** [key, value] pairs from an object, a list of pairs, or a list of {key, value}. */
export function pairs(value: unknown): Array<[string, unknown]> {
  if (!value) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item): Array<[string, unknown]> => {
      if (Array.isArray(item) && item.length >= 2) return [[String(item[0]), item[1]]];
      if (item && typeof item === 'object' && 'key' in item) return [[String((item as { key: unknown }).key), (item as { value?: unknown }).value]];
      return [];
    });
  }
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>);
  return [];
}

/** A query string's parameters, from text ("a=1&b=2"), pairs or an object. */
export function queryPairs(value: unknown): Array<[string, unknown]> {
  if (typeof value === 'string') {
    return [...new URLSearchParams(value.startsWith('?') ? value.slice(1) : value).entries()];
  }
  return pairs(value);
}

/** The exception chain in Sentry's order: the first raised (innermost cause) first, the outermost last. */
export function exceptionValues(event: SentryEvent): ExceptionValue[] {
  const exception = event.exception;
  if (!exception) return [];
  const values = Array.isArray(exception) ? exception : exception.values;
  return (values ?? []).filter((v): v is ExceptionValue => Boolean(v));
}

/**
 * A stack trace outside an exception: a captured message with attach_stacktrace, or the crashed
 * (else current) thread of SDKs that report threads.
 */
export function standaloneStacktrace(event: SentryEvent): Stacktrace | null {
  if (event.stacktrace?.frames?.length) return event.stacktrace;
  const threads = event.threads?.values ?? [];
  const thread = threads.find((t) => t.crashed) ?? threads.find((t) => t.current) ?? null;
  return thread?.stacktrace?.frames?.length ? thread.stacktrace : null;
}

export function breadcrumbList(event: SentryEvent): Breadcrumb[] {
  const crumbs = event.breadcrumbs;
  if (!crumbs) return [];
  return (Array.isArray(crumbs) ? crumbs : (crumbs.values ?? [])).filter(Boolean);
}

/** Epoch milliseconds of a Sentry timestamp (epoch seconds with a fraction, or ISO-8601 text). */
export function timestampMillis(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value * 1000;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** "-1.25s", "-3m 02s", "+0.10s": how long before (or after) the event a breadcrumb happened. */
export function relativeToEvent(crumbMs: number | null, eventMs: number | null): string {
  if (crumbMs === null || eventMs === null) return '';
  // Rounded to what is shown, so a crumb 2 ms before the event reads "0.00s", not "-0.00s".
  const delta = Math.round((crumbMs - eventMs) / 10) * 10;
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '';
  const abs = Math.abs(delta);
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(2)}s`;
  if (abs < 3_600_000) return `${sign}${Math.floor(abs / 60_000)}m ${String(Math.round((abs % 60_000) / 1000)).padStart(2, '0')}s`;
  return `${sign}${Math.floor(abs / 3_600_000)}h ${String(Math.floor((abs % 3_600_000) / 60_000)).padStart(2, '0')}m`;
}

/** The event's message text, whichever of Sentry's shapes carries it. */
export function messageText(event: SentryEvent): string | null {
  const m = event.logentry ?? event.message;
  if (!m) return null;
  if (typeof m === 'string') return m;
  return m.formatted || m.message || null;
}

/** A value for display: text as is, everything else as compact JSON. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

/** The title of an exception: "ValueError: invalid order payload", or the type or value alone. */
export function exceptionTitle(e: ExceptionValue): { type: string; value: string } {
  return { type: e.type || (e.module ? e.module : 'Error'), value: e.value ?? '' };
}

function keyValues(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

const HTTP_CATEGORIES = new Set(['httplib', 'http', 'fetch', 'xhr']);

/** A breadcrumb's message and data on one line; HTTP ones read like a request log. */
export function crumbText(crumb: Breadcrumb): string {
  const data = crumb.data ?? {};
  if (crumb.type === 'http' || HTTP_CATEGORIES.has(crumb.category ?? '')) {
    const { method, url, status_code: status, ...rest } = data as Record<string, unknown>;
    const line = [method, url, status !== undefined ? `→ ${status}` : null, keyValues(rest)].filter(Boolean).join(' ');
    if (line) return [crumb.message, line].filter(Boolean).join(' ');
  }
  return [crumb.message ?? '', keyValues(data)].filter(Boolean).join('  ');
}
