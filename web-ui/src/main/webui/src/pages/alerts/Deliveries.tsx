import { Badge, Button, CloseButton, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState, QueryView } from '../../components/states';
import { formatTimestamp, timeAgo } from '../../lib/format';
import { alertingApi, useAlertingWrite, useDeliveries, useDelivery } from './api';
import { deliveryOutcome, isFinished, looksStuck } from './deliveries';
import { notifyFailed } from './notify';
import type { Channel, Delivery } from './types';

function OutcomeBadge({ delivery }: { delivery: Delivery }) {
  const outcome = deliveryOutcome(delivery);
  return (
    <Badge size="sm" variant="light" color={outcome.color} tt="none">
      {outcome.label}
    </Badge>
  );
}

/** "Send test notification": enqueue a test delivery, then follow it until alert-service sent it or gave up. */
export function TestNotificationButton({ projectId, channel, onStarted }: { projectId: number; channel: Channel; onStarted: (deliveryId: number) => void }) {
  const test = useAlertingWrite(projectId, alertingApi(projectId).testChannel);
  return (
    <Button
      size="compact-xs"
      variant="light"
      leftSection={<IconSend size={12} />}
      loading={test.isPending}
      aria-label={`Send test notification to ${channel.name}`}
      onClick={() => test.mutate(channel.id, { onSuccess: (r) => onStarted(r.deliveryId), onError: notifyFailed })}
      title="Send a test notification through this channel now"
    >
      Send test
    </Button>
  );
}

/** The outcome of a test notification, updated every second while it is pending. */
export function TestResult({ projectId, deliveryId, onDismiss }: { projectId: number; deliveryId: number; onDismiss: () => void }) {
  const delivery = useDelivery(projectId, deliveryId);
  const d = delivery.data;
  const outcome = d ? deliveryOutcome(d) : null;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" role="status" aria-live="polite">
      {!isFinished(d) && <Loader size={14} mt={3} />}
      <Stack gap={0} style={{ flex: 1 }}>
        {delivery.isError && <Text size="sm" c="red">Cannot follow the test: {(delivery.error as Error).message}</Text>}
        {!d && !delivery.isError && <Text size="sm">Test notification queued…</Text>}
        {d && outcome && (
          <>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                Test notification:
              </Text>
              <OutcomeBadge delivery={d} />
              {outcome.detail && (
                <Text size="sm" ff="monospace" c={d.status === 'sent' ? 'dimmed' : 'red'} style={{ wordBreak: 'break-word' }}>
                  {outcome.detail}
                </Text>
              )}
            </Group>
            {looksStuck(d) && (
              <Text size="xs" c="dimmed">
                Nothing has tried to send it yet: is alert-service running? It picks pending deliveries up within seconds.
              </Text>
            )}
          </>
        )}
      </Stack>
      <CloseButton size="sm" aria-label="Dismiss test result" onClick={onDismiss} />
    </Group>
  );
}

/** The delivery log of one channel, newest first: each notification, its outcome and retries. */
export function DeliveryLog({ projectId, channel, onClose }: { projectId: number; channel: Channel; onClose: () => void }) {
  const deliveries = useDeliveries(projectId, channel.id);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Deliveries of {channel.name}</Text>
        <CloseButton aria-label="Close the delivery log" onClick={onClose} />
      </Group>
      <QueryView query={deliveries} isEmpty={(l) => l.length === 0} empty={<EmptyState title="Nothing sent through this channel yet" />}>
        {(list) => (
          <Table aria-label={`Deliveries of ${channel.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>Created</Table.Th>
                <Table.Th w={70}>Kind</Table.Th>
                <Table.Th w={110}>Alerts</Table.Th>
                <Table.Th w={190}>Outcome</Table.Th>
                <Table.Th>Last response</Table.Th>
                <Table.Th w={150}>Sent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Text size="sm" title={formatTimestamp(d.createdAt)}>
                      {timeAgo(d.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.kind}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {d.firing} firing{d.resolved ? `, ${d.resolved} resolved` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <OutcomeBadge delivery={d} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
                      {[d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : null, d.lastError].filter(Boolean).join(' · ') || '–'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.sentAt ? formatTimestamp(d.sentAt) : '–'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}

/** Which test notifications the user started, per channel (kept while the tab is open). */
export function useTestRuns() {
  const [runs, setRuns] = useState<Record<number, number>>({});
  return {
    runs,
    start: (channelId: number, deliveryId: number) => setRuns((r) => ({ ...r, [channelId]: deliveryId })),
    dismiss: (channelId: number) =>
      setRuns((r) => {
        const next = { ...r };
        delete next[channelId];
        return next;
      }),
  };
}
