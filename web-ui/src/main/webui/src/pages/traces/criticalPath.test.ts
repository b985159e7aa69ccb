import { describe, expect, it } from 'vitest';
import { criticalPath } from './criticalPath';
import { spansOf, type SpanSpec } from './testSpans';
import { buildWaterfall } from './waterfall';

function pathOf(tree: SpanSpec | SpanSpec[]) {
  const model = buildWaterfall({ spans: spansOf(tree), errors: [] });
  return criticalPath(model).map((s) => `${model.rows[s.index].span.spanId}:${s.startUs / 1000}-${s.endUs / 1000}`);
}

describe('critical path', () => {
  it('is the whole span for a trace of one span', () => {
    expect(pathOf({ id: 'r', startMs: 0, durationMs: 10 })).toEqual(['r:0-10']);
  });

  it('follows sequential children and gives the parent the gaps between them', () => {
    expect(
      pathOf({ id: 'r', startMs: 0, durationMs: 100, children: [
        { id: 'a', startMs: 10, durationMs: 30 },
        { id: 'b', startMs: 50, durationMs: 40 },
      ] }),
    ).toEqual(['r:0-10', 'a:10-40', 'r:40-50', 'b:50-90', 'r:90-100']);
  });

  it('takes the last finishing of parallel children and skips the ones overlapping it', () => {
    // fast (5-30) runs alongside slow (5-80): only slow is waited on.
    expect(
      pathOf({ id: 'r', startMs: 0, durationMs: 100, children: [
        { id: 'fast', startMs: 5, durationMs: 25 },
        { id: 'slow', startMs: 5, durationMs: 75 },
      ] }),
    ).toEqual(['r:0-5', 'slow:5-80', 'r:80-100']);
  });

  it('descends into the child that ends last and walks back through its own children', () => {
    expect(
      pathOf({ id: 'r', startMs: 0, durationMs: 100, children: [
        { id: 'a', startMs: 0, durationMs: 20 },
        { id: 'b', startMs: 20, durationMs: 80, children: [
          { id: 'b1', startMs: 25, durationMs: 30 },
          { id: 'b2', startMs: 55, durationMs: 40 },
        ] },
      ] }),
    ).toEqual(['a:0-20', 'b:20-25', 'b1:25-55', 'b2:55-95', 'b:95-100']);
  });

  it('clips a child that outlives its parent and ignores one that starts after the parent ended', () => {
    expect(
      pathOf({ id: 'r', startMs: 0, durationMs: 50, children: [
        { id: 'async', startMs: 30, durationMs: 100 },
        { id: 'late', startMs: 60, durationMs: 5 },
      ] }),
    ).toEqual(['r:0-30', 'async:30-50']);
  });

  it('handles a chain 10,000 spans deep without recursion', () => {
    let spec: SpanSpec = { id: 's9999', startMs: 9999, durationMs: 1 };
    for (let i = 9998; i >= 0; i--) spec = { id: `s${i}`, startMs: i, durationMs: 10_000 - i + 1, children: [spec] };
    const path = pathOf(spec);
    // Every span ends at 10001 except the leaf (9999-10000): each level is critical for its first ms.
    expect(path).toHaveLength(10_001);
    expect(path.slice(0, 2)).toEqual(['s0:0-1', 's1:1-2']);
    expect(path.slice(-2)).toEqual(['s9999:9999-10000', 's9998:10000-10001']);
  });
});
