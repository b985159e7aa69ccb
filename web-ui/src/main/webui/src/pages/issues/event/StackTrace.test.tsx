import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from './frames';
import { StackTrace } from './StackTrace';

beforeAll(() => {
  // jsdom has no matchMedia; Mantine reads it for the color scheme.
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
});
afterEach(cleanup);

const frames: Frame[] = [
  { filename: 'shop/orders.py', function: 'handle', lineno: 38, in_app: true, context_line: 'order = parse(raw)' },
  {
    filename: 'shop/orders.py',
    function: 'fetch_inventory',
    lineno: 30,
    in_app: true,
    pre_context: ['def fetch_inventory(sku):'],
    context_line: '    return requests.get(url).json()',
    vars: { sku: "'sku-42'" },
  },
  { filename: 'requests/api.py', function: 'get', lineno: 87, in_app: false },
  { filename: 'requests/sessions.py', function: 'send', lineno: 784, in_app: false },
  { filename: 'requests/adapters.py', function: 'send', lineno: 729, in_app: false },
];

function show(newestFirst = true) {
  render(
    <MantineProvider>
      <StackTrace frames={frames} newestFirst={newestFirst} showAll={false} openDefault />
    </MantineProvider>,
  );
}

describe('StackTrace', () => {
  it('opens the newest in-app frame with its source line and local variables', () => {
    show();
    expect(screen.getByText('return requests.get(url).json()', { exact: false })).toBeTruthy();
    expect(screen.getByText("'sku-42'")).toBeTruthy();
    // The other in-app frame stays closed until asked.
    expect(screen.queryByText('order = parse(raw)')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /shop\/orders\.py in handle/ }));
    expect(screen.getByText('order = parse(raw)')).toBeTruthy();
  });

  it('folds library frames between the raising frame and the app, and expands them on demand', () => {
    show();
    expect(screen.getByText('requests/adapters.py')).toBeTruthy();
    expect(screen.queryByText('requests/api.py')).toBeNull();
    const fold = screen.getByRole('button', { name: 'Show 2 library frames' });
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(fold);
    expect(screen.getByText('requests/api.py')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide 2 library frames' })).toBeTruthy();
  });

  it('lists the most recent call first, or the oldest first', () => {
    show(true);
    const newest = screen.getAllByText(/^(shop\/orders\.py|requests\/adapters\.py)$/).map((e) => e.textContent);
    expect(newest[0]).toBe('requests/adapters.py');
    cleanup();
    show(false);
    const oldest = screen.getAllByText(/^(shop\/orders\.py|requests\/adapters\.py)$/).map((e) => e.textContent);
    expect(oldest[0]).toBe('shop/orders.py');
    expect(oldest[oldest.length - 1]).toBe('requests/adapters.py');
  });
});
