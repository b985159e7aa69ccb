import { Anchor, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconChevronLeft,
  IconChevronRight,
  IconChevronsLeft,
  IconChevronsRight,
  IconCode,
  IconFileText,
  IconTimeline,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { formatTimestamp } from '../../../lib/format';
import { projectPath } from '../../../lib/projects';
import type { EventDetail } from '../api';
import { TimeAgo } from '../IssueBadges';
import { Breadcrumbs } from './Breadcrumbs';
import { ContextsSection, contextSummary, SdkAndExtraSections, TagsSection, UserSection } from './ContextSections';
import { ExceptionChain, StandaloneStacktrace } from './ExceptionChain';
import { Code, Section } from './KeyValueTable';
import { RequestSection } from './RequestSection';
import { breadcrumbList, exceptionValues, messageText, standaloneStacktrace, timestampMillis } from './sentryEvent';

/** Links between an issue's events: oldest, older, newer, latest (…/events/:eventId in the URL). */
function EventNavigation({ detail, projectId }: { detail: EventDetail; projectId: number }) {
  // View settings (frame order, library frames, chart period) stay as they are from event to event.
  const { search } = useLocation();
  const base = projectPath(projectId, 'issues', detail.issueId);
  const eventPath = (id: string) => `${base}/events/${id}${search}`;
  const nav = (label: string, to: string | null, icon: ReactNode, right = false) => {
    const sides = { leftSection: right ? undefined : icon, rightSection: right ? icon : undefined };
    return to ? (
      <Button size="compact-xs" variant="default" component={Link} to={to} {...sides}>
        {label}
      </Button>
    ) : (
      <Button size="compact-xs" variant="default" disabled {...sides}>
        {label}
      </Button>
    );
  };
  return (
    <Group gap={4}>
      {nav('Oldest', detail.previousEventId ? eventPath('oldest') : null, <IconChevronsLeft size={12} />)}
      {nav('Older', detail.previousEventId ? eventPath(detail.previousEventId) : null, <IconChevronLeft size={12} />)}
      {nav('Newer', detail.nextEventId ? eventPath(detail.nextEventId) : null, <IconChevronRight size={12} />, true)}
      {nav('Latest', detail.nextEventId ? eventPath('latest') : null, <IconChevronsRight size={12} />, true)}
    </Group>
  );
}

/** The trace and log links of an event raised inside a trace. */
function TraceLinks({ detail, projectId }: { detail: EventDetail; projectId: number }) {
  if (!detail.traceId) return null;
  return (
    <Group gap={4}>
      <Button size="compact-xs" variant="light" component={Link} to={projectPath(projectId, 'traces', detail.traceId)} leftSection={<IconTimeline size={12} />}>
        View trace
      </Button>
      <Button
        size="compact-xs"
        variant="light"
        component={Link}
        to={`${projectPath(projectId, 'logs')}?${new URLSearchParams({ traceId: detail.traceId })}`}
        leftSection={<IconFileText size={12} />}
      >
        Logs of this trace
      </Button>
    </Group>
  );
}

/** One event of an issue, laid out as Sentry does: exception, breadcrumbs, request, user, contexts, tags, SDK. */
export function EventView({ detail, projectId }: { detail: EventDetail; projectId: number }) {
  const event = detail.event ?? {};
  const exceptions = exceptionValues(event);
  const stacktrace = exceptions.length ? null : standaloneStacktrace(event);
  const message = messageText(event) || detail.message;
  const eventMs = timestampMillis(event.timestamp) ?? Date.parse(detail.timestamp);
  const summary = contextSummary(event.contexts);
  return (
    <Stack gap="sm">
      <Paper withBorder p="xs">
        <Group justify="space-between" gap="xs">
          <Stack gap={2}>
            <Group gap="xs">
              <Text size="sm" fw={700}>
                Event
              </Text>
              <Tooltip label="Open the stored event as JSON">
                <Anchor
                  href={`/api/v1/issues/${detail.issueId}/events/${detail.eventId}`}
                  target="_blank"
                  rel="noreferrer"
                  size="xs"
                  ff="monospace"
                >
                  {detail.eventId} <IconCode size={11} />
                </Anchor>
              </Tooltip>
            </Group>
            <Text size="xs" c="dimmed">
              {formatTimestamp(detail.timestamp)} (<TimeAgo iso={detail.timestamp} size="xs" />)
              {detail.environment && ` · ${detail.environment}`}
              {detail.release && ` · ${detail.release}`}
              {detail.transaction && ` · ${detail.transaction}`}
              {summary.length > 0 && ` · ${summary.join(' · ')}`}
            </Text>
          </Stack>
          <Group gap="xs">
            <TraceLinks detail={detail} projectId={projectId} />
            <EventNavigation detail={detail} projectId={projectId} />
          </Group>
        </Group>
      </Paper>
      {message && (exceptions.length === 0 || message !== exceptions[exceptions.length - 1]?.value) && (
        <Section id="message" title="Message">
          <Code>{message}</Code>
        </Section>
      )}
      {exceptions.length > 0 && <ExceptionChain values={exceptions} />}
      {stacktrace && <StandaloneStacktrace stacktrace={stacktrace} />}
      <Breadcrumbs crumbs={breadcrumbList(event)} eventTimestamp={Number.isNaN(eventMs) ? null : eventMs} />
      {event.request && <RequestSection request={event.request} />}
      <UserSection user={event.user ?? (detail.user as Record<string, unknown> | null)} />
      <ContextsSection contexts={event.contexts} projectId={projectId} />
      <TagsSection tags={detail.tags} projectId={projectId} />
      <SdkAndExtraSections event={event} />
    </Stack>
  );
}
