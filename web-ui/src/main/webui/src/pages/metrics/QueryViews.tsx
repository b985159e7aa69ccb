import { Alert, Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { EmptyState, LoadingState } from '../../components/states';
import { TimeSeriesChart } from '../../components/TimeSeriesChart';
import { usePromInstant, usePromRange } from './api';
import { alignMatrix, chooseStep, formatSampleValue, formatStep, tableRows } from './promql';

/** Most series drawn in one chart: beyond that, lines are unreadable and the legend buries the plot. */
export const MAX_CHART_SERIES = 100;
/** Most rows listed by the table view. */
export const MAX_TABLE_ROWS = 500;

/** A query's failure where the result would be: Prometheus's error text (parse errors name the position). */
export function QueryError({ error }: { error: unknown }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="Query failed" role="alert">
      <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap' }}>
        {error instanceof Error ? error.message : String(error)}
      </Text>
    </Alert>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconInfoCircle size={16} />} py={4}>
      <Text size="xs">{warnings.join('; ')}</Text>
    </Alert>
  );
}

/** The graph view: a range query over [from, to] with a step for 400-1000 points, one line per series. */
export function GraphView({
  projectId,
  query,
  from,
  to,
  height = 300,
  onZoom,
  showStep = true,
}: {
  projectId: number;
  query: string;
  from: Date;
  to: Date;
  height?: number;
  onZoom?: (from: Date, to: Date) => void;
  showStep?: boolean;
}) {
  const step = chooseStep(from, to);
  const result = usePromRange(projectId, query, from, to, step);
  const chart = useMemo(() => {
    const r = result.data;
    if (!r || r.data.resultType !== 'matrix') return null;
    return alignMatrix(r.data.result.slice(0, MAX_CHART_SERIES), r.start, r.end, r.step);
  }, [result.data]);
  if (result.isPending) return <LoadingState label="Running query…" />;
  if (result.isError) return <QueryError error={result.error} />;
  const data = result.data;
  if (data.data.resultType !== 'matrix') {
    return <QueryError error={`A graph needs a range result, the query returned a ${data.data.resultType}.`} />;
  }
  const total = data.data.result.length;
  return (
    <div>
      <Warnings warnings={data.warnings} />
      {total === 0 || !chart ? (
        <EmptyState title="No data points">The query matched no series in this time range.</EmptyState>
      ) : (
        <TimeSeriesChart
          x={chart.x}
          series={chart.series}
          height={height}
          formatValue={formatSampleValue}
          onZoom={onZoom ? (f, t) => onZoom(new Date(f * 1000), new Date(t * 1000)) : undefined}
          ariaLabel={`Graph of ${query}`}
        />
      )}
      {(showStep || total > MAX_CHART_SERIES) && (
        <Group gap="md" mt={4}>
          {showStep && (
            <Text size="xs" c="dimmed">
              Step {formatStep(step)} · {total} series
            </Text>
          )}
          {total > MAX_CHART_SERIES && (
            <Text size="xs" c="orange">
              Showing the first {MAX_CHART_SERIES} of {total} series; aggregate the query (sum by …) to see all.
            </Text>
          )}
        </Group>
      )}
    </div>
  );
}

/** The table view: an instant query at `time`, one row per series with its labels and value. */
export function TableView({ projectId, query, time, maxHeight }: { projectId: number; query: string; time: Date; maxHeight?: number }) {
  const result = usePromInstant(projectId, query, time);
  const rows = useMemo(() => (result.data ? tableRows(result.data.data) : []), [result.data]);
  if (result.isPending) return <LoadingState label="Running query…" />;
  if (result.isError) return <QueryError error={result.error} />;
  if (rows.length === 0) return <EmptyState title="No series">The query matched no series at this time.</EmptyState>;
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  return (
    <div>
      <Warnings warnings={result.data.warnings} />
      <ScrollArea.Autosize mah={maxHeight} type="auto">
        <Table striped highlightOnHover verticalSpacing={4} fz="xs" aria-label={`Result of ${query}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Series</Table.Th>
              <Table.Th ta="right" w={160}>
                Value
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {r.label}
                </Table.Td>
                <Table.Td ff="monospace" ta="right" style={{ whiteSpace: 'pre' }}>
                  {r.value}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {rows.length > MAX_TABLE_ROWS && (
        <Text size="xs" c="orange" mt={4}>
          Showing {MAX_TABLE_ROWS} of {rows.length} series; narrow the query to see the rest.
        </Text>
      )}
    </div>
  );
}
