import { ActionIcon, Button, Code, CopyButton, Group, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconPlugConnected } from '@tabler/icons-react';
import { promBase } from './api';

/** Where Grafana (or any Prometheus client) finds this project's metrics. */
export function GrafanaHint({ projectId }: { projectId: number }) {
  const url = `${window.location.origin}${promBase(projectId)}`;
  return (
    <Popover width={420} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconPlugConnected size={14} />}>
          Prometheus data source
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">
            Each project is a Prometheus-compatible data source. In Grafana, add a Prometheus data source with this URL and an HTTP header{' '}
            <Code>Authorization: Bearer &lt;API token with event:read&gt;</Code>.
          </Text>
          <Group gap={4} wrap="nowrap">
            <Code style={{ flex: 1, wordBreak: 'break-all' }}>{url}</Code>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy URL'}>
                  <ActionIcon variant="subtle" onClick={copy} aria-label="Copy data source URL">
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
