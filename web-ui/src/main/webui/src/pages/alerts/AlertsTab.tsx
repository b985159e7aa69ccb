import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconBellOff, IconBug, IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, QueryView } from '../../components/states';
import { formatTimestamp, timeAgo } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import { filterAlerts, formatValue, issueIdOf, sortAlerts, summaryOf } from './alertView';
import { useAlerts } from './api';
import { LabelChips, MONO_INPUT, StateBadge } from './common';
import { formatMatchers, tryParseMatchers, type Labels } from './matchers';
import { SilenceDialog } from './SilenceDialog';
import { silenceForAlert } from './silenceForm';
import type { Alert } from './types';

const STATES = [
  { value: 'active', label: 'Firing + pending' },
  { value: 'firing', label: 'Firing' },
  { value: 'pending', label: 'Pending' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

function byState(alerts: Alert[], state: string): Alert[] {
  if (state === 'all') return alerts;
  if (state === 'active') return alerts.filter((a) => a.state !== 'resolved');
  return alerts.filter((a) => a.state === state);
}

/** The alerts now: state, labels, value, since when, silenced or not; filter by state and by label matchers. */
export function AlertsTab({ projectId, editable }: { projectId: number; editable: boolean }) {
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? 'active';
  const filterText = params.get('filter') ?? '';
  const filter = tryParseMatchers(filterText);
  // One request for every state: the counts, the tab badge and the rules' counts share it.
  const alerts = useAlerts(projectId, 'all');
  const [silencing, setSilencing] = useState<Labels | null>(null);

  const setParam = (name: string, value: string, fallback = '') =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value && value !== fallback) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const addToFilter = (name: string, value: string) => {
    const rest = filter.matchers.filter((m) => m.name !== name);
    setParam('filter', formatMatchers([...rest, { name, type: '=', value }]));
  };

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <SegmentedControl size="xs" aria-label="Alert state" data={STATES} value={state} onChange={(v) => setParam('state', v, 'active')} />
        <TextInput
          size="xs"
          w={360}
          aria-label="Filter by labels"
          placeholder='{severity="critical", service=~"api|web"}'
          leftSection={<IconFilter size={14} />}
          styles={MONO_INPUT}
          value={filterText}
          error={filter.error}
          onChange={(e) => setParam('filter', e.currentTarget.value)}
        />
      </Group>
      <QueryView query={alerts}>
        {(all) => {
          const shown = sortAlerts(byState(filterAlerts(all, filter.matchers), state));
          if (all.length === 0) {
            return (
              <EmptyState title="No alerts">
                Nothing is firing or pending. Alerts appear here when a PromQL rule's expression returns series or an error rule triggers; see the Rules tab.
              </EmptyState>
            );
          }
          if (shown.length === 0) return <EmptyState title="No alert matches">{all.length} alerts in other states or not matching the filter.</EmptyState>;
          return (
            <Table highlightOnHover aria-label="Alerts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>State</Table.Th>
                  <Table.Th>Alert</Table.Th>
                  <Table.Th w={110} ta="right">
                    Value
                  </Table.Th>
                  <Table.Th w={140}>Active since</Table.Th>
                  <Table.Th w={170} aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((a) => (
                  <AlertRow key={`${a.ruleKey}|${a.fingerprint ?? JSON.stringify(a.labels)}`} alert={a} projectId={projectId} editable={editable} onPick={addToFilter} onSilence={setSilencing} />
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryView>
      {silencing && <SilenceDialog projectId={projectId} initial={silenceForAlert(silencing)} onClose={() => setSilencing(null)} />}
    </Stack>
  );
}

function AlertRow({
  alert: a,
  projectId,
  editable,
  onPick,
  onSilence,
}: {
  alert: Alert;
  projectId: number;
  editable: boolean;
  onPick: (name: string, value: string) => void;
  onSilence: (labels: Labels) => void;
}) {
  const issueId = issueIdOf(a.labels);
  const summary = summaryOf(a.annotations);
  const since = a.state === 'resolved' ? a.resolvedAt : a.state === 'firing' ? (a.firedAt ?? a.activeAt) : a.activeAt;
  return (
    <Table.Tr>
      <Table.Td>
        <StateBadge state={a.state} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {a.ruleName}
            </Text>
            {a.kind === 'error' && (
              <Badge size="xs" variant="outline" color="grape">
                error rule
              </Badge>
            )}
            {a.silencedBy.length > 0 && (
              <Tooltip label={`Silenced by silence ${a.silencedBy.map((id) => `#${id}`).join(', ')}: no notifications`}>
                <Badge
                  size="xs"
                  color="gray"
                  variant="filled"
                  leftSection={<IconBellOff size={10} />}
                  component={Link}
                  to={`${projectPath(projectId, 'alerts')}?tab=silences`}
                  style={{ cursor: 'pointer' }}
                >
                  silenced
                </Badge>
              </Tooltip>
            )}
          </Group>
          {summary && (
            <Text size="xs" c="dimmed">
              {summary}
            </Text>
          )}
          <LabelChips labels={a.labels} omit={['alertname']} onPick={onPick} />
        </Stack>
      </Table.Td>
      <Table.Td ta="right" ff="monospace">
        {formatValue(a.value)}
      </Table.Td>
      <Table.Td>
        <Text size="sm" title={formatTimestamp(since)}>
          {timeAgo(since)}
        </Text>
        {a.state === 'resolved' && (
          <Text size="xs" c="dimmed">
            resolved
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {issueId && (
            <Button size="compact-xs" variant="light" component={Link} to={projectPath(projectId, 'issues', issueId)} leftSection={<IconBug size={12} />}>
              Issue
            </Button>
          )}
          {editable && a.state !== 'resolved' && (
            <Button size="compact-xs" variant="default" leftSection={<IconBellOff size={12} />} onClick={() => onSilence(a.labels)} aria-label={`Silence ${a.ruleName}`}>
              Silence
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
