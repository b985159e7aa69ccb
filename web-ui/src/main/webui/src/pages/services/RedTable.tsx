import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTimeline } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, formatDuration, formatPercent } from '../../lib/format';
import type { RedFigures } from './api';
import { errorRateColor, formatRequestRate, RED_SORTS, sortRed, type RedOrder, type RedSort } from './red';

const NUMERIC: RedSort[] = ['requestRate', 'errorRate', 'p50Ms', 'p95Ms', 'p99Ms', 'spanCount'];

/**
 * Rate, errors and duration per service or per operation. Columns sort (the order lives in the
 * URL); each row links to its traces.
 */
export function RedTable({
  rows,
  order,
  onOrder,
  nameLabel,
  renderName,
  tracesLink,
  selected,
  ariaLabel,
}: {
  rows: RedFigures[];
  order: RedOrder;
  onOrder: (key: RedSort) => void;
  nameLabel: string;
  renderName: (row: RedFigures) => ReactNode;
  tracesLink: (row: RedFigures) => string;
  selected?: string | null;
  ariaLabel: string;
}) {
  const sorted = sortRed(rows, order.key, order.desc);
  const header = (key: RedSort, label: string) => {
    const active = order.key === key;
    return (
      <Table.Th
        key={key}
        ta={key === 'name' ? undefined : 'right'}
        aria-sort={active ? (order.desc ? 'descending' : 'ascending') : 'none'}
      >
        <UnstyledButton onClick={() => onOrder(key)} fz="sm" fw={600}>
          <Group gap={2} wrap="nowrap" justify={key === 'name' ? 'flex-start' : 'flex-end'}>
            {label}
            {active && (order.desc ? <IconArrowDown size={12} /> : <IconArrowUp size={12} />)}
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover aria-label={ariaLabel}>
        <Table.Thead>
          <Table.Tr>
            {header('name', nameLabel)}
            {NUMERIC.map((key) => header(key, RED_SORTS[key]))}
            <Table.Th w={70} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.name} bg={selected === row.name ? 'var(--mantine-color-blue-light)' : undefined}>
              <Table.Td maw={360}>{renderName(row)}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatRequestRate(row.requestRate)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                <Text span c={errorRateColor(row.errorRate) === 'green' ? undefined : errorRateColor(row.errorRate)} fw={row.errorRate >= 0.05 ? 600 : undefined} size="sm">
                  {formatPercent(row.errorRate)}
                </Text>
                {row.errorCount > 0 && (
                  <Text span c="dimmed" size="xs">
                    {' '}
                    ({formatCount(row.errorCount)})
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatDuration(row.p50Ms)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatDuration(row.p95Ms)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatDuration(row.p99Ms)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatCount(row.spanCount)}
              </Table.Td>
              <Table.Td ta="right">
                <Anchor component={Link} to={tracesLink(row)} size="xs" aria-label={`Traces of ${row.name}`}>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <IconTimeline size={14} /> Traces
                  </Group>
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
