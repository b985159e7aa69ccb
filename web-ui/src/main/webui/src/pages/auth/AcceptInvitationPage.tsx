import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/http';
import type { Me } from '../../api/types';
import { useSignIn } from '../../session/useSignIn';

/**
 * The page an invitation link opens (/accept-invitation#<secret>). The secret travels in the URL
 * fragment, which browsers never send to servers or put in Referer headers.
 */
export function AcceptInvitationPage() {
  const secret = window.location.hash.replace(/^#/, '');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, signIn } = useSignIn();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void signIn(() => api<Me>('/api/v1/auth/invitations/accept', { method: 'POST', body: { secret, name, password } }), '/');
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="form" onSubmit={submit}>
        <Stack>
          <Title order={3}>Join Vigil</Title>
          {!secret && <Alert color="red">This invitation link is incomplete: open the whole link from the invitation.</Alert>}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            Choose your name and a password of at least 10 characters. If you already have an account, use its password.
          </Text>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy} disabled={!secret}>
            Accept invitation
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
