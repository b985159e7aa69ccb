import { describe, expect, it } from 'vitest';
import type { DsnKey, Project } from '../../api/types';
import { activeKey, otelEnvironment, otlpHeadersEnv, PLACEHOLDER_DSN, setupValues } from './setup';

function key(publicKey: string, active: boolean): DsnKey {
  return { publicKey, dsn: `http://${publicKey}@ingest.example.com/7`, label: 'Default', active, rateLimitPerMinute: null, createdAt: '2026-12-01T00:00:00Z' };
}

const project = (keys: DsnKey[]): Project => ({ id: 7, organization: 'acme', slug: 'checkout', name: 'Checkout', platform: 'python', keys });
const otlp = { otlpHttpUrl: 'https://otlp.example.com:4318/', otlpGrpcUrl: 'https://otlp.example.com:4317', otlpAuthHeader: 'authorization' };

describe('setupValues', () => {
  it('uses the first active key and the configured endpoints without trailing slashes', () => {
    const v = setupValues(project([key('aaa', false), key('bbb', true), key('ccc', true)]), otlp);
    expect(v).toEqual({
      dsn: 'http://bbb@ingest.example.com/7',
      publicKey: 'bbb',
      otlpHttpUrl: 'https://otlp.example.com:4318',
      otlpGrpcUrl: 'https://otlp.example.com:4317',
      authHeader: 'authorization',
      serviceName: 'checkout',
    });
  });

  it('shows placeholders when every key is disabled', () => {
    const p = project([key('aaa', false)]);
    expect(activeKey(p)).toBeNull();
    expect(setupValues(p, otlp).dsn).toBe(PLACEHOLDER_DSN);
  });
});

describe('OpenTelemetry environment', () => {
  it('percent-encodes the header value as the spec requires', () => {
    const v = setupValues(project([key('k1', true)]), otlp);
    expect(otlpHeadersEnv(v)).toBe('Authorization=Bearer%20k1');
    expect(otelEnvironment(v).split('\n')).toEqual([
      'OTEL_SERVICE_NAME=checkout',
      'OTEL_EXPORTER_OTLP_ENDPOINT=https://otlp.example.com:4318',
      'OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
      'OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20k1',
    ]);
  });

  it('sends the bare key in a custom header when the receiver is configured with one', () => {
    const v = setupValues(project([key('k1', true)]), { ...otlp, otlpAuthHeader: 'x-vigil-key' });
    expect(otlpHeadersEnv(v)).toBe('x-vigil-key=k1');
  });
});
