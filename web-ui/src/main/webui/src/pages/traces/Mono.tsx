import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A monospace id with a copy button. */
export function Mono({ value }: { value: string }) {
  return (
    <Group gap={2} wrap="nowrap">
      <Text span size="xs" ff="monospace">
        {value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'}>
            <ActionIcon size="xs" variant="subtle" color="gray" onClick={copy} aria-label={`Copy ${value}`}>
              {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
