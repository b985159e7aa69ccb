import { Badge, Button, NumberInput, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { CopyValue } from '../../components/CopyValue';
import { QueryView } from '../../components/states';
import { useMe, canWrite } from '../../session/session';
import { settingsApi, useKeys, useWrite } from './api';
import { notifyDone, notifyFailed } from './notify';

/** The project's DSN keys (client keys): label, enable/disable, per-key rate limit, rotation. */
export function KeysTab({ projectId, organization }: { projectId: number; organization: string }) {
  const me = useMe();
  const editable = canWrite(me, organization);
  const keys = useKeys(projectId);
  const invalidate = ['keys', projectId] as const;
  const add = useWrite(invalidate, () => settingsApi.addKey(projectId));
  const update = useWrite(invalidate, (a: { key: string; change: Parameters<typeof settingsApi.updateKey>[2] }) => settingsApi.updateKey(projectId, a.key, a.change));
  const rotate = useWrite(invalidate, (key: string) => settingsApi.rotateKey(projectId, key));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        SDKs send with a key's DSN; OTLP exporters send its public key as <code>Authorization: Bearer &lt;key&gt;</code>. Changes reach the
        ingestion edges within a minute (their key cache).
      </Text>
      {editable && (
        <Button w="fit-content" size="xs" onClick={() => add.mutate(undefined, { onError: notifyFailed })}>
          Add key
        </Button>
      )}
      <QueryView query={keys}>
        {(list) => (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={180}>Label</Table.Th>
                <Table.Th>DSN</Table.Th>
                <Table.Th w={150}>Limit / minute</Table.Th>
                <Table.Th w={90}>Active</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((k) => (
                <Table.Tr key={k.publicKey}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label="Key label"
                      defaultValue={k.label}
                      disabled={!editable}
                      onBlur={(e) => e.currentTarget.value !== k.label && update.mutate({ key: k.publicKey, change: { label: e.currentTarget.value } }, { onError: notifyFailed })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <CopyValue value={k.dsn} dimmed={!k.active}>
                      {!k.active && <Badge color="gray">disabled</Badge>}
                    </CopyValue>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label="Rate limit per minute"
                      placeholder="none"
                      min={1}
                      defaultValue={k.rateLimitPerMinute ?? undefined}
                      disabled={!editable}
                      onBlur={(e) => {
                        const value = e.currentTarget.value.trim() === '' ? null : Number(e.currentTarget.value);
                        if (value !== k.rateLimitPerMinute) update.mutate({ key: k.publicKey, change: { rateLimitPerMinute: value } }, { onError: notifyFailed });
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch aria-label="Key active" checked={k.active} disabled={!editable} onChange={(e) => update.mutate({ key: k.publicKey, change: { active: e.currentTarget.checked } }, { onError: notifyFailed })} />
                  </Table.Td>
                  <Table.Td>
                    {editable && k.active && (
                      <Button size="compact-xs" variant="default" onClick={() => window.confirm('Rotate: a new key replaces this one, which is disabled. Continue?') && rotate.mutate(k.publicKey, { onSuccess: () => notifyDone('Key rotated: update your SDKs with the new DSN'), onError: notifyFailed })}>
                        Rotate
                      </Button>
                    )}
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
