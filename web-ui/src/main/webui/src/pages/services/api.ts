import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { RedFigures } from '../../api/telemetry';

/** Shapes of query-service's service endpoints (query-service/README.md, "Services and RED figures"). */

export type { RedFigures };

export interface ServicesResponse {
  from: string;
  to: string;
  services: RedFigures[];
}

export interface OperationsResponse {
  service: string;
  from: string;
  to: string;
  operations: RedFigures[];
}

export interface ServiceMapEdge {
  parent: string;
  child: string;
  callCount: number;
  errorCount: number;
  p95Ms: number | null;
}

export interface ServiceMapResponse {
  from: string;
  to: string;
  nodes: Array<{ name: string }>;
  edges: ServiceMapEdge[];
}

export interface QueryWindow {
  from: Date;
  to: Date;
}

const rangeParams = (w: QueryWindow) => ({ from: w.from.toISOString(), to: w.to.toISOString() });
const rangeKey = (w: QueryWindow) => [w.from.getTime(), w.to.getTime()];

export function useServices(projectId: number, window: QueryWindow) {
  return useQuery({
    queryKey: ['services', projectId, 'list', ...rangeKey(window)],
    queryFn: ({ signal }) => api<ServicesResponse>(`/api/v1/projects/${projectId}/services`, { params: rangeParams(window), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOperations(projectId: number, service: string | null, window: QueryWindow) {
  return useQuery({
    queryKey: ['services', projectId, 'operations', service, ...rangeKey(window)],
    queryFn: ({ signal }) =>
      api<OperationsResponse>(`/api/v1/projects/${projectId}/services/${encodeURIComponent(service!)}/operations`, {
        params: rangeParams(window),
        signal,
      }),
    enabled: Boolean(service),
    placeholderData: (previous) => (previous?.service === service ? previous : undefined),
  });
}

export function useServiceMap(projectId: number, window: QueryWindow) {
  return useQuery({
    queryKey: ['services', projectId, 'map', ...rangeKey(window)],
    queryFn: ({ signal }) => api<ServiceMapResponse>(`/api/v1/projects/${projectId}/service-map`, { params: rangeParams(window), signal }),
    placeholderData: keepPreviousData,
  });
}
