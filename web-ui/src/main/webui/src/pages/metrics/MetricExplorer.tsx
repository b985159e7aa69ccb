import { Badge, Group, Paper, ScrollArea, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useMetricMetadata, useMetricNames } from './api';
import { explorerEntries, type ExplorerEntry } from './explorer';
import classes from './MetricExplorer.module.css';

const ROW_HEIGHT = 54;

/**
 * The metrics of the project in the time range, with type, unit and help; choosing one puts it into
 * the query. A virtual list: projects with thousands of metric names stay fast.
 */
export function MetricExplorer({
  projectId,
  from,
  to,
  filter,
  onFilterChange,
  onPick,
}: {
  projectId: number;
  from: Date;
  to: Date;
  filter: string;
  onFilterChange: (filter: string) => void;
  onPick: (entry: ExplorerEntry) => void;
}) {
  const names = useMetricNames(projectId, from, to);
  const metadata = useMetricMetadata(projectId);
  const entries = useMemo(() => explorerEntries(names.data?.data ?? [], metadata.data?.data, filter), [names.data, metadata.data, filter]);
  return (
    <Paper withBorder p="xs" h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" gap={4}>
          <Text fw={600} size="sm">
            Metrics
          </Text>
          {names.data && (
            <Text size="xs" c="dimmed">
              {entries.length === names.data.data.length ? names.data.data.length : `${entries.length} of ${names.data.data.length}`}
            </Text>
          )}
        </Group>
        <TextInput
          size="xs"
          placeholder="Filter by name or help"
          aria-label="Filter metrics"
          leftSection={<IconSearch size={14} />}
          value={filter}
          onChange={(e) => onFilterChange(e.currentTarget.value)}
        />
        {names.isPending ? (
          <LoadingState />
        ) : names.isError ? (
          <ErrorState error={names.error} onRetry={() => names.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState title={filter ? 'No metric matches' : 'No metrics in this time range'}>
            {filter ? 'Try fewer words.' : 'Send OTLP metrics to this project, or widen the time range.'}
          </EmptyState>
        ) : (
          <MetricList entries={entries} onPick={onPick} />
        )}
      </Stack>
    </Paper>
  );
}

function MetricList({ entries, onPick }: { entries: ExplorerEntry[]; onPick: (entry: ExplorerEntry) => void }) {
  const viewport = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => viewport.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  return (
    <ScrollArea viewportRef={viewport} style={{ flex: 1 }} type="auto" aria-label="Metric names">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const e = entries[item.index];
          return (
            <UnstyledButton
              key={e.name}
              className={classes.row}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              onClick={() => onPick(e)}
              aria-label={`Use ${e.name}`}
            >
              <Group gap={4} wrap="nowrap" justify="space-between">
                {/* Cut at the start: the suffix (_bucket, _count, _total) is what tells names apart. */}
                <Text ff="monospace" size="xs" truncate="start" title={e.name}>
                  {e.name}
                </Text>
                {e.type && (
                  <Badge size="xs" variant="light" color={typeColor(e.type)} style={{ flexShrink: 0 }}>
                    {e.type}
                  </Badge>
                )}
              </Group>
              <Tooltip label={e.help} disabled={!e.help} multiline maw={320} openDelay={400}>
                <Text size="xs" c="dimmed" truncate="end">
                  {e.help || '—'}
                  {e.unit && e.unit !== '1' ? ` (${e.unit})` : ''}
                </Text>
              </Tooltip>
            </UnstyledButton>
          );
        })}
      </div>
    </ScrollArea>
  );
}

function typeColor(type: string): string {
  return { counter: 'blue', gauge: 'teal', histogram: 'grape', summary: 'orange' }[type] ?? 'gray';
}
