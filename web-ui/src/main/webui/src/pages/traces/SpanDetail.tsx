import { Accordion, ActionIcon, Anchor, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import type { LogRecord } from './api';
import { AttributeTable } from './AttributeTable';
import { LogLines } from './LogLines';
import { Mono } from './Mono';
import { ServiceDot } from './ServiceTag';
import { SpanEvents } from './SpanEvents';
import { selfTimeUs, type Waterfall } from './waterfall';

/** Everything about one span: ids, timings, status, its Sentry errors, attributes, events, links and logs. */
export function SpanDetail({
  projectId,
  model,
  index,
  logs,
  onSelect,
  onClose,
  height,
}: {
  projectId: number;
  model: Waterfall;
  index: number;
  logs: LogRecord[];
  onSelect: (spanId: string) => void;
  onClose: () => void;
  height: number | string;
}) {
  const row = model.rows[index];
  const { span } = row;
  const parentKnown = span.parentSpanId !== null && model.indexById.has(span.parentSpanId);
  const sections = ['errors', 'attributes', 'events', 'logs', 'links'];
  return (
    <Paper withBorder style={{ height, display: 'flex', flexDirection: 'column' }} aria-label="Span details" component="section">
      <Group justify="space-between" wrap="nowrap" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <ServiceDot service={span.service} />
          <Text fw={600} size="sm" style={{ wordBreak: 'break-word' }}>
            {span.name}
          </Text>
        </Stack>
        <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label="Close span details">
          <IconX size={16} />
        </ActionIcon>
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="xs" p="xs">
          <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
            <Fact label="Duration">{formatDuration(row.durationUs / 1000)}</Fact>
            <Fact label="Self time">{formatDuration(selfTimeUs(model, index) / 1000)}</Fact>
            <Fact label="Starts at">
              +{formatDuration(row.offsetUs / 1000)} <Text span size="xs" c="dimmed">({formatTimestamp(span.start)})</Text>
            </Fact>
            <Fact label="Kind">{span.kind}</Fact>
            <Fact label="Status">
              <Badge size="sm" variant="light" color={span.status === 'error' ? 'red' : span.status === 'ok' ? 'green' : 'gray'}>
                {span.status}
              </Badge>{' '}
              {span.statusMessage && <Text span size="xs">{span.statusMessage}</Text>}
            </Fact>
            <Fact label="Scope">
              {span.scopeName ?? '–'}
              {span.scopeVersion ? ` ${span.scopeVersion}` : ''}
            </Fact>
            <Fact label="Span ID">
              <Mono value={span.spanId} />
            </Fact>
            <Fact label="Parent">
              {span.parentSpanId === null ? (
                'none (root)'
              ) : parentKnown ? (
                <Anchor component="button" type="button" size="xs" ff="monospace" onClick={() => onSelect(span.parentSpanId!)}>
                  {span.parentSpanId}
                </Anchor>
              ) : (
                <Text span size="xs" ff="monospace" title="The parent span is not stored">
                  {span.parentSpanId} (missing)
                </Text>
              )}
            </Fact>
          </SimpleGrid>
          <Accordion multiple defaultValue={sections} variant="contained" chevronPosition="left">
            {row.errors.length > 0 && (
              <Section value="errors" title="Errors" count={row.errors.length}>
                <Stack gap={4}>
                  {row.errors.map((e) => (
                    <div key={e.eventId}>
                      <Anchor component={Link} to={projectPath(projectId, 'issues', e.issueId)} size="sm" c="red" fw={600}>
                        {e.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {e.level} · {formatTimestamp(e.timestamp)} ·{' '}
                        <Anchor component={Link} to={projectPath(projectId, 'issues', e.issueId, 'events', e.eventId)} size="xs">
                          event {e.eventId.slice(0, 8)}
                        </Anchor>
                      </Text>
                    </div>
                  ))}
                </Stack>
              </Section>
            )}
            <Section value="attributes" title="Attributes" count={Object.keys(span.attributes).length}>
              <AttributeTable attributes={span.attributes} />
            </Section>
            <Section value="events" title="Events" count={span.events.length}>
              <SpanEvents events={span.events} spanStart={span.start} />
            </Section>
            <Section value="logs" title="Logs" count={logs.length}>
              {logs.length === 0 ? (
                <Text size="xs" c="dimmed">
                  No log records carry this span's id.
                </Text>
              ) : (
                <LogLines logs={logs} traceStartUs={model.startUs} maxHeight={320} />
              )}
            </Section>
            <Section value="resource" title="Resource" count={Object.keys(span.resourceAttributes).length}>
              <AttributeTable attributes={span.resourceAttributes} />
            </Section>
            {span.links.length > 0 && (
              <Section value="links" title="Links" count={span.links.length}>
                <Stack gap={4}>
                  {span.links.map((l) => (
                    <div key={`${l.traceId}-${l.spanId}`}>
                      <Anchor component={Link} to={`${projectPath(projectId, 'traces', l.traceId)}?span=${l.spanId}`} size="xs" ff="monospace">
                        {l.traceId} / {l.spanId}
                      </Anchor>
                      {Object.keys(l.attributes).length > 0 && <AttributeTable attributes={l.attributes} />}
                    </div>
                  ))}
                </Stack>
              </Section>
            )}
          </Accordion>
        </Stack>
      </ScrollArea>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xs" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

function Section({ value, title, count, children }: { value: string; title: string; count: number; children: ReactNode }) {
  return (
    <Accordion.Item value={value}>
      <Accordion.Control py={2}>
        <Text size="sm" fw={600}>
          {title}{' '}
          <Text span size="xs" c="dimmed">
            {count}
          </Text>
        </Text>
      </Accordion.Control>
      <Accordion.Panel>{children}</Accordion.Panel>
    </Accordion.Item>
  );
}
