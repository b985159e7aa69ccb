import { ActionIcon, Group, Paper, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import { ServiceDot } from '../traces/ServiceTag';
import { useOperations, type QueryWindow } from './api';
import { formatRedOrder, nextRedOrder, parseRedOrder } from './red';
import { RedTable } from './RedTable';

/** RED figures per operation (entry span name) of the selected service, each linking to its traces. */
export function OperationsPanel({
  projectId,
  service,
  window,
  tracesLink,
  onClose,
}: {
  projectId: number;
  service: string;
  window: QueryWindow;
  tracesLink: (operation: string) => string;
  onClose: () => void;
}) {
  const [params, setParams] = useSearchParams();
  const operations = useOperations(projectId, service, window);
  const order = parseRedOrder(params.get('opSort'));
  return (
    <Paper withBorder p="sm" aria-label={`Operations of ${service}`} component="section">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>Operations of</Title>
          <ServiceDot service={service} />
        </Group>
        <ActionIcon size="sm" variant="subtle" color="gray" onClick={onClose} aria-label="Close operations">
          <IconX size={14} />
        </ActionIcon>
      </Group>
      {operations.isPending ? (
        <LoadingState label="Loading operations…" />
      ) : operations.isError ? (
        <ErrorState error={operations.error} onRetry={() => operations.refetch()} />
      ) : operations.data.operations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {service} has no entry spans (server, consumer or root) in this range; its spans are calls made from other
          services&apos; requests. Its traces are still searchable.
        </Text>
      ) : (
        <RedTable
          ariaLabel={`Operations of ${service}`}
          rows={operations.data.operations}
          order={order}
          onOrder={(key) =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              next.set('opSort', formatRedOrder(nextRedOrder(order, key)));
              return next;
            })
          }
          nameLabel="Operation"
          renderName={(row) => (
            <Text size="sm" truncate="end" title={row.name}>
              {row.name}
            </Text>
          )}
          tracesLink={(row) => tracesLink(row.name)}
        />
      )}
    </Paper>
  );
}
