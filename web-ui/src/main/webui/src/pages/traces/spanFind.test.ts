import { describe, expect, it } from 'vitest';
import { findSpans, stepMatch } from './spanFind';
import { spansOf } from './testSpans';
import { buildWaterfall } from './waterfall';

describe('finding spans in a trace', () => {
  const spans = spansOf({
    id: 'aaaa000000000001',
    startMs: 0,
    durationMs: 10,
    service: 'frontend',
    children: [
      { id: 'bbbb000000000002', startMs: 1, durationMs: 2, service: 'payments' },
      { id: 'cccc000000000003', startMs: 4, durationMs: 2, service: 'inventory' },
    ],
  });
  spans[2].attributes = { 'db.query.text': 'SELECT qty FROM stock' };
  const model = buildWaterfall({ spans, errors: [] });

  it('matches service, operation, attributes and span id prefixes, case-insensitively', () => {
    expect(findSpans(model, 'PAYM')).toEqual([1]);
    expect(findSpans(model, 'op ')).toEqual([0, 1, 2]);
    expect(findSpans(model, 'from stock')).toEqual([2]);
    expect(findSpans(model, 'db.query')).toEqual([2]);
    expect(findSpans(model, 'bbbb')).toEqual([1]);
    expect(findSpans(model, '  ')).toEqual([]);
  });

  it('steps through matches in both directions and wraps around', () => {
    expect(stepMatch([2, 5, 9], null, 1)).toBe(2);
    expect(stepMatch([2, 5, 9], 5, 1)).toBe(9);
    expect(stepMatch([2, 5, 9], 9, 1)).toBe(2);
    expect(stepMatch([2, 5, 9], 2, -1)).toBe(9);
    expect(stepMatch([2, 5, 9], 6, -1)).toBe(5);
    expect(stepMatch([], 1, 1)).toBeNull();
  });
});
