import { ActionIcon, Box, Code, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A code block with a copy button in its corner. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <Box pos="relative">
      <Code block style={{ whiteSpace: 'pre', overflowX: 'auto', paddingRight: 40, tabSize: 4 }} aria-label={label}>
        {code}
      </Code>
      <Box pos="absolute" top={6} right={6}>
        <CopyValue value={code} label={`Copy ${label}`} />
      </Box>
    </Box>
  );
}

/** A small copy button that says "Copied" for a moment. */
export function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : 'Copy'} withinPortal>
          <ActionIcon variant="default" size="sm" onClick={copy} aria-label={label} color={copied ? 'teal' : undefined}>
            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
