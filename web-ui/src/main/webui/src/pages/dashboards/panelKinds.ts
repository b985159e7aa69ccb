import type { Params } from '../../api/http';
import { projectPath } from '../../lib/projects';
import type { Panel, PanelKind } from './api';

/** One search field of a non-PromQL panel; the values form the panel's query string. */
export interface QueryField {
  key: string;
  label: string;
  options?: Array<{ value: string; label: string }>;
  placeholder?: string;
  /** Several values allowed (attribute filters), one per line in the editor. */
  repeated?: boolean;
}

export interface KindInfo {
  label: string;
  views: Array<{ value: string; label: string }>;
  /** The page the panel links to, with the same search. */
  section: 'metrics' | 'issues' | 'traces' | 'logs';
  fields: QueryField[];
}

const options = (...values: string[]) => values.map((v) => ({ value: v, label: v }));

/** What each panel kind shows and which search fields it takes (the API's parameter names). */
export const KINDS: Record<PanelKind, KindInfo> = {
  promql: {
    label: 'PromQL',
    views: [
      { value: 'graph', label: 'Graph' },
      { value: 'table', label: 'Table' },
    ],
    section: 'metrics',
    fields: [],
  },
  issues: {
    label: 'Issues',
    views: [{ value: 'table', label: 'Top issues' }],
    section: 'issues',
    fields: [
      { key: 'query', label: 'Search', placeholder: 'text in title, culprit or message' },
      { key: 'status', label: 'Status', options: options('unresolved', 'resolved', 'ignored', 'all') },
      { key: 'level', label: 'Level', options: options('fatal', 'error', 'warning', 'info', 'debug') },
      { key: 'environment', label: 'Environment', placeholder: 'production' },
      { key: 'release', label: 'Release' },
      {
        key: 'sort',
        label: 'Sort',
        options: [
          { value: 'events', label: 'Most events' },
          { value: 'users', label: 'Most users' },
          { value: 'lastSeen', label: 'Last seen' },
          { value: 'firstSeen', label: 'First seen' },
        ],
      },
    ],
  },
  traces: {
    label: 'Traces',
    views: [
      { value: 'durations', label: 'Durations of the latest traces' },
      { value: 'red', label: 'Rate, errors, duration per service' },
    ],
    section: 'traces',
    fields: [
      { key: 'service', label: 'Service' },
      { key: 'operation', label: 'Operation' },
      { key: 'status', label: 'Status', options: options('error', 'ok', 'unset') },
      { key: 'minDuration', label: 'Min duration (ms)' },
      { key: 'attr', label: 'Attributes (key:value, one per line)', repeated: true },
    ],
  },
  logs: {
    label: 'Log volume',
    views: [{ value: 'volume', label: 'Volume over time' }],
    section: 'logs',
    fields: [
      { key: 'service', label: 'Service' },
      { key: 'severity', label: 'Minimum severity', options: options('trace', 'debug', 'info', 'warn', 'error', 'fatal') },
      { key: 'q', label: 'Text', placeholder: 'words that must all occur' },
      { key: 'attr', label: 'Attributes (key:value, one per line)', repeated: true },
    ],
  },
};

/** The panel's search as field values; keys the kind does not know are dropped. */
export function parsePanelQuery(kind: PanelKind, query: string): Record<string, string[]> {
  const params = new URLSearchParams(query);
  const values: Record<string, string[]> = {};
  for (const f of KINDS[kind].fields) {
    const all = params.getAll(f.key).map((v) => v.trim()).filter(Boolean);
    if (all.length) values[f.key] = f.repeated ? all : [all[0]];
  }
  return values;
}

/** The query string stored for field values, in the fields' order, empty values left out. */
export function writePanelQuery(kind: PanelKind, values: Record<string, string[]>): string {
  const params = new URLSearchParams();
  for (const f of KINDS[kind].fields) {
    for (const v of values[f.key] ?? []) if (v.trim()) params.append(f.key, v.trim());
  }
  return params.toString();
}

/** query-service parameters of a panel over [from, to]. */
export function panelApiParams(panel: Panel, from: Date, to: Date): Params {
  const values = parsePanelQuery(panel.kind, panel.query);
  const one = (k: string) => values[k]?.[0];
  switch (panel.kind) {
    case 'issues':
      return { start: from.toISOString(), end: to.toISOString(), limit: 10, query: one('query'), status: one('status'), level: one('level'),
        environment: one('environment'), release: one('release'), sort: one('sort') ?? 'events' };
    case 'traces':
      return { from: from.toISOString(), to: to.toISOString(), limit: 100, service: one('service'), operation: one('operation'),
        status: one('status'), minDuration: one('minDuration'), attr: values.attr };
    case 'logs':
      return { from: from.toISOString(), to: to.toISOString(), service: one('service'), severity: one('severity'), q: one('q'), attr: values.attr };
    case 'promql':
      return {};
  }
}

/** The page showing the panel's data in full: the same search (or query) and the dashboard's time range. */
export function panelLink(projectId: number, panel: Panel, range: URLSearchParams): string {
  const params = panel.kind === 'promql' ? new URLSearchParams({ q: panel.query }) : new URLSearchParams(writePanelQuery(panel.kind, parsePanelQuery(panel.kind, panel.query)));
  if (panel.kind === 'promql' && panel.view === 'table') params.set('tab', 'table');
  for (const key of ['range', 'from', 'to']) {
    const v = range.get(key);
    if (v) params.set(key, v);
  }
  const search = params.toString();
  return projectPath(projectId, KINDS[panel.kind].section) + (search ? `?${search}` : '');
}

/** The panel's title, or one saying what it shows when it has none ("Log volume · service=checkout"). */
export function panelTitle(panel: Panel): string {
  if (panel.title.trim()) return panel.title.trim();
  if (panel.kind === 'promql') return panel.query;
  const view = KINDS[panel.kind].views.find((v) => v.value === panel.view)?.label ?? KINDS[panel.kind].label;
  const search = Object.entries(parsePanelQuery(panel.kind, panel.query))
    .map(([k, vs]) => vs.map((v) => `${k}=${v}`).join(' '))
    .join(' ');
  return search ? `${view} · ${search}` : view;
}
