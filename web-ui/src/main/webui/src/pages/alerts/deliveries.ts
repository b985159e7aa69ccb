/** What a delivery's row says about how a notification went. */
import type { Delivery } from './types';

export function isFinished(delivery: Pick<Delivery, 'status'> | undefined): boolean {
  return delivery?.status === 'sent' || delivery?.status === 'failed';
}

export interface Outcome {
  color: 'green' | 'red' | 'yellow' | 'gray';
  label: string;
  detail: string | null;
}

function statusLine(code: number | null): string | null {
  return code === null || code === undefined ? null : `HTTP ${code}`;
}

/**
 * "Sent · HTTP 204", "Failed after 5 attempts · HTTP 404 · Unknown Webhook", "Retrying (attempt 2) …",
 * or waiting for alert-service to pick it up.
 */
export function deliveryOutcome(d: Delivery): Outcome {
  const code = statusLine(d.lastStatusCode);
  const detail = [code, d.lastError].filter(Boolean).join(' · ') || null;
  if (d.status === 'sent') return { color: 'green', label: 'Sent', detail: code };
  if (d.status === 'failed') return { color: 'red', label: `Failed after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`, detail };
  if (d.attempts > 0) return { color: 'yellow', label: `Retrying (attempt ${d.attempts + 1})`, detail };
  return { color: 'gray', label: 'Waiting to be sent', detail: null };
}

/** After this long still pending with no attempt, alert-service is probably not running. */
export const STUCK_AFTER_MS = 20_000;

export function looksStuck(d: Delivery, now: number = Date.now()): boolean {
  return d.status === 'pending' && d.attempts === 0 && now - Date.parse(d.createdAt) > STUCK_AFTER_MS;
}
