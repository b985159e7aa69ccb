import { Anchor, Badge, Box, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { LogRecord } from './api';
import { severityColor } from './logSeverity';
import { ServiceDot } from './ServiceTag';
import { toEpochMicros } from './timestamps';
import { formatDuration } from '../../lib/format';

/**
 * A trace's (or a span's) log records, virtualized with measured heights: bodies wrap, and a trace
 * may carry thousands of lines. Times are offsets from the trace start, as in the waterfall.
 */
export function LogLines({
  logs,
  traceStartUs,
  onSpan,
  spanName,
  maxHeight,
}: {
  logs: LogRecord[];
  traceStartUs: number;
  onSpan?: (spanId: string) => void;
  spanName?: (spanId: string) => string | null;
  maxHeight: number | string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: logs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 40,
    overscan: 10,
  });
  return (
    <Box ref={scroller} style={{ maxHeight, overflow: 'auto' }} role="list" aria-label="Log records">
      <Box style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const log = logs[item.index];
          const offset = toEpochMicros(log.timestamp) - traceStartUs;
          const name = log.spanId && spanName ? spanName(log.spanId) : null;
          return (
            <Box
              key={log.id}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="listitem"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
                padding: '4px 6px',
                borderBottom: '1px solid var(--mantine-color-default-border)',
              }}
            >
              <Group gap={8} wrap="nowrap" align="center">
                <Text size="xs" ff="monospace" c="dimmed" w={72} ta="right" style={{ flexShrink: 0 }} title={log.timestamp}>
                  {offset >= 0 ? '+' : '−'}
                  {formatDuration(Math.abs(offset) / 1000)}
                </Text>
                <Badge size="xs" variant="light" color={severityColor(log.severity)} w={54} style={{ flexShrink: 0 }}>
                  {log.severityText || log.severity}
                </Badge>
                <Box w={110} style={{ flexShrink: 0 }}>
                  <ServiceDot service={log.service} />
                </Box>
                {log.spanId && onSpan && (
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    ff="monospace"
                    onClick={() => onSpan(log.spanId!)}
                    title={name ? `Show span ${name}` : 'Show span'}
                    style={{ flexShrink: 0 }}
                  >
                    {name ?? log.spanId.slice(0, 8)}
                  </Anchor>
                )}
              </Group>
              <Text size="xs" ff="monospace" mt={2} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {log.body}
              </Text>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
