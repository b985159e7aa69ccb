import { Anchor, Paper, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LoadingState, ErrorState } from '../../../components/states';
import { projectPath } from '../../../lib/projects';
import { useIssueTraces } from '../api';
import { TimeAgo } from '../IssueBadges';

/** The traces the issue's events were raised in, most recent first. */
export function IssueTraces({ projectId, issueId }: { projectId: number; issueId: number }) {
  const traces = useIssueTraces(projectId, issueId);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="issue-traces">
      <Text size="sm" fw={700} mb={6} id="issue-traces">
        Traces
      </Text>
      {traces.isPending && <LoadingState />}
      {traces.isError && <ErrorState error={traces.error} onRetry={() => traces.refetch()} />}
      {traces.data && traces.data.traces.length === 0 && (
        <Text size="xs" c="dimmed">
          No event of this issue carried a trace id.
        </Text>
      )}
      {traces.data && traces.data.traces.length > 0 && (
        <Table verticalSpacing={2} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Trace</Table.Th>
              <Table.Th w={60} ta="right">
                Events
              </Table.Th>
              <Table.Th w={110} pl="md">
                Last seen
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {traces.data.traces.map((t) => (
              <Table.Tr key={t.traceId}>
                <Table.Td>
                  <Anchor component={Link} to={projectPath(projectId, 'traces', t.traceId)} size="xs" ff="monospace" truncate="end" display="block">
                    {t.traceId}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="xs">{t.eventCount}</Text>
                </Table.Td>
                <Table.Td pl="md">
                  <TimeAgo iso={t.lastSeen} size="xs" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
