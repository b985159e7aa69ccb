import { Button, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconChartLine, IconPlayerPlay, IconTable } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/states';
import { TimeRangePicker } from '../../components/TimeRangePicker';
import { useProjectId } from '../../lib/projects';
import { useTimeRange } from '../../lib/useTimeRange';
import { AddToDashboard } from './AddToDashboard';
import { insertionFor, type ExplorerEntry } from './explorer';
import { GrafanaHint } from './GrafanaHint';
import { MetricExplorer } from './MetricExplorer';
import { PromQLEditor, type PromQLEditorHandle } from './PromQLEditor';
import { GraphView, TableView } from './QueryViews';

type View = 'graph' | 'table';

/**
 * The metrics explorer: a PromQL editor with completion against the project's Prometheus API, the
 * result as a graph over the time range or a table at its end, and the project's metrics beside it.
 * The query that ran, the view and the range live in the URL, so a link shows the same result.
 */
export function MetricsPage() {
  const projectId = useProjectId();
  const [params, setParams] = useSearchParams();
  const { range, setAbsolute, refresh } = useTimeRange('1h');
  const committed = params.get('q') ?? '';
  const view: View = params.get('tab') === 'table' ? 'table' : 'graph';
  const [draft, setDraft] = useState(committed);
  const editor = useRef<PromQLEditorHandle>(null);
  // Back/forward and shared links change the query that ran: the editor follows.
  useEffect(() => setDraft(committed), [committed]);

  const setParam = useCallback(
    (key: string, value: string | null, replace = false) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  const run = useCallback(() => {
    const text = draft.trim();
    // The same query again re-resolves a relative range to now; a new one goes into the URL (and history).
    if (text === committed) refresh();
    else setParam('q', text || null);
  }, [draft, committed, refresh, setParam]);

  const pick = (entry: ExplorerEntry) => {
    const text = insertionFor(entry, draft);
    if (draft.trim() === '') setDraft(text);
    else editor.current?.insert(text);
    editor.current?.focus();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>Metrics</Title>
        <Group gap="xs">
          <GrafanaHint projectId={projectId} />
          <TimeRangePicker fallback="1h" />
        </Group>
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="xs">
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <div style={{ flex: 1, minWidth: 0 }}>
                <PromQLEditor ref={editor} projectId={projectId} value={draft} onChange={setDraft} onRun={run} />
              </div>
              <Button leftSection={<IconPlayerPlay size={14} />} onClick={run} disabled={draft.trim() === ''}>
                Run
              </Button>
            </Group>
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">
                Shift+Enter runs the query · Ctrl+Space completes metric names, labels and functions
              </Text>
              {committed && <AddToDashboard projectId={projectId} query={committed} view={view} />}
            </Group>
            <Tabs value={view} onChange={(v) => setParam('tab', v === 'table' ? 'table' : null, true)}>
              <Tabs.List>
                <Tabs.Tab value="graph" leftSection={<IconChartLine size={14} />}>
                  Graph
                </Tabs.Tab>
                <Tabs.Tab value="table" leftSection={<IconTable size={14} />}>
                  Table
                </Tabs.Tab>
              </Tabs.List>
            </Tabs>
            {committed === '' ? (
              <EmptyState title="Write a PromQL query">
                Choose a metric on the right or start typing: completion knows this project&apos;s metric names, labels and values.
              </EmptyState>
            ) : view === 'graph' ? (
              <GraphView projectId={projectId} query={committed} from={range.from} to={range.to} onZoom={setAbsolute} />
            ) : (
              <TableView projectId={projectId} query={committed} time={range.to} maxHeight={600} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }} h={{ base: 420, md: 'calc(100vh - 140px)' }}>
          <MetricExplorer
            projectId={projectId}
            from={range.from}
            to={range.to}
            filter={params.get('explore') ?? ''}
            onFilterChange={(f) => setParam('explore', f || null, true)}
            onPick={pick}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
