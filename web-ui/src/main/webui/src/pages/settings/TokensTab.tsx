import { ActionIcon, Alert, Button, Checkbox, Group, MultiSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { CopyValue } from '../../components/CopyValue';
import { QueryView } from '../../components/states';
import { timeAgo } from '../../lib/format';
import { roleIn, useMe } from '../../session/session';
import { SCOPES, settingsApi, useTokens, useWrite, type ApiToken } from './api';
import { notifyFailed } from './notify';

/** API tokens for tools (sentry-cli, Grafana, scripts): created with chosen scopes, shown once. */
export function TokensTab({ organization }: { organization: string }) {
  const me = useMe();
  const tokens = useTokens(organization);
  const revoke = useWrite(['tokens', organization], (id: number) => settingsApi.revokeToken(organization, id));
  return (
    <Stack>
      {me.user && <CreateToken organization={organization} canOrgToken={['owner'].includes(roleIn(me, organization) ?? '')} />}
      <QueryView query={tokens} isEmpty={(l) => l.length === 0} empty={<Text c="dimmed">No API tokens yet.</Text>}>
        {(list) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td ff="monospace">{t.prefix}…</Table.Td>
                  <Table.Td>
                    <Text size="xs">{t.scopes.join(' ')}</Text>
                  </Table.Td>
                  <Table.Td>{t.userId === null ? 'organization' : t.userId === me.user?.id ? 'you' : `user ${t.userId}`}</Table.Td>
                  <Table.Td>{t.lastUsedAt ? timeAgo(t.lastUsedAt) : 'never'}</Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Revoke ${t.name}`} onClick={() => window.confirm(`Revoke ${t.name}? Tools using it stop working.`) && revoke.mutate(t.id, { onError: notifyFailed })}>
                      <IconTrash size={14} />
                    </ActionIcon>
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

function CreateToken({ organization, canOrgToken }: { organization: string; canOrgToken: boolean }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['project:read', 'event:read']);
  const [orgToken, setOrgToken] = useState(false);
  const [created, setCreated] = useState<ApiToken | null>(null);
  const create = useWrite(['tokens', organization], () => settingsApi.createToken(organization, name, scopes, orgToken));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (t) => { setCreated(t); setName(''); }, onError: notifyFailed });
  };
  return (
    <Stack gap="xs">
      <Title order={6}>New API token</Title>
      <Group align="flex-end" component="form" onSubmit={submit}>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} w={220} />
        <MultiSelect label="Scopes" data={SCOPES} value={scopes} onChange={setScopes} searchable w={420} />
        {canOrgToken && <Checkbox label="Organization token" checked={orgToken} onChange={(e) => setOrgToken(e.currentTarget.checked)} mb={8} />}
        <Button type="submit" loading={create.isPending}>
          Create token
        </Button>
      </Group>
      {created?.token && (
        <Alert color="green" title={`Token "${created.name}" created: copy it now, it is not shown again`}>
          <CopyValue value={created.token} />
        </Alert>
      )}
    </Stack>
  );
}
