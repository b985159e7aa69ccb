import { Button, Group, Paper, SegmentedControl, Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { projectPath } from '../../lib/projects';
import type { TimeRange } from '../../lib/timeRange';
import type { TraceSummary } from './api';
import { DurationScatter } from './DurationScatter';
import { TraceResultsTable } from './TraceResultsTable';
import { SORTS, sortTraces, writeTraceSearch, type TraceSearch, type TraceSort } from './traceSearch';

/** The loaded results: count, scale and sort controls, the duration scatter, the table and "load more". */
export function TraceResults({
  projectId,
  range,
  search,
  traces,
  more,
  onZoom,
}: {
  projectId: number;
  range: TimeRange;
  search: TraceSearch;
  traces: TraceSummary[];
  more: { hasNext: boolean; loading: boolean; updating: boolean; load: () => void };
  onZoom: (from: Date, to: Date) => void;
}) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const logScale = params.get('scale') === 'log';
  const sorted = useMemo(() => sortTraces(traces, search.sort), [traces, search.sort]);
  const setScale = (scale: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (scale === 'log') next.set('scale', 'log');
        else next.delete('scale');
        return next;
      },
      { replace: true },
    );

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb={4}>
        <Text size="sm" c="dimmed">
          {traces.length} {traces.length === 1 ? 'trace' : 'traces'}
          {more.hasNext ? ' loaded, more match' : ''}
          {more.updating ? ' · updating…' : ''}
        </Text>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label="Duration scale"
            data={[
              { value: 'linear', label: 'Linear' },
              { value: 'log', label: 'Log scale' },
            ]}
            value={logScale ? 'log' : 'linear'}
            onChange={setScale}
          />
          <Select
            size="xs"
            aria-label="Sort traces"
            w={150}
            data={Object.entries(SORTS).map(([value, label]) => ({ value, label }))}
            value={search.sort}
            onChange={(v) => setParams((p) => writeTraceSearch(p, { ...search, sort: (v ?? 'recent') as TraceSort }))}
            allowDeselect={false}
          />
        </Group>
      </Group>
      <DurationScatter
        traces={traces}
        from={range.from}
        to={range.to}
        onOpen={(t) => navigate(projectPath(projectId, 'traces', t.traceId))}
        onZoom={onZoom}
        logScale={logScale}
      />
      <TraceResultsTable projectId={projectId} traces={sorted} />
      {more.hasNext && (
        <Group justify="center" mt="sm">
          <Button variant="default" size="xs" loading={more.loading} onClick={more.load}>
            Load {search.limit} more
          </Button>
        </Group>
      )}
    </Paper>
  );
}
