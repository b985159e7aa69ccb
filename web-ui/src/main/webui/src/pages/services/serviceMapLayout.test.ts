import { describe, expect, it } from 'vitest';
import type { RedFigures } from './api';
import { layoutServiceMap, neighbourhood, smoothPath } from './serviceMapLayout';

const figures = (name: string, errorRate: number): RedFigures => ({
  name,
  errorRate,
  requestRate: 1,
  spanCount: 10,
  errorCount: 0,
  p50Ms: 1,
  p95Ms: 2,
  p99Ms: 3,
});

const edge = (parent: string, child: string, callCount = 10, errorCount = 0) => ({ parent, child, callCount, errorCount, p95Ms: 12 });

describe('service map layout', () => {
  it('places callers left of the services they call', () => {
    const layout = layoutServiceMap(
      { nodes: [{ name: 'frontend' }, { name: 'checkout' }, { name: 'payments' }], edges: [edge('frontend', 'checkout'), edge('checkout', 'payments')] },
      new Map(),
    );
    const x = Object.fromEntries(layout.nodes.map((n) => [n.name, n.x]));
    expect(x.frontend).toBeLessThan(x.checkout);
    expect(x.checkout).toBeLessThan(x.payments);
    expect(layout.width).toBeGreaterThan(x.payments);
    expect(layout.edges[0].path).toMatch(/^M[\d.]+,[\d.]+ .*L[\d.]+,[\d.]+$/);
  });

  it('keeps 30 services apart without overlapping boxes, also with cycles', () => {
    const names = Array.from({ length: 30 }, (_, i) => `service-${i}`);
    const edges = names.slice(1).map((n, i) => edge(names[Math.floor(i / 3)], n));
    edges.push(edge('service-29', 'service-0'));
    const layout = layoutServiceMap({ nodes: names.map((name) => ({ name })), edges }, new Map());
    expect(layout.nodes).toHaveLength(30);
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) * 2 >= a.width + b.width || Math.abs(a.y - b.y) * 2 >= a.height + b.height;
        expect(apart, `${a.name} overlaps ${b.name}`).toBe(true);
      }
    }
  });

  it('takes a node error rate from its RED figures, else from the calls into it', () => {
    const layout = layoutServiceMap(
      { nodes: [{ name: 'web' }, { name: 'db' }, { name: 'lonely' }], edges: [edge('web', 'db', 20, 5)] },
      new Map([['web', figures('web', 0.5)]]),
    );
    const rate = Object.fromEntries(layout.nodes.map((n) => [n.name, n.errorRate]));
    expect(rate).toEqual({ web: 0.5, db: 0.25, lonely: null });
  });

  it('rounds bends and finds a service neighbourhood', () => {
    expect(smoothPath([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }])).toBe('M0,0 Q10,0 10,5 L10,10');
    const n = neighbourhood([edge('a', 'b'), edge('b', 'c'), edge('x', 'y')], 'b');
    expect([...n.nodes].sort()).toEqual(['a', 'b', 'c']);
    expect(n.edges.size).toBe(2);
  });
});
