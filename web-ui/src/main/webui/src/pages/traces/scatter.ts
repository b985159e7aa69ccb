import type { TraceSummary } from './api';

/**
 * The results' duration scatter (Jaeger's): x = trace start (epoch seconds), y = duration in ms,
 * one series for traces without errors and one for traces with errors. uPlot wants x ascending, so
 * the traces are sorted by start and `traces[i]` is the trace of point i.
 */
export interface ScatterData {
  x: number[];
  ok: Array<number | null>;
  failed: Array<number | null>;
  traces: TraceSummary[];
}

export function scatterData(traces: TraceSummary[]): ScatterData {
  const sorted = [...traces].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return {
    x: sorted.map((t) => Date.parse(t.start) / 1000),
    ok: sorted.map((t) => (t.errorSpanCount > 0 ? null : t.durationMs)),
    failed: sorted.map((t) => (t.errorSpanCount > 0 ? t.durationMs : null)),
    traces: sorted,
  };
}

/** The point nearest to (px, py) within maxDistance pixels, or -1: what a click or hover hits. */
export function nearestPoint(points: Array<readonly [number, number]>, px: number, py: number, maxDistance: number): number {
  let best = -1;
  let bestDistance = maxDistance * maxDistance;
  points.forEach(([x, y], i) => {
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Tick values for a log axis: powers of ten, plus 2× and 5× when the range spans few decades. */
export function logSplits(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(min));
  const high = Math.ceil(Math.log10(max));
  const steps = high - low <= 2 ? [1, 2, 5] : [1];
  const splits: number[] = [];
  for (let e = low; e <= high; e++) for (const m of steps) splits.push(m * 10 ** e);
  return splits.filter((v) => v >= min && v <= max);
}
