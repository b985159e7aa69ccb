import { describe, expect, it } from 'vitest';
import type { Panel } from './api';
import { panelApiParams, panelLink, panelTitle, parsePanelQuery, writePanelQuery } from './panelKinds';

const panel = (kind: Panel['kind'], query: string, view = 'graph'): Panel => ({ id: 'p', title: '', kind, query, view, gridPos: { x: 0, y: 0, w: 12, h: 8 } });
const from = new Date('2026-11-21T10:00:00Z');
const to = new Date('2026-11-21T11:00:00Z');

describe('panel queries', () => {
  it('keeps only the fields a kind knows, repeated ones as lists', () => {
    expect(parsePanelQuery('traces', 'service=checkout&attr=http.route:/pay&attr=region:eu&bogus=1&status=')).toEqual({
      service: ['checkout'],
      attr: ['http.route:/pay', 'region:eu'],
    });
    expect(writePanelQuery('logs', { q: ['timeout  '], severity: ['error'], service: [''] })).toBe('severity=error&q=timeout');
  });

  it('turns a panel into the API call of its kind over the range', () => {
    expect(panelApiParams(panel('issues', 'query=timeout&environment=production'), from, to)).toMatchObject({
      start: '2026-11-21T10:00:00.000Z',
      end: '2026-11-21T11:00:00.000Z',
      limit: 10,
      query: 'timeout',
      environment: 'production',
      sort: 'events',
    });
    expect(panelApiParams(panel('logs', 'severity=warn&attr=k:v'), from, to)).toMatchObject({ from: from.toISOString(), severity: 'warn', attr: ['k:v'] });
    expect(panelApiParams(panel('traces', 'service=checkout'), from, to)).toMatchObject({ limit: 100, service: 'checkout' });
  });

  it('links to the page with the same search and time range', () => {
    const range = new URLSearchParams('range=6h&other=x');
    expect(panelLink(3, panel('traces', 'service=checkout&status=error'), range)).toBe('/projects/3/traces?service=checkout&status=error&range=6h');
    expect(panelLink(3, panel('promql', 'sum(rate(x[5m]))', 'table'), range)).toBe('/projects/3/metrics?q=sum%28rate%28x%5B5m%5D%29%29&tab=table&range=6h');
  });
});

describe('panelTitle', () => {
  it('says what an untitled panel shows', () => {
    expect(panelTitle({ ...panel('logs', 'service=checkout&severity=error', 'volume'), title: '' })).toBe('Volume over time · service=checkout severity=error');
    expect(panelTitle(panel('traces', '', 'red'))).toBe('Rate, errors, duration per service');
    expect(panelTitle(panel('promql', 'up'))).toBe('up');
    expect(panelTitle({ ...panel('promql', 'up'), title: ' Uptime ' })).toBe('Uptime');
  });
});
