import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { contextLines, frameFile, frameHasDetails, frameLine, type ShownFrame } from './frames';
import { Code, KeyValueTable } from './KeyValueTable';

const MONO = 'var(--mantine-font-family-monospace)';

/** One stack frame: a header line that opens its source context and local variables. */
export function FrameRow({ shown, open, onToggle }: { shown: ShownFrame; open: boolean; onToggle: () => void }) {
  const { frame, inApp, crash, repeats } = shown;
  const details = frameHasDetails(frame);
  const line = frameLine(frame);
  const Chevron = open ? IconChevronDown : IconChevronRight;
  const header = (
    <Group gap={6} wrap="nowrap" align="flex-start" px="xs" py={4}>
      <Box w={14} pt={2} style={{ flexShrink: 0 }}>
        {details && <Chevron size={12} />}
      </Box>
      <Text size="xs" style={{ fontFamily: MONO, wordBreak: 'break-all', flex: 1 }} c={inApp ? undefined : 'dimmed'}>
        <Text span inherit fw={inApp ? 700 : 400} title={frame.abs_path ?? undefined}>
          {frameFile(frame)}
        </Text>
        {frame.function && (
          <>
            <Text span inherit c="dimmed">
              {' in '}
            </Text>
            <Text span inherit fw={inApp ? 700 : 500}>
              {frame.function}
            </Text>
          </>
        )}
        {line && (
          <Text span inherit c="dimmed">
            {' at line '}
            {line}
          </Text>
        )}
      </Text>
      <Group gap={4} wrap="nowrap">
        {repeats > 1 && (
          <Badge size="xs" variant="outline" color="gray">
            repeated {repeats}×
          </Badge>
        )}
        {crash && (
          <Badge size="xs" variant="light" color="red">
            raised here
          </Badge>
        )}
        {inApp && (
          <Badge size="xs" variant="light">
            in app
          </Badge>
        )}
      </Group>
    </Group>
  );
  return (
    <Box
      style={{
        borderTop: '1px solid var(--mantine-color-default-border)',
        borderLeft: `3px solid ${inApp ? 'var(--mantine-primary-color-filled)' : 'transparent'}`,
      }}
    >
      {details ? (
        <UnstyledButton onClick={onToggle} aria-expanded={open} w="100%" style={{ display: 'block' }}>
          {header}
        </UnstyledButton>
      ) : (
        header
      )}
      {open && details && <FrameDetails shown={shown} />}
    </Box>
  );
}

function FrameDetails({ shown }: { shown: ShownFrame }) {
  const lines = contextLines(shown.frame);
  const vars = Object.entries(shown.frame.vars ?? {});
  return (
    <Box pb={6}>
      {lines.length > 0 && (
        <Box
          component="pre"
          m={0}
          mx="xs"
          style={{ overflowX: 'auto', fontFamily: MONO, fontSize: 12, background: 'var(--mantine-color-default-hover)', borderRadius: 4 }}
          aria-label="Source context"
        >
          {lines.map((l, i) => (
            <Box
              key={i}
              style={{
                display: 'flex',
                background: l.current ? 'var(--mantine-color-red-light)' : undefined,
                fontWeight: l.current ? 600 : undefined,
              }}
            >
              <Box
                component="span"
                w={52}
                pr={8}
                ta="right"
                style={{ flexShrink: 0, color: 'var(--mantine-color-dimmed)', userSelect: 'none' }}
              >
                {l.lineNo ?? ''}
              </Box>
              <span style={{ whiteSpace: 'pre' }}>{l.code}</span>
            </Box>
          ))}
        </Box>
      )}
      {vars.length > 0 && (
        <Box mx="xs" mt={6}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            Local variables
          </Text>
          <KeyValueTable rows={vars} keyWidth={160} />
        </Box>
      )}
      {lines.length === 0 && vars.length === 0 && <Code c="dimmed">No source context was sent for this frame.</Code>}
    </Box>
  );
}
