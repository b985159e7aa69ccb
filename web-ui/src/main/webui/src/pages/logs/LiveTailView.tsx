import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Params } from '../../api/http';
import { EmptyState, ErrorState } from '../../components/states';
import { formatCount } from '../../lib/format';
import type { LogRecord } from './api';
import { LogList } from './LogList';
import { countNewer, TAIL_MAX_LINES } from './tail';
import { TAIL_POLL_MS, useLiveTail } from './useLiveTail';

/**
 * Live tail: new lines appear on top as they arrive. The view freezes while the user has scrolled
 * down or pressed Pause (lines keep arriving into the buffer), and shows how many are waiting.
 */
export function LiveTailView({
  projectId,
  filters,
  filterKey,
  words,
  onFilter,
  onTraceFilter,
}: {
  projectId: number;
  filters: Params;
  filterKey: string;
  words: string[];
  onFilter: (key: string, value: string) => void;
  onTraceFilter: (traceId: string) => void;
}) {
  const tail = useLiveTail(projectId, filters, filterKey, true);
  const [pausedByUser, setPausedByUser] = useState(false);
  const [atTop, setAtTop] = useState(true);
  const [frozen, setFrozen] = useState<LogRecord[] | null>(null);
  const [toTop, setToTop] = useState(0);
  const paused = pausedByUser || !atTop;

  useEffect(() => {
    if (paused && frozen === null) setFrozen(tail.lines);
    if (!paused && frozen !== null) setFrozen(null);
  }, [paused, frozen, tail.lines]);

  const shown = frozen ?? tail.lines;
  const waiting = frozen ? countNewer(tail.lines, frozen[0]) : 0;
  const resume = () => {
    setPausedByUser(false);
    setToTop((n) => n + 1);
    setAtTop(true);
  };

  return (
    <div>
      <Group justify="space-between" my="sm" gap="xs" wrap="wrap">
        <Group gap="xs">
          {paused ? (
            <Text size="sm" c="dimmed">
              Paused{!pausedByUser && ' while you scroll'}
              {waiting > 0 && ` · ${formatCount(waiting)} new line${waiting === 1 ? '' : 's'}`}
            </Text>
          ) : (
            <Group gap={6}>
              <Loader size={12} type="dots" />
              <Text size="sm" c="dimmed">
                Streaming new lines every {TAIL_POLL_MS / 1000} s · newest on top · keeps the last {formatCount(TAIL_MAX_LINES)}
              </Text>
            </Group>
          )}
        </Group>
        {paused ? (
          <Button size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={resume}>
            {waiting > 0 ? 'Show new lines' : 'Resume'}
          </Button>
        ) : (
          <Button size="xs" variant="default" leftSection={<IconPlayerPause size={14} />} onClick={() => setPausedByUser(true)}>
            Pause
          </Button>
        )}
      </Group>
      {tail.overflow && (
        <Alert color="yellow" variant="light" p="xs" mb="xs">
          Lines arrive faster than live tail can show: some were skipped. Add filters to narrow the stream.
        </Alert>
      )}
      {tail.error != null && <ErrorState error={tail.error} />}
      {tail.lastPollAt === null && tail.error == null ? (
        <Group justify="center" py="xl">
          <Loader size="sm" />
        </Group>
      ) : shown.length === 0 ? (
        <EmptyState title="Waiting for log lines…">Lines matching the filters appear here as soon as they are stored.</EmptyState>
      ) : (
        <LogList
          logs={shown}
          projectId={projectId}
          words={words}
          onAtTopChange={setAtTop}
          scrollToTopSignal={toTop}
          onFilter={onFilter}
          onTraceFilter={onTraceFilter}
        />
      )}
    </div>
  );
}
