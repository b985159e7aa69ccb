import { Code, Stack, Text } from '@mantine/core';
import { formatDuration } from '../../lib/format';
import type { SpanEvent } from './api';
import { AttributeTable } from './AttributeTable';
import { toEpochMicros } from './timestamps';

const EXCEPTION_KEYS = ['exception.type', 'exception.message', 'exception.stacktrace'];

/** A span's events in time order; exception events show type, message and stack as OpenTelemetry records them. */
export function SpanEvents({ events, spanStart }: { events: SpanEvent[]; spanStart: string }) {
  if (events.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No events
      </Text>
    );
  }
  const start = toEpochMicros(spanStart);
  return (
    <Stack gap="xs">
      {events.map((event, i) => {
        const isException = event.name === 'exception';
        const rest = Object.fromEntries(Object.entries(event.attributes).filter(([k]) => !isException || !EXCEPTION_KEYS.includes(k)));
        return (
          <div key={`${event.timestamp}-${i}`}>
            <Text size="xs">
              <Text span size="xs" ff="monospace" c="dimmed">
                +{formatDuration((toEpochMicros(event.timestamp) - start) / 1000)}
              </Text>{' '}
              <Text span size="xs" fw={600} c={isException ? 'red' : undefined}>
                {event.name}
              </Text>
            </Text>
            {isException && (
              <>
                <Text size="sm" fw={600} c="red" style={{ wordBreak: 'break-word' }}>
                  {event.attributes['exception.type'] ?? 'Exception'}
                  {event.attributes['exception.message'] ? `: ${event.attributes['exception.message']}` : ''}
                </Text>
                {event.attributes['exception.stacktrace'] && (
                  <Code block fz="xs" mt={4} style={{ maxHeight: 280, overflow: 'auto', whiteSpace: 'pre' }}>
                    {event.attributes['exception.stacktrace']}
                  </Code>
                )}
              </>
            )}
            {Object.keys(rest).length > 0 && <AttributeTable attributes={rest} />}
          </div>
        );
      })}
    </Stack>
  );
}
