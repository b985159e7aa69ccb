import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';

export type PanelKind = 'promql' | 'issues' | 'traces' | 'logs';

/** Where a panel sits on the dashboard's 24-column grid; y and h in rows of ROW_HEIGHT pixels. */
export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * One panel. `query` is PromQL for promql panels; for the others it is the URL query string of the
 * matching page (`service=checkout&status=error`), so "open in Traces" is the same search.
 */
export interface Panel {
  id: string;
  title: string;
  kind: PanelKind;
  query: string;
  view: string;
  gridPos: GridPos;
}

export interface Dashboard {
  id: number;
  projectId: number;
  title: string;
  panels: Panel[];
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface DashboardSummary {
  id: number;
  title: string;
  panelCount: number;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface DashboardInput {
  title: string;
  panels: Panel[];
  /** The version the change is based on: the server refuses it (409) when someone saved in between. */
  version?: number;
}

const base = (projectId: number) => `/api/v1/projects/${projectId}/dashboards`;
const listKey = (projectId: number) => ['dashboards', projectId] as const;
const oneKey = (projectId: number, id: number) => ['dashboards', projectId, id] as const;

export function useDashboards(projectId: number) {
  return useQuery({
    queryKey: listKey(projectId),
    queryFn: ({ signal }) => api<{ dashboards: DashboardSummary[] }>(base(projectId), { signal }).then((r) => r.dashboards),
  });
}

export function useDashboard(projectId: number, id: number) {
  return useQuery({
    queryKey: oneKey(projectId, id),
    queryFn: ({ signal }) => api<Dashboard>(`${base(projectId)}/${id}`, { signal }),
    enabled: Number.isFinite(id),
  });
}

export function useCreateDashboard(projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DashboardInput) => api<Dashboard>(base(projectId), { method: 'POST', body: input }),
    onSuccess: (d) => {
      client.setQueryData(oneKey(projectId, d.id), d);
      return client.invalidateQueries({ queryKey: listKey(projectId), exact: true });
    },
  });
}

export function useUpdateDashboard(projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: DashboardInput }) => api<Dashboard>(`${base(projectId)}/${id}`, { method: 'PUT', body: input }),
    onSuccess: (d) => {
      client.setQueryData(oneKey(projectId, d.id), d);
      return client.invalidateQueries({ queryKey: listKey(projectId), exact: true });
    },
  });
}

export function useDeleteDashboard(projectId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${base(projectId)}/${id}`, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: oneKey(projectId, id) });
      return client.invalidateQueries({ queryKey: listKey(projectId), exact: true });
    },
  });
}
