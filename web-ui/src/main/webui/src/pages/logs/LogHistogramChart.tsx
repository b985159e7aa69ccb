import { Badge, Group, Text, useComputedColorScheme } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCount } from '../../lib/format';
import type { LogHistogram } from './api';
import { stackHistogram } from './histogram';
import { formatStep } from './logFormat';
import { severityColor, severityHex } from './severity';

/**
 * Log volume over time as bars stacked by severity (uPlot, canvas). Each layer is drawn from 0 to
 * the top of its part of the stack, top layer first, so the layers below paint over it. Dragging
 * across the chart calls onZoom with the selected window (epoch seconds).
 */
export function LogHistogramChart({
  histogram,
  onZoom,
  height = 110,
}: {
  histogram: LogHistogram;
  onZoom: (fromSeconds: number, toSeconds: number) => void;
  height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');
  const zoom = useRef(onZoom);
  zoom.current = onZoom;
  const [hover, setHover] = useState<number | null>(null);
  const stacked = useMemo(() => stackHistogram(histogram.buckets), [histogram]);
  const step = histogram.stepSeconds;

  useEffect(() => {
    const el = container.current;
    if (!el || stacked.x.length === 0) return;
    const axisColor = scheme === 'dark' ? '#c1c2c5' : '#495057';
    const gridColor = scheme === 'dark' ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)';
    const layers = [...stacked.layers].reverse();
    const bars = uPlot.paths.bars!({ size: [0.9, 80], align: 1 });
    const options: Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { drag: { x: true, y: false }, points: { show: false } },
      scales: {
        x: { time: true, range: () => [stacked.x[0], stacked.x[stacked.x.length - 1] + step] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor } },
        { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor }, size: 48, values: (_u, ticks) => ticks.map((t) => formatCount(t)) },
      ],
      series: [{}, ...layers.map((l) => ({ label: l.severity, stroke: severityHex(l.severity), fill: severityHex(l.severity), width: 0, paths: bars, points: { show: false } }))],
      hooks: {
        setCursor: [(u) => setHover(u.cursor.idx ?? null)],
        setSelect: [
          (u) => {
            if (u.select.width > 2) {
              zoom.current(u.posToVal(u.select.left, 'x'), u.posToVal(u.select.left + u.select.width, 'x'));
            }
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          },
        ],
      },
    };
    const data = [stacked.x, ...layers.map((l) => l.stacked)] as AlignedData;
    const plot = new uPlot(options, data, el);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [stacked, step, height, scheme]);

  const index = hover !== null && hover < stacked.x.length ? hover : null;
  return (
    <div>
      <Group gap="xs" justify="space-between" wrap="nowrap" mih={22}>
        <Group gap={6} wrap="wrap">
          {stacked.layers.map((l) => (
            <Badge key={l.severity} variant="dot" color={severityColor(l.severity)} size="sm" tt="none">
              {l.severity} {formatCount(index === null ? l.total : l.counts[index])}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {index === null
            ? `${formatCount(stacked.total)} lines · ${formatStep(step)} buckets · drag to zoom`
            : new Date(stacked.x[index] * 1000).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' })}
        </Text>
      </Group>
      <div ref={container} role="img" aria-label={`Log volume by severity: ${stacked.total} lines`} style={{ width: '100%' }} />
    </div>
  );
}
