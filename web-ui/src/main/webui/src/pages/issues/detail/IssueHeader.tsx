import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconEyeOff, IconRotate } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format';
import { projectPath } from '../../../lib/projects';
import { useIssueStatus, type IssueDetail, type StatusAction } from '../api';
import { LevelBadge, LifecycleBadges, StatusBadge, TimeAgo } from '../IssueBadges';
import { IssueTitle } from '../IssueTable';

const DAY_MS = 86_400_000;

function StatusActions({ issue, writable }: { issue: IssueDetail; writable: boolean }) {
  const change = useIssueStatus(issue.id, issue.projectId);
  if (!writable) return null;
  const busy = change.isPending ? change.variables : undefined;
  const button = (status: StatusAction, label: string, icon: ReactNode, color: string) => (
    <Button size="xs" variant="light" color={color} leftSection={icon} loading={busy === status} disabled={change.isPending && busy !== status} onClick={() => change.mutate(status)}>
      {label}
    </Button>
  );
  return (
    <Group gap="xs">
      {issue.status === 'unresolved' ? (
        <>
          {button('resolved', 'Resolve', <IconCheck size={14} />, 'green')}
          {button('ignored', 'Ignore', <IconEyeOff size={14} />, 'gray')}
        </>
      ) : (
        button('unresolved', 'Unresolve', <IconRotate size={14} />, 'yellow')
      )}
    </Group>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function ReleaseLink({ projectId, release }: { projectId: number; release: string | null }) {
  if (!release) return null;
  return (
    <Text size="xs" c="dimmed" truncate="end">
      in{' '}
      <Anchor component={Link} to={`${projectPath(projectId, 'issues')}?${new URLSearchParams({ release })}`} size="xs" ff="monospace">
        {release}
      </Anchor>
    </Text>
  );
}

/** Title, culprit, level, status with its actions, counts and first/last seen with their releases. */
export function IssueHeader({ issue, writable }: { issue: IssueDetail; writable: boolean }) {
  const isNew = Date.now() - Date.parse(issue.firstSeen) < DAY_MS;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={3} fz="lg" style={{ wordBreak: 'break-word' }}>
            <IssueTitle title={issue.title} type={issue.type} />
          </Title>
          <Group gap={6}>
            <LevelBadge level={issue.level} />
            <StatusBadge status={issue.status} />
            <LifecycleBadges isNew={isNew} isRegressed={issue.isRegressed} />
            <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {issue.culprit}
            </Text>
          </Group>
          {issue.status !== 'unresolved' && issue.resolvedAt && (
            <Text size="xs" c="dimmed">
              Resolved <TimeAgo iso={issue.resolvedAt} size="xs" />
              {issue.resolvedInRelease && ` in ${issue.resolvedInRelease}`}
            </Text>
          )}
          {issue.isRegressed && issue.regressedAt && (
            <Text size="xs" c="pink">
              Regressed <TimeAgo iso={issue.regressedAt} size="xs" />
            </Text>
          )}
        </Stack>
        <StatusActions issue={issue} writable={writable} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm" spacing="sm">
        <Stat label="Events">
          <Text fw={700}>{formatCount(issue.count)}</Text>
        </Stat>
        <Stat label="Users">
          <Text fw={700}>{formatCount(issue.userCount)}</Text>
        </Stat>
        <Stat label="First seen">
          <TimeAgo iso={issue.firstSeen} />
          <ReleaseLink projectId={issue.projectId} release={issue.firstRelease} />
        </Stat>
        <Stat label="Last seen">
          <TimeAgo iso={issue.lastSeen} />
          <ReleaseLink projectId={issue.projectId} release={issue.lastRelease} />
        </Stat>
      </SimpleGrid>
    </Paper>
  );
}
