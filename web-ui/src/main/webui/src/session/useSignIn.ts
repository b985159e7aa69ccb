import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { setCsrfToken } from '../api/http';
import type { Me } from '../api/types';
import { meQueryKey } from './session';

/**
 * Signing in by any route (password login, accepted invitation): runs the call that answers the new
 * session, keeps its CSRF token and caller, then opens `next`; failures become a message for the form.
 */
export function useSignIn(describe: (error: unknown) => string = (e) => (e as Error).message) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signIn = async (call: () => Promise<Me>, next: string) => {
    setBusy(true);
    setError(null);
    try {
      const me = await call();
      setCsrfToken(me.csrfToken);
      client.setQueryData(meQueryKey, me);
      navigate(next, { replace: true });
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, signIn };
}
