import { describe, expect, it } from 'vitest';
import { withParams } from '../../api/http';
import type { TraceSummary } from './api';
import { attrError, hasFilters, parseTraceSearch, sortTraces, traceSearchParams, writeTraceSearch } from './traceSearch';

describe('trace search in the URL', () => {
  it('round-trips every field and keeps the time range', () => {
    const url = new URLSearchParams('range=6h');
    const search = {
      service: 'checkout',
      operation: 'POST /api/checkout',
      minDuration: '100',
      maxDuration: '2500.5',
      status: 'error' as const,
      attrs: ['http.route:/checkout', 'user.id:'],
      limit: 50,
      sort: 'longest' as const,
    };
    const written = writeTraceSearch(url, search);
    expect(written.get('range')).toBe('6h');
    expect(parseTraceSearch(written)).toEqual(search);
  });

  it('leaves defaults out of the URL and drops cleared fields', () => {
    const written = writeTraceSearch(new URLSearchParams('service=old&attr=a:b&limit=50'), parseTraceSearch(new URLSearchParams()));
    expect(written.toString()).toBe('');
  });

  it('ignores nonsense a hand-edited link may carry', () => {
    const search = parseTraceSearch(new URLSearchParams('status=broken&limit=7&minDuration=-3&maxDuration=abc&attr=nocolon&sort=random'));
    expect(search).toMatchObject({ status: '', limit: 20, minDuration: '', maxDuration: '', attrs: [], sort: 'recent' });
    expect(hasFilters(search)).toBe(false);
  });

  it('asks query-service with repeated attr parameters and ISO bounds', () => {
    const search = parseTraceSearch(new URLSearchParams('service=api&attr=a:1&attr=b:2&minDuration=5'));
    const params = traceSearchParams(search, new Date('2026-11-22T10:00:00Z'), new Date('2026-11-22T11:00:00Z'));
    expect(withParams('/traces', params)).toBe(
      '/traces?from=2026-11-22T10%3A00%3A00.000Z&to=2026-11-22T11%3A00%3A00.000Z&service=api&minDuration=5&attr=a%3A1&attr=b%3A2&limit=20',
    );
  });

  it('explains what is wrong with an attribute filter', () => {
    expect(attrError('http.route:/a:b')).toBeNull();
    expect(attrError('user.id:')).toBeNull();
    expect(attrError('http.route')).toMatch(/key:value/);
    expect(attrError(':value')).toMatch(/key/);
  });

  it('sorts loaded results without touching the API order for "most recent"', () => {
    const t = (id: string, durationMs: number, spanCount: number) => ({ traceId: id, durationMs, spanCount }) as TraceSummary;
    const traces = [t('a', 10, 5), t('b', 30, 1), t('c', 20, 9)];
    expect(sortTraces(traces, 'recent')).toBe(traces);
    expect(sortTraces(traces, 'longest').map((x) => x.traceId)).toEqual(['b', 'c', 'a']);
    expect(sortTraces(traces, 'shortest').map((x) => x.traceId)).toEqual(['a', 'c', 'b']);
    expect(sortTraces(traces, 'spans').map((x) => x.traceId)).toEqual(['c', 'a', 'b']);
  });
});
