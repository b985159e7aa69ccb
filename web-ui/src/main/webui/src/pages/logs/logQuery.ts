import type { Params } from '../../api/http';
import { isSeverity, type SeverityLevel } from './severity';

/**
 * The log search as it lives in the URL (service, severity, q, repeatable attr=key:value, traceId)
 * and as the logs API takes it. Invalid values in a hand-edited URL are dropped rather than sent,
 * so a bad link shows unfiltered results instead of an error.
 */
export interface LogFilters {
  service: string | null;
  /** The minimum level. */
  severity: SeverityLevel | null;
  q: string;
  /** "key:value" filters (the API's attr syntax), in the order they were added. */
  attrs: string[];
  traceId: string | null;
}

/** The widest range the logs API accepts (vigil.query.max-range). */
export const MAX_RANGE_MS = 7 * 86_400_000;
/** The API's limit of attribute filters per request. */
export const MAX_ATTRS = 20;

const TRACE_ID = /^[0-9a-f]{32}$/;

export function isTraceId(value: string): boolean {
  const v = value.trim().toLowerCase();
  return TRACE_ID.test(v) && !/^0+$/.test(v);
}

/** "key:value" split at the first colon; null when there is no colon or no key. */
export function parseAttr(text: string): { key: string; value: string } | null {
  const at = text.indexOf(':');
  if (at <= 0) return null;
  const key = text.slice(0, at).trim();
  return key ? { key, value: text.slice(at + 1) } : null;
}

export function attrFilter(key: string, value: string): string {
  return `${key}:${value}`;
}

export function readFilters(params: URLSearchParams): LogFilters {
  const severity = params.get('severity');
  const traceId = (params.get('traceId') ?? '').trim().toLowerCase();
  const attrs = [...new Set(params.getAll('attr').filter((a) => parseAttr(a) !== null))].slice(0, MAX_ATTRS);
  return {
    service: params.get('service')?.trim() || null,
    severity: isSeverity(severity) ? severity : null,
    q: params.get('q')?.trim() ?? '',
    attrs,
    traceId: isTraceId(traceId) ? traceId : null,
  };
}

/** The API parameters of a search (without from/to, which the caller adds). */
export function filterParams(filters: LogFilters): Params {
  return {
    service: filters.service,
    severity: filters.severity,
    q: filters.q || null,
    attr: filters.attrs.length ? filters.attrs : null,
    traceId: filters.traceId,
  };
}

/** A URL with one single-valued filter set, or removed when the value is empty. */
export function withFilter(params: URLSearchParams, name: 'service' | 'severity' | 'q' | 'traceId', value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  const v = value?.trim() ?? '';
  if (v) next.set(name, v);
  else next.delete(name);
  return next;
}

/**
 * A URL filtering on key = value in addition to the current filters. A filter on the same key is
 * replaced: two values of one key can never both match, so "add" means "narrow to this value".
 */
export function withAttribute(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const kept = next.getAll('attr').filter((a) => parseAttr(a)?.key !== key);
  next.delete('attr');
  [...kept, attrFilter(key, value)].slice(-MAX_ATTRS).forEach((a) => next.append('attr', a));
  return next;
}

export function withoutAttribute(params: URLSearchParams, attr: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const kept = next.getAll('attr').filter((a) => a !== attr);
  next.delete('attr');
  kept.forEach((a) => next.append('attr', a));
  return next;
}

/** A URL without any search filter (the time range and live mode stay). */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  ['service', 'severity', 'q', 'attr', 'traceId'].forEach((k) => next.delete(k));
  return next;
}

export function hasFilters(filters: LogFilters): boolean {
  return Boolean(filters.service || filters.severity || filters.q || filters.attrs.length || filters.traceId);
}

/**
 * The range the API can answer: at most MAX_RANGE_MS wide, keeping its end (the newest logs are
 * usually what is wanted). `clamped` says whether the start moved, so the page can say so.
 */
export function clampRange(from: Date, to: Date, maxMs: number = MAX_RANGE_MS): { from: Date; to: Date; clamped: boolean } {
  if (to.getTime() - from.getTime() <= maxMs) return { from, to, clamped: false };
  return { from: new Date(to.getTime() - maxMs), to, clamped: true };
}
