import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Switch, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TimeRangePicker } from '../../components/TimeRangePicker';
import { projectPath, useProjectId } from '../../lib/projects';
import { useTimeRange } from '../../lib/useTimeRange';
import { useLogHistogram, useLogPages, useLogServices } from './api';
import { LiveTailView } from './LiveTailView';
import { LogFilterBar, type FilterActions } from './LogFilterBar';
import { LogHistogramChart } from './LogHistogramChart';
import { LogList } from './LogList';
import { searchWords } from './logFormat';
import { clampRange, filterParams, hasFilters, readFilters, withAttribute, withFilter, withoutAttribute, withoutFilters } from './logQuery';

const PRESETS = ['15m', '1h', '6h', '24h', '7d'];

/**
 * Log search: filters and time range in the URL, a histogram stacked by severity (drag to zoom), a
 * virtualized list that loads more as it scrolls, and a live tail mode.
 */
export function LogsPage() {
  const projectId = useProjectId();
  const [params, setParams] = useSearchParams();
  const { range, setAbsolute } = useTimeRange('1h');
  const live = params.get('live') === '1';
  const filters = useMemo(() => readFilters(params), [params]);
  const base = useMemo(() => filterParams(filters), [filters]);
  const filterKey = JSON.stringify(base);
  const { from, to, clamped } = clampRange(range.from, range.to);
  const search = useMemo(
    () => ({ ...base, from: from.toISOString(), to: to.toISOString() }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filterKey and the times stand for the content
    [filterKey, from.getTime(), to.getTime()],
  );
  const words = useMemo(() => searchWords(filters.q), [filters.q]);

  const pages = useLogPages(projectId, search, !live);
  const histogram = useLogHistogram(projectId, search, !live);
  const services = useLogServices(projectId, search.from, search.to);

  // Edits start from the URL as it is now, not as of the last render: react-router's functional
  // update hands over the params of the render that created the setter, so two quick edits (add a
  // filter, then press Enter in the search box) would otherwise lose the first.
  const edit = useCallback(
    (change: (p: URLSearchParams) => URLSearchParams) => setParams(() => change(new URLSearchParams(window.location.search))),
    [setParams],
  );
  const actions: FilterActions = useMemo(
    () => ({
      setFilter: (name, value) => edit((p) => withFilter(p, name, value)),
      addAttribute: (key, value) => edit((p) => withAttribute(p, key, value)),
      removeAttribute: (attr) => edit((p) => withoutAttribute(p, attr)),
      clearAll: () => edit(withoutFilters),
    }),
    [edit],
  );
  const onFilter = actions.addAttribute;
  const onTraceFilter = useCallback((traceId: string) => actions.setFilter('traceId', traceId), [actions]);
  const setLive = (on: boolean) =>
    edit((p) => {
      const next = new URLSearchParams(p);
      if (on) next.set('live', '1');
      else next.delete('live');
      return next;
    });

  const logs = useMemo(() => pages.data?.pages.flatMap((p) => p.logs) ?? [], [pages.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const [scrollTop, setScrollTop] = useState(0);

  return (
    <div>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Group gap="sm">
          <Title order={2}>Logs</Title>
          {live && (
            <Badge color="green" variant="dot">
              Live
            </Badge>
          )}
        </Group>
        <Group gap="sm">
          <Switch label="Live tail" checked={live} onChange={(e) => setLive(e.currentTarget.checked)} size="sm" />
          {!live && <TimeRangePicker fallback="1h" presets={PRESETS} />}
        </Group>
      </Group>
      <LogFilterBar filters={filters} services={services.data?.services ?? []} actions={actions} />
      {clamped && !live && (
        <Alert color="yellow" variant="light" mt="xs" p="xs">
          Logs are searched at most 7 days at a time: showing the last 7 days of the chosen range.
        </Alert>
      )}

      {live ? (
        <LiveTailView projectId={projectId} filters={base} filterKey={filterKey} words={words} onFilter={onFilter} onTraceFilter={onTraceFilter} />
      ) : (
        <>
          <Paper withBorder p="xs" my="sm">
            {histogram.isError ? (
              <Text size="xs" c="red">
                The histogram could not be loaded.
              </Text>
            ) : histogram.data ? (
              <LogHistogramChart
                histogram={histogram.data}
                onZoom={(f, t) => {
                  setAbsolute(new Date(f * 1000), new Date(t * 1000));
                  setScrollTop((n) => n + 1);
                }}
              />
            ) : (
              <Skeleton h={132} />
            )}
          </Paper>
          {pages.isPending ? (
            <LoadingState label="Searching logs…" />
          ) : pages.isError ? (
            <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
          ) : logs.length === 0 ? (
            hasFilters(filters) ? (
              <EmptyState title="No log lines match these filters">
                <Button size="xs" variant="light" onClick={actions.clearAll} mt="xs">
                  Clear filters
                </Button>
              </EmptyState>
            ) : (
              <EmptyState title="No logs in this time range">
                Widen the time range, or send logs with an OpenTelemetry SDK:{' '}
                <Anchor component={Link} to={projectPath(projectId, 'getting-started')} size="sm">
                  getting started
                </Anchor>
                .
              </EmptyState>
            )
          ) : (
            <LogList
              logs={logs}
              projectId={projectId}
              words={words}
              onNearEnd={loadMore}
              scrollToTopSignal={scrollTop}
              onFilter={onFilter}
              onTraceFilter={onTraceFilter}
              footer={
                <Group justify="center" p="xs">
                  {hasNextPage ? (
                    <Button size="xs" variant="default" loading={isFetchingNextPage} onClick={loadMore}>
                      Load more
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {logs.length} line{logs.length === 1 ? '' : 's'}: the end of this time range
                    </Text>
                  )}
                </Group>
              }
            />
          )}
        </>
      )}
    </div>
  );
}
