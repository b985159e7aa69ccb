import { Box, Group, Text } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { formatCount, formatDuration, formatPercent } from '../../lib/format';
import { serviceColor } from '../traces/serviceColors';
import type { RedFigures, ServiceMapResponse } from './api';
import { errorRateColor, formatRequestRate } from './red';
import classes from './ServiceMap.module.css';
import { edgeId, layoutServiceMap, neighbourhood, type MapEdge, type MapNode } from './serviceMapLayout';

/** Beyond this many edges, labels show only around the selected or hovered service. */
const LABEL_ALL_EDGES_UP_TO = 24;

/**
 * The dependency map: services as boxes coloured by error rate, calls as arrows labelled with
 * their count and p95. Clicking (or Enter on) a service selects it; its calls stand out.
 */
export function ServiceMap({
  map,
  red,
  selected,
  onSelect,
}: {
  map: ServiceMapResponse;
  red: RedFigures[];
  selected: string | null;
  onSelect: (service: string) => void;
}) {
  const redByName = useMemo(() => new Map(red.map((r) => [r.name, r])), [red]);
  const labelAll = map.edges.length <= LABEL_ALL_EDGES_UP_TO;
  const layout = useMemo(() => layoutServiceMap(map, redByName, labelAll), [map, redByName, labelAll]);
  const [hovered, setHovered] = useState<string | null>(null);
  const markerPrefix = useId().replace(/:/g, '');
  const focus = hovered ?? selected;
  const near = useMemo(() => neighbourhood(map.edges, focus), [map.edges, focus]);
  const maxCalls = Math.max(1, ...map.edges.map((e) => e.callCount));

  return (
    <Box>
      {/* Drawn at its natural size (text stays legible); a map wider or taller than the card scrolls. */}
      <Box style={{ overflow: 'auto', maxHeight: 680 }}>
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          style={{ display: 'block', margin: '0 auto' }}
          role="group"
          aria-label={`Service map: ${layout.nodes.length} services, ${layout.edges.length} connections`}
        >
          <defs>
            {(['normal', 'error', 'dim'] as const).map((kind) => (
              <marker
                key={kind}
                id={`${markerPrefix}-arrow-${kind}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth="9"
                markerHeight="9"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" style={{ fill: arrowColor(kind) }} />
              </marker>
            ))}
          </defs>
          {layout.edges.map((e) => {
            const highlighted = focus !== null && near.edges.has(edgeId(e));
            const dim = focus !== null && !highlighted;
            return (
              <Edge key={edgeId(e)} edge={e} dim={dim} faint={!labelAll && focus === null} highlighted={highlighted} maxCalls={maxCalls} markerPrefix={markerPrefix} />
            );
          })}
          {layout.edges.map((e) => {
            const highlighted = focus !== null && near.edges.has(edgeId(e));
            return labelAll || highlighted ? <EdgeLabel key={edgeId(e)} edge={e} /> : null;
          })}
          {layout.nodes.map((n) => (
            <Node
              key={n.name}
              node={n}
              selected={n.name === selected}
              dim={focus !== null && !near.nodes.has(n.name)}
              onSelect={onSelect}
              onHover={setHovered}
            />
          ))}
        </svg>
      </Box>
      <Group gap="md" mt={4} justify="center">
        {!labelAll && (
          <Text size="xs" c="dimmed">
            Hover or select a service to label its calls ·
          </Text>
        )}
        {(['green', 'yellow', 'red', 'gray'] as const).map((c) => (
          <Group key={c} gap={4}>
            <Box w={10} h={10} style={{ borderRadius: 2, background: `var(--mantine-color-${c}-filled)` }} />
            <Text size="xs" c="dimmed">
              {{ green: 'no errors', yellow: 'errors < 5%', red: 'errors ≥ 5%', gray: 'no entry spans' }[c]}
            </Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}

function arrowColor(kind: 'normal' | 'error' | 'dim'): string {
  if (kind === 'error') return 'var(--mantine-color-red-filled)';
  if (kind === 'dim') return 'var(--mantine-color-default-border)';
  return 'var(--mantine-color-dimmed)';
}

function Edge({
  edge,
  dim,
  faint,
  highlighted,
  maxCalls,
  markerPrefix,
}: {
  edge: MapEdge;
  dim: boolean;
  /** A dense map at rest: lighter lines so the services stay readable. */
  faint: boolean;
  highlighted: boolean;
  maxCalls: number;
  markerPrefix: string;
}) {
  const failing = edge.errorCount > 0;
  const kind = dim ? 'dim' : failing ? 'error' : 'normal';
  const width = 1 + 2.5 * (Math.log1p(edge.callCount) / Math.log1p(maxCalls));
  return (
    <path
      d={edge.path}
      fill="none"
      markerEnd={`url(#${markerPrefix}-arrow-${kind})`}
      style={{ stroke: arrowColor(kind), strokeWidth: highlighted ? width + 1 : width, opacity: dim ? 0.5 : faint ? 0.45 : 1 }}
    >
      <title>
        {`${edge.parent} → ${edge.child}: ${formatCount(edge.callCount)} calls, ${edge.errorCount} errors, p95 ${formatDuration(edge.p95Ms)}`}
      </title>
    </path>
  );
}

function EdgeLabel({ edge }: { edge: MapEdge }) {
  return (
    <text
      x={edge.labelX}
      y={edge.labelY - 5}
      textAnchor="middle"
      style={{
        fontSize: 11,
        fill: edge.errorCount > 0 ? 'var(--mantine-color-red-text)' : 'var(--mantine-color-dimmed)',
        stroke: 'var(--mantine-color-body)',
        strokeWidth: 4,
        paintOrder: 'stroke',
        pointerEvents: 'none',
      }}
    >
      {formatCount(edge.callCount)} calls · p95 {formatDuration(edge.p95Ms)}
    </text>
  );
}

function Node({
  node,
  selected,
  dim,
  onSelect,
  onHover,
}: {
  node: MapNode;
  selected: boolean;
  dim: boolean;
  onSelect: (service: string) => void;
  onHover: (service: string | null) => void;
}) {
  const color = errorRateColor(node.errorRate);
  const detail =
    node.errorRate === null
      ? 'no entry spans'
      : `${node.requestRate !== null ? formatRequestRate(node.requestRate) + ' · ' : ''}${formatPercent(node.errorRate)} errors`;
  return (
    <g
      transform={`translate(${node.x - node.width / 2},${node.y - node.height / 2})`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${node.name}: ${detail}`}
      onClick={() => onSelect(node.name)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(node.name);
        }
      }}
      onMouseEnter={() => onHover(node.name)}
      onMouseLeave={() => onHover(null)}
      className={classes.node}
      style={{ opacity: dim ? 0.45 : 1 }}
    >
      <rect className={classes.focusRing} x={-4} y={-4} width={node.width + 8} height={node.height + 8} rx={8} />
      <rect
        width={node.width}
        height={node.height}
        rx={6}
        style={{
          fill: `var(--mantine-color-${color}-light)`,
          stroke: selected ? 'var(--mantine-color-blue-filled)' : `var(--mantine-color-${color}-filled)`,
          strokeWidth: selected ? 3 : 1.5,
        }}
      />
      <rect x={0} y={6} width={4} height={node.height - 12} rx={1} style={{ fill: serviceColor(node.name) }} />
      <text x={12} y={17} style={{ fontSize: 12, fontWeight: 600, fill: 'var(--mantine-color-text)' }}>
        {truncate(node.name, Math.floor((node.width - 18) / 7.2))}
      </text>
      <text x={12} y={32} style={{ fontSize: 10.5, fill: 'var(--mantine-color-dimmed)' }}>
        {detail}
      </text>
      <title>{`${node.name}: ${detail}`}</title>
    </g>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
