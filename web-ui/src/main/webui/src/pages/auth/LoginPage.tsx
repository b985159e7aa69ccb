import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/http';
import type { Me } from '../../api/types';
import { useSignIn } from '../../session/useSignIn';

/** Only same-site paths are followed after login, so a crafted ?next= cannot send users elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, signIn } = useSignIn((err) =>
    err instanceof ApiError && err.status === 401 ? 'Wrong email or password.' : (err as Error).message,
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void signIn(() => api<Me>('/api/v1/auth/login', { method: 'POST', body: { email, password } }), safeNext(params.get('next')));
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <Title order={3}>Sign in to Vigil</Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
