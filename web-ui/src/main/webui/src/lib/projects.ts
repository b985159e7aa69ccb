import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../api/http';
import type { Project } from '../api/types';

export const projectsQueryKey = ['projects'] as const;

/** The caller's projects; main.tsx starts this request with the session check. */
export const projectsQuery = { queryKey: projectsQueryKey, queryFn: () => api<Project[]>('/api/v1/projects'), staleTime: 30_000 };

export function useProjects() {
  return useQuery(projectsQuery);
}

/** The project named by the route's :projectId. */
export function useProjectId(): number {
  const { projectId } = useParams();
  return Number(projectId);
}

export function useCurrentProject(): Project | undefined {
  const id = useProjectId();
  return useProjects().data?.find((p) => p.id === id);
}

/** Base path of a project's pages, e.g. projectPath(3, 'issues') = /projects/3/issues. */
export function projectPath(projectId: number, ...rest: Array<string | number>): string {
  return ['/projects', projectId, ...rest].map(String).join('/');
}
