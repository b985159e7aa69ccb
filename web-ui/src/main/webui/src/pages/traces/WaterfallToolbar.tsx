import { ActionIcon, Box, Button, Group, Menu, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconListTree, IconSearch, IconZoomReset } from '@tabler/icons-react';
import { stepMatch } from './spanFind';
import { tickLabel } from './timeAxis';
import type { useTraceView } from './useTraceView';

type State = ReturnType<typeof useTraceView>;

/** Find spans, expand/collapse levels, show the critical path, reset the zoom. */
export function WaterfallToolbar({ state }: { state: State }) {
  const step = (direction: 1 | -1) => {
    const next = stepMatch(state.matches, state.selectedIndex, direction);
    if (next !== null) state.selectIndex(next);
  };
  const zoomLabel = state.zoomed
    ? `${tickLabel(state.view.startUs, 1000)} – ${tickLabel(state.view.endUs, 1000)}`
    : null;
  return (
    <Group gap="xs" justify="space-between">
      <Group gap={4}>
        <TextInput
          size="xs"
          w={240}
          placeholder="Find spans (name, service, attribute)"
          aria-label="Find spans"
          leftSection={<IconSearch size={14} />}
          value={state.find}
          onChange={(e) => state.setFind(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') step(e.shiftKey ? -1 : 1);
          }}
        />
        {state.find && (
          <>
            <Text size="xs" c="dimmed" w={70}>
              {state.matches.length} {state.matches.length === 1 ? 'match' : 'matches'}
            </Text>
            <ActionIcon variant="default" size="md" onClick={() => step(-1)} aria-label="Previous match" disabled={!state.matches.length}>
              <IconChevronUp size={14} />
            </ActionIcon>
            <ActionIcon variant="default" size="md" onClick={() => step(1)} aria-label="Next match" disabled={!state.matches.length}>
              <IconChevronDown size={14} />
            </ActionIcon>
          </>
        )}
      </Group>
      <Group gap="sm">
        {zoomLabel && (
          <Button size="xs" variant="light" leftSection={<IconZoomReset size={14} />} onClick={state.resetZoom}>
            Showing {zoomLabel} · Reset zoom
          </Button>
        )}
        {!zoomLabel && (
          <Text size="xs" c="dimmed">
            Drag across the time axis to zoom
          </Text>
        )}
        <Tooltip label="The spans the trace waited on: shortening them shortens the trace" multiline w={240}>
          <Switch
            size="xs"
            label={
              <Group gap={4} wrap="nowrap">
                <Box w={14} h={4} style={{ background: 'var(--mantine-color-text)', borderRadius: 1 }} /> Critical path
              </Group>
            }
            checked={state.showCritical}
            onChange={(e) => state.setShowCritical(e.currentTarget.checked)}
          />
        </Tooltip>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconListTree size={14} />}>
              Expand / collapse
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={state.expandAll}>Expand all</Menu.Item>
            {[1, 2, 3, 4].map((depth) => (
              <Menu.Item key={depth} onClick={() => state.collapseToDepth(depth)}>
                Show {depth} {depth === 1 ? 'level' : 'levels'} below the root
              </Menu.Item>
            ))}
            <Menu.Item onClick={() => state.collapseToDepth(0)}>Collapse all</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
