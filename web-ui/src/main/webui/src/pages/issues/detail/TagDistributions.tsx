import { Anchor, Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount, formatPercent, formatTimestamp } from '../../../lib/format';
import { projectPath } from '../../../lib/projects';
import type { TagSummary } from '../api';

const FILTERABLE = new Set(['environment', 'release', 'level']);

function ValueBar({ value, count, share, to }: { value: string; count: number; share: number; to: string | null }) {
  const label = (
    <Text size="xs" ff="monospace" truncate="end" style={{ position: 'relative' }}>
      {value}
    </Text>
  );
  return (
    <Box style={{ position: 'relative', borderRadius: 3, overflow: 'hidden' }}>
      <Box
        style={{ position: 'absolute', inset: 0, width: `${Math.max(1, share * 100)}%`, background: 'var(--mantine-primary-color-light)' }}
        aria-hidden
      />
      <Group justify="space-between" wrap="nowrap" gap="xs" px={4} py={1} style={{ position: 'relative' }}>
        {to ? (
          <Anchor component={Link} to={to} underline="hover" c="inherit" style={{ minWidth: 0 }}>
            {label}
          </Anchor>
        ) : (
          <Box style={{ minWidth: 0 }}>{label}</Box>
        )}
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {formatPercent(share)} · {formatCount(count)}
        </Text>
      </Group>
    </Box>
  );
}

/** The issue's most common tag values with their share of its events. */
export function TagDistributions({ tags, projectId }: { tags: TagSummary[]; projectId: number }) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="tag-distributions">
      <Text size="sm" fw={700} mb={6} id="tag-distributions">
        Tags
      </Text>
      {tags.length === 0 && (
        <Text size="xs" c="dimmed">
          No tags on this issue&apos;s events.
        </Text>
      )}
      <Stack gap="sm">
        {tags.map((tag) => {
          const others = tag.totalValues - tag.topValues.reduce((sum, v) => sum + v.count, 0);
          return (
            <Stack key={tag.key} gap={2}>
              <Group justify="space-between">
                <Text size="xs" fw={700} ff="monospace">
                  {tag.key}
                </Text>
                <Text size="xs" c="dimmed">
                  {tag.uniqueValues} value{tag.uniqueValues === 1 ? '' : 's'}
                </Text>
              </Group>
              {tag.topValues.map((v) => (
                <Tooltip key={v.value} label={`Last seen ${formatTimestamp(v.lastSeen)}`} openDelay={400} position="left">
                  <div>
                    <ValueBar
                      value={v.value}
                      count={v.count}
                      share={tag.totalValues ? v.count / tag.totalValues : 0}
                      to={FILTERABLE.has(tag.key) ? `${projectPath(projectId, 'issues')}?${new URLSearchParams({ [tag.key]: v.value })}` : null}
                    />
                  </div>
                </Tooltip>
              ))}
              {others > 0 && (
                <Text size="xs" c="dimmed" px={4}>
                  Other values: {formatPercent(others / tag.totalValues)} · {formatCount(others)}
                </Text>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
