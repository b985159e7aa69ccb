import type { TimeWindow } from './waterfall';

export interface Tick {
  us: number;
  /** Position in percent of the window. */
  pct: number;
  label: string;
}

/** The "nice" step (1, 2 or 5 times a power of ten, in microseconds) nearest to range / target. */
export function niceStep(rangeUs: number, target: number): number {
  const raw = Math.max(rangeUs, 1) / Math.max(target, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const factor = ratio < 1.5 ? 1 : ratio < 3 ? 2 : ratio < 7 ? 5 : 10;
  return factor * power;
}

/** Tick marks for the time axis over a window (offsets from the trace start), about `target` of them. */
export function timeTicks(view: TimeWindow, target = 5): Tick[] {
  const range = view.endUs - view.startUs;
  if (!(range > 0)) return [{ us: view.startUs, pct: 0, label: tickLabel(view.startUs, 1) }];
  const step = niceStep(range, target);
  const ticks: Tick[] = [];
  for (let us = Math.ceil(view.startUs / step) * step; us <= view.endUs + step * 1e-9; us += step) {
    ticks.push({ us, pct: ((us - view.startUs) / range) * 100, label: tickLabel(us, step) });
  }
  return ticks;
}

/** A tick's label with just the precision its step needs: "250µs", "1.5ms", "120ms", "2.5s". */
export function tickLabel(us: number, stepUs: number): string {
  const clean = (n: number, decimals: number) => String(Number(n.toFixed(decimals)));
  if (stepUs < 1) return `${clean(us, 3)}µs`;
  if (stepUs < 1000) return us < 1000 ? `${clean(us, 0)}µs` : `${clean(us / 1000, decimalsFor(stepUs / 1000))}ms`;
  if (stepUs < 1_000_000) return us < 1_000_000 ? `${clean(us / 1000, decimalsFor(stepUs / 1000))}ms` : `${clean(us / 1e6, decimalsFor(stepUs / 1e6))}s`;
  return `${clean(us / 1e6, decimalsFor(stepUs / 1e6))}s`;
}

function decimalsFor(step: number): number {
  return step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
}
