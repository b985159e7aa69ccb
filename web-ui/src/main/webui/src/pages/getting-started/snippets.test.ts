import { describe, expect, it } from 'vitest';
import { setupValues, type SetupValues } from './setup';
import { snippetGroups } from './snippets';

const values: SetupValues = setupValues(
  {
    id: 3,
    organization: 'default',
    slug: 'shop',
    name: 'Shop',
    platform: 'python',
    keys: [{ publicKey: 'f00d', dsn: 'http://f00d@localhost:8010/3', label: 'Default', active: true, rateLimitPerMinute: null, createdAt: '' }],
  },
  { otlpHttpUrl: 'http://localhost:4318', otlpGrpcUrl: 'http://localhost:4317', otlpAuthHeader: 'authorization' },
);

const all = snippetGroups(values).flatMap((g) => g.snippets.map((s) => ({ group: g.id, ...s, code: s.files.map((f) => f.code).join('\n') })));
const byId = (id: string) => all.find((s) => s.id === id)!;

describe('snippetGroups', () => {
  it('covers Python, JavaScript (browser, Node, Next.js), Java and Go with Sentry and OpenTelemetry', () => {
    expect(snippetGroups(values).map((g) => [g.label, g.snippets.map((s) => s.label)])).toEqual([
      ['Python', ['sentry-sdk', 'OpenTelemetry']],
      ['JavaScript', ['Browser', 'Node.js', 'Next.js']],
      ['Java', ['io.sentry:sentry', 'OpenTelemetry agent']],
      ['Go', ['sentry-go', 'OpenTelemetry']],
    ]);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  });

  it('fills the DSN into every Sentry snippet', () => {
    for (const id of ['python-sentry', 'js-browser', 'js-node', 'java-sentry', 'go-sentry']) {
      expect(byId(id).code, id).toContain('"http://f00d@localhost:8010/3"');
    }
    // Next.js initializes the SDK in the browser and on the server.
    expect(byId('js-nextjs').code.match(/http:\/\/f00d@localhost:8010\/3/g)).toHaveLength(2);
  });

  it('fills the OTLP endpoint, the key header and the service into the OpenTelemetry snippets', () => {
    expect(byId('python-otel').code).toContain('ENDPOINT = "http://localhost:4318"');
    expect(byId('python-otel').code).toContain('HEADERS = {"Authorization": "Bearer f00d"}');
    expect(byId('python-otel').code).toContain('Resource.create({"service.name": "shop"})');
    expect(byId('go-otel').code).toContain('otlptracehttp.WithEndpointURL("http://localhost:4318/v1/traces")');
    expect(byId('go-otel').code).toContain('map[string]string{"Authorization": "Bearer f00d"}');
    expect(byId('java-otel').code).toContain('export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20f00d"');
    expect(byId('java-otel').code).toContain('export OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318\n');
  });

  it('keeps the browser regex a regex in the generated JavaScript', () => {
    expect(byId('js-browser').code).toContain('tracePropagationTargets: ["localhost", /^\\/api\\//]');
  });
});
