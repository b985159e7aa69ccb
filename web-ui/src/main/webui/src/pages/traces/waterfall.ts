import type { Span, TraceDetail, TraceError } from './api';
import { toEpochMicros } from './timestamps';

/**
 * The waterfall's model: the API's flat depth-first span list with times as microsecond offsets
 * from the trace start, subtree boundaries (for collapsing) and the Sentry errors of each span.
 */
export interface WaterfallRow {
  span: Span;
  index: number;
  /** Parent's row index, -1 for a root or an orphan. */
  parent: number;
  children: number[];
  offsetUs: number;
  durationUs: number;
  errors: TraceError[];
  hasError: boolean;
}

export interface Waterfall {
  rows: WaterfallRow[];
  /** From the earliest span start to the latest span end. */
  totalUs: number;
  startUs: number;
  /** subtreeEnd[i]: the index just past row i's descendants (the list is depth-first). */
  subtreeEnd: Int32Array;
  indexById: Map<string, number>;
}

export function buildWaterfall(trace: Pick<TraceDetail, 'spans' | 'errors'>): Waterfall {
  const spans = trace.spans;
  const starts = spans.map((s) => toEpochMicros(s.start));
  const startUs = starts.length ? Math.min(...starts) : 0;
  let endUs = startUs;
  const indexById = new Map<string, number>();
  spans.forEach((s, i) => {
    indexById.set(s.spanId, i);
    endUs = Math.max(endUs, starts[i] + s.durationNanos / 1000);
  });
  const errorsBySpan = new Map<string, TraceError[]>();
  for (const e of trace.errors) {
    if (!e.spanId) continue;
    errorsBySpan.set(e.spanId, [...(errorsBySpan.get(e.spanId) ?? []), e]);
  }
  const rows: WaterfallRow[] = spans.map((span, index) => {
    const errors = errorsBySpan.get(span.spanId) ?? [];
    return {
      span,
      index,
      parent: span.parentSpanId && !span.orphan ? (indexById.get(span.parentSpanId) ?? -1) : -1,
      children: span.childSpanIds.map((id) => indexById.get(id)).filter((i): i is number => i !== undefined),
      offsetUs: starts[index] - startUs,
      durationUs: span.durationNanos / 1000,
      errors,
      hasError: span.status === 'error' || errors.length > 0,
    };
  });
  return { rows, totalUs: endUs - startUs, startUs, subtreeEnd: subtreeEnds(spans.map((s) => s.depth)), indexById };
}

/** For a depth-first list of depths: the index just past each row's subtree. O(n) with a stack. */
export function subtreeEnds(depths: number[]): Int32Array {
  const ends = new Int32Array(depths.length).fill(depths.length);
  const open: number[] = [];
  depths.forEach((depth, i) => {
    while (open.length && depths[open[open.length - 1]] >= depth) ends[open.pop()!] = i;
    open.push(i);
  });
  return ends;
}

/** Row indices to draw: a collapsed row stays, its descendants are skipped. */
export function visibleRows(model: Pick<Waterfall, 'rows' | 'subtreeEnd'>, collapsed: ReadonlySet<string>): number[] {
  const visible: number[] = [];
  let i = 0;
  while (i < model.rows.length) {
    visible.push(i);
    i = collapsed.has(model.rows[i].span.spanId) ? model.subtreeEnd[i] : i + 1;
  }
  return visible;
}

/** The span ids to collapse so that only rows up to `depth` show (Jaeger's "expand to level"). */
export function collapsedBeyondDepth(model: Pick<Waterfall, 'rows'>, depth: number): Set<string> {
  return new Set(model.rows.filter((r) => r.span.depth >= depth && r.children.length > 0).map((r) => r.span.spanId));
}

/** The ancestors of a row, nearest first: what must be expanded to reveal it. */
export function ancestorIds(model: Pick<Waterfall, 'rows'>, index: number): string[] {
  const ids: string[] = [];
  for (let p = model.rows[index]?.parent ?? -1; p >= 0; p = model.rows[p].parent) ids.push(model.rows[p].span.spanId);
  return ids;
}

/** A visible time window of the trace, in microsecond offsets. */
export interface TimeWindow {
  startUs: number;
  endUs: number;
}

/** Bar position in percent of the window; a bar outside it gets width 0. */
export function barGeometry(offsetUs: number, durationUs: number, view: TimeWindow): { left: number; width: number } {
  const span = Math.max(view.endUs - view.startUs, 1e-9);
  const from = Math.max(offsetUs, view.startUs);
  const to = Math.min(offsetUs + durationUs, view.endUs);
  if (to < from) return { left: Math.min(100, Math.max(0, ((offsetUs - view.startUs) / span) * 100)), width: 0 };
  return { left: ((from - view.startUs) / span) * 100, width: ((to - from) / span) * 100 };
}

/** Time spent in a span outside its children (the union of the children's intervals, clipped to it). */
export function selfTimeUs(model: Pick<Waterfall, 'rows'>, index: number): number {
  const row = model.rows[index];
  const start = row.offsetUs;
  const end = row.offsetUs + row.durationUs;
  const intervals = row.children
    .map((c) => [Math.max(start, model.rows[c].offsetUs), Math.min(end, model.rows[c].offsetUs + model.rows[c].durationUs)])
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = start;
  for (const [a, b] of intervals) {
    if (b <= reach) continue;
    covered += b - Math.max(a, reach);
    reach = b;
  }
  return row.durationUs - covered;
}
