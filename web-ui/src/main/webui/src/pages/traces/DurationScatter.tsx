import { Paper, Text, useComputedColorScheme } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot, { type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDuration, formatTimestamp } from '../../lib/format';
import type { TraceSummary } from './api';
import { logSplits, nearestPoint, scatterData } from './scatter';

const OK_COLOR = '#228be6';
const ERROR_COLOR = '#fa5252';
const HIT_RADIUS = 10;

/**
 * Start time against duration of the loaded results, like Jaeger's: outliers stand out, a click
 * opens the trace, dragging across narrows the time range.
 */
export function DurationScatter({
  traces,
  from,
  to,
  onOpen,
  onZoom,
  logScale,
  height = 170,
}: {
  traces: TraceSummary[];
  from: Date;
  to: Date;
  onOpen: (trace: TraceSummary) => void;
  onZoom: (from: Date, to: Date) => void;
  /** Log-scaled durations: one slow outlier no longer flattens every other trace onto the axis. */
  logScale: boolean;
  height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');
  const data = useMemo(() => scatterData(traces), [traces]);
  const [hover, setHover] = useState<{ index: number; left: number; top: number } | null>(null);
  const callbacks = useRef({ onOpen, onZoom });
  callbacks.current = { onOpen, onZoom };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const axis = scheme === 'dark' ? '#c1c2c5' : '#495057';
    const grid = scheme === 'dark' ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)';
    const points = (color: string) => ({
      show: true,
      size: 8,
      width: 1,
      stroke: color,
      fill: color + '99',
    });
    const durations = traces.map((t) => t.durationMs).filter((d) => d > 0);
    const maxY = Math.max(1, ...durations);
    const minY = Math.max(1e-3, Math.min(maxY, ...durations));
    const hitTest = (u: uPlot, left: number, top: number) => {
      const pixels = data.x.map((x, i) => {
        const y = data.ok[i] ?? data.failed[i] ?? minY;
        return [u.valToPos(x, 'x'), u.valToPos(y, 'y')] as const;
      });
      return nearestPoint(pixels, left, top, HIT_RADIUS);
    };
    const options: Options = {
      width: Math.max(240, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { x: false, y: false, points: { show: false }, drag: { x: true, y: false, setScale: false } },
      scales: {
        x: { time: true, range: () => [from.getTime() / 1000, to.getTime() / 1000] },
        y: logScale ? { distr: 3, log: 10, range: () => [minY / 1.5, maxY * 1.5] } : { range: () => [0, maxY * 1.1] },
      },
      axes: [
        { stroke: axis, grid: { stroke: grid } },
        {
          stroke: axis,
          grid: { stroke: grid },
          size: 64,
          values: (_, ticks) => ticks.map((t) => (t === 0 ? '0' : formatDuration(t))),
          // uPlot's log ticks mark every integer multiple; decades (with 2 and 5 on a short range) read better.
          splits: logScale ? (_, __, min, max) => logSplits(min, max) : undefined,
        },
      ],
      series: [
        {},
        { label: 'traces', stroke: OK_COLOR, paths: () => null, points: points(OK_COLOR) },
        { label: 'traces with errors', stroke: ERROR_COLOR, paths: () => null, points: points(ERROR_COLOR) },
      ],
      hooks: {
        setCursor: [
          (u) => {
            const { left, top } = u.cursor;
            const index = left === undefined || top === undefined || left < 0 ? -1 : hitTest(u, left, top);
            u.over.style.cursor = index >= 0 ? 'pointer' : 'crosshair';
            setHover(index >= 0 ? { index, left: left! + u.over.offsetLeft, top: top! + u.over.offsetTop } : null);
          },
        ],
        setSelect: [
          (u) => {
            if (u.select.width > 3) {
              const start = u.posToVal(u.select.left, 'x');
              const end = u.posToVal(u.select.left + u.select.width, 'x');
              callbacks.current.onZoom(new Date(start * 1000), new Date(end * 1000));
            }
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          },
        ],
      },
    };
    const plot = new uPlot(options, [data.x, data.ok, data.failed], el);
    const click = (e: MouseEvent) => {
      const rect = plot.over.getBoundingClientRect();
      const index = hitTest(plot, e.clientX - rect.left, e.clientY - rect.top);
      if (index >= 0) callbacks.current.onOpen(data.traces[index]);
    };
    plot.over.addEventListener('click', click);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.over.removeEventListener('click', click);
      plot.destroy();
    };
  }, [data, traces, from, to, height, scheme, logScale]);

  const hovered = hover ? data.traces[hover.index] : null;
  return (
    <div style={{ position: 'relative' }}>
      <div
        ref={container}
        role="img"
        aria-label={`Duration of ${traces.length} traces over time; click a point to open its trace`}
        style={{ width: '100%' }}
      />
      {hovered && hover && (
        <Paper
          withBorder
          shadow="sm"
          p={6}
          style={{
            position: 'absolute',
            left: hover.left > (container.current?.clientWidth ?? 0) - 340 ? hover.left - 332 : hover.left + 12,
            top: Math.max(0, hover.top - 20),
            pointerEvents: 'none',
            zIndex: 2,
            maxWidth: 320,
          }}
        >
          <Text size="xs" fw={600} truncate="end">
            {hovered.rootService}: {hovered.rootName}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDuration(hovered.durationMs)} · {hovered.spanCount} spans
            {hovered.errorSpanCount > 0 ? ` · ${hovered.errorSpanCount} errors` : ''} · {formatTimestamp(hovered.start)}
          </Text>
        </Paper>
      )}
    </div>
  );
}
