import { describe, expect, it } from 'vitest';
import { explorerEntries, insertionFor } from './explorer';

const metadata = {
  http_server_request_duration_seconds: [{ type: 'histogram', help: 'Duration of HTTP server requests.', unit: 's' }],
  http_server_requests_total: [{ type: 'counter', help: 'HTTP requests handled.', unit: '1' }],
  queue_items: [{ type: 'gauge', help: 'Items waiting in the work queue.', unit: '{item}' }],
};
const names = ['http_server_request_duration_seconds_bucket', 'http_server_requests_total', 'queue_items', 'target_info'];

describe('explorerEntries', () => {
  it('joins names with their family metadata', () => {
    const entries = explorerEntries(names, metadata, '');
    expect(entries[0]).toEqual({ name: 'http_server_request_duration_seconds_bucket', type: 'histogram', unit: 's', help: 'Duration of HTTP server requests.' });
    expect(entries[3]).toEqual({ name: 'target_info', type: '', unit: '', help: '' });
  });

  it('filters by every word in name or help, name matches first', () => {
    expect(explorerEntries(names, metadata, 'HTTP requests').map((e) => e.name)).toEqual([
      'http_server_requests_total',
      'http_server_request_duration_seconds_bucket',
    ]);
    expect(explorerEntries(names, metadata, 'work queue').map((e) => e.name)).toEqual(['queue_items']);
    expect(explorerEntries(names, metadata, 'nothing')).toEqual([]);
  });
});

describe('insertionFor', () => {
  const entry = (name: string, type: string) => ({ name, type, unit: '', help: '' });
  it('starts an empty query with a useful expression for counters and histograms', () => {
    expect(insertionFor(entry('http_server_requests_total', 'counter'), '')).toBe('rate(http_server_requests_total[5m])');
    expect(insertionFor(entry('d_bucket', 'histogram'), '')).toBe('histogram_quantile(0.95, sum by (le) (rate(d_bucket[5m])))');
    expect(insertionFor(entry('queue_items', 'gauge'), '')).toBe('queue_items');
  });
  it('inserts only the name into a query being written', () => {
    expect(insertionFor(entry('http_server_requests_total', 'counter'), 'sum()')).toBe('http_server_requests_total');
  });
});
