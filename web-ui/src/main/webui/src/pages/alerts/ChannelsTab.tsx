import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconList, IconLock, IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, QueryView } from '../../components/states';
import { alertingApi, useAlertingWrite, useChannels } from './api';
import { ChannelDialog } from './ChannelDialog';
import { channelTarget, channelWithChange, CHANNEL_TYPES, groupingText, isMasked } from './channelForm';
import { CodeText, ConfirmDialog, EnabledToggle } from './common';
import { DeliveryLog, TestNotificationButton, TestResult, useTestRuns } from './Deliveries';
import { formatDuration } from './durations';
import { notifyFailed } from './notify';
import type { Channel } from './types';
import { EditDeleteMenu } from '../../components/EditDeleteMenu';

type Dialog = { kind: 'edit'; channel?: Channel } | { kind: 'delete'; channel: Channel } | null;

const typeLabel = (type: string) => CHANNEL_TYPES.find((t) => t.value === type)?.label ?? type;

/** Where notifications go: Discord, Slack, webhooks, email; each with its matchers, grouping, test button and log. */
export function ChannelsTab({ projectId, editable }: { projectId: number; editable: boolean }) {
  const channels = useChannels(projectId);
  const [params, setParams] = useSearchParams();
  const logOf = params.get('channel') ? Number(params.get('channel')) : null;
  const [dialog, setDialog] = useState<Dialog>(null);
  const tests = useTestRuns();
  const api = alertingApi(projectId);
  const update = useAlertingWrite(projectId, (a: { id: number; body: ReturnType<typeof channelWithChange> }) => api.updateChannel(a.id, a.body));
  const remove = useAlertingWrite(projectId, api.deleteChannel);
  const showLog = (id: number | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id === null) next.delete('channel');
      else next.set('channel', String(id));
      return next;
    });
  const columns = 7;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Alerts that match a channel's matchers are grouped, then sent after the group wait, again after the group interval when the group changes, and
          every repeat interval while it fires.
        </Text>
        {editable && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'edit' })}>
            New channel
          </Button>
        )}
      </Group>
      <QueryView
        query={channels}
        isEmpty={(l) => l.length === 0}
        empty={<EmptyState title="No notification channels">Add a Discord or Slack webhook, a webhook URL or email recipients to be told when alerts fire.</EmptyState>}
      >
        {(list) => (
          <>
            <Table aria-label="Notification channels">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Sends to</Table.Th>
                  <Table.Th>Alerts</Table.Th>
                  <Table.Th>Grouping</Table.Th>
                  <Table.Th w={70}>Enabled</Table.Th>
                  <Table.Th w={190} aria-label="Actions" />
                  <Table.Th w={40} aria-label="More actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((c) => (
                  <Fragment key={c.id}>
                    <Table.Tr>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {c.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {typeLabel(c.type)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {isMasked(c.settings.url) && <IconLock size={12} color="var(--mantine-color-dimmed)" aria-label="masked" />}
                          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                            {channelTarget(c)}
                          </Text>
                        </Group>
                        {c.type === 'webhook' && c.settings.hasSecret && (
                          <Text size="xs" c="dimmed">
                            signed (X-Vigil-Signature)
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{c.matchers ? <CodeText size="xs">{c.matchers}</CodeText> : <Text size="sm">all alerts</Text>}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{groupingText(c.groupBy)}</Text>
                        <Text size="xs" c="dimmed">
                          wait {formatDuration(c.groupWaitSeconds * 1000)} · interval {formatDuration(c.groupIntervalSeconds * 1000)} · repeat{' '}
                          {formatDuration(c.repeatIntervalSeconds * 1000)}
                          {c.sendResolved ? ' · resolved too' : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <EnabledToggle
                          label={`${c.name} enabled`}
                          enabled={c.enabled}
                          editable={editable}
                          pending={update.isPending}
                          onChange={(enabled) => update.mutate({ id: c.id, body: channelWithChange(c, { enabled }) }, { onError: notifyFailed })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          {editable && <TestNotificationButton projectId={projectId} channel={c} onStarted={(id) => tests.start(c.id, id)} />}
                          <Button
                            size="compact-xs"
                            variant={logOf === c.id ? 'filled' : 'default'}
                            leftSection={<IconList size={12} />}
                            onClick={() => showLog(logOf === c.id ? null : c.id)}
                            aria-pressed={logOf === c.id}
                          >
                            Log
                          </Button>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {editable && (
                          <EditDeleteMenu
                            name={c.name}
                            onEdit={() => setDialog({ kind: 'edit', channel: c })}
                            onDelete={() => setDialog({ kind: 'delete', channel: c })}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {tests.runs[c.id] !== undefined && (
                      <Table.Tr>
                        <Table.Td colSpan={columns} bg="var(--mantine-color-default-hover)">
                          <TestResult projectId={projectId} deliveryId={tests.runs[c.id]} onDismiss={() => tests.dismiss(c.id)} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
            {logOf !== null && (
              <Paper withBorder p="sm">
                {list.find((c) => c.id === logOf) ? (
                  <DeliveryLog projectId={projectId} channel={list.find((c) => c.id === logOf)!} onClose={() => showLog(null)} />
                ) : (
                  <EmptyState title="That channel no longer exists" />
                )}
              </Paper>
            )}
          </>
        )}
      </QueryView>
      {dialog?.kind === 'edit' && <ChannelDialog projectId={projectId} channel={dialog.channel} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete channel"
          pending={remove.isPending}
          error={remove.error}
          onClose={() => {
            setDialog(null);
            remove.reset();
          }}
          onConfirm={() => remove.mutate(dialog.channel.id, { onSuccess: () => setDialog(null) })}
        >
          Delete <b>{dialog.channel.name}</b> and its delivery log? Alerts it matched are no longer sent there.
        </ConfirmDialog>
      )}
    </Stack>
  );
}
