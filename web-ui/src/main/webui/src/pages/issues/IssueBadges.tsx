import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { formatTimestamp, timeAgo } from '../../lib/format';

const LEVEL_COLORS: Record<string, string> = {
  fatal: 'grape',
  error: 'red',
  warning: 'orange',
  info: 'blue',
  debug: 'gray',
  sample: 'gray',
};

export function levelColor(level: string | null | undefined): string {
  return LEVEL_COLORS[level ?? ''] ?? 'gray';
}

export function LevelBadge({ level }: { level: string | null | undefined }) {
  return (
    <Badge size="xs" variant="light" color={levelColor(level)} radius="sm">
      {level || 'unknown'}
    </Badge>
  );
}

const STATUS_LABELS: Record<string, { label: string; color: string }> = {
  unresolved: { label: 'Unresolved', color: 'yellow' },
  resolved: { label: 'Resolved', color: 'green' },
  resolvedInNextRelease: { label: 'Resolved in next release', color: 'green' },
  ignored: { label: 'Ignored', color: 'gray' },
};

export function StatusBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' }) {
  const s = STATUS_LABELS[status] ?? { label: status, color: 'gray' };
  return (
    <Badge size={size} variant="light" color={s.color}>
      {s.label}
    </Badge>
  );
}

/** "New" (first seen in the last 24 hours) and "Regressed" (came back after being resolved). */
export function LifecycleBadges({ isNew, isRegressed }: { isNew: boolean; isRegressed: boolean }) {
  if (!isNew && !isRegressed) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {isNew && (
        <Tooltip label="First seen in the last 24 hours">
          <Badge size="xs" color="teal" variant="filled">
            New
          </Badge>
        </Tooltip>
      )}
      {isRegressed && (
        <Tooltip label="Seen again after it was resolved">
          <Badge size="xs" color="pink" variant="filled">
            Regressed
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** "3 hours ago", with the exact time on hover. */
export function TimeAgo({ iso, size = 'sm', prefix, c }: { iso: string | null | undefined; size?: string; prefix?: string; c?: string }) {
  if (!iso) return <Text size={size}>–</Text>;
  return (
    <Tooltip label={formatTimestamp(iso)} openDelay={200}>
      <Text size={size} c={c} component="span" style={{ whiteSpace: 'nowrap' }}>
        {prefix}
        <time dateTime={iso}>{timeAgo(iso)}</time>
      </Text>
    </Tooltip>
  );
}
