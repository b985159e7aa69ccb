import { ActionIcon, Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../api/types';
import { CopyValue } from '../../components/CopyValue';
import { QueryView } from '../../components/states';
import { roleIn, useMe } from '../../session/session';
import { settingsApi, useMembers, useWrite, type Invitation } from './api';
import { notifyDone, notifyFailed } from './notify';

const ROLES: Role[] = ['owner', 'admin', 'member', 'viewer'];

/** Members of the organization with their roles, and invitations (a link the inviter passes on). */
export function MembersTab({ organization }: { organization: string }) {
  const me = useMe();
  const members = useMembers(organization);
  const manage = ['owner', 'admin'].includes(roleIn(me, organization) ?? '');
  const changeRole = useWrite(['members', organization], (a: { userId: number; role: Role }) => settingsApi.changeRole(organization, a.userId, a.role));
  const remove = useWrite(['members', organization], (userId: number) => settingsApi.removeMember(organization, userId));
  return (
    <Stack>
      {manage && <InviteForm organization={organization} />}
      <QueryView query={members}>
        {(list) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th w={160}>Role</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    {manage ? (
                      <Select
                        size="xs"
                        aria-label={`Role of ${m.email}`}
                        data={ROLES}
                        value={m.role}
                        allowDeselect={false}
                        onChange={(role) => role && changeRole.mutate({ userId: m.userId, role: role as Role }, { onSuccess: () => notifyDone(`${m.email} is now ${role}`), onError: notifyFailed })}
                      />
                    ) : (
                      m.role
                    )}
                  </Table.Td>
                  <Table.Td>
                    {manage && (
                      <Tooltip label="Remove from the organization">
                        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${m.email}`} onClick={() => window.confirm(`Remove ${m.email}?`) && remove.mutate(m.userId, { onError: notifyFailed })}>
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Tooltip>
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

function InviteForm({ organization }: { organization: string }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [sent, setSent] = useState<Invitation | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setSent(await settingsApi.invite(organization, email, role));
      setEmail('');
    } catch (err) {
      notifyFailed(err);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={6}>Invite someone</Title>
      <Group align="flex-end" component="form" onSubmit={submit}>
        <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={280} />
        <Select label="Role" data={ROLES} value={role} onChange={(r) => r && setRole(r as Role)} allowDeselect={false} w={140} />
        <Button type="submit">Create invitation</Button>
      </Group>
      {sent && (
        <Alert color="blue" title={`Invitation for ${sent.email} (${sent.role})`}>
          <Text size="sm">Send this link to them; it works once, for 7 days:</Text>
          <CopyValue value={sent.inviteUrl} />
        </Alert>
      )}
    </Stack>
  );
}
