import { Box } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { LogRecord } from './api';
import { LogRow } from './LogRow';

/** The list fills the window below its top edge, at least this tall. */
const MIN_HEIGHT = 320;

/**
 * The height that fills the window below the element. Measured after every render too, because
 * what sits above the list (filter pills, alerts) changes; an unchanged value does not re-render.
 */
function useFillHeight(ref: React.RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(600);
  const measure = useCallback(() => {
    const top = ref.current?.getBoundingClientRect().top ?? 0;
    setHeight(Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - 16)));
  }, [ref]);
  useLayoutEffect(measure);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);
  return height;
}

/**
 * Log records in a virtualized scroller (only the visible rows are in the DOM, so thousands of
 * lines stay fast). Rows are measured, because an expanded row is taller. Reports whether the
 * view is at the top (live tail pauses when it is not) and when the end is near (to load more).
 */
export function LogList({
  logs,
  projectId,
  words,
  footer,
  onNearEnd,
  onAtTopChange,
  scrollToTopSignal,
  onFilter,
  onTraceFilter,
}: {
  logs: LogRecord[];
  projectId: number;
  words: string[];
  footer?: ReactNode;
  onNearEnd?: () => void;
  onAtTopChange?: (atTop: boolean) => void;
  /** Changing this number scrolls the list back to the top. */
  scrollToTopSignal?: number;
  onFilter: (key: string, value: string) => void;
  onTraceFilter: (traceId: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scroller);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const toggle = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const virtualizer = useVirtualizer({
    count: logs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 27,
    overscan: 20,
    getItemKey: (index) => logs[index].id,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (onNearEnd && logs.length > 0 && lastIndex >= logs.length - 30) onNearEnd();
  }, [lastIndex, logs.length, onNearEnd]);

  useEffect(() => {
    if (scrollToTopSignal !== undefined && scroller.current) scroller.current.scrollTop = 0;
  }, [scrollToTopSignal]);

  const atTop = useRef(true);
  const onScroll = () => {
    const now = (scroller.current?.scrollTop ?? 0) < 4;
    if (now !== atTop.current) {
      atTop.current = now;
      onAtTopChange?.(now);
    }
  };

  return (
    <Box
      ref={scroller}
      onScroll={onScroll}
      style={{ height, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
      role="list"
      aria-label="Log lines"
      tabIndex={-1}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const log = logs[item.index];
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              <LogRow
                log={log}
                projectId={projectId}
                expanded={expanded.has(log.id)}
                words={words}
                onToggle={toggle}
                onFilter={onFilter}
                onTraceFilter={onTraceFilter}
              />
            </div>
          );
        })}
      </div>
      {footer}
    </Box>
  );
}
