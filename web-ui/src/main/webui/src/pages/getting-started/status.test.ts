import { describe, expect, it } from 'vitest';
import type { IngestionStatus } from './api';
import { anyArrived, pollInterval, RECEIVING_POLL_MS, signalStates, WAITING_POLL_MS } from './status';

const empty: IngestionStatus = {
  since: '2026-11-01T00:00:00Z',
  lastEventAt: null,
  lastSpanAt: null,
  lastLogAt: null,
  lastMetricAt: null,
  otlpGrpcUrl: 'http://localhost:4317',
  otlpHttpUrl: 'http://localhost:4318',
  otlpAuthHeader: 'authorization',
};

describe('ingestion status', () => {
  it('waits, polling often, until any signal has arrived', () => {
    expect(anyArrived(undefined)).toBe(false);
    expect(anyArrived(empty)).toBe(false);
    expect(pollInterval(empty)).toBe(WAITING_POLL_MS);
    const logs = { ...empty, lastLogAt: '2026-12-01T10:00:00Z' };
    expect(anyArrived(logs)).toBe(true);
    expect(pollInterval(logs)).toBe(RECEIVING_POLL_MS);
  });

  it('lists each signal with the page that shows it', () => {
    const states = signalStates({ ...empty, lastEventAt: 'e', lastMetricAt: 'm' });
    expect(states.map((s) => [s.label, s.section, s.lastAt])).toEqual([
      ['Errors', 'issues', 'e'],
      ['Traces', 'traces', null],
      ['Logs', 'logs', null],
      ['Metrics', 'metrics', 'm'],
    ]);
  });
});
