import { describe, expect, it } from 'vitest';
import { stackHistogram } from './histogram';

describe('stackHistogram', () => {
  it('stacks the severities present, most severe at the bottom', () => {
    const h = stackHistogram([
      { t: 60, count: 3, bySeverity: { info: 2, error: 1 } },
      { t: 120, count: 0, bySeverity: {} },
      { t: 180, count: 4, bySeverity: { warn: 1, info: 3 } },
    ]);
    expect(h.x).toEqual([60, 120, 180]);
    expect(h.total).toBe(7);
    expect(h.layers.map((l) => l.severity)).toEqual(['error', 'warn', 'info']);
    expect(h.layers[0]).toMatchObject({ counts: [1, 0, 0], stacked: [1, 0, 0], total: 1 });
    expect(h.layers[1]).toMatchObject({ counts: [0, 0, 1], stacked: [1, 0, 1], total: 1 });
    // The top layer reaches each bucket's total.
    expect(h.layers[2]).toMatchObject({ counts: [2, 0, 3], stacked: [3, 0, 4], total: 5 });
  });

  it('has no layers when nothing was logged', () => {
    expect(stackHistogram([{ t: 0, count: 0, bySeverity: {} }]).layers).toEqual([]);
  });
});
