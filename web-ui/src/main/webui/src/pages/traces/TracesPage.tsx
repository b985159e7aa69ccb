import { Anchor, Code, Group, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TimeRangePicker } from '../../components/TimeRangePicker';
import { projectPath, useProjectId } from '../../lib/projects';
import { useTimeRange } from '../../lib/useTimeRange';
import { useTraceSearch } from './api';
import { TraceResults } from './TraceResults';
import { TraceSearchForm } from './TraceSearchForm';
import { hasFilters, parseTraceSearch, traceSearchParams, writeTraceSearch, type TraceSearch } from './traceSearch';

/** query-service answers at most 7 days per search (vigil.query.max-range). */
const PRESETS = ['15m', '1h', '6h', '24h', '7d'] as const;

/** Trace search: Jaeger's form, a duration scatter of the results and the results table. */
export function TracesPage() {
  const projectId = useProjectId();
  const [params, setParams] = useSearchParams();
  const { range, setAbsolute } = useTimeRange('1h');
  const searchKey = JSON.stringify(parseTraceSearch(params));
  // Parsed once per change of the form's fields, so the form is not reset by unrelated URL changes.
  const search = useMemo(() => JSON.parse(searchKey) as TraceSearch, [searchKey]);
  const queryWindow = useMemo(() => ({ from: range.from, to: range.to }), [range.from, range.to]);
  const apiParams = useMemo(() => traceSearchParams(search, range.from, range.to), [search, range.from, range.to]);
  const results = useTraceSearch(projectId, apiParams);
  const traces = useMemo(() => results.data?.pages.flatMap((p) => p.traces) ?? [], [results.data]);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>Traces</Title>
        <TimeRangePicker fallback="1h" presets={PRESETS} />
      </Group>
      <TraceSearchForm projectId={projectId} window={queryWindow} value={search} onSubmit={(s) => setParams((p) => writeTraceSearch(p, s))} />
      {results.isPending ? (
        <LoadingState label="Searching traces…" />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => results.refetch()} />
      ) : traces.length === 0 ? (
        <NoTraces projectId={projectId} filtered={hasFilters(search)} />
      ) : (
        <TraceResults
          projectId={projectId}
          range={range}
          search={search}
          traces={traces}
          more={{
            hasNext: results.hasNextPage,
            loading: results.isFetchingNextPage,
            updating: results.isFetching && !results.isFetchingNextPage,
            load: () => results.fetchNextPage(),
          }}
          onZoom={setAbsolute}
        />
      )}
    </Stack>
  );
}

function NoTraces({ projectId, filtered }: { projectId: number; filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState title="No traces match this search">
        A trace matches when one of its spans meets every condition. Widen the time range, or clear a filter.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No traces in this time range">
      Send spans with an OpenTelemetry SDK to the OTLP endpoint (<Code>http://…:4318/v1/traces</Code> or gRPC{' '}
      <Code>:4317</Code>) with the header <Code>Authorization: Bearer &lt;DSN public key&gt;</Code>; Sentry SDKs with
      tracing enabled send transactions too.{' '}
      <Anchor component={Link} to={projectPath(projectId, 'getting-started')}>
        Getting started
      </Anchor>{' '}
      has snippets for each language.
    </EmptyState>
  );
}
