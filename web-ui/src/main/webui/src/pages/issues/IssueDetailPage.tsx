import { Anchor, Breadcrumbs as Trail, Grid, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState, QueryView } from '../../components/states';
import { projectPath, useCurrentProject, useProjectId } from '../../lib/projects';
import { canWrite, useMe } from '../../session/session';
import { ApiError } from '../../api/http';
import { useIssue, useIssueEvent, type IssueDetail } from './api';
import { IssueCountsChart } from './detail/IssueCountsChart';
import { IssueHeader } from './detail/IssueHeader';
import { IssueTraces } from './detail/IssueTraces';
import { TagDistributions } from './detail/TagDistributions';
import { EventView } from './event/EventView';

/** One issue: header with status actions, counts over time, tag distributions, traces and one of its events. */
export function IssueDetailPage() {
  const projectId = useProjectId();
  const params = useParams();
  const issueId = Number(params.issueId);
  const eventId = params.eventId ?? 'latest';
  const issue = useIssue(issueId);
  const project = useCurrentProject();
  const me = useMe();
  const writable = project ? canWrite(me, project.organization) : false;

  return (
    <Stack gap="sm">
      <Trail separator="›">
        <Anchor component={Link} to={projectPath(projectId, 'issues')} size="sm">
          Issues
        </Anchor>
        <Text size="sm" c="dimmed" ff="monospace">
          #{Number.isFinite(issueId) ? issueId : params.issueId}
        </Text>
      </Trail>
      <QueryView query={issue}>
        {(data: IssueDetail) => (
          <Stack gap="sm">
            <IssueHeader issue={data} writable={writable} />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, lg: 8.5 }}>
                <Stack gap="sm">
                  <IssueCountsChart issue={data} />
                  <IssueEvent issueId={issueId} eventId={eventId} projectId={projectId} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 3.5 }}>
                <Stack gap="sm">
                  <TagDistributions tags={data.tags} projectId={projectId} />
                  <IssueTraces projectId={projectId} issueId={issueId} />
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function IssueEvent({ issueId, eventId, projectId }: { issueId: number; eventId: string; projectId: number }) {
  const event = useIssueEvent(issueId, eventId);
  if (event.isPending) return <LoadingState label="Loading the event…" />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404 && eventId === 'latest') {
      return <EmptyState title="No stored event">The events of this issue have expired or were not stored.</EmptyState>;
    }
    return <ErrorState error={event.error} onRetry={() => event.refetch()} />;
  }
  return (
    <div style={{ opacity: event.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
      {/* Keyed by event: frame and breadcrumb toggles belong to one event. */}
      <EventView key={event.data.eventId} detail={event.data} projectId={projectId} />
    </div>
  );
}
