/**
 * Telemetry shapes several pages read from query-service (query-service/README.md: "Logs", "Trace
 * search", "Services and RED figures"): defined once so the pages and the dashboard panels agree.
 */

export interface LogRecord {
  /** An unsigned 64-bit number as a string. */
  id: string;
  /** RFC 3339 with up to nanosecond digits, always UTC ("Z"). */
  timestamp: string;
  observedTimestamp: string;
  traceId: string | null;
  spanId: string | null;
  traceFlags: number;
  severityText: string;
  severityNumber: number;
  /** trace, debug, info, warn, error, fatal or unspecified. */
  severity: string;
  service: string;
  body: string;
  scopeName: string | null;
  scopeVersion: string | null;
  resourceAttributes: Record<string, string>;
  attributes: Record<string, string>;
  eventName: string | null;
}

/** One bar of the log volume histogram. */
export interface LogBucket {
  /** Bucket start, epoch seconds. */
  t: number;
  count: number;
  bySeverity: Record<string, number>;
}

/** One trace in search results. */
export interface TraceSummary {
  traceId: string;
  rootService: string;
  rootName: string;
  start: string;
  durationMs: number;
  spanCount: number;
  errorSpanCount: number;
  services: string[];
}

/** Request rate, errors and duration percentiles of one service or operation. */
export interface RedFigures {
  name: string;
  spanCount: number;
  errorCount: number;
  requestRate: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}
