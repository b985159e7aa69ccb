import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMe } from '../../session/session';
import { notifyDone, notifyFailed } from './notify';
import { settingsApi } from './api';

/** The signed-in user's account: who they are, and a password change (which ends other sessions). */
export function AccountTab() {
  const me = useMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  if (!me.user) {
    return <Text c="dimmed">Signed in with an API token: there is no account password to change.</Text>;
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await settingsApi.changePassword(current, next);
      notifyDone('Password changed. Your other sessions were signed out.');
      setCurrent('');
      setNext('');
    } catch (err) {
      notifyFailed(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={420}>
      <div>
        <Title order={5}>{me.user.name}</Title>
        <Text size="sm" c="dimmed">
          {me.user.email}
        </Text>
      </div>
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <Title order={6}>Change password</Title>
          <PasswordInput label="Current password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} />
          <PasswordInput
            label="New password"
            description="At least 10 characters."
            autoComplete="new-password"
            required
            minLength={10}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} w="fit-content">
            Change password
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
