import { Box, Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { displayValue } from './sentryEvent';

/** Monospace text that keeps newlines and breaks long tokens (URLs, JSON, stack-ish values). */
export function Code({ children, c }: { children: ReactNode; c?: string }) {
  return (
    <Text component="span" size="xs" ff="monospace" c={c} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {children}
    </Text>
  );
}

/** Rows of key → value, values rendered as text or JSON. */
export function KeyValueTable({ rows, keyWidth = 180 }: { rows: Array<[string, unknown | ReactNode]>; keyWidth?: number }) {
  if (!rows.length) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} layout="fixed">
      <Table.Tbody>
        {rows.map(([key, value], i) => (
          <Table.Tr key={`${key}-${i}`}>
            <Table.Td w={keyWidth} valign="top" style={{ wordBreak: 'break-word' }}>
              <Text size="xs" c="dimmed" ff="monospace">
                {key}
              </Text>
            </Table.Td>
            <Table.Td valign="top">{isNode(value) ? value : <Code>{displayValue(value)}</Code>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function isNode(value: unknown): value is ReactNode {
  return typeof value === 'object' && value !== null && '$$typeof' in value;
}

/** A titled block of the event page. */
export function Section({ title, children, right, id }: { title: string; children: ReactNode; right?: ReactNode; id?: string }) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={id ? `${id}-title` : undefined}>
      <Box mb={6} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Title order={5} id={id ? `${id}-title` : undefined}>
          {title}
        </Title>
        {right}
      </Box>
      {children}
    </Paper>
  );
}

/** A small heading inside a section. */
export function SubTitle({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="xs" mb={2}>
      {children}
    </Text>
  );
}
