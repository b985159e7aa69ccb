import { Navigate } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { projectPath, useProjects } from '../lib/projects';

/** "/" opens the first project's issues; the switcher changes project from there. */
export function HomeRedirect() {
  const projects = useProjects();
  if (projects.isPending) return <LoadingState />;
  if (projects.isError) return <ErrorState error={projects.error} onRetry={() => projects.refetch()} />;
  const first = projects.data[0];
  if (!first) {
    return (
      <EmptyState title="No projects yet">
        Your organization has no projects you can see. Ask an owner or admin to create one or to add you to a team.
      </EmptyState>
    );
  }
  return <Navigate to={projectPath(first.id, 'issues')} replace />;
}
