/** Test helpers: the providers a tab needs, and a fetch that answers by method and path. */
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';

/** jsdom lacks what Mantine measures with. */
export function stubBrowser(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // Mantine's autosizing Textarea re-measures when web fonts load.
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {} }, configurable: true });
  }
}

export interface Call {
  method: string;
  url: string;
  body: string | undefined;
  headers: Record<string, string>;
}

type Answer = { status?: number; body?: unknown } | ((call: Call) => { status?: number; body?: unknown });

/** Stubs fetch: "GET /api/v1/…" → answer; anything unlisted is a 404. Returns the calls made. */
export function stubApi(routes: Record<string, Answer>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const call: Call = { method: init.method ?? 'GET', url, body: init.body as string | undefined, headers: (init.headers ?? {}) as Record<string, string> };
    calls.push(call);
    const path = url.split('?')[0];
    const route = routes[`${call.method} ${path}`];
    const answer = typeof route === 'function' ? route(call) : route;
    if (!answer) return new Response('{"detail":"not found"}', { status: 404 });
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? null), { status, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

export function renderWithApp(ui: ReactNode, path = '/projects/1/alerts') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/projects/:projectId/*" element={ui} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}
