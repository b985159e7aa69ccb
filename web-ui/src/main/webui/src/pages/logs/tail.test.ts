import { describe, expect, it } from 'vitest';
import type { LogRecord } from './api';
import { compareNewestFirst, countNewer, mergeTail, nextTailFrom, TAIL_MAX_LOOKBACK_MS, timeKey } from './tail';

function rec(id: string, timestamp: string): LogRecord {
  return {
    id,
    timestamp,
    observedTimestamp: timestamp,
    traceId: null,
    spanId: null,
    traceFlags: 0,
    severityText: 'INFO',
    severityNumber: 9,
    severity: 'info',
    service: 'checkout',
    body: `line ${id}`,
    scopeName: null,
    scopeVersion: null,
    resourceAttributes: {},
    attributes: {},
    eventName: null,
  };
}

const ids = (lines: LogRecord[]) => lines.map((l) => l.id);

describe('timeKey', () => {
  it('orders timestamps with any number of fraction digits by time', () => {
    const keys = ['2026-12-01T10:00:05Z', '2026-12-01T10:00:05.5Z', '2026-12-01T10:00:05.123456789Z', '2026-12-01T10:00:05.000001Z'].map(timeKey);
    expect([...keys].sort()).toEqual([keys[0], keys[3], keys[2], keys[1]]);
  });
});

describe('mergeTail', () => {
  it('puts new lines on top, newest first, and skips lines it already has', () => {
    const buffer = [rec('3', '2026-12-01T10:00:03Z'), rec('1', '2026-12-01T10:00:01Z')];
    const merged = mergeTail(buffer, [rec('5', '2026-12-01T10:00:05.25Z'), rec('3', '2026-12-01T10:00:03Z'), rec('4', '2026-12-01T10:00:04Z')]);
    expect(ids(merged)).toEqual(['5', '4', '3', '1']);
  });

  it('slots a late record (stamped before lines already shown) into its place in time', () => {
    const buffer = [rec('9', '2026-12-01T10:00:09Z'), rec('7', '2026-12-01T10:00:07Z')];
    expect(ids(mergeTail(buffer, [rec('8', '2026-12-01T10:00:08Z')]))).toEqual(['9', '8', '7']);
  });

  it('orders records of the same instant by unsigned id, as the API pages them', () => {
    const t = '2026-12-01T10:00:00Z';
    expect(ids(mergeTail([], [rec('9', t), rec('18446744073709551615', t), rec('10', t)]))).toEqual(['18446744073709551615', '10', '9']);
  });

  it('keeps the buffer bounded by dropping the oldest lines', () => {
    const many = Array.from({ length: 30 }, (_, i) => rec(String(i), `2026-12-01T10:00:${String(i).padStart(2, '0')}Z`));
    const merged = mergeTail([], many, 10);
    expect(merged).toHaveLength(10);
    expect(merged[0].id).toBe('29');
    expect(merged[9].id).toBe('20');
  });

  it('returns the same buffer when nothing is new, so nothing re-renders', () => {
    const buffer = [rec('1', '2026-12-01T10:00:01Z')];
    expect(mergeTail(buffer, [rec('1', '2026-12-01T10:00:01Z')])).toBe(buffer);
  });
});

describe('nextTailFrom', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');

  it('looks again a little before the newest line', () => {
    const lines = [rec('2', '2026-12-01T09:59:50Z')];
    expect(nextTailFrom(lines, now - 60_000, now, 30_000).toISOString()).toBe('2026-12-01T09:59:20.000Z');
  });

  it('starts before the tail began while nothing has arrived', () => {
    expect(nextTailFrom([], now - 10_000, now, 30_000).toISOString()).toBe('2026-12-01T09:59:20.000Z');
  });

  it('treats a line from the future as now and never looks back more than the limit', () => {
    expect(nextTailFrom([rec('1', '2026-12-01T11:00:00Z')], now, now, 30_000).toISOString()).toBe('2026-12-01T09:59:30.000Z');
    expect(nextTailFrom([rec('1', '2026-11-30T10:00:00Z')], now, now, 0).getTime()).toBe(now - TAIL_MAX_LOOKBACK_MS);
  });
});

describe('countNewer', () => {
  it('counts the live lines above a frozen view', () => {
    const frozen = [rec('3', '2026-12-01T10:00:03Z')];
    const live = [rec('6', '2026-12-01T10:00:06Z'), rec('5', '2026-12-01T10:00:05Z'), ...frozen];
    expect(countNewer(live, frozen[0])).toBe(2);
    expect(countNewer(live, undefined)).toBe(3);
    expect(compareNewestFirst(live[0], live[1])).toBeLessThan(0);
  });
});
