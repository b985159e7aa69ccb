import { Anchor, Badge, Box, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconExternalLink } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { projectPath, useProjectId } from '../../lib/projects';
import { TRACE_LOG_LIMIT, useTrace, type LogRecord, type TraceDetail } from './api';
import { LogLines } from './LogLines';
import { SpanDetail } from './SpanDetail';
import { TraceHeader } from './TraceHeader';
import { useTraceView } from './useTraceView';
import { Waterfall } from './Waterfall';
import { WaterfallToolbar } from './WaterfallToolbar';

const PANEL_HEIGHT = 'max(420px, calc(100vh - 330px))';
/** The logs endpoint's window for a trace: a minute either side (clock skew), as query-service reads them. */
const LOG_MARGIN_MS = 60_000;

/** One trace: header, waterfall with critical path and errors, span details, and the trace's logs. */
export function TraceViewPage() {
  const projectId = useProjectId();
  const { traceId = '' } = useParams();
  const trace = useTrace(projectId, traceId);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={projectPath(projectId, 'traces')} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Traces
        </Group>
      </Anchor>
      {trace.isPending ? (
        <LoadingState label="Loading trace…" />
      ) : trace.isError ? (
        <ErrorState error={trace.error} onRetry={() => trace.refetch()} />
      ) : trace.data.spans.length === 0 ? (
        <EmptyState title="This trace has no spans">Its spans may still be on their way; try again in a moment.</EmptyState>
      ) : (
        <TraceView key={trace.data.traceId} projectId={projectId} trace={trace.data} />
      )}
    </Stack>
  );
}

function TraceView({ projectId, trace }: { projectId: number; trace: TraceDetail }) {
  const state = useTraceView(trace);
  const wide = useMediaQuery('(min-width: 75em)');
  const logsBySpan = useMemo(() => {
    const map = new Map<string, LogRecord[]>();
    for (const log of trace.logs) if (log.spanId) map.set(log.spanId, [...(map.get(log.spanId) ?? []), log]);
    return map;
  }, [trace.logs]);
  const matched = useMemo(() => new Set(state.matches), [state.matches]);
  const model = state.model!;
  const spanName = (spanId: string) => {
    const i = model.indexById.get(spanId);
    return i === undefined ? null : `${model.rows[i].span.service}: ${model.rows[i].span.name}`;
  };
  const logsLink =
    `${projectPath(projectId, 'logs')}?traceId=${trace.traceId}` +
    `&from=${new Date(Date.parse(trace.start) - LOG_MARGIN_MS).toISOString()}&to=${new Date(Date.parse(trace.end) + LOG_MARGIN_MS).toISOString()}`;
  const selected = state.selectedIndex;

  return (
    <>
      <TraceHeader projectId={projectId} trace={trace} model={model} onSelect={state.select} />
      <Tabs value={state.tab} onChange={(t) => state.setTab(t === 'logs' ? 'logs' : 'waterfall')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="waterfall">Waterfall</Tabs.Tab>
          <Tabs.Tab value="logs" rightSection={<Badge size="xs" variant="light" color="gray">{trace.logs.length}</Badge>}>
            Logs
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="waterfall" pt="xs">
          <WaterfallToolbar state={state} />
          <Box style={{ display: 'flex', flexDirection: wide ? 'row' : 'column', gap: 'var(--mantine-spacing-xs)' }} mt="xs">
            <Box style={{ flex: 1, minWidth: 0 }}>
              <Waterfall
                model={model}
                critical={state.critical}
                collapsed={state.collapsed}
                onToggle={state.toggle}
                selectedIndex={selected}
                onSelect={state.selectIndex}
                matched={matched}
                view={state.view}
                onZoom={state.setView}
                height={PANEL_HEIGHT}
              />
            </Box>
            {selected !== null && (
              <Box style={{ width: wide ? 460 : '100%', flexShrink: 0 }}>
                <SpanDetail
                  projectId={projectId}
                  model={model}
                  index={selected}
                  logs={logsBySpan.get(model.rows[selected].span.spanId) ?? []}
                  onSelect={state.select}
                  onClose={() => state.select(null)}
                  height={wide ? `calc(${PANEL_HEIGHT} + 30px)` : 600}
                />
              </Box>
            )}
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="xs">
          <Group justify="space-between" mb="xs">
            <Text size="sm" c="dimmed">
              {trace.logs.length === 0
                ? 'No log records carry this trace id.'
                : trace.logs.length >= TRACE_LOG_LIMIT
                  ? `The first ${TRACE_LOG_LIMIT} log records with this trace id; open the Logs page for all of them.`
                  : `${trace.logs.length} log records with this trace id, oldest first. Select a span name to see it in the waterfall.`}
            </Text>
            <Button component={Link} to={logsLink} size="xs" variant="default" rightSection={<IconExternalLink size={14} />}>
              Open in Logs
            </Button>
          </Group>
          {trace.logs.length > 0 && (
            <Box style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
              <LogLines logs={trace.logs} traceStartUs={model.startUs} onSpan={state.select} spanName={spanName} maxHeight={PANEL_HEIGHT} />
            </Box>
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
