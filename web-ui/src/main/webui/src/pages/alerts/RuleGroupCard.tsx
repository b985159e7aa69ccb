import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChartLine, IconCode, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDuration as formatMs, formatTimestamp, timeAgo } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import { ruleCountKey } from './alertView';
import { CodeText, LabelChips } from './common';
import { durationText } from './durations';
import type { RuleGroup } from './types';

const HEALTH_COLOR: Record<string, string> = { ok: 'green', err: 'red', unknown: 'gray' };

export interface RuleGroupActions {
  onEdit?: (group: RuleGroup) => void;
  onDelete?: (group: RuleGroup) => void;
  onShowYaml: (group: RuleGroup) => void;
}

/** One rule group as Prometheus's /rules page shows it: its rules, their health and how many alerts fire. */
export function RuleGroupCard({
  group,
  projectId,
  counts,
  actions,
}: {
  group: RuleGroup;
  projectId: number;
  counts: Map<string, { firing: number; pending: number }>;
  actions: RuleGroupActions;
}) {
  const interval = durationText(group.interval);
  return (
    <Paper withBorder p="xs">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Group gap="xs">
              <Text fw={600}>{group.name}</Text>
              <Text size="xs" c="dimmed">
                every {interval || 'default interval'}
                {group.limit > 0 ? ` · limit ${group.limit}` : ''}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {group.lastEvaluationAt ? (
                <span title={formatTimestamp(group.lastEvaluationAt)}>
                  evaluated {timeAgo(group.lastEvaluationAt)}
                  {group.lastEvaluationMs !== null ? ` in ${formatMs(group.lastEvaluationMs)}` : ''}
                </span>
              ) : (
                'not evaluated yet'
              )}
            </Text>
            {group.lastError && (
              <Text size="xs" c="red" ff="monospace">
                {group.lastError}
              </Text>
            )}
          </Stack>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`Actions for group ${group.name}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconCode size={14} />} onClick={() => actions.onShowYaml(group)}>
                View as YAML
              </Menu.Item>
              {actions.onEdit && (
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.onEdit!(group)}>
                  Edit
                </Menu.Item>
              )}
              {actions.onDelete && (
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.onDelete!(group)}>
                  Delete group
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Table aria-label={`Rules of ${group.name}`} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">Rule</Table.Th>
              <Table.Th>Expression</Table.Th>
              <Table.Th w={90}>For</Table.Th>
              <Table.Th w="26%">Labels · summary</Table.Th>
              <Table.Th w={100}>Health</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.rules.map((r, i) => {
              const name = r.alert ?? r.record ?? '';
              const count = r.alert ? counts.get(ruleCountKey(`group:${group.id}`, r.alert)) : undefined;
              return (
                <Table.Tr key={`${name}-${i}`}>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
                        {name}
                      </Text>
                      {r.record !== undefined && (
                        <Badge size="xs" variant="outline" color="cyan">
                          record
                        </Badge>
                      )}
                      {count && count.firing > 0 && (
                        <Badge size="xs" color="red" variant="filled">
                          {count.firing} firing
                        </Badge>
                      )}
                      {count && count.pending > 0 && (
                        <Badge size="xs" color="yellow" variant="light">
                          {count.pending} pending
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" align="flex-start">
                      <CodeText size="xs">{r.expr}</CodeText>
                      <Tooltip label="Graph this expression in Metrics">
                        <Anchor component={Link} to={`${projectPath(projectId, 'metrics')}?q=${encodeURIComponent(r.expr)}`} aria-label={`Graph the expression of ${name}`}>
                          <IconChartLine size={14} />
                        </Anchor>
                      </Tooltip>
                    </Group>
                    {r.lastError && (
                      <Text size="xs" c="red" ff="monospace" style={{ wordBreak: 'break-word' }}>
                        {r.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {durationText(r.for) || '–'}
                      {r.keep_firing_for ? ` (keep ${durationText(r.keep_firing_for)})` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <LabelChips labels={r.labels} />
                      {r.annotations?.summary && (
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                          {r.annotations.summary}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={HEALTH_COLOR[r.health ?? 'unknown'] ?? 'gray'}>
                      {r.health ?? 'unknown'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
