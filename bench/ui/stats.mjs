// Pure helpers of the page-load benchmark: percentiles, API paths grouped by route, the report table.

/** Nearest-rank percentile (p in 0..1) of numbers; with 10 samples p95 is the slowest one. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export const median = (values) => percentile(values, 0.5);

/**
 * An API URL as a route: ids, trace ids and event ids become placeholders and the query string is
 * dropped, so that the same call made for different ids is one row.
 */
export function apiRoute(url) {
  const { pathname } = new URL(url, 'http://x');
  return pathname
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? '{id}' : /^[0-9a-f]{16,32}$/i.test(part) ? '{hex}' : part))
    .join('/')
    .replace(/^\/api\/v1/, '');
}

/**
 * Per route, over all loads of a page: how many calls per load and the median duration and end time
 * (ms after navigation start), slowest first.
 */
export function summarizeApi(loads) {
  const byRoute = new Map();
  for (const load of loads) {
    for (const call of load.api) {
      const route = apiRoute(call.url);
      const entry = byRoute.get(route) ?? { route, durations: [], ends: [] };
      entry.durations.push(call.duration);
      entry.ends.push(call.end);
      byRoute.set(route, entry);
    }
  }
  return [...byRoute.values()]
    .map((e) => ({
      route: e.route,
      callsPerLoad: e.durations.length / Math.max(1, loads.length),
      median: median(e.durations),
      p95: percentile(e.durations, 0.95),
      medianEnd: median(e.ends),
    }))
    .sort((a, b) => b.median - a.median);
}

/** Median and p95 of the ready times of successful loads, and how many failed. */
export function summarizeLoads(loads) {
  const ok = loads.filter((l) => l.readyMs != null);
  const ready = ok.map((l) => l.readyMs);
  return {
    runs: loads.length,
    failed: loads.length - ok.length,
    median: median(ready),
    p95: percentile(ready, 0.95),
    ttfb: median(ok.map((l) => l.ttfb)),
    assetsEnd: median(ok.map((l) => l.assetsEnd)),
    apiEnd: median(ok.map((l) => l.apiEnd)),
  };
}

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)}` : '–');

/** The results as a Markdown table (one row per page), against the aim in ms. */
export function markdownTable(results, aimMs) {
  const lines = [
    '| page | cold median | cold p95 | warm median | warm p95 | within aim | slowest API call (median ms) | cold: HTML / assets / last API end (median ms) |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const r of results) {
    const slowest = r.api[0];
    const within = r.cold.p95 <= aimMs && r.warm.p95 <= aimMs ? 'yes' : r.cold.median <= aimMs ? 'median only' : 'no';
    const failed = r.cold.failed + r.warm.failed;
    lines.push(
      `| ${r.name}${failed ? ` (${failed} failed)` : ''} | ${ms(r.cold.median)} | ${ms(r.cold.p95)} | ${ms(r.warm.median)} | ${ms(r.warm.p95)} | ${within} | ` +
        `${slowest ? `\`${slowest.route}\` ${ms(slowest.median)}` : '–'} | ${ms(r.cold.ttfb)} / ${ms(r.cold.assetsEnd)} / ${ms(r.cold.apiEnd)} |`,
    );
  }
  return lines.join('\n');
}
