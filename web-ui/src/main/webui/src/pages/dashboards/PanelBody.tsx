import { Anchor, Badge, Group, ScrollArea, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Sparkline } from '../../components/Sparkline';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TimeSeriesChart } from '../../components/TimeSeriesChart';
import { formatCount, formatDuration, formatPercent, formatRate, timeAgo } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import { GraphView, TableView } from '../metrics/QueryViews';
import type { Panel } from './api';
import { logVolumeSeries, useIssuePanel, useLogVolumePanel, useRedPanel, useTracePanel } from './panelData';
import { ScatterNote, TraceScatter } from './TraceScatter';

export interface PanelProps {
  projectId: number;
  panel: Panel;
  from: Date;
  to: Date;
  /** Pixels available for the panel's content. */
  height: number;
  onZoom?: (from: Date, to: Date) => void;
}

/** What a panel shows, by kind and view. */
export function PanelBody(props: PanelProps) {
  const { projectId, panel, from, to, height, onZoom } = props;
  switch (panel.kind) {
    case 'promql':
      return panel.view === 'table' ? (
        <TableView projectId={projectId} query={panel.query} time={to} maxHeight={height} />
      ) : (
        <GraphView projectId={projectId} query={panel.query} from={from} to={to} height={height - 24} onZoom={onZoom} showStep={false} />
      );
    case 'issues':
      return <IssuesPanel {...props} />;
    case 'traces':
      return panel.view === 'red' ? <RedPanel {...props} /> : <TraceDurationsPanel {...props} />;
    case 'logs':
      return <LogVolumePanel {...props} />;
  }
}

function IssuesPanel({ projectId, panel, from, to, height }: PanelProps) {
  const query = useIssuePanel(projectId, panel, from, to);
  return (
    <Rows query={query} empty="No issues match in this time range">
      {(issues) => (
        <PanelTable height={height} label={panel.title || 'Issues'} columns={ISSUE_COLUMNS}>
          {issues.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td maw={0} w="100%">
                <Group gap={4} wrap="nowrap">
                  {i.isNew && <Badge size="xs" color="green" style={{ flexShrink: 0 }}>new</Badge>}
                  {i.isRegressed && <Badge size="xs" color="orange" style={{ flexShrink: 0 }}>regressed</Badge>}
                  <Anchor component={Link} to={projectPath(projectId, 'issues', i.id)} size="xs" fw={600} truncate="end">
                    {i.title}
                  </Anchor>
                </Group>
                <Text size="xs" c="dimmed" truncate="end">
                  {i.culprit || '—'} · {timeAgo(i.lastSeen)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatCount(i.count)}</Table.Td>
              <Table.Td ta="right">{formatCount(i.userCount)}</Table.Td>
              <Table.Td visibleFrom="md">
                <Sparkline values={i.stats.map((s) => s.count)} width={80} height={20} />
              </Table.Td>
            </Table.Tr>
          ))}
        </PanelTable>
      )}
    </Rows>
  );
}

function TraceDurationsPanel({ projectId, panel, from, to, height }: PanelProps) {
  const query = useTracePanel(projectId, panel, from, to);
  return (
    <Rows query={query} empty="No traces match in this time range">
      {(traces) => (
        <div>
          <TraceScatter projectId={projectId} traces={traces} from={from} to={to} height={height - 20} />
          <ScatterNote count={traces.length} />
        </div>
      )}
    </Rows>
  );
}

function RedPanel({ projectId, panel, from, to, height }: PanelProps) {
  const query = useRedPanel(projectId, panel, from, to);
  return (
    <Rows query={query} empty="No requests in this time range">
      {(rows) => (
        <PanelTable height={height} label={panel.title || 'Rate, errors and duration'} columns={RED_COLUMNS}>
          {rows.map((r) => (
            <Table.Tr key={r.name}>
              <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                {r.name}
              </Table.Td>
              <Table.Td ta="right">{formatRate(r.requestRate)}</Table.Td>
              <Table.Td ta="right" c={r.errorRate > 0 ? 'red' : undefined}>
                {formatPercent(r.errorRate)}
              </Table.Td>
              <Table.Td ta="right">{formatDuration(r.p50Ms)}</Table.Td>
              <Table.Td ta="right">{formatDuration(r.p95Ms)}</Table.Td>
              <Table.Td ta="right">{formatDuration(r.p99Ms)}</Table.Td>
            </Table.Tr>
          ))}
        </PanelTable>
      )}
    </Rows>
  );
}

/** A panel query's loading, error and empty states; its rows go to children once there are some. */
function Rows<T>({ query, empty, children }: { query: UseQueryResult<T[]>; empty: string; children: (rows: T[]) => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0) return <EmptyState title={empty} />;
  return <>{children(query.data)}</>;
}

interface Column {
  label: string;
  numeric?: boolean;
  /** Hidden on narrow screens. */
  wide?: boolean;
}

const ISSUE_COLUMNS: Column[] = [{ label: 'Issue' }, { label: 'Events', numeric: true }, { label: 'Users', numeric: true }, { label: 'Trend', wide: true }];
const RED_COLUMNS: Column[] = [{ label: 'Name' }, ...['Rate', 'Errors', 'p50', 'p95', 'p99'].map((label) => ({ label, numeric: true }))];

/** A compact table that scrolls within the panel's height. */
function PanelTable({ height, label, columns, children }: { height: number; label: string; columns: Column[]; children: ReactNode }) {
  return (
    <ScrollArea.Autosize mah={height} type="auto">
      <Table verticalSpacing={4} fz="xs" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.label} ta={c.numeric ? 'right' : undefined} visibleFrom={c.wide ? 'md' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

function LogVolumePanel({ projectId, panel, from, to, height, onZoom }: PanelProps) {
  const volume = useLogVolumePanel(projectId, panel, from, to);
  const chart = useMemo(() => {
    if (!volume.data) return null;
    const s = logVolumeSeries(volume.data.buckets);
    return {
      x: s.x,
      series: [
        { label: 'All records', values: s.total, color: '#74c0fc' },
        { label: 'Error and above', values: s.errors, color: '#fa5252' },
      ],
    };
  }, [volume.data]);
  if (volume.isPending) return <LoadingState />;
  if (volume.isError) return <ErrorState error={volume.error} onRetry={() => volume.refetch()} />;
  if (!chart || chart.series[0].values.every((v) => v === 0)) return <EmptyState title="No log records in this time range" />;
  return (
    <TimeSeriesChart
      x={chart.x}
      series={chart.series}
      kind="bars"
      height={height - 30}
      formatValue={(v) => formatCount(Math.round(v))}
      onZoom={onZoom ? (f, t) => onZoom(new Date(f * 1000), new Date(t * 1000)) : undefined}
      ariaLabel={`Log volume${panel.title ? ` of ${panel.title}` : ''}`}
    />
  );
}
