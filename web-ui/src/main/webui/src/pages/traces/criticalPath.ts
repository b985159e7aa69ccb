import type { Waterfall } from './waterfall';

/** A stretch of time during which a span (not its children) was what the trace waited on. */
export interface CriticalSegment {
  index: number;
  startUs: number;
  endUs: number;
}

/**
 * Jaeger's critical path: start at the root's end and walk back in time. At each span take the
 * child that finished last (before the point reached so far); the span itself is critical from that
 * child's end to that point. With no such child, the span is critical back to its own start, and the
 * walk returns to the parent at that start, skipping children that overlap it (they ran in parallel).
 *
 * Like Jaeger, children are first clipped to their parent's window (an async child that outlives its
 * parent cannot delay it), and children entirely outside it are ignored.
 */
export function criticalPath(model: Pick<Waterfall, 'rows'>, rootIndex = 0): CriticalSegment[] {
  const rows = model.rows;
  if (!rows[rootIndex]) return [];
  const { start, end, kept } = clippedTimes(model, rootIndex);
  const byEndDesc = (i: number) =>
    rows[i].children.filter((c) => kept[c]).sort((a, b) => end[b] - end[a] || start[b] - start[a]);
  const sortedChildren = new Map<number, number[]>();
  const childrenOf = (i: number) => {
    let list = sortedChildren.get(i);
    if (!list) sortedChildren.set(i, (list = byEndDesc(i)));
    return list;
  };

  const segments: CriticalSegment[] = [];
  let current = rootIndex;
  let bound: number | null = null; // the start of the child we came back from
  for (let guard = 0; guard < rows.length * 4 + 4; guard++) {
    const limit: number = bound ?? end[current];
    const last = childrenOf(current).find((c) => (bound === null ? true : end[c] <= bound));
    if (last !== undefined) {
      if (end[last] < limit) segments.push({ index: current, startUs: end[last], endUs: limit });
      current = last;
      bound = null;
      continue;
    }
    if (start[current] < limit) segments.push({ index: current, startUs: start[current], endUs: limit });
    if (current === rootIndex) break;
    bound = start[current];
    current = rows[current].parent;
  }
  return segments.reverse();
}

/** Each span's window clipped to its (clipped) parent's, top-down over the depth-first list. */
function clippedTimes(model: Pick<Waterfall, 'rows'>, rootIndex: number) {
  const rows = model.rows;
  const start = new Float64Array(rows.length);
  const end = new Float64Array(rows.length);
  const kept = new Uint8Array(rows.length);
  const root = rows[rootIndex];
  start[rootIndex] = root.offsetUs;
  end[rootIndex] = root.offsetUs + root.durationUs;
  kept[rootIndex] = 1;
  const stack = [rootIndex];
  while (stack.length) {
    const p = stack.pop()!;
    for (const c of rows[p].children) {
      const s = rows[c].offsetUs;
      const e = s + rows[c].durationUs;
      if (e < start[p] || s > end[p]) continue;
      start[c] = Math.max(s, start[p]);
      end[c] = Math.min(e, end[p]);
      kept[c] = 1;
      stack.push(c);
    }
  }
  return { start, end, kept };
}

/** Segments grouped by row, for drawing the highlighted stretches on each bar. */
export function segmentsByRow(segments: CriticalSegment[]): Map<number, CriticalSegment[]> {
  const map = new Map<number, CriticalSegment[]>();
  for (const s of segments) map.set(s.index, [...(map.get(s.index) ?? []), s]);
  return map;
}
