import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';

/** GET /api/v1/projects/{id}/ingestion-status (query-service/README.md, "Projects"). */
export interface IngestionStatus {
  since: string;
  lastEventAt: string | null;
  lastSpanAt: string | null;
  lastLogAt: string | null;
  lastMetricAt: string | null;
  otlpGrpcUrl: string;
  otlpHttpUrl: string;
  /** The header SDKs put the key in: "authorization" means "Bearer <key>". */
  otlpAuthHeader: string;
}

/**
 * The project's ingestion status, polled: every few seconds while nothing has arrived (the page is
 * waiting for the first event), slowly once data flows.
 */
export function useIngestionStatus(projectId: number, interval: (status: IngestionStatus | undefined) => number) {
  return useQuery({
    queryKey: ['projects', projectId, 'ingestion-status'],
    queryFn: ({ signal }) => api<IngestionStatus>(`/api/v1/projects/${projectId}/ingestion-status`, { signal }),
    refetchInterval: (query) => interval(query.state.data),
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}
