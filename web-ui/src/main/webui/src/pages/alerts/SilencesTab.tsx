import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, QueryView } from '../../components/states';
import { formatTimestamp } from '../../lib/format';
import { alertingApi, useAlertingWrite, useAlerts, useSilences } from './api';
import { CodeText, ConfirmDialog, LabelChips } from './common';
import { tryParseMatchers } from './matchers';
import { notifyDone } from './notify';
import { SilenceDialog } from './SilenceDialog';
import { emptySilence, silenceTiming } from './silenceForm';
import type { Silence } from './types';

const STATES = [
  { value: 'active', label: 'Active' },
  { value: 'pending', label: 'Pending' },
  { value: 'expired', label: 'Expired' },
  { value: 'all', label: 'All' },
];

const STATE_COLOR = { active: 'blue', pending: 'yellow', expired: 'gray' } as const;

/** Silences: what is muted, until when, by whom and why; create one, expire one. */
export function SilencesTab({ projectId, editable }: { projectId: number; editable: boolean }) {
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? 'active';
  const silences = useSilences(projectId);
  const alerts = useAlerts(projectId, 'all');
  const [creating, setCreating] = useState(false);
  const [expiring, setExpiring] = useState<Silence | null>(null);
  const expire = useAlertingWrite(projectId, alertingApi(projectId).expireSilence);
  const muted = (id: number) => (alerts.data ?? []).filter((a) => a.silencedBy.includes(id)).length;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label="Silence state"
          data={STATES}
          value={state}
          onChange={(v) => setParams((p) => {
            const next = new URLSearchParams(p);
            if (v === 'active') next.delete('state');
            else next.set('state', v);
            return next;
          }, { replace: true })}
        />
        {editable && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
            New silence
          </Button>
        )}
      </Group>
      <QueryView query={silences}>
        {(list) => {
          const shown = list.filter((s) => state === 'all' || s.state === state).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
          if (shown.length === 0) {
            return (
              <EmptyState title={state === 'all' ? 'No silences' : `No ${state} silences`}>
                A silence mutes the notifications of alerts whose labels match, for a while. Create one here or with "Silence" on an alert.
              </EmptyState>
            );
          }
          return (
            <Table aria-label="Silences">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>State</Table.Th>
                  <Table.Th>Matchers</Table.Th>
                  <Table.Th w={230}>When</Table.Th>
                  <Table.Th>Comment</Table.Th>
                  <Table.Th w={80} aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={STATE_COLOR[s.state]}>
                        {s.state}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <MatcherChips text={s.matchers} />
                      {s.state === 'active' && (
                        <Text size="xs" c="dimmed" mt={2}>
                          mutes {muted(s.id)} alert{muted(s.id) === 1 ? '' : 's'} now
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{silenceTiming(s.startsAt, s.endsAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {formatTimestamp(s.startsAt)} → {formatTimestamp(s.endsAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {s.comment}
                      </Text>
                      {s.createdBy && (
                        <Text size="xs" c="dimmed">
                          by {s.createdBy}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {editable && s.state !== 'expired' && (
                        <Button size="compact-xs" variant="default" color="red" onClick={() => setExpiring(s)} aria-label={`Expire silence ${s.id}`}>
                          Expire
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryView>
      {creating && <SilenceDialog projectId={projectId} initial={emptySilence()} onClose={() => setCreating(false)} />}
      {expiring && (
        <ConfirmDialog
          title="Expire silence"
          action="Expire"
          pending={expire.isPending}
          error={expire.error}
          onClose={() => {
            setExpiring(null);
            expire.reset();
          }}
          onConfirm={() =>
            expire.mutate(expiring.id, {
              onSuccess: () => {
                notifyDone('Silence expired: matching alerts notify again');
                setExpiring(null);
              },
            })
          }
        >
          Notifications for alerts matching <CodeText>{expiring.matchers}</CodeText> resume at their next evaluation.
        </ConfirmDialog>
      )}
    </Stack>
  );
}

/** Equality matchers as chips; anything else (regex, negation) as the matcher text itself. */
function MatcherChips({ text }: { text: string }) {
  const { matchers, error } = tryParseMatchers(text);
  if (error || matchers.some((m) => m.type !== '=') || new Set(matchers.map((m) => m.name)).size !== matchers.length) return <CodeText>{text}</CodeText>;
  return <LabelChips labels={Object.fromEntries(matchers.map((m) => [m.name, m.value]))} />;
}
