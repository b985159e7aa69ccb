import { Anchor, Badge, Group, ScrollArea, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
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
  const issues = useIssuePanel(projectId, panel, from, to);
  if (issues.isPending) return <LoadingState />;
  if (issues.isError) return <ErrorState error={issues.error} onRetry={() => issues.refetch()} />;
  if (issues.data.length === 0) return <EmptyState title="No issues match in this time range" />;
  return (
    <ScrollArea.Autosize mah={height} type="auto">
      <Table verticalSpacing={4} fz="xs" highlightOnHover aria-label={panel.title || 'Issues'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Issue</Table.Th>
            <Table.Th ta="right">Events</Table.Th>
            <Table.Th ta="right">Users</Table.Th>
            <Table.Th visibleFrom="md">Trend</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.data.map((i) => (
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
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

function TraceDurationsPanel({ projectId, panel, from, to, height }: PanelProps) {
  const traces = useTracePanel(projectId, panel, from, to);
  if (traces.isPending) return <LoadingState />;
  if (traces.isError) return <ErrorState error={traces.error} onRetry={() => traces.refetch()} />;
  if (traces.data.length === 0) return <EmptyState title="No traces match in this time range" />;
  return (
    <div>
      <TraceScatter projectId={projectId} traces={traces.data} from={from} to={to} height={height - 20} />
      <ScatterNote count={traces.data.length} />
    </div>
  );
}

function RedPanel({ projectId, panel, from, to, height }: PanelProps) {
  const rows = useRedPanel(projectId, panel, from, to);
  if (rows.isPending) return <LoadingState />;
  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  if (rows.data.length === 0) return <EmptyState title="No requests in this time range" />;
  return (
    <ScrollArea.Autosize mah={height} type="auto">
      <Table verticalSpacing={4} fz="xs" highlightOnHover aria-label={panel.title || 'Rate, errors and duration'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th ta="right">Rate</Table.Th>
            <Table.Th ta="right">Errors</Table.Th>
            <Table.Th ta="right">p50</Table.Th>
            <Table.Th ta="right">p95</Table.Th>
            <Table.Th ta="right">p99</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data.map((r) => (
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
        </Table.Tbody>
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
