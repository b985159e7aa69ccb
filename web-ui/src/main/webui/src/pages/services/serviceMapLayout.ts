import dagre from '@dagrejs/dagre';
import type { RedFigures, ServiceMapEdge, ServiceMapResponse } from './api';

export interface MapNode {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Entry-span error rate when the service has entry spans, else the error share of calls into it. */
  errorRate: number | null;
  requestRate: number | null;
}

export interface MapEdge extends ServiceMapEdge {
  path: string;
  labelX: number;
  labelY: number;
}

export interface MapLayout {
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
}

export const NODE_HEIGHT = 42;
const CHAR_WIDTH = 7.2;
const LABEL = { width: 120, height: 14 };

/**
 * Lays the service map out left to right (callers before callees) with dagre. With `labelled`, edge
 * labels get room in the layout so they do not sit on nodes (worth it for small maps only: on a
 * dense one the reserved room spreads the services far apart). Pure: the SVG draws what it returns.
 */
export function layoutServiceMap(
  map: Pick<ServiceMapResponse, 'nodes' | 'edges'>,
  red: Map<string, RedFigures>,
  labelled = true,
): MapLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  // Unlabelled (dense) maps pack tighter: long edges' dummy nodes otherwise stretch the height.
  g.setGraph(
    labelled
      ? { rankdir: 'LR', nodesep: 18, ranksep: 70, edgesep: 10, marginx: 12, marginy: 12 }
      : { rankdir: 'LR', nodesep: 14, ranksep: 90, edgesep: 3, marginx: 12, marginy: 12 },
  );
  g.setDefaultEdgeLabel(() => ({}));
  const incoming = new Map<string, { calls: number; errors: number }>();
  for (const e of map.edges) {
    const sum = incoming.get(e.child) ?? { calls: 0, errors: 0 };
    incoming.set(e.child, { calls: sum.calls + e.callCount, errors: sum.errors + e.errorCount });
  }
  const names = [...new Set([...map.nodes.map((n) => n.name), ...map.edges.flatMap((e) => [e.parent, e.child])])].sort();
  for (const name of names) g.setNode(name, { width: nodeWidth(name), height: NODE_HEIGHT });
  for (const e of map.edges) g.setEdge(e.parent, e.child, labelled ? { ...LABEL, labelpos: 'c' } : {});
  dagre.layout(g);

  const nodes: MapNode[] = names.map((name) => {
    const n = g.node(name);
    const figures = red.get(name);
    const calls = incoming.get(name);
    return {
      name,
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
      errorRate: figures ? figures.errorRate : calls && calls.calls > 0 ? calls.errors / calls.calls : null,
      requestRate: figures ? figures.requestRate : null,
    };
  });
  const edges: MapEdge[] = map.edges.map((e) => {
    const laid = g.edge(e.parent, e.child);
    const points = laid.points ?? [];
    return { ...e, path: smoothPath(points), labelX: laid.x ?? points[0]?.x ?? 0, labelY: laid.y ?? points[0]?.y ?? 0 };
  });
  const graph = g.graph();
  return { nodes, edges, width: graph.width ?? 0, height: graph.height ?? 0 };
}

/** Room for the name (12 px bold) and the "0.5/min · 13% errors" line under it. */
export function nodeWidth(name: string): number {
  return Math.max(150, Math.min(240, Math.round(name.length * CHAR_WIDTH + 28)));
}

/** A path through dagre's points, rounded at the bends (quadratic curves through the midpoints). */
export function smoothPath(points: Array<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    d += ` Q${f(points[i].x)},${f(points[i].y)} ${f(mid.x)},${f(mid.y)}`;
  }
  const last = points[points.length - 1];
  return `${d} L${f(last.x)},${f(last.y)}`;
}

/** The edges and neighbours of a service, for highlighting when it is selected or hovered. */
export function neighbourhood(edges: ServiceMapEdge[], service: string | null): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const ids = new Set<string>();
  if (!service) return { nodes, edges: ids };
  nodes.add(service);
  for (const e of edges) {
    if (e.parent === service || e.child === service) {
      nodes.add(e.parent);
      nodes.add(e.child);
      ids.add(edgeId(e));
    }
  }
  return { nodes, edges: ids };
}

export function edgeId(e: Pick<ServiceMapEdge, 'parent' | 'child'>): string {
  return `${e.parent}\u2192${e.child}`;
}
