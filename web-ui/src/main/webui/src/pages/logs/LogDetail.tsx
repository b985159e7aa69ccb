import { Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilter, IconRoute } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { projectPath } from '../../lib/projects';
import type { LogRecord } from './api';
import { AttributeList } from './AttributeList';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" w={88} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} component="div">
        {children}
      </Text>
    </Group>
  );
}

/** The expanded view of one record: whole body, ids and times, attributes and resource attributes. */
export function LogDetail({
  log,
  projectId,
  onFilter,
  onTraceFilter,
}: {
  log: LogRecord;
  projectId: number;
  onFilter: (key: string, value: string) => void;
  onTraceFilter: (traceId: string) => void;
}) {
  return (
    <Stack gap="xs" px="sm" py="xs" style={{ borderLeft: '3px solid var(--mantine-color-default-border)' }}>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 360, overflow: 'auto' }}>
        {log.body || '(empty body)'}
      </Code>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing={2}>
        <Field label="Timestamp">{log.timestamp}</Field>
        <Field label="Observed">{log.observedTimestamp}</Field>
        <Field label="Severity">
          {log.severityText || '–'} ({log.severityNumber})
        </Field>
        <Field label="Service">{log.service || '–'}</Field>
        <Field label="Trace id">{log.traceId ?? '–'}</Field>
        <Field label="Span id">{log.spanId ?? '–'}</Field>
        <Field label="Scope">{log.scopeName ? `${log.scopeName}${log.scopeVersion ? ` ${log.scopeVersion}` : ''}` : '–'}</Field>
        {log.eventName && <Field label="Event name">{log.eventName}</Field>}
      </SimpleGrid>
      {log.traceId && (
        <Group gap="xs">
          <Button
            component={Link}
            to={projectPath(projectId, 'traces', log.traceId)}
            size="compact-xs"
            variant="light"
            leftSection={<IconRoute size={13} />}
          >
            Jump to trace
          </Button>
          <Button size="compact-xs" variant="default" leftSection={<IconFilter size={13} />} onClick={() => onTraceFilter(log.traceId!)}>
            Logs of this trace
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <AttributeList title="Attributes" attributes={log.attributes} onFilter={onFilter} />
        <AttributeList title="Resource" attributes={log.resourceAttributes} onFilter={onFilter} />
      </SimpleGrid>
      {Object.keys(log.attributes).length === 0 && Object.keys(log.resourceAttributes).length === 0 && (
        <Text size="xs" c="dimmed">
          No attributes.
        </Text>
      )}
    </Stack>
  );
}
