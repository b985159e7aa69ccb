// The pages the benchmark loads and, for each, what "its data is visible" means: something that only
// the API's answer can put on screen (a link to an issue or a trace, a service's row, a log line).
// See measure.mjs for the condition forms.

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function pages({ project, dsn, issue, frameFile, trace }) {
  const p = `/projects/${project.id}`;
  return [
    {
      name: 'issues (14d)',
      path: `${p}/issues`,
      ready: [{ href: `^${escape(p)}/issues/\\d+` }],
    },
    {
      name: 'issues (24h)',
      path: `${p}/issues?range=24h`,
      ready: [{ href: `^${escape(p)}/issues/\\d+` }],
    },
    {
      name: 'issue detail',
      path: issue && `${p}/issues/${issue.id}`,
      skip: 'the project has no issue',
      // The title comes with the issue; the stack frame's file only with its latest event.
      ready: [{ text: issue?.type ?? issue?.title ?? '' }, ...(frameFile ? [{ text: frameFile }] : [])],
    },
    {
      name: 'traces (1h)',
      path: `${p}/traces`,
      ready: [{ href: `^${escape(p)}/traces/[0-9a-f]{32}` }],
    },
    {
      name: 'traces (24h)',
      path: `${p}/traces?range=24h`,
      ready: [{ href: `^${escape(p)}/traces/[0-9a-f]{32}` }],
    },
    {
      name: `trace view`,
      path: trace && `${p}/traces/${trace.id}`,
      skip: 'no trace in the last day',
      ready: [{ text: trace?.root ?? '' }, ...(trace?.leaf ? [{ text: trace.leaf }] : [])],
    },
    {
      name: 'services (1h)',
      path: `${p}/services`,
      // The RED table and the dependency map's edges ("200 calls · p95 31 ms"), which load separately.
      ready: [{ text: 'web-frontend', within: 'table' }, { text: '\\d[\\d.,]*[KMB]? calls', regex: true }],
    },
    {
      name: 'services (24h)',
      path: `${p}/services?range=24h`,
      ready: [{ text: 'web-frontend', within: 'table' }, { text: '\\d[\\d.,]*[KMB]? calls', regex: true }],
    },
    {
      name: 'logs (1h)',
      path: `${p}/logs`,
      // Bodies the seeded services log: "GET /cart 200 in 12 ms".
      ready: [{ text: ' in \\d+ ms', regex: true }],
    },
    {
      name: 'logs (24h)',
      path: `${p}/logs?range=24h`,
      ready: [{ text: ' in \\d+ ms', regex: true }],
    },
    {
      name: 'getting started',
      path: `${p}/getting-started`,
      skip: 'the project has no key',
      ready: [{ text: dsn ?? 'no DSN' }],
    },
  ];
}
