import type { LogBucket } from './api';

/**
 * The histogram's buckets as stacked bar series: one per severity present, bottom (most severe)
 * first. `stacked[i]` is the top of that severity's bar, the sum of it and every series below, so
 * drawing the series from the top layer down paints a stack.
 */
export interface StackedHistogram {
  /** Bucket starts, epoch seconds. */
  x: number[];
  layers: Array<{ severity: string; counts: number[]; stacked: number[]; total: number }>;
  total: number;
}

/** Stacking order, bottom up: errors stay on the baseline where they are easiest to see. */
const ORDER = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'unspecified'];

export function stackHistogram(buckets: LogBucket[]): StackedHistogram {
  const present = new Set(buckets.flatMap((b) => Object.keys(b.bySeverity)));
  const severities = [...ORDER.filter((s) => present.has(s)), ...[...present].filter((s) => !ORDER.includes(s)).sort()];
  const running = buckets.map(() => 0);
  const layers = severities.map((severity) => {
    const counts = buckets.map((b) => b.bySeverity[severity] ?? 0);
    const stacked = counts.map((c, i) => (running[i] += c));
    return { severity, counts, stacked, total: counts.reduce((a, b) => a + b, 0) };
  });
  return { x: buckets.map((b) => b.t), layers, total: buckets.reduce((a, b) => a + b.count, 0) };
}
