import { Anchor, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { Sparkline } from '../../components/Sparkline';
import { formatCount } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import type { IssueSummary } from './api';
import { LevelBadge, LifecycleBadges, StatusBadge, TimeAgo } from './IssueBadges';

interface Props {
  projectId: number;
  issues: IssueSummary[];
  statsLabel: string;
  /** Null hides the checkboxes (viewers cannot change issues). */
  selection: Set<number> | null;
  onSelect: (ids: number[], selected: boolean) => void;
}

/** "TypeError" + ": x is undefined" when the title starts with the type, as Sentry shows it. */
export function IssueTitle({ title, type }: { title: string; type: string }) {
  const prefix = type ? `${type}: ` : null;
  if (prefix && title.startsWith(prefix)) {
    return (
      <>
        <Text span fw={700} inherit>
          {type}
        </Text>
        <Text span inherit fw={400}>
          : {title.slice(prefix.length)}
        </Text>
      </>
    );
  }
  return (
    <Text span fw={600} inherit>
      {title || '<untitled>'}
    </Text>
  );
}

export function IssueTable({ projectId, issues, statsLabel, selection, onSelect }: Props) {
  const ids = issues.map((i) => i.id);
  const selected = selection ? ids.filter((id) => selection.has(id)).length : 0;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={32}>
                <Checkbox
                  size="xs"
                  aria-label="Select all issues on this page"
                  checked={selected > 0 && selected === ids.length}
                  indeterminate={selected > 0 && selected < ids.length}
                  onChange={(e) => onSelect(ids, e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <Table.Th>Issue</Table.Th>
            <Table.Th w={130}>{statsLabel}</Table.Th>
            <Table.Th w={80} ta="right">
              Events
            </Table.Th>
            <Table.Th w={70} ta="right">
              Users
            </Table.Th>
            <Table.Th w={120} style={{ whiteSpace: 'nowrap' }}>
              Last / first seen
            </Table.Th>
            <Table.Th w={140}>Release</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr key={issue.id} bg={selection?.has(issue.id) ? 'var(--mantine-primary-color-light)' : undefined}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    size="xs"
                    aria-label={`Select ${issue.title}`}
                    checked={selection.has(issue.id)}
                    onChange={(e) => onSelect([issue.id], e.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              <Table.Td style={{ maxWidth: 0, width: '100%' }}>
                <Stack gap={2}>
                  <Anchor component={Link} to={projectPath(projectId, 'issues', issue.id)} size="sm" c="var(--mantine-color-text)" truncate="end">
                    <IssueTitle title={issue.title} type={issue.type} />
                  </Anchor>
                  <Group gap={6} wrap="nowrap">
                    <LevelBadge level={issue.level} />
                    {issue.status !== 'unresolved' && <StatusBadge status={issue.status} size="xs" />}
                    <LifecycleBadges isNew={issue.isNew} isRegressed={issue.isRegressed} />
                    <Text size="xs" c="dimmed" ff="monospace" truncate="end">
                      {issue.culprit}
                    </Text>
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Sparkline
                  values={issue.stats.map((b) => b.count)}
                  width={110}
                  height={24}
                  label={`${issue.stats.reduce((a, b) => a + b.count, 0)} events, ${statsLabel.toLowerCase()}`}
                />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600}>
                  {formatCount(issue.count)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{formatCount(issue.userCount)}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <TimeAgo iso={issue.lastSeen} size="xs" />
                  <TimeAgo iso={issue.firstSeen} size="xs" c="dimmed" />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Tooltip label={`First seen in ${issue.firstRelease ?? 'no release'}`} disabled={!issue.lastRelease}>
                  <Text size="xs" ff="monospace" truncate="end" maw={140}>
                    {issue.lastRelease ?? '–'}
                  </Text>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
