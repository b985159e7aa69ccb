import { describe, expect, it } from 'vitest';
import { absoluteParams, parseDuration, relativeParams, resolveRange } from './timeRange';

const NOW = Date.parse('2026-11-22T12:00:00.750Z');

describe('time range in the URL', () => {
  it('resolves a relative preset against now, rounded to the second', () => {
    const range = resolveRange(new URLSearchParams('range=1h'), '24h', NOW);
    expect(range.relative).toBe('1h');
    expect(range.to.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(range.from.toISOString()).toBe('2026-11-22T11:00:00.000Z');
  });

  it('prefers absolute bounds, in ISO or epoch milliseconds', () => {
    const from = Date.parse('2026-11-21T10:00:00Z');
    const range = resolveRange(new URLSearchParams(`from=${from}&to=2026-11-21T12:00:00Z&range=1h`), '24h', NOW);
    expect(range.relative).toBeNull();
    expect(range.from.getTime()).toBe(from);
    expect(range.to.toISOString()).toBe('2026-11-21T12:00:00.000Z');
  });

  it('falls back to the default for nonsense or an inverted window', () => {
    expect(resolveRange(new URLSearchParams('range=forever'), '24h', NOW).relative).toBe('24h');
    const inverted = resolveRange(new URLSearchParams('from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z'), '7d', NOW);
    expect(inverted.relative).toBe('7d');
  });

  it('switches between relative and absolute without leaving the other behind', () => {
    const abs = absoluteParams(new URLSearchParams('range=1h&service=api'), new Date(0), new Date(1000));
    expect(abs.get('range')).toBeNull();
    expect(abs.get('service')).toBe('api');
    const rel = relativeParams(abs, '6h');
    expect([rel.get('from'), rel.get('to'), rel.get('range')]).toEqual([null, null, '6h']);
  });

  it('parses durations', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('0h')).toBeNull();
    expect(parseDuration('1y')).toBeNull();
  });
});
