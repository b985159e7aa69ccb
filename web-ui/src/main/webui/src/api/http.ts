/**
 * The one way the UI calls Vigil's APIs: same origin, JSON in and out, the session's CSRF token on
 * every write, and failures as ApiError carrying the service's {"detail": "..."} text.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** The answer's "errors" list, where a service names every problem (e.g. a rule file's). */
    readonly errors?: string[],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export type ParamValue = string | number | boolean | null | undefined | Array<string | number>;
export type Params = Record<string, ParamValue>;

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current login session (from login or /auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Fired when a call answers 401, so the session layer can send the user to the login page. */
export const UNAUTHORIZED_EVENT = 'vigil:unauthorized';

/** Builds "path?a=1&b=2&b=3", leaving out null, undefined and empty values. */
export function withParams(path: string, params?: Params): string {
  if (!params) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    else search.append(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  params?: Params;
  body?: unknown;
  /** A body sent as it is (e.g. a YAML rule file) instead of JSON. */
  rawBody?: { contentType: string; text: string };
  /** Resolve with the answer's text instead of parsing it as JSON. */
  responseText?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: options.responseText ? '*/*' : 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.rawBody) headers['Content-Type'] = options.rawBody.contentType;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withParams(path, options.params), {
      method,
      headers,
      body: options.rawBody ? options.rawBody.text : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Vigil cannot be reached. Check your connection and try again.');
  }
  if (response.status === 401 && !path.endsWith('/auth/login')) {
    window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  }
  if (!response.ok) throw await apiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (options.responseText) return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
}

async function apiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { detail?: unknown; error?: unknown; errors?: unknown };
    const errors = Array.isArray(body.errors) ? body.errors.map(String) : undefined;
    if (typeof body.detail === 'string') return new ApiError(response.status, body.detail, errors);
    if (typeof body.error === 'string') return new ApiError(response.status, body.error, errors);
  } catch {
    // not JSON: fall through to the status line
  }
  if (response.status === 502 || response.status === 503) {
    return new ApiError(response.status, 'A Vigil service is unavailable right now. Try again in a moment.');
  }
  return new ApiError(response.status, `${response.status} ${response.statusText || 'request failed'}`);
}
