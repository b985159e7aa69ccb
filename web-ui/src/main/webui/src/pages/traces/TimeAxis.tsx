import { Box, Text } from '@mantine/core';
import { useRef, useState, type PointerEvent } from 'react';
import classes from './Waterfall.module.css';
import { timeTicks } from './timeAxis';
import type { TimeWindow } from './waterfall';

/**
 * The ruler above the bars: tick labels for the visible window; dragging across it zooms the
 * waterfall to the dragged stretch (as Jaeger's minimap does).
 */
export function TimeAxis({ view, onZoom }: { view: TimeWindow; onZoom: (view: TimeWindow) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const ticks = timeTicks(view, 6);
  const fraction = (clientX: number) => {
    const rect = ref.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
  };
  const onPointerDown = (e: PointerEvent) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const f = fraction(e.clientX);
    setDrag({ from: f, to: f });
  };
  const onPointerMove = (e: PointerEvent) => drag && setDrag({ ...drag, to: fraction(e.clientX) });
  const onPointerUp = () => {
    if (drag && Math.abs(drag.to - drag.from) > 0.01) {
      const width = view.endUs - view.startUs;
      const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
      onZoom({ startUs: view.startUs + a * width, endUs: view.startUs + b * width });
    }
    setDrag(null);
  };
  return (
    <Box
      ref={ref}
      style={{ position: 'relative', height: '100%', cursor: 'col-resize', userSelect: 'none', touchAction: 'none' }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      title="Drag to zoom into a stretch of the trace"
    >
      {ticks.map((t) => (
        <Box key={t.us} style={{ position: 'absolute', left: `${t.pct}%`, top: 0, bottom: 0 }}>
          <Box className={classes.tick} />
          <Text
            size="xs"
            c="dimmed"
            ff="monospace"
            style={{
              position: 'absolute',
              top: 6,
              whiteSpace: 'nowrap',
              ...(t.pct > 92 ? { right: 4 } : { left: 4 }),
            }}
          >
            {t.label}
          </Text>
        </Box>
      ))}
      {drag && (
        <Box
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: `${Math.min(drag.from, drag.to) * 100}%`,
            width: `${Math.abs(drag.to - drag.from) * 100}%`,
            background: 'var(--mantine-color-blue-light)',
            border: '1px solid var(--mantine-color-blue-filled)',
          }}
        />
      )}
    </Box>
  );
}

/** Vertical grid lines at the ticks, drawn once behind all rows. */
export function TickLines({ view }: { view: TimeWindow }) {
  return (
    <>
      {timeTicks(view, 6).map((t) => (
        <Box key={t.us} className={classes.tick} style={{ left: `${t.pct}%` }} />
      ))}
    </>
  );
}
