import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, withParams } from './http';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

/** Answers every fetch with this response and records what was asked. */
function answer(status: number, body: string, contentType = 'application/json') {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': contentType } });
  });
  return calls;
}

describe('the API client', () => {
  it('builds query strings without empty values and repeats arrays', () => {
    expect(withParams('/x', { a: 1, b: '', c: null, d: undefined, attr: ['k:v', 'n:m'] })).toBe('/x?a=1&attr=k%3Av&attr=n%3Am');
    expect(withParams('/x?y=1', { z: 'a b' })).toBe('/x?y=1&z=a+b');
  });

  it('sends the session CSRF token on writes only', async () => {
    const calls = answer(200, '{"ok":true}');
    setCsrfToken('t0k');
    await api('/api/v1/issues/1', { method: 'PUT', body: { status: 'resolved' } });
    await api('/api/v1/issues/1');
    expect((calls[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBe('t0k');
    expect((calls[1].init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it("turns the service's {detail} into the error message", async () => {
    answer(400, '{"detail":"unknown sort \\"size\\""}');
    await expect(api('/api/v1/projects/1/issues')).rejects.toEqual(new ApiError(400, 'unknown sort "size"'));
  });

  it('explains a service that is down instead of showing a proxy page', async () => {
    answer(502, '<html>Bad Gateway</html>', 'text/html');
    await expect(api('/api/v1/projects')).rejects.toMatchObject({ status: 502, detail: expect.stringContaining('unavailable') });
  });

  it('keeps an answer\'s list of errors next to its detail', async () => {
    answer(400, '{"detail":"2 problems in rules.yml","errors":["group \\"api\\", rule 1: bad expr","group \\"db\\": no rules"]}');
    await expect(api('/api/v1/projects/1/alerting/rule-files/x', { method: 'PUT', rawBody: { contentType: 'application/yaml', text: 'groups: []' } })).rejects.toMatchObject({
      status: 400,
      detail: '2 problems in rules.yml',
      errors: ['group "api", rule 1: bad expr', 'group "db": no rules'],
    });
  });

  it('sends a raw body with its content type and can answer text', async () => {
    const calls = answer(200, 'groups:\n  - name: api\n', 'application/yaml');
    const yaml = await api<string>('/api/v1/projects/1/alerting/rule-files/x', { method: 'PUT', rawBody: { contentType: 'application/yaml', text: 'groups: []' }, responseText: true });
    expect(yaml).toBe('groups:\n  - name: api\n');
    expect(calls[0].init.body).toBe('groups: []');
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('application/yaml');
  });
});
