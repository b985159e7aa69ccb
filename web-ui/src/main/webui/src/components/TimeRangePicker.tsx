import { ActionIcon, Button, Group, Menu, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconCalendar, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { PRESETS, rangeLabel } from '../lib/timeRange';
import { useTimeRange } from '../lib/useTimeRange';

function toLocalInput(d: Date): string {
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Preset or custom time window, kept in the URL; presets wider than maxPreset are hidden. */
export function TimeRangePicker({ fallback, presets = PRESETS }: { fallback: string; presets?: readonly string[] }) {
  const { range, setRelative, setAbsolute, refresh } = useTimeRange(fallback);
  const [from, setFrom] = useState(toLocalInput(range.from));
  const [to, setTo] = useState(toLocalInput(range.to));
  return (
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-end" withinPortal closeOnItemClick={false}>
        <Menu.Target>
          <Button variant="default" size="xs" leftSection={<IconCalendar size={14} />} aria-label="Time range">
            {rangeLabel(range)}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {presets.map((p) => (
            <Menu.Item key={p} onClick={() => setRelative(p)} fw={range.relative === p ? 700 : undefined}>
              Last {p}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Stack gap={4} p="xs">
            <TextInput size="xs" type="datetime-local" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput size="xs" type="datetime-local" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <Button
              size="xs"
              onClick={() => {
                const f = new Date(from);
                const t = new Date(to);
                if (!Number.isNaN(f.getTime()) && !Number.isNaN(t.getTime()) && f < t) setAbsolute(f, t);
              }}
            >
              Apply
            </Button>
          </Stack>
        </Menu.Dropdown>
      </Menu>
      <Tooltip label="Refresh">
        <ActionIcon variant="default" size="md" onClick={refresh} aria-label="Refresh">
          <IconRefresh size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
