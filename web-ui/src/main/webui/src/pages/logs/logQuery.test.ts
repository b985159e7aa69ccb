import { describe, expect, it } from 'vitest';
import {
  clampRange,
  filterParams,
  hasFilters,
  isTraceId,
  MAX_ATTRS,
  parseAttr,
  readFilters,
  withAttribute,
  withFilter,
  withoutAttribute,
  withoutFilters,
} from './logQuery';
import { withParams } from '../../api/http';

const TRACE = '0af7651916cd43dd8448eb211c80319c';

describe('readFilters', () => {
  it('reads every filter from the URL', () => {
    const f = readFilters(
      new URLSearchParams(`service=checkout&severity=warn&q=payment+declined&attr=region:eu-1&attr=user.tier:pro&traceId=${TRACE.toUpperCase()}&range=6h`),
    );
    expect(f).toEqual({ service: 'checkout', severity: 'warn', q: 'payment declined', attrs: ['region:eu-1', 'user.tier:pro'], traceId: TRACE });
  });

  it('drops values the API would refuse instead of failing the page', () => {
    const f = readFilters(new URLSearchParams('severity=loud&traceId=xyz&attr=:nokey&attr=nocolon&attr=a:1&attr=a:1&service=%20'));
    expect(f).toEqual({ service: null, severity: null, q: '', attrs: ['a:1'], traceId: null });
    expect(isTraceId('0'.repeat(32))).toBe(false);
  });

  it('keeps at most the API limit of attribute filters', () => {
    const params = new URLSearchParams();
    for (let i = 0; i < 25; i++) params.append('attr', `k${i}:v`);
    expect(readFilters(params).attrs).toHaveLength(MAX_ATTRS);
  });
});

describe('filterParams', () => {
  it('builds the query string the logs API takes, with attr repeated', () => {
    const f = readFilters(new URLSearchParams('service=checkout&severity=error&q=timeout&attr=region:eu-1&attr=http.route:/api/a:b'));
    expect(withParams('/logs', { ...filterParams(f), from: '2026-12-01T10:00:00.000Z' })).toBe(
      '/logs?service=checkout&severity=error&q=timeout&attr=region%3Aeu-1&attr=http.route%3A%2Fapi%2Fa%3Ab&from=2026-12-01T10%3A00%3A00.000Z',
    );
  });

  it('leaves out absent filters', () => {
    expect(withParams('/logs', filterParams(readFilters(new URLSearchParams())))).toBe('/logs');
    expect(hasFilters(readFilters(new URLSearchParams('range=1h')))).toBe(false);
  });
});

describe('URL edits', () => {
  it('splits attributes at the first colon, so values may hold colons', () => {
    expect(parseAttr('http.url:https://x/y')).toEqual({ key: 'http.url', value: 'https://x/y' });
    expect(parseAttr('key:')).toEqual({ key: 'key', value: '' });
    expect(parseAttr(':v')).toBeNull();
  });

  it('adds an attribute filter, replacing one on the same key, and removes it again', () => {
    let p = new URLSearchParams('range=1h&attr=region:eu-1&attr=user.tier:free');
    p = withAttribute(p, 'user.tier', 'pro');
    expect(p.getAll('attr')).toEqual(['region:eu-1', 'user.tier:pro']);
    p = withAttribute(p, 'host.name', 'web-1');
    expect(p.getAll('attr')).toEqual(['region:eu-1', 'user.tier:pro', 'host.name:web-1']);
    p = withoutAttribute(p, 'region:eu-1');
    expect(p.getAll('attr')).toEqual(['user.tier:pro', 'host.name:web-1']);
    expect(p.get('range')).toBe('1h');
  });

  it('sets and clears single filters and keeps the time range when clearing all', () => {
    let p = withFilter(new URLSearchParams('from=1&to=2'), 'service', ' checkout ');
    expect(p.get('service')).toBe('checkout');
    p = withFilter(p, 'service', '');
    expect(p.has('service')).toBe(false);
    p = withoutFilters(new URLSearchParams(`from=1&to=2&live=1&q=x&attr=a:b&traceId=${TRACE}&severity=info&service=s`));
    expect(p.toString()).toBe('from=1&to=2&live=1');
  });
});

describe('clampRange', () => {
  it('keeps the end of a range wider than the API allows', () => {
    const to = new Date('2026-12-01T00:00:00Z');
    const from = new Date('2026-11-01T00:00:00Z');
    expect(clampRange(from, to)).toEqual({ from: new Date('2026-11-24T00:00:00Z'), to, clamped: true });
    const narrow = new Date('2026-11-30T00:00:00Z');
    expect(clampRange(narrow, to)).toEqual({ from: narrow, to, clamped: false });
  });
});
