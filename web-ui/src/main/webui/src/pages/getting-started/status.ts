import type { IngestionStatus } from './api';

/** One kind of data a project can send, whether it has arrived, and the page that shows it. */
export interface SignalState {
  id: 'events' | 'spans' | 'logs' | 'metrics';
  label: string;
  via: string;
  /** The project page section that shows this data. */
  section: 'issues' | 'traces' | 'logs' | 'metrics';
  lastAt: string | null;
}

/** While waiting, poll often so the page turns green within seconds of the first event. */
export const WAITING_POLL_MS = 3000;
/** Once data flows, an occasional refresh keeps the "last received" times honest. */
export const RECEIVING_POLL_MS = 30_000;

export function signalStates(status: IngestionStatus): SignalState[] {
  return [
    { id: 'events', label: 'Errors', via: 'Sentry SDK', section: 'issues', lastAt: status.lastEventAt },
    { id: 'spans', label: 'Traces', via: 'Sentry or OpenTelemetry', section: 'traces', lastAt: status.lastSpanAt },
    { id: 'logs', label: 'Logs', via: 'OpenTelemetry', section: 'logs', lastAt: status.lastLogAt },
    { id: 'metrics', label: 'Metrics', via: 'OpenTelemetry', section: 'metrics', lastAt: status.lastMetricAt },
  ];
}

export function anyArrived(status: IngestionStatus | undefined): boolean {
  return Boolean(status && (status.lastEventAt || status.lastSpanAt || status.lastLogAt || status.lastMetricAt));
}

export function pollInterval(status: IngestionStatus | undefined): number {
  return anyArrived(status) ? RECEIVING_POLL_MS : WAITING_POLL_MS;
}
