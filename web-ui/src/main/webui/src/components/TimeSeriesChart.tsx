import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useComputedColorScheme } from '@mantine/core';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color?: string;
}

const PALETTE = ['#228be6', '#fa5252', '#40c057', '#fab005', '#7950f2', '#15aabf', '#fd7e14', '#e64980', '#82c91e', '#868e96'];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/**
 * A time-series chart (uPlot: canvas, fast with many points). x is epoch seconds. Dragging across
 * the plot calls onZoom with the selected window, which pages use to narrow their URL time range.
 */
export function TimeSeriesChart({
  x,
  series,
  kind = 'line',
  height = 180,
  formatValue,
  onZoom,
  ariaLabel,
}: {
  x: number[];
  series: ChartSeries[];
  kind?: 'line' | 'bars';
  height?: number;
  formatValue?: (v: number) => string;
  onZoom?: (fromSeconds: number, toSeconds: number) => void;
  ariaLabel?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');
  const zoom = useRef(onZoom);
  zoom.current = onZoom;
  const zoomable = Boolean(onZoom);
  const plotRef = useRef<uPlot | null>(null);
  const data = [x, ...series.map((s) => s.values)] as AlignedData;
  const dataRef = useRef(data);
  dataRef.current = data;
  // The chart is rebuilt only when its look changes (series names and colours, kind, size, theme);
  // new points, as a live view refreshes, go in through setData.
  const shape = series.map((s) => `${s.label}\u0000${s.color ?? ''}`).join('\u0001');

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const axisColor = scheme === 'dark' ? '#c1c2c5' : '#495057';
    const gridColor = scheme === 'dark' ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)';
    const bars = kind === 'bars' ? uPlot.paths.bars!({ size: [0.8, 64] }) : undefined;
    const axisValues = formatValue ? (_: uPlot, ticks: number[]) => ticks.map((t) => formatValue(t)) : undefined;
    const options: Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: series.length > 1 },
      cursor: { drag: { x: zoomable, y: false } },
      scales: { x: { time: true } },
      axes: [
        { stroke: axisColor, grid: { stroke: gridColor } },
        { stroke: axisColor, grid: { stroke: gridColor }, size: 56, values: axisValues },
      ],
      series: [
        {},
        ...series.map((s, i) => ({
          label: s.label,
          stroke: s.color ?? seriesColor(i),
          fill: kind === 'bars' ? (s.color ?? seriesColor(i)) + 'cc' : undefined,
          width: kind === 'bars' ? 0 : 1.5,
          paths: bars,
          points: { show: false },
          value: formatValue ? (_: uPlot, v: number | null) => (v === null ? '–' : formatValue(v)) : undefined,
        })),
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width > 2 && zoom.current) {
              const from = u.posToVal(u.select.left, 'x');
              const to = u.posToVal(u.select.left + u.select.width, 'x');
              zoom.current(from, to);
            }
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          },
        ],
      },
    };
    const plot = new uPlot(options, dataRef.current, el);
    plotRef.current = plot;
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // The zoom callback and the data are read through refs, so neither a new closure nor new points rebuild the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape` stands for the series' names and colours
  }, [shape, kind, height, scheme, formatValue, zoomable]);

  useEffect(() => {
    plotRef.current?.setData(dataRef.current);
  }, [x, series]);

  return <div ref={container} role="img" aria-label={ariaLabel ?? 'chart'} style={{ width: '100%' }} />;
}
