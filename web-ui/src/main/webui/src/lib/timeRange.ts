/**
 * Time ranges as they appear in the URL, so a shared link shows the same window: either a relative
 * `range=1h` (resolved against "now" when the page loads or refreshes) or absolute `from`/`to`
 * (ISO-8601 or epoch milliseconds).
 */
export interface TimeRange {
  from: Date;
  to: Date;
  /** The relative preset, or null for an absolute range. */
  relative: string | null;
}

export const PRESETS = ['15m', '1h', '6h', '24h', '7d', '14d', '30d'] as const;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds of a duration like "15m", "24h" or "7d"; null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)([smhdw])$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  return value > 0 ? value * UNIT_MS[match[2]] : null;
}

function parseInstant(text: string | null): Date | null {
  if (!text) return null;
  const date = /^\d+$/.test(text) ? new Date(Number(text)) : new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The range the URL asks for. Absolute from/to win when both parse and from < to; else a valid
 * `range`; else the page's default preset. Relative ends are rounded down to the second so that
 * the same render asks the same question.
 */
export function resolveRange(params: URLSearchParams, fallback: string, now: number = Date.now()): TimeRange {
  const from = parseInstant(params.get('from'));
  const to = parseInstant(params.get('to'));
  if (from && to && from < to) return { from, to, relative: null };
  const preset = params.get('range');
  const relative = preset && parseDuration(preset) ? preset : fallback;
  const end = Math.floor(now / 1000) * 1000;
  return { from: new Date(end - (parseDuration(relative) ?? 3_600_000)), to: new Date(end), relative };
}

/** URL parameters for a relative preset: drops any absolute bounds. */
export function relativeParams(params: URLSearchParams, preset: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('from');
  next.delete('to');
  next.set('range', preset);
  return next;
}

/** URL parameters for an absolute window (a zoom on a chart, a custom range). */
export function absoluteParams(params: URLSearchParams, from: Date, to: Date): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('range');
  next.set('from', from.toISOString());
  next.set('to', to.toISOString());
  return next;
}

/** A short label: "Last 1h" or "Nov 21 10:00 – 12:30". */
export function rangeLabel(range: TimeRange): string {
  if (range.relative) return `Last ${range.relative}`;
  const fmt = (d: Date) =>
    d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${fmt(range.from)} – ${fmt(range.to)}`;
}
