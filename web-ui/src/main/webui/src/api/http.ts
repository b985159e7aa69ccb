/**
 * The one way the UI calls Vigil's APIs: same origin, JSON in and out, the session's CSRF token on
 * every write, and failures as ApiError carrying the service's {"detail": "..."} text.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
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
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withParams(path, options.params), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
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
  if (!response.ok) throw new ApiError(response.status, await errorDetail(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { detail?: unknown; error?: unknown };
    if (typeof body.detail === 'string') return body.detail;
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: fall through to the status line
  }
  if (response.status === 502 || response.status === 503) {
    return 'A Vigil service is unavailable right now. Try again in a moment.';
  }
  return `${response.status} ${response.statusText || 'request failed'}`;
}
