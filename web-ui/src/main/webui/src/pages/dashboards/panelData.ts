import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { LogBucket, RedFigures, TraceSummary } from '../../api/telemetry';
import type { Panel } from './api';
import { panelApiParams, parsePanelQuery } from './panelKinds';

/** The issue fields the panels draw; traces, RED figures and log volume use the shared telemetry shapes. */
export interface IssueRow {
  id: number;
  title: string;
  culprit: string;
  level: string;
  count: number;
  userCount: number;
  lastSeen: string;
  isNew: boolean;
  isRegressed: boolean;
  stats: Array<{ t: number; count: number }>;
}

const base = (projectId: number) => `/api/v1/projects/${projectId}`;
const key = (projectId: number, panel: Panel, from: Date, to: Date) => ['panel', projectId, panel.kind, panel.view, panel.query, from.getTime(), to.getTime()];

export function useIssuePanel(projectId: number, panel: Panel, from: Date, to: Date) {
  return useQuery<IssueRow[]>({
    queryKey: key(projectId, panel, from, to),
    queryFn: ({ signal }) => api<{ issues: IssueRow[] }>(`${base(projectId)}/issues`, { params: panelApiParams(panel, from, to), signal }).then((r) => r.issues),
    placeholderData: keepPreviousData,
  });
}

export function useTracePanel(projectId: number, panel: Panel, from: Date, to: Date) {
  return useQuery<TraceSummary[]>({
    queryKey: key(projectId, panel, from, to),
    queryFn: ({ signal }) => api<{ traces: TraceSummary[] }>(`${base(projectId)}/traces`, { params: panelApiParams(panel, from, to), signal }).then((r) => r.traces),
    placeholderData: keepPreviousData,
    enabled: panel.view === 'durations',
  });
}

/** RED figures per service, or per operation of the panel's service when it names one. */
export function useRedPanel(projectId: number, panel: Panel, from: Date, to: Date) {
  const service = parsePanelQuery('traces', panel.query).service?.[0];
  return useQuery<RedFigures[]>({
    queryKey: key(projectId, panel, from, to),
    queryFn: async ({ signal }) => {
      const params = { from: from.toISOString(), to: to.toISOString() };
      if (service) {
        const r = await api<{ operations: RedFigures[] }>(`${base(projectId)}/services/${encodeURIComponent(service)}/operations`, { params, signal });
        return r.operations;
      }
      return (await api<{ services: RedFigures[] }>(`${base(projectId)}/services`, { params, signal })).services;
    },
    placeholderData: keepPreviousData,
    enabled: panel.view === 'red',
  });
}

export function useLogVolumePanel(projectId: number, panel: Panel, from: Date, to: Date) {
  return useQuery<{ stepSeconds: number; buckets: LogBucket[] }>({
    queryKey: key(projectId, panel, from, to),
    queryFn: ({ signal }) =>
      api<{ stepSeconds: number; buckets: LogBucket[] }>(`${base(projectId)}/logs/histogram`, { params: panelApiParams(panel, from, to), signal }),
    placeholderData: keepPreviousData,
  });
}

/** Log volume as chart series: every record, and those at error level or above (drawn over it). */
export function logVolumeSeries(buckets: LogBucket[]): { x: number[]; total: number[]; errors: number[] } {
  return {
    x: buckets.map((b) => b.t),
    total: buckets.map((b) => b.count),
    errors: buckets.map((b) => (b.bySeverity.error ?? 0) + (b.bySeverity.fatal ?? 0)),
  };
}
