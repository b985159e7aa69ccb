import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import type { TraceDetail } from './api';
import { serviceColor } from './serviceColors';
import { Mono } from './Mono';
import { ServiceTag } from './ServiceTag';
import type { Waterfall } from './waterfall';

const MAX_LISTED_ERRORS = 5;

/** Root operation, duration, spans, services, start and errors of a trace, and the errors' spans. */
export function TraceHeader({
  projectId,
  trace,
  model,
  onSelect,
}: {
  projectId: number;
  trace: TraceDetail;
  model: Waterfall;
  onSelect: (spanId: string) => void;
}) {
  const root = model.rows[0]?.span;
  const errorSpans = model.rows.filter((r) => r.hasError).length;
  const spanLabel = (spanId: string | null) => {
    const i = spanId === null ? undefined : model.indexById.get(spanId);
    return i === undefined ? null : `${model.rows[i].span.service}: ${model.rows[i].span.name}`;
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="center">
          <div style={{ width: 4, alignSelf: 'stretch', borderRadius: 2, background: root ? serviceColor(root.service) : undefined }} />
          <div style={{ minWidth: 0 }}>
            <Title order={3} style={{ wordBreak: 'break-word' }}>
              {root ? `${root.service}: ${root.name}` : 'Trace'}
            </Title>
            <Group gap={4}>
              <Text size="xs" c="dimmed">
                Trace
              </Text>
              <Mono value={trace.traceId} />
            </Group>
          </div>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs">
          <Fact label="Started">{formatTimestamp(trace.start)}</Fact>
          <Fact label="Duration">{formatDuration(model.totalUs / 1000)}</Fact>
          <Fact label="Spans">
            {trace.spanCount}
            {trace.truncated && (
              <Text span size="xs" c="orange">
                {' '}
                (showing the first {trace.spans.length})
              </Text>
            )}
          </Fact>
          <Fact label="Errors">
            <Text span c={errorSpans + trace.errors.length > 0 ? 'red' : undefined} fw={errorSpans + trace.errors.length > 0 ? 600 : undefined}>
              {errorSpans} {errorSpans === 1 ? 'span' : 'spans'}, {trace.errors.length} Sentry {trace.errors.length === 1 ? 'event' : 'events'}
            </Text>
          </Fact>
          <Fact label={`Services (${trace.services.length})`}>
            <Group gap={4}>
              {trace.services.map((s) => (
                <ServiceTag key={s} service={s} size="xs" />
              ))}
            </Group>
          </Fact>
        </SimpleGrid>
        {trace.errors.length > 0 && (
          <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title={`Errors raised in this trace`}>
            <Stack gap={2}>
              {trace.errors.slice(0, MAX_LISTED_ERRORS).map((e) => (
                <Group key={e.eventId} gap={6} wrap="nowrap">
                  <Anchor component={Link} to={projectPath(projectId, 'issues', e.issueId)} size="sm" fw={600} truncate="end">
                    {e.title}
                  </Anchor>
                  {e.spanId && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      in{' '}
                      {spanLabel(e.spanId) ? (
                        <Anchor component="button" type="button" size="xs" onClick={() => onSelect(e.spanId!)}>
                          {spanLabel(e.spanId)}
                        </Anchor>
                      ) : (
                        <Text span size="xs" ff="monospace">
                          span {e.spanId} (not stored)
                        </Text>
                      )}
                    </Text>
                  )}
                </Group>
              ))}
              {trace.errors.length > MAX_LISTED_ERRORS && (
                <Text size="xs" c="dimmed">
                  and {trace.errors.length - MAX_LISTED_ERRORS} more, marked on their spans below
                </Text>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
