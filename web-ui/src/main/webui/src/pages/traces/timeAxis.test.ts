import { describe, expect, it } from 'vitest';
import { niceStep, tickLabel, timeTicks } from './timeAxis';

describe('time axis', () => {
  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100_000, 5)).toBe(20_000);
    expect(niceStep(1_000_000, 4)).toBe(200_000);
    expect(niceStep(1_000_000, 3)).toBe(500_000);
    expect(niceStep(7, 5)).toBe(1);
  });

  it('ticks a 400 ms trace every 100 ms with positions in percent', () => {
    const ticks = timeTicks({ startUs: 0, endUs: 400_000 }, 4);
    expect(ticks.map((t) => t.label)).toEqual(['0ms', '100ms', '200ms', '300ms', '400ms']);
    expect(ticks.map((t) => t.pct)).toEqual([0, 25, 50, 75, 100]);
  });

  it('ticks a zoomed window from the first round value inside it', () => {
    const ticks = timeTicks({ startUs: 1_230, endUs: 1_980 }, 3);
    expect(ticks.map((t) => t.label)).toEqual(['1.4ms', '1.6ms', '1.8ms']);
    expect(ticks[0].pct).toBeCloseTo(22.67, 1);
  });

  it('labels with the precision of the step', () => {
    expect(tickLabel(2_500_000, 500_000)).toBe('2.5s');
    expect(tickLabel(250, 50)).toBe('250µs');
    expect(tickLabel(30_000_000, 10_000_000)).toBe('30s');
    expect(tickLabel(0, 200)).toBe('0µs');
  });
});
