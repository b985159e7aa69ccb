import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiRoute, markdownTable, median, percentile, summarizeApi, summarizeLoads } from './stats.mjs';

test('nearest-rank percentiles: p95 of ten loads is the slowest, the median the fifth', () => {
  const ten = [900, 100, 800, 200, 700, 300, 600, 400, 500, 1000];
  assert.equal(percentile(ten, 0.95), 1000);
  assert.equal(median(ten), 500);
  const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
  assert.equal(percentile(twenty, 0.95), 19);
  assert.ok(Number.isNaN(median([])));
});

test('API calls for different ids group under one route, query string dropped', () => {
  assert.equal(apiRoute('http://localhost:8080/api/v1/issues/42/events/latest?x=1'), '/issues/{id}/events/latest');
  assert.equal(
    apiRoute('http://localhost:8080/api/v1/projects/8/traces/19c9bd980b40449ad86f15378a6aabb9?logLimit=500'),
    '/projects/{id}/traces/{hex}',
  );
  assert.equal(apiRoute('http://localhost:8080/api/v1/projects/8/issues?sort=events'), '/projects/{id}/issues');
});

test('API summary: calls per load and medians per route, slowest route first', () => {
  const loads = [
    { api: [{ url: '/api/v1/issues/1', duration: 100, end: 400 }, { url: '/api/v1/auth/me', duration: 10, end: 150 }] },
    { api: [{ url: '/api/v1/issues/2', duration: 300, end: 600 }, { url: '/api/v1/auth/me', duration: 20, end: 160 }] },
  ];
  const [first, second] = summarizeApi(loads);
  assert.equal(first.route, '/issues/{id}');
  assert.equal(first.callsPerLoad, 1);
  assert.equal(first.median, 100); // nearest rank: the lower of two
  assert.equal(second.route, '/auth/me');
});

test('failed loads are counted, not averaged in', () => {
  const summary = summarizeLoads([
    { readyMs: 800, ttfb: 20, assetsEnd: 300, apiEnd: 700 },
    { readyMs: null },
    { readyMs: 1200, ttfb: 30, assetsEnd: 350, apiEnd: 1100 },
  ]);
  assert.equal(summary.failed, 1);
  assert.equal(summary.median, 800);
  assert.equal(summary.p95, 1200);
});

test('the table says plainly whether a page meets the aim', () => {
  const row = (name, coldP95, warmP95) => ({
    name,
    cold: { median: coldP95 - 100, p95: coldP95, failed: 0, ttfb: 10, assetsEnd: 200, apiEnd: 300 },
    warm: { median: warmP95 - 100, p95: warmP95, failed: 0 },
    api: [{ route: '/projects/{id}/issues', median: 250 }],
  });
  const table = markdownTable([row('issues', 900, 700), row('logs', 2500, 2000)], 1500);
  assert.match(table, /\| issues \| 800 \| 900 \| 600 \| 700 \| yes \|/);
  assert.match(table, /\| logs \| 2400 \| 2500 \| 1900 \| 2000 \| no \|/);
});
