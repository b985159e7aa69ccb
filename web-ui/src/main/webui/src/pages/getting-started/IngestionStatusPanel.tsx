import { Alert, Anchor, Group, Loader, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/states';
import { formatTimestamp, timeAgo } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import type { IngestionStatus } from './api';
import { anyArrived, signalStates, WAITING_POLL_MS } from './status';

/**
 * "Waiting for the first event": what has arrived so far, per kind of data, turning green (with a
 * link to where it shows) as soon as the first of each is stored.
 */
export function IngestionStatusPanel({
  projectId,
  status,
  error,
}: {
  projectId: number;
  status: IngestionStatus | undefined;
  error: unknown;
}) {
  const receiving = anyArrived(status);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Status</Title>
        {error != null && !status ? (
          <ErrorState error={error} />
        ) : !status ? (
          <Loader size="sm" />
        ) : receiving ? (
          <Alert color="green" icon={<IconCheck size={16} />} title="Vigil is receiving data" p="xs">
            Data from this project has arrived. Keep this page open to watch more kinds arrive.
          </Alert>
        ) : (
          <Alert color="blue" icon={<Loader size={16} />} title="Waiting for the first event…" p="xs" role="status">
            Set up an SDK below and run your application: this turns green within seconds of the first
            error, span, log line or metric (checked every {WAITING_POLL_MS / 1000} s).
          </Alert>
        )}
        {status && (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
            {signalStates(status).map((s) => (
              <Group key={s.id} gap="xs" wrap="nowrap" align="flex-start" data-testid={`signal-${s.id}`} data-arrived={s.lastAt ? 'yes' : 'no'}>
                <ThemeIcon size="md" radius="xl" color={s.lastAt ? 'green' : 'gray'} variant={s.lastAt ? 'filled' : 'light'}>
                  {s.lastAt ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
                </ThemeIcon>
                <div>
                  <Text size="sm" fw={600}>
                    {s.label}
                  </Text>
                  {s.lastAt ? (
                    <Text size="xs" c="dimmed" title={formatTimestamp(s.lastAt)}>
                      last {timeAgo(s.lastAt)} ·{' '}
                      <Anchor component={Link} to={projectPath(projectId, s.section)} size="xs">
                        view
                      </Anchor>
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      none yet · {s.via}
                    </Text>
                  )}
                </div>
              </Group>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
