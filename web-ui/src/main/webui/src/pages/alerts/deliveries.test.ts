import { describe, expect, it } from 'vitest';
import { deliveryOutcome, isFinished, looksStuck } from './deliveries';
import type { Delivery } from './types';

const base: Delivery = {
  id: 9,
  channelId: 3,
  channelName: '#alerts',
  kind: 'test',
  status: 'pending',
  attempts: 0,
  firing: 1,
  resolved: 0,
  lastStatusCode: null,
  lastError: null,
  createdAt: '2026-03-01T12:00:00Z',
  sentAt: null,
};

describe('delivery outcomes', () => {
  it('report what the receiver answered', () => {
    expect(deliveryOutcome({ ...base, status: 'sent', attempts: 1, lastStatusCode: 204 })).toEqual({ color: 'green', label: 'Sent', detail: 'HTTP 204' });
    expect(deliveryOutcome({ ...base, status: 'failed', attempts: 5, lastStatusCode: 404, lastError: 'Unknown Webhook' })).toEqual({
      color: 'red',
      label: 'Failed after 5 attempts',
      detail: 'HTTP 404 · Unknown Webhook',
    });
    expect(deliveryOutcome({ ...base, status: 'failed', attempts: 1, lastError: 'connection refused' }).detail).toBe('connection refused');
    expect(deliveryOutcome({ ...base, attempts: 1, lastStatusCode: 429 })).toMatchObject({ color: 'yellow', label: 'Retrying (attempt 2)', detail: 'HTTP 429' });
    expect(deliveryOutcome(base)).toMatchObject({ label: 'Waiting to be sent', detail: null });
  });

  it('stop polling once sent or failed', () => {
    expect(isFinished(undefined)).toBe(false);
    expect(isFinished(base)).toBe(false);
    expect(isFinished({ status: 'sent' })).toBe(true);
    expect(isFinished({ status: 'failed' })).toBe(true);
  });

  it('suspect alert-service is down when nothing tried for a while', () => {
    const created = Date.parse(base.createdAt);
    expect(looksStuck(base, created + 5_000)).toBe(false);
    expect(looksStuck(base, created + 30_000)).toBe(true);
    expect(looksStuck({ ...base, attempts: 1 }, created + 30_000)).toBe(false);
  });
});
