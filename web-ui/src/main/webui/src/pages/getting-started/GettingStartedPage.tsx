import { Stack, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { projectPath, useProjectId, useProjects } from '../../lib/projects';
import { useIngestionStatus } from './api';
import { ConnectionDetails } from './ConnectionDetails';
import { IngestionStatusPanel } from './IngestionStatusPanel';
import { activeKey, setupValues } from './setup';
import { SnippetTabs } from './SnippetTabs';
import { pollInterval } from './status';

/**
 * Getting started: where to send (DSN, OTLP endpoints and key header), copy-ready SDK setup for
 * each language with this project's values, and a status that turns green when data arrives.
 */
export function GettingStartedPage() {
  const projectId = useProjectId();
  const projects = useProjects();
  const status = useIngestionStatus(projectId, pollInterval);
  const project = projects.data?.find((p) => p.id === projectId);

  if (projects.isPending) return <LoadingState />;
  if (projects.isError) return <ErrorState error={projects.error} onRetry={() => projects.refetch()} />;
  if (!project) return <EmptyState title="Project not found">It does not exist or you have no access to it.</EmptyState>;

  // The endpoints come from query-service's configuration, with the status; until it answers, the
  // local defaults keep the snippets readable.
  const values = setupValues(project, {
    otlpHttpUrl: status.data?.otlpHttpUrl ?? 'http://localhost:4318',
    otlpGrpcUrl: status.data?.otlpGrpcUrl ?? 'http://localhost:4317',
    otlpAuthHeader: status.data?.otlpAuthHeader ?? 'authorization',
  });

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>Getting started</Title>
        <Text c="dimmed" size="sm">
          Send {project.name}'s errors with a Sentry SDK (only the DSN changes) and its traces, logs and metrics with
          OpenTelemetry (only the endpoint and a header change).
        </Text>
      </div>
      <IngestionStatusPanel projectId={projectId} status={status.data} error={status.error} />
      <ConnectionDetails values={values} hasKey={activeKey(project) !== null} keysPath={projectPath(projectId, 'settings')} />
      <SnippetTabs values={values} platform={project.platform} />
    </Stack>
  );
}
