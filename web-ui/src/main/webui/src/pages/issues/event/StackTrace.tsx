import { Box, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { FrameRow } from './FrameRow';
import { defaultExpandedFrame, groupFrames, type Frame } from './frames';

interface Props {
  frames: Frame[];
  newestFirst: boolean;
  showAll: boolean;
  /** Open the newest in-app frame at first (the primary exception's trace). */
  openDefault: boolean;
}

/** A stack trace with in-app frames first-class and library runs folded into expandable groups. */
export function StackTrace({ frames, newestFirst, showAll, openDefault }: Props) {
  const groups = useMemo(() => groupFrames(frames, { newestFirst, showAll }), [frames, newestFirst, showAll]);
  const [openFrames, setOpenFrames] = useState<Set<number>>(() => {
    const first = openDefault ? defaultExpandedFrame(frames) : null;
    return new Set(first === null ? [] : [first]);
  });
  const [openGroups, setOpenGroups] = useState<Set<string>>(new Set());
  const toggle = <T,>(set: Set<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  if (!frames.length) {
    return (
      <Text size="xs" c="dimmed">
        No stack trace was sent with this exception.
      </Text>
    );
  }
  return (
    <Box style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, borderTop: 0, overflow: 'hidden' }}>
      {groups.map((g) => {
        if (g.kind === 'frame') {
          return <FrameRow key={g.index} shown={g} open={openFrames.has(g.index)} onToggle={() => setOpenFrames((s) => toggle(s, g.index))} />;
        }
        const open = openGroups.has(g.key);
        const Chevron = open ? IconChevronDown : IconChevronRight;
        return (
          <Box key={g.key}>
            <UnstyledButton
              w="100%"
              px="xs"
              py={3}
              aria-expanded={open}
              onClick={() => setOpenGroups((s) => toggle(s, g.key))}
              style={{ borderTop: '1px solid var(--mantine-color-default-border)', background: 'var(--mantine-color-default-hover)', display: 'flex', alignItems: 'center', gap: 6 }}
            >
              <Chevron size={12} />
              <Text size="xs" c="dimmed">
                {open ? 'Hide' : 'Show'} {g.frames.length} library frame{g.frames.length === 1 ? '' : 's'}
              </Text>
            </UnstyledButton>
            {open &&
              g.frames.map((f) => (
                <FrameRow key={f.index} shown={f} open={openFrames.has(f.index)} onToggle={() => setOpenFrames((s) => toggle(s, f.index))} />
              ))}
          </Box>
        );
      })}
    </Box>
  );
}
