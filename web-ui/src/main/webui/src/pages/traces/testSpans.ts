import type { Span, TraceError } from './api';

/**
 * Test fixture: builds the API's flat depth-first span list from a compact tree, as query-service
 * returns it. Times are milliseconds after 2026-11-22T10:00:00Z.
 */
export interface SpanSpec {
  id: string;
  startMs: number;
  durationMs: number;
  service?: string;
  status?: Span['status'];
  children?: SpanSpec[];
}

const BASE = Date.parse('2026-11-22T10:00:00Z');

export function spansOf(root: SpanSpec | SpanSpec[]): Span[] {
  const out: Span[] = [];
  // An explicit stack, so a fixture may be thousands of levels deep.
  const stack: Array<[SpanSpec, string | null, number]> = (Array.isArray(root) ? root : [root]).map((r) => [r, null, 0] as [SpanSpec, null, number]).reverse();
  while (stack.length) {
    const [spec, parent, depth] = stack.pop()!;
    const nanos = Math.round(spec.startMs * 1e6);
    const seconds = Math.floor(nanos / 1e9);
    const whole = new Date(BASE + seconds * 1000).toISOString().slice(0, 19);
    const start = `${whole}.${String(nanos - seconds * 1e9).padStart(9, '0')}Z`;
    const children = [...(spec.children ?? [])].sort((a, b) => a.startMs - b.startMs);
    out.push({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: spec.id,
      parentSpanId: parent,
      depth,
      orphan: false,
      childSpanIds: children.map((c) => c.id),
      service: spec.service ?? 'api',
      name: `op ${spec.id}`,
      kind: 'internal',
      status: spec.status ?? 'unset',
      statusMessage: null,
      start,
      end: start,
      durationMs: spec.durationMs,
      durationNanos: Math.round(spec.durationMs * 1e6),
      traceState: null,
      scopeName: null,
      scopeVersion: null,
      attributes: {},
      resourceAttributes: {},
      events: [],
      links: [],
      source: 'otlp',
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], spec.id, depth + 1]);
  }
  return out;
}

export function errorOn(spanId: string, issueId = 7): TraceError {
  return {
    eventId: `e${spanId}`,
    issueId,
    timestamp: '2026-11-22T10:00:00Z',
    level: 'error',
    title: 'PaymentError: declined',
    culprit: null,
    message: null,
    transaction: null,
    spanId,
  };
}
