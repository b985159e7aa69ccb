import { Group, Paper, SegmentedControl, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { TimeSeriesChart } from '../../../components/TimeSeriesChart';
import { formatCount } from '../../../lib/format';
import type { IssueDetail } from '../api';

/** Events per hour over the last 24 hours, or per day over 30 days (`chart=30d` in the URL). */
export function IssueCountsChart({ issue }: { issue: IssueDetail }) {
  const [params, setParams] = useSearchParams();
  const period = params.get('chart') === '30d' ? '30d' : '24h';
  const buckets = period === '30d' ? issue.dailyStats : issue.stats;
  const x = useMemo(() => buckets.map((b) => b.t), [buckets]);
  const series = useMemo(() => [{ label: 'Events', values: buckets.map((b) => b.count), color: '#fa5252' }], [buckets]);
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={700}>
          Events{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            {formatCount(total)} in the last {period === '30d' ? '30 days' : '24 hours'}
          </Text>
        </Text>
        <SegmentedControl
          size="xs"
          aria-label="Chart period"
          value={period}
          onChange={(v) =>
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                if (v === '30d') next.set('chart', '30d');
                else next.delete('chart');
                return next;
              },
              { replace: true },
            )
          }
          data={[
            { value: '24h', label: '24 hours' },
            { value: '30d', label: '30 days' },
          ]}
        />
      </Group>
      <TimeSeriesChart x={x} series={series} kind="bars" height={120} formatValue={formatCount} ariaLabel={`Events per ${period === '30d' ? 'day' : 'hour'}`} />
    </Paper>
  );
}
