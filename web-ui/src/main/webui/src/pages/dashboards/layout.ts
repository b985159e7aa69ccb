import type { GridPos, Panel } from './api';

/** The dashboard grid: 24 columns (as Grafana's), rows of ROW_HEIGHT pixels. */
export const COLUMNS = 24;
export const ROW_HEIGHT = 30;
export const WIDTHS = [6, 8, 12, 16, 18, 24] as const;
export const HEIGHTS = [6, 8, 10, 12, 16] as const;

/** Panels in reading order: by row, then column. */
export function readingOrder(panels: Panel[]): Panel[] {
  return [...panels].sort((a, b) => a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x);
}

/**
 * Lays the panels out in the given order, left to right, starting a new row when the next panel
 * does not fit; a row is as tall as its tallest panel. Editing works on this order (move earlier or
 * later, change size), so the layout is always gap-free at the left and never overlaps.
 */
export function flow(panels: Panel[]): Panel[] {
  let x = 0;
  let rowY = 0;
  let rowHeight = 0;
  return panels.map((p) => {
    const w = clamp(p.gridPos.w, 1, COLUMNS);
    const h = Math.max(1, p.gridPos.h);
    if (x + w > COLUMNS) {
      rowY += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    const gridPos: GridPos = { x, y: rowY, w, h };
    x += w;
    rowHeight = Math.max(rowHeight, h);
    return { ...p, gridPos };
  });
}

/** Moves a panel one place earlier (-1) or later (+1) in reading order. */
export function movePanel(panels: Panel[], id: string, delta: -1 | 1): Panel[] {
  const order = readingOrder(panels);
  const i = order.findIndex((p) => p.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= order.length) return flow(order);
  [order[i], order[j]] = [order[j], order[i]];
  return flow(order);
}

export function resizePanel(panels: Panel[], id: string, size: { w?: number; h?: number }): Panel[] {
  return flow(readingOrder(panels).map((p) => (p.id === id ? { ...p, gridPos: { ...p.gridPos, ...size } } : p)));
}

export function addPanel(panels: Panel[], panel: Panel): Panel[] {
  return flow([...readingOrder(panels), panel]);
}

export function replacePanel(panels: Panel[], panel: Panel): Panel[] {
  return flow(readingOrder(panels).map((p) => (p.id === panel.id ? { ...panel, gridPos: { ...p.gridPos, w: panel.gridPos.w, h: panel.gridPos.h } } : p)));
}

export function removePanel(panels: Panel[], id: string): Panel[] {
  return flow(readingOrder(panels).filter((p) => p.id !== id));
}

/** An id no panel of the dashboard has yet. */
export function newPanelId(panels: Panel[]): string {
  const taken = new Set(panels.map((p) => p.id));
  let n = panels.length + 1;
  while (taken.has(`panel-${n}`)) n++;
  return `panel-${n}`;
}

/** CSS grid placement of a panel. */
export function gridArea(pos: GridPos): { gridColumn: string; gridRow: string } {
  return { gridColumn: `${pos.x + 1} / span ${pos.w}`, gridRow: `${pos.y + 1} / span ${pos.h}` };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(n)));
}
