import { Anchor, Badge, Box, Group, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { formatDuration, formatTimestamp, timeAgo } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import type { TraceSummary } from './api';
import { serviceColor } from './serviceColors';
import { ServiceTag } from './ServiceTag';

const MAX_SERVICE_TAGS = 4;

/** One row per trace: root, start, duration (with a bar relative to the slowest), spans, errors, services. */
export function TraceResultsTable({ projectId, traces }: { projectId: number; traces: TraceSummary[] }) {
  const slowest = Math.max(1e-9, ...traces.map((t) => t.durationMs));
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover striped={false} aria-label="Traces">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Trace</Table.Th>
            <Table.Th w={150}>Started</Table.Th>
            <Table.Th w={170}>Duration</Table.Th>
            <Table.Th w={70} ta="right">
              Spans
            </Table.Th>
            <Table.Th w={80} ta="right">
              Errors
            </Table.Th>
            <Table.Th>Services</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {traces.map((t) => (
            <Table.Tr key={t.traceId}>
              <Table.Td maw={420}>
                <Group gap={6} wrap="nowrap">
                  <Box w={4} h={30} style={{ flexShrink: 0, borderRadius: 2, background: serviceColor(t.rootService) }} />
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={projectPath(projectId, 'traces', t.traceId)} size="sm" fw={500} display="block" truncate="end">
                      {t.rootService}: {t.rootName}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {t.traceId.slice(0, 16)}…
                    </Text>
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>
                <Tooltip label={formatTimestamp(t.start)} openDelay={300}>
                  <Text size="sm" component="span">
                    {timeAgo(t.start)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <Text size="sm" w={64} ta="right" ff="monospace" style={{ flexShrink: 0 }}>
                    {formatDuration(t.durationMs)}
                  </Text>
                  <Box
                    h={6}
                    style={{
                      width: `${Math.max(2, (t.durationMs / slowest) * 80)}px`,
                      borderRadius: 3,
                      background: t.errorSpanCount > 0 ? 'var(--mantine-color-red-filled)' : 'var(--mantine-color-blue-filled)',
                      opacity: 0.7,
                    }}
                    aria-hidden
                  />
                </Group>
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {t.spanCount}
              </Table.Td>
              <Table.Td ta="right">
                {t.errorSpanCount > 0 ? (
                  <Badge color="red" variant="light" size="sm" aria-label={`${t.errorSpanCount} error spans`}>
                    {t.errorSpanCount}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    0
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {t.services.slice(0, MAX_SERVICE_TAGS).map((s) => (
                    <ServiceTag key={s} service={s} size="xs" />
                  ))}
                  {t.services.length > MAX_SERVICE_TAGS && (
                    <Tooltip label={t.services.slice(MAX_SERVICE_TAGS).join(', ')}>
                      <Badge variant="default" size="xs" tt="none">
                        +{t.services.length - MAX_SERVICE_TAGS}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
