import { describe, expect, it } from 'vitest';
import type { TraceSummary } from './api';
import { logSplits, nearestPoint, scatterData } from './scatter';

const trace = (traceId: string, start: string, durationMs: number, errorSpanCount = 0) =>
  ({ traceId, start, durationMs, errorSpanCount }) as TraceSummary;

describe('duration scatter', () => {
  it('orders points by start and splits traces with errors into their own series', () => {
    const data = scatterData([
      trace('late', '2026-11-22T10:00:02Z', 30),
      trace('early', '2026-11-22T10:00:01Z', 10, 2),
      trace('mid', '2026-11-22T10:00:01.500Z', 20),
    ]);
    expect(data.traces.map((t) => t.traceId)).toEqual(['early', 'mid', 'late']);
    expect(data.x[1] - data.x[0]).toBe(0.5);
    expect(data.ok).toEqual([null, 20, 30]);
    expect(data.failed).toEqual([10, null, null]);
  });

  it('hits the closest point within reach and nothing farther away', () => {
    const points = [[10, 10], [20, 10], [100, 100]] as const;
    expect(nearestPoint([...points], 17, 11, 8)).toBe(1);
    expect(nearestPoint([...points], 60, 60, 8)).toBe(-1);
  });

  it('ticks a log axis at decades, with 2 and 5 when the range is short', () => {
    expect(logSplits(3, 40_000)).toEqual([10, 100, 1000, 10_000]);
    expect(logSplits(15, 900)).toEqual([20, 50, 100, 200, 500]);
  });
});
