import { ActionIcon, Anchor, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TimeRangePicker } from '../../components/TimeRangePicker';
import type { TimeRange } from '../../lib/timeRange';
import { projectPath, useProjectId } from '../../lib/projects';
import { useTimeRange } from '../../lib/useTimeRange';
import { ServiceDot } from '../traces/ServiceTag';
import { useServiceMap, useServices, type RedFigures } from './api';
import { OperationsPanel } from './OperationsPanel';
import { formatRedOrder, nextRedOrder, parseRedOrder } from './red';
import { RedTable } from './RedTable';
import { ServiceMap } from './ServiceMap';

/** query-service answers at most 7 days (vigil.query.max-range). */
const PRESETS = ['15m', '1h', '6h', '24h', '7d'] as const;

/** The Traces page's search for a service (and operation) over the same time range. */
export function tracesLink(projectId: number, range: TimeRange, service: string, operation?: string): string {
  const params = new URLSearchParams({ service });
  if (operation) params.set('operation', operation);
  if (range.relative) params.set('range', range.relative);
  else {
    params.set('from', range.from.toISOString());
    params.set('to', range.to.toISOString());
  }
  return `${projectPath(projectId, 'traces')}?${params}`;
}

/** This page's URL with a service selected (a real link: it opens in a new tab too). */
function withService(params: URLSearchParams, service: string): string {
  const next = new URLSearchParams(params);
  next.set('service', service);
  return next.toString();
}

/** RED figures per service and operation, and the dependency map, for a time range. */
export function ServicesPage() {
  const projectId = useProjectId();
  const [params, setParams] = useSearchParams();
  const { range } = useTimeRange('1h');
  const queryWindow = useMemo(() => ({ from: range.from, to: range.to }), [range.from, range.to]);
  const services = useServices(projectId, queryWindow);
  const map = useServiceMap(projectId, queryWindow);
  const selected = params.get('service');
  const filter = params.get('q') ?? '';
  const order = parseRedOrder(params.get('sort'));

  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'q' },
    );
  const select = (service: string | null) => set('service', service === selected ? null : service);
  const rows = (services.data?.services ?? []).filter((s) => s.name.toLowerCase().includes(filter.toLowerCase()));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>Services</Title>
        <TimeRangePicker fallback="1h" presets={PRESETS} />
      </Group>
      {services.isPending ? (
        <LoadingState label="Loading services…" />
      ) : services.isError ? (
        <ErrorState error={services.error} onRetry={() => services.refetch()} />
      ) : services.data.services.length === 0 ? (
        <EmptyState title="No services in this time range">
          Services appear once their spans arrive (entry spans, of kind server or consumer, or roots, give the figures).{' '}
          <Anchor component={Link} to={projectPath(projectId, 'getting-started')}>
            Getting started
          </Anchor>{' '}
          shows how to send traces with OpenTelemetry.
        </EmptyState>
      ) : (
        <>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb={4}>
              <Text size="sm" c="dimmed">
                Requests, errors and duration of entry spans (server, consumer or root) per service.
              </Text>
              <TextInput
                size="xs"
                w={220}
                placeholder="Filter services"
                aria-label="Filter services"
                leftSection={<IconSearch size={14} />}
                value={filter}
                onChange={(e) => set('q', e.currentTarget.value || null)}
              />
            </Group>
            <RedTable
              ariaLabel="Services"
              rows={rows}
              order={order}
              onOrder={(key) => set('sort', formatRedOrder(nextRedOrder(order, key)))}
              nameLabel="Service"
              selected={selected}
              renderName={(row: RedFigures) => (
                <Anchor
                  component={Link}
                  to={`?${withService(params, row.name)}`}
                  c="var(--mantine-color-text)"
                  aria-current={row.name === selected ? 'true' : undefined}
                  style={{ display: 'block', maxWidth: '100%' }}
                >
                  <ServiceDot service={row.name} />
                </Anchor>
              )}
              tracesLink={(row) => tracesLink(projectId, range, row.name)}
            />
            {rows.length === 0 && (
              <Text size="sm" c="dimmed" ta="center" py="sm">
                No service matches “{filter}”.
              </Text>
            )}
          </Paper>
          {selected && (
            <OperationsPanel
              projectId={projectId}
              service={selected}
              window={queryWindow}
              tracesLink={(operation) => tracesLink(projectId, range, selected, operation)}
              onClose={() => select(null)}
            />
          )}
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Title order={5}>Dependencies</Title>
              {selected && (
                <Group gap={4}>
                  <Text size="xs" c="dimmed">
                    Showing calls of {selected}
                  </Text>
                  <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => select(null)} aria-label="Clear the selected service">
                    <IconX size={14} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
            {map.isPending ? (
              <LoadingState label="Loading the service map…" />
            ) : map.isError ? (
              <ErrorState error={map.error} onRetry={() => map.refetch()} />
            ) : map.data.edges.length === 0 ? (
              <EmptyState title="No calls between services in this range">
                The map links a span to its parent when the two come from different services, so both services must
                send their spans with the trace context propagated.
              </EmptyState>
            ) : (
              <ServiceMap map={map.data} red={services.data.services} selected={selected} onSelect={select} />
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
