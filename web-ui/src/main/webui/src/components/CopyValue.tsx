import { Button, CopyButton, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A secret or address shown in monospace with a Copy button beside it (DSNs, tokens, links). */
export function CopyValue({ value, dimmed, children }: { value: string; dimmed?: boolean; children?: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} c={dimmed ? 'dimmed' : undefined}>
        {value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="light" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
      {children}
    </Group>
  );
}
