import type { Waterfall } from './waterfall';

/**
 * Rows matching the waterfall's "find" box (Jaeger's): case-insensitive text in the service, the
 * operation, an attribute key or value, or the start of the span id. Row order, so "next" walks down.
 */
export function findSpans(model: Pick<Waterfall, 'rows'>, query: string): number[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: number[] = [];
  for (const row of model.rows) {
    const s = row.span;
    if (
      s.spanId.startsWith(q) ||
      s.service.toLowerCase().includes(q) ||
      s.name.toLowerCase().includes(q) ||
      (s.statusMessage ?? '').toLowerCase().includes(q) ||
      Object.entries(s.attributes).some(([k, v]) => k.toLowerCase().includes(q) || v.toLowerCase().includes(q))
    ) {
      hits.push(row.index);
    }
  }
  return hits;
}

/** The match after (or before) the current row, wrapping around. */
export function stepMatch(matches: number[], current: number | null, direction: 1 | -1): number | null {
  if (matches.length === 0) return null;
  if (current === null) return direction === 1 ? matches[0] : matches[matches.length - 1];
  if (direction === 1) return matches.find((m) => m > current) ?? matches[0];
  for (let i = matches.length - 1; i >= 0; i--) if (matches[i] < current) return matches[i];
  return matches[matches.length - 1];
}
