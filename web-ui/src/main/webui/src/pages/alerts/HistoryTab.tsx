import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconChevronRight, IconPlayerSkipBack } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, QueryView } from '../../components/states';
import { formatTimestamp, timeAgo } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import { formatValue, issueIdOf } from './alertView';
import { HISTORY_PAGE, useHistory } from './api';
import { LabelChips, StateBadge } from './common';
import type { HistoryEntry } from './types';

/** Where the next (older) page starts: the API pages by the last row's id. */
export function historyCursor(entries: HistoryEntry[]): string | null {
  return entries.length < HISTORY_PAGE ? null : String(entries[entries.length - 1].id);
}

/** Every state change of every alert, newest first, a page at a time (?before= in the URL). */
export function HistoryTab({ projectId }: { projectId: number }) {
  const [params] = useSearchParams();
  const before = params.get('before');
  const history = useHistory(projectId, before);
  const page = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('before', cursor);
    else next.delete('before');
    return `?${next.toString()}`;
  };
  return (
    <Stack gap="sm">
      <QueryView
        query={history}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title={before ? 'No older changes' : 'No state changes yet'}>
            {before ? 'This is the start of the history.' : 'Each time an alert becomes pending, fires or resolves, it is written here.'}
          </EmptyState>
        }
      >
        {(list) => (
          <Table aria-label="Alert history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>Time</Table.Th>
                <Table.Th>Alert</Table.Th>
                <Table.Th w={200}>Change</Table.Th>
                <Table.Th w={110} ta="right">
                  Value
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((h) => {
                const issueId = issueIdOf(h.labels);
                return (
                  <Table.Tr key={h.id}>
                    <Table.Td>
                      <Text size="sm">{formatTimestamp(h.at)}</Text>
                      <Text size="xs" c="dimmed">
                        {timeAgo(h.at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" mb={2}>
                        <Text size="sm" fw={600}>
                          {h.ruleName}
                        </Text>
                        {issueId && (
                          <Button size="compact-xs" variant="subtle" component={Link} to={projectPath(projectId, 'issues', issueId)}>
                            Issue {issueId}
                          </Button>
                        )}
                      </Group>
                      <LabelChips labels={h.labels} omit={['alertname']} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <StateBadge state={h.from} />
                        <IconArrowRight size={12} aria-label="to" />
                        <StateBadge state={h.to} />
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatValue(h.value)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      <Group gap="xs">
        {before && (
          <Button size="xs" variant="default" component={Link} to={page(null)} leftSection={<IconPlayerSkipBack size={14} />}>
            Newest
          </Button>
        )}
        {history.data && historyCursor(history.data) && (
          <Button size="xs" variant="default" component={Link} to={page(historyCursor(history.data))} rightSection={<IconChevronRight size={14} />}>
            Older
          </Button>
        )}
      </Group>
    </Stack>
  );
}
