import { describe, expect, it } from 'vitest';
import { errorOn, spansOf } from './testSpans';
import {
  ancestorIds,
  barGeometry,
  buildWaterfall,
  collapsedBeyondDepth,
  selfTimeUs,
  subtreeEnds,
  visibleRows,
} from './waterfall';

// root 0-100ms: a 10-40 (a1 12-20, a2 25-38), b 50-95 (b1 60-70)
const TREE = {
  id: 'root',
  startMs: 0,
  durationMs: 100,
  children: [
    { id: 'a', startMs: 10, durationMs: 30, children: [{ id: 'a1', startMs: 12, durationMs: 8 }, { id: 'a2', startMs: 25, durationMs: 13 }] },
    { id: 'b', startMs: 50, durationMs: 45, status: 'error' as const, children: [{ id: 'b1', startMs: 60, durationMs: 10 }] },
  ],
};

const ids = (model: ReturnType<typeof buildWaterfall>, rows: number[]) => rows.map((i) => model.rows[i].span.spanId);

describe('waterfall model', () => {
  it('places spans in microseconds from the trace start, keeping sub-millisecond precision', () => {
    const model = buildWaterfall({ spans: spansOf({ id: 'r', startMs: 0, durationMs: 2, children: [{ id: 'c', startMs: 0.0125, durationMs: 1.5 }] }), errors: [] });
    expect(model.rows[1].offsetUs).toBe(12); // 12.5 µs: microseconds are the waterfall's resolution
    expect(model.rows[1].durationUs).toBe(1500);
    expect(model.totalUs).toBe(2000);
  });

  it('measures the trace from the earliest start to the latest end, also when a child outlives the root', () => {
    const model = buildWaterfall({ spans: spansOf({ id: 'r', startMs: 5, durationMs: 10, children: [{ id: 'async', startMs: 12, durationMs: 20 }] }), errors: [] });
    expect(model.rows[0].offsetUs).toBe(0);
    expect(model.totalUs).toBe(27_000);
  });

  it('marks spans with error status or with a Sentry error raised in them', () => {
    const model = buildWaterfall({ spans: spansOf(TREE), errors: [errorOn('a2'), errorOn('a2', 8), errorOn('missing')] });
    expect(model.rows.filter((r) => r.hasError).map((r) => r.span.spanId)).toEqual(['a2', 'b']);
    expect(model.rows[model.indexById.get('a2')!].errors.map((e) => e.issueId)).toEqual([7, 8]);
  });

  it('finds where each subtree ends in the depth-first list', () => {
    expect(Array.from(subtreeEnds([0, 1, 2, 2, 1, 2, 0, 1]))).toEqual([6, 4, 3, 4, 6, 6, 8, 8]);
  });

  it('hides the descendants of collapsed spans but keeps the collapsed span itself', () => {
    const model = buildWaterfall({ spans: spansOf(TREE), errors: [] });
    expect(ids(model, visibleRows(model, new Set()))).toEqual(['root', 'a', 'a1', 'a2', 'b', 'b1']);
    expect(ids(model, visibleRows(model, new Set(['a'])))).toEqual(['root', 'a', 'b', 'b1']);
    expect(ids(model, visibleRows(model, new Set(['a', 'b1'])))).toEqual(['root', 'a', 'b', 'b1']);
    expect(ids(model, visibleRows(model, new Set(['root', 'a'])))).toEqual(['root']);
  });

  it('keeps each root of a trace with orphans visible when another root is collapsed', () => {
    const model = buildWaterfall({ spans: spansOf([TREE, { id: 'orphan', startMs: 20, durationMs: 5 }]), errors: [] });
    expect(ids(model, visibleRows(model, new Set(['root'])))).toEqual(['root', 'orphan']);
  });

  it('collapses to a depth and lists the ancestors to expand to reveal a span', () => {
    const model = buildWaterfall({ spans: spansOf(TREE), errors: [] });
    expect(ids(model, visibleRows(model, collapsedBeyondDepth(model, 1)))).toEqual(['root', 'a', 'b']);
    expect(ancestorIds(model, model.indexById.get('b1')!)).toEqual(['b', 'root']);
  });

  it('positions bars in percent of the visible window and clips them to it', () => {
    expect(barGeometry(25_000, 50_000, { startUs: 0, endUs: 100_000 })).toEqual({ left: 25, width: 50 });
    expect(barGeometry(0, 100_000, { startUs: 50_000, endUs: 100_000 })).toEqual({ left: 0, width: 100 });
    expect(barGeometry(10_000, 10_000, { startUs: 50_000, endUs: 100_000 })).toEqual({ left: 0, width: 0 });
    expect(barGeometry(40_000, 0, { startUs: 0, endUs: 100_000 })).toEqual({ left: 40, width: 0 });
  });

  it('computes self time as the duration minus the union of the children', () => {
    const model = buildWaterfall({
      spans: spansOf({ id: 'r', startMs: 0, durationMs: 100, children: [
        { id: 'x', startMs: 10, durationMs: 30 },
        { id: 'y', startMs: 20, durationMs: 30 },
        { id: 'z', startMs: 90, durationMs: 50 },
      ] }),
      errors: [],
    });
    expect(selfTimeUs(model, 0)).toBe(100_000 - 40_000 - 10_000);
    expect(selfTimeUs(model, 1)).toBe(30_000);
  });
});
