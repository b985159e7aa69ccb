import type { Project } from '../../api/types';

/** What the instructions fill in: where to send, with which key, as which service. */
export interface SetupValues {
  /** The DSN of the project's first active key (Sentry SDKs). */
  dsn: string;
  /** The same key's public part (OTLP's auth header). */
  publicKey: string;
  otlpHttpUrl: string;
  otlpGrpcUrl: string;
  /** The header carrying the key, as the otlp-receiver is configured ("authorization" by default). */
  authHeader: string;
  /** A service name to start from: the project's slug. */
  serviceName: string;
}

export const PLACEHOLDER_KEY = '<public key>';
export const PLACEHOLDER_DSN = '<DSN: enable a key first>';

/** The first active key, or null when the project has none (all disabled). */
export function activeKey(project: Project) {
  return project.keys.find((k) => k.active) ?? null;
}

export function setupValues(project: Project, otlp: { otlpHttpUrl: string; otlpGrpcUrl: string; otlpAuthHeader: string }): SetupValues {
  const key = activeKey(project);
  return {
    dsn: key?.dsn ?? PLACEHOLDER_DSN,
    publicKey: key?.publicKey ?? PLACEHOLDER_KEY,
    otlpHttpUrl: otlp.otlpHttpUrl.replace(/\/+$/, ''),
    otlpGrpcUrl: otlp.otlpGrpcUrl.replace(/\/+$/, ''),
    authHeader: otlp.otlpAuthHeader || 'authorization',
    serviceName: project.slug,
  };
}

/** The header's name as SDK code spells it ("Authorization"). */
export function authHeaderName(v: SetupValues): string {
  return v.authHeader.toLowerCase() === 'authorization' ? 'Authorization' : v.authHeader;
}

/** "Bearer <key>" for Authorization; the key alone for a custom header. */
export function authHeaderValue(v: SetupValues): string {
  return v.authHeader.toLowerCase() === 'authorization' ? `Bearer ${v.publicKey}` : v.publicKey;
}

/**
 * OTEL_EXPORTER_OTLP_HEADERS: the OpenTelemetry spec's key=value list, whose values are
 * percent-decoded by the SDKs, so the space after "Bearer" is written %20.
 */
export function otlpHeadersEnv(v: SetupValues): string {
  return `${authHeaderName(v)}=${encodeURIComponent(authHeaderValue(v))}`;
}

/** The standard OpenTelemetry environment variables, understood by every OTel SDK and agent. */
export function otelEnvironment(v: SetupValues): string {
  return [
    `OTEL_SERVICE_NAME=${v.serviceName}`,
    `OTEL_EXPORTER_OTLP_ENDPOINT=${v.otlpHttpUrl}`,
    'OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
    `OTEL_EXPORTER_OTLP_HEADERS=${otlpHeadersEnv(v)}`,
  ].join('\n');
}
