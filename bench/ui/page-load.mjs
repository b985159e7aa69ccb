// Page-load benchmark of Vigil's web UI (not a test; see bench/README.md "UI page loads").
//
//   node bench/ui/page-load.mjs [--url http://localhost:8080] [--project bench-ui] [--runs 10] [--aim 1500]
//        [--pages issues,trace-view,...] [--trace <id>] [--out results.json] [--timeout 30000]
//        [--clickhouse http://127.0.0.1:18123] [--database vigil] [--token-file .vigil/admin-token]
//
// For each page: N cold loads (a new browser context each: empty HTTP cache, only the session cookie)
// and N warm loads (one context whose cache an unmeasured load filled), each timed from navigation
// start until the page's data is visible, plus the API calls' durations from the Performance API.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { coldLoads, warmLoads } from './measure.mjs';
import { markdownTable, summarizeApi, summarizeLoads } from './stats.mjs';
import { pages } from './pages.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const opt = {
  url: (args.url ?? 'http://localhost:8080').replace(/\/+$/, ''),
  project: args.project ?? 'bench-ui',
  runs: Number(args.runs ?? 10),
  aim: Number(args.aim ?? 1500),
  timeout: Number(args.timeout ?? 30000),
  only: args.pages ? args.pages.split(',') : null,
  clickhouse: args.clickhouse ?? 'http://127.0.0.1:18123',
  database: args.database ?? 'vigil',
  tokenFile: args['token-file'] ?? join(REPO, '.vigil', 'admin-token'),
  userFile: args['user-file'] ?? join(REPO, '.vigil', 'bench-ui-user.json'),
};
const adminToken = readFileSync(opt.tokenFile, 'utf8').trim();

/** query-service through the UI's origin, with the admin token. */
async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(`${opt.url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function clickhouse(sql) {
  const response = await fetch(`${opt.clickhouse}/?query=${encodeURIComponent(sql)}`);
  if (!response.ok) throw new Error(`ClickHouse answered ${response.status}: ${await response.text()}`);
  return (await response.text()).trim();
}

/** A user of its own (an owner invited with the admin token), kept in .vigil for the next run. */
async function benchUser() {
  if (existsSync(opt.userFile)) {
    const saved = JSON.parse(readFileSync(opt.userFile, 'utf8'));
    const login = await fetch(`${opt.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(saved),
    });
    if (login.ok) return saved;
  }
  const user = { email: `bench-ui-${randomBytes(4).toString('hex')}@vigil.local`, password: randomBytes(16).toString('hex') };
  const invitation = await api('/organizations/default/invitations', { method: 'POST', body: { email: user.email, role: 'owner' } });
  const secret = invitation.secret ?? new URL(invitation.inviteUrl).hash.slice(1);
  const accepted = await fetch(`${opt.url}/api/v1/auth/invitations/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ secret, name: 'UI benchmark', password: user.password }),
  });
  if (!accepted.ok) throw new Error(`accepting the invitation answered ${accepted.status}: ${await accepted.text()}`);
  writeFileSync(opt.userFile, JSON.stringify(user), { mode: 0o600 });
  return user;
}

/** What the pages show: the project, its busiest issue and its largest trace in the last day. */
async function discover() {
  const project = (await api('/projects')).find((p) => p.slug === opt.project || String(p.id) === opt.project);
  if (!project) throw new Error(`no project ${opt.project}; seed one first (bench/README.md)`);
  const keys = await api(`/projects/${project.id}/keys`);
  // From ClickHouse rather than the issue list, so that a failing list is measured, not fatal.
  const issueId = await clickhouse(
    `SELECT issue_id FROM ${opt.database}.events WHERE project_id = ${project.id} GROUP BY issue_id ORDER BY count() DESC LIMIT 1`,
  );
  const issue = issueId ? await api(`/issues/${issueId}`) : null;
  const latest = issue ? await api(`/issues/${issue.id}/events/latest`) : null;
  const exceptions = latest?.event?.exception?.values ?? [];
  const frames = exceptions.at(-1)?.stacktrace?.frames ?? [];
  const frameFile = (frames.at(-1)?.filename ?? frames.at(-1)?.abs_path ?? '').split('/').pop();
  const traceId =
    args.trace ??
    (await clickhouse(
      `SELECT trace_id FROM ${opt.database}.spans WHERE project_id = ${project.id} AND timestamp > now() - INTERVAL 23 HOUR ` +
        'GROUP BY trace_id ORDER BY count() DESC LIMIT 1',
    ));
  const trace = traceId ? await api(`/projects/${project.id}/traces/${traceId}`) : null;
  const root = trace?.spans.find((s) => s.depth === 0);
  const leaf = trace?.spans.find((s) => s.depth > 0 && s.name !== root?.name);
  return { project, dsn: keys[0]?.dsn, issue, frameFile, trace: trace && { id: traceId, root: root.name, leaf: leaf?.name, spans: trace.spanCount } };
}

const user = await benchUser();
const target = await discover();
console.log(
  `project ${target.project.slug} (${target.project.id}); issue ${target.issue?.id} "${target.issue?.title}" (${target.issue?.count} events, ` +
    `frame file ${target.frameFile}); trace ${target.trace?.id} (${target.trace?.spans} spans, root "${target.trace?.root}")`,
);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const contextOptions = { viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' };
{
  const context = await browser.newContext(contextOptions);
  const login = await context.request.post(`${opt.url}/api/v1/auth/login`, { data: user });
  if (!login.ok()) throw new Error(`login answered ${login.status()}`);
  contextOptions.storageState = await context.storageState();
  await context.close();
}

const results = [];
for (const page of pages(target).filter((p) => !opt.only || opt.only.includes(p.name))) {
  if (!page.path) {
    console.log(`skipping ${page.name}: ${page.skip}`);
    continue;
  }
  const url = opt.url + page.path;
  const cold = await coldLoads(browser, contextOptions, url, page.ready, opt.runs, opt.timeout);
  const warm = await warmLoads(browser, contextOptions, url, page.ready, opt.runs, opt.timeout);
  const result = { name: page.name, url: page.path, cold: summarizeLoads(cold), warm: summarizeLoads(warm), api: summarizeApi(cold), loads: { cold, warm } };
  results.push(result);
  const errors = [...new Set([...cold, ...warm].flatMap((l) => l.errors))];
  console.log(
    `${page.name.padEnd(22)} cold median ${Math.round(result.cold.median)} ms, p95 ${Math.round(result.cold.p95)} ms; ` +
      `warm median ${Math.round(result.warm.median)} ms, p95 ${Math.round(result.warm.p95)} ms` +
      (errors.length ? `\n    errors: ${errors.slice(0, 3).join(' | ')}` : ''),
  );
  for (const call of result.api.slice(0, 4)) {
    console.log(`    ${call.route.padEnd(40)} ${call.callsPerLoad.toFixed(1)}x  median ${Math.round(call.median)} ms, p95 ${Math.round(call.p95)} ms`);
  }
}
await browser.close();

console.log(`\n${opt.runs} cold and ${opt.runs} warm loads per page against ${opt.url}, aim ${opt.aim} ms (ms from navigation start until the data is visible):\n`);
console.log(markdownTable(results, opt.aim));
if (args.out) {
  writeFileSync(args.out, JSON.stringify({ when: new Date().toISOString(), options: opt, target, results }, null, 2));
  console.log(`\nwrote ${args.out}`);
}
