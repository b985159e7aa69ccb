import { describe, expect, it } from 'vitest';
import type { Panel } from './api';
import { addPanel, flow, gridArea, movePanel, newPanelId, readingOrder, removePanel, resizePanel } from './layout';

const panel = (id: string, w: number, h = 8, x = 0, y = 0): Panel => ({ id, title: id, kind: 'promql', query: 'up', view: 'graph', gridPos: { x, y, w, h } });
const positions = (panels: Panel[]) => Object.fromEntries(panels.map((p) => [p.id, [p.gridPos.x, p.gridPos.y, p.gridPos.w, p.gridPos.h]]));

describe('flow', () => {
  it('fills rows left to right and wraps when a panel does not fit, rows as tall as their tallest panel', () => {
    expect(positions(flow([panel('a', 12, 8), panel('b', 12, 10), panel('c', 8, 6), panel('d', 24, 6)]))).toEqual({
      a: [0, 0, 12, 8],
      b: [12, 0, 12, 10],
      c: [0, 10, 8, 6],
      d: [0, 16, 24, 6],
    });
  });

  it('clamps widths to the grid', () => {
    expect(flow([panel('a', 40)])[0].gridPos.w).toBe(24);
  });
});

describe('editing', () => {
  const dashboard = flow([panel('a', 12), panel('b', 12), panel('c', 24)]);

  it('moves panels earlier and later in reading order', () => {
    expect(readingOrder(movePanel(dashboard, 'c', -1)).map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(positions(movePanel(dashboard, 'c', -1))).toEqual({ a: [0, 0, 12, 8], c: [0, 8, 24, 8], b: [0, 16, 12, 8] });
    expect(readingOrder(movePanel(dashboard, 'a', -1)).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('reflows after resizing, adding and removing', () => {
    expect(positions(resizePanel(dashboard, 'a', { w: 24 }))).toEqual({ a: [0, 0, 24, 8], b: [0, 8, 12, 8], c: [0, 16, 24, 8] });
    expect(positions(addPanel(dashboard, panel('d', 12)))).toMatchObject({ d: [0, 16, 12, 8] });
    expect(positions(removePanel(dashboard, 'a'))).toEqual({ b: [0, 0, 12, 8], c: [0, 8, 24, 8] });
  });

  it('reads stored layouts in row order, whatever order the array has', () => {
    const stored = [panel('lower', 24, 8, 0, 8), panel('right', 12, 8, 12, 0), panel('left', 12, 8, 0, 0)];
    expect(readingOrder(stored).map((p) => p.id)).toEqual(['left', 'right', 'lower']);
  });

  it('names new panels uniquely and places them on the CSS grid', () => {
    expect(newPanelId([panel('panel-2', 6), panel('panel-3', 6)])).toBe('panel-4');
    expect(gridArea({ x: 12, y: 8, w: 12, h: 6 })).toEqual({ gridColumn: '13 / span 12', gridRow: '9 / span 6' });
  });
});
