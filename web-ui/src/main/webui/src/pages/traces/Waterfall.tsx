import { Box, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { CriticalSegment } from './criticalPath';
import { TickLines, TimeAxis } from './TimeAxis';
import { visibleRows, type TimeWindow, type Waterfall as Model } from './waterfall';
import { ROW_HEIGHT, WaterfallRow } from './WaterfallRow';

const AXIS_HEIGHT = 28;
const MIN_LABEL = 200;

/**
 * The span waterfall, virtualized: only the rows in view are rendered, so a 10,000-span trace
 * scrolls like a small one. Keyboard: ↑/↓ move the selection, ←/→ collapse/expand the selected span.
 */
export function Waterfall({
  model,
  critical,
  collapsed,
  onToggle,
  selectedIndex,
  onSelect,
  matched,
  view,
  onZoom,
  height,
}: {
  model: Model;
  critical: Map<number, CriticalSegment[]> | null;
  collapsed: ReadonlySet<string>;
  onToggle: (spanId: string) => void;
  selectedIndex: number | null;
  onSelect: (index: number) => void;
  matched: ReadonlySet<number>;
  view: TimeWindow;
  onZoom: (view: TimeWindow) => void;
  height: number | string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [chosenWidth, setLabelWidth] = useState<number | null>(null);
  const { ref: frame, width: frameWidth } = useElementSize();
  // Until the user drags the divider, names get 40% of the width (at most 420 px), bars the rest.
  const labelWidth = chosenWidth ?? Math.round(Math.max(MIN_LABEL, Math.min(420, (frameWidth || 950) * 0.4)));
  const visible = useMemo(() => visibleRows(model, collapsed), [model, collapsed]);
  const position = useMemo(() => {
    const map = new Map<number, number>();
    visible.forEach((rowIndex, i) => map.set(rowIndex, i));
    return map;
  }, [visible]);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    scrollMargin: AXIS_HEIGHT,
  });

  // Bring the selected span into view when it is chosen from outside (an error, a log line, the URL).
  // The virtualizer scrolls the list to the row; scrollIntoView then scrolls the page too if the
  // list itself is partly below the window.
  useEffect(() => {
    if (selectedIndex === null) return;
    const at = position.get(selectedIndex);
    if (at === undefined) return;
    const el = scroller.current;
    const top = at * ROW_HEIGHT;
    // A row already in view stays put; one far away (a find match, an error) comes to the middle.
    if (el && (top < el.scrollTop || top + ROW_HEIGHT + AXIS_HEIGHT > el.scrollTop + el.clientHeight)) {
      const near = top >= el.scrollTop - ROW_HEIGHT && top <= el.scrollTop + el.clientHeight;
      virtualizer.scrollToIndex(at, { align: near ? 'auto' : 'center' });
    }
    const frame = requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        scroller.current?.querySelector(`[data-span-index="${selectedIndex}"]`)?.closest('[data-row]')?.scrollIntoView({ block: 'nearest' }),
      ),
    );
    return () => cancelAnimationFrame(frame);
  }, [selectedIndex, position, virtualizer]);

  const focusRow = useCallback((index: number) => {
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-span-index="${index}"]`)?.focus());
  }, []);

  // Key repeat can outrun the URL round trip of a selection, so the walk reads the latest one from here.
  const current = useRef(selectedIndex);
  useEffect(() => {
    current.current = selectedIndex;
  }, [selectedIndex]);

  const onKeyDown = (e: KeyboardEvent) => {
    const from = current.current;
    if (from === null) return;
    const at = position.get(from);
    if (at === undefined) return;
    const row = model.rows[from];
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = visible[Math.min(visible.length - 1, at + 1)];
    else if (e.key === 'ArrowUp') next = visible[Math.max(0, at - 1)];
    else if (e.key === 'ArrowLeft') {
      if (row.children.length && !collapsed.has(row.span.spanId)) onToggle(row.span.spanId);
      else if (row.parent >= 0) next = row.parent;
    } else if (e.key === 'ArrowRight' && collapsed.has(row.span.spanId)) onToggle(row.span.spanId);
    else return;
    e.preventDefault();
    if (next !== null && next !== undefined) {
      current.current = next;
      onSelect(next);
      focusRow(next);
    }
  };

  return (
    <Box
      ref={frame}
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
      onKeyDown={onKeyDown}
    >
      <Box ref={scroller} style={{ maxHeight: height, overflow: 'auto', position: 'relative' }}>
        {/* The ruler scrolls with the rows (sticky), so both have the same width beside the scrollbar. */}
        <Box
          style={{
            display: 'flex',
            height: AXIS_HEIGHT,
            position: 'sticky',
            top: 0,
            zIndex: 2,
            minWidth: labelWidth + 300,
            borderBottom: '1px solid var(--mantine-color-default-border)',
            background: 'var(--mantine-color-body)',
          }}
        >
          <Box style={{ width: labelWidth, flexShrink: 0, display: 'flex', alignItems: 'center', paddingLeft: 8, position: 'relative' }}>
            <Text size="xs" c="dimmed" fw={600} truncate="end">
              Service and operation ·{' '}
              {visible.length === model.rows.length ? `${model.rows.length} spans` : `${visible.length} of ${model.rows.length} spans shown`}
            </Text>
            <LabelResizer width={labelWidth} onChange={setLabelWidth} />
          </Box>
          <Box style={{ flex: 1 }}>
            <TimeAxis view={view} onZoom={onZoom} />
          </Box>
        </Box>
        <Box style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: labelWidth + 300 }}>
          <Box style={{ position: 'absolute', top: 0, bottom: 0, left: labelWidth, right: 0 }} aria-hidden>
            <TickLines view={view} />
          </Box>
          {virtualizer.getVirtualItems().map((item) => {
            const rowIndex = visible[item.index];
            const row = model.rows[rowIndex];
            const isCollapsed = collapsed.has(row.span.spanId);
            return (
              <div key={rowIndex} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start - AXIS_HEIGHT}px)` }}>
                <WaterfallRow
                  row={row}
                  labelWidth={labelWidth}
                  view={view}
                  selected={rowIndex === selectedIndex}
                  matched={matched.has(rowIndex)}
                  collapsed={isCollapsed}
                  hiddenCount={isCollapsed ? model.subtreeEnd[rowIndex] - rowIndex - 1 : 0}
                  critical={critical?.get(rowIndex)}
                  onSelect={onSelect}
                  onToggle={onToggle}
                />
              </div>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}

/** Drag (or arrow keys) to widen the label column for deep trees and long operation names. */
function LabelResizer({ width, onChange }: { width: number; onChange: (w: number) => void }) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const clamp = (w: number) => Math.max(MIN_LABEL, Math.min(900, w));
  return (
    <Box
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the span name column"
      aria-valuenow={width}
      aria-valuemin={MIN_LABEL}
      aria-valuemax={900}
      tabIndex={0}
      onPointerDown={(e: PointerEvent) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { x: e.clientX, width };
      }}
      onPointerMove={(e: PointerEvent) => start.current && onChange(clamp(start.current.width + e.clientX - start.current.x))}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.stopPropagation();
          onChange(clamp(width + (e.key === 'ArrowLeft' ? -40 : 40)));
        }
      }}
      style={{
        position: 'absolute',
        right: -3,
        top: 0,
        bottom: 0,
        width: 6,
        cursor: 'col-resize',
        zIndex: 1,
        borderRight: '1px solid var(--mantine-color-default-border)',
      }}
    />
  );
}
