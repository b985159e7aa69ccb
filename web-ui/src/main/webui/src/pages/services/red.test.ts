import { describe, expect, it } from 'vitest';
import type { RedFigures } from './api';
import { errorRateColor, formatRedOrder, formatRequestRate, nextRedOrder, parseRedOrder, sortRed } from './red';

const red = (name: string, requestRate: number, p95Ms: number | null): RedFigures => ({
  name,
  requestRate,
  p95Ms,
  spanCount: 1,
  errorCount: 0,
  errorRate: 0,
  p50Ms: null,
  p99Ms: null,
});

describe('RED tables', () => {
  const rows = [red('b', 2, 30), red('a', 5, null), red('c', 2, 10)];

  it('sorts busiest first by default, ties by name', () => {
    const order = parseRedOrder(null);
    expect(sortRed(rows, order.key, order.desc).map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });

  it('puts services without percentiles last in both directions', () => {
    expect(sortRed(rows, 'p95Ms', true).map((r) => r.name)).toEqual(['b', 'c', 'a']);
    expect(sortRed(rows, 'p95Ms', false).map((r) => r.name)).toEqual(['c', 'b', 'a']);
  });

  it('keeps the order in the URL and flips it on a second click', () => {
    expect(parseRedOrder('-p99Ms')).toEqual({ key: 'p99Ms', desc: true });
    expect(parseRedOrder('bogus')).toEqual({ key: 'requestRate', desc: true });
    expect(formatRedOrder(nextRedOrder({ key: 'p99Ms', desc: true }, 'p99Ms'))).toBe('p99Ms');
    expect(nextRedOrder({ key: 'p99Ms', desc: true }, 'name')).toEqual({ key: 'name', desc: false });
    expect(nextRedOrder({ key: 'name', desc: false }, 'errorRate')).toEqual({ key: 'errorRate', desc: true });
  });

  it('shows a trickle of requests as less than 0.1 per minute, not zero', () => {
    expect(formatRequestRate(2 / 3600)).toBe('<0.1/min');
    expect(formatRequestRate(0)).toBe('0.0/min');
    expect(formatRequestRate(0.5)).toBe('30/min');
  });

  it('colours error rates like a traffic light', () => {
    expect(errorRateColor(0)).toBe('green');
    expect(errorRateColor(0.01)).toBe('yellow');
    expect(errorRateColor(0.2)).toBe('red');
    expect(errorRateColor(null)).toBe('gray');
  });
});
