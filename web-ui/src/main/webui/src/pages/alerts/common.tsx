/** Small pieces every Alerts tab uses: label chips, state badges, error lists, a delete confirmation. */
import { Alert, Badge, Button, Group, List, Modal, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/http';
import { STATE_COLOR } from './alertView';
import type { Labels } from './matchers';

/** Labels as `name=value` chips; with onPick each chip is a button (e.g. "filter by this label"). */
export function LabelChips({ labels, omit = [], onPick }: { labels: Labels | undefined; omit?: string[]; onPick?: (name: string, value: string) => void }) {
  const entries = Object.entries(labels ?? {}).filter(([name]) => !omit.includes(name));
  if (entries.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {entries.map(([name, value]) => {
        const chip = (
          <Badge key={name} variant="light" color="gray" size="sm" tt="none" fw={500} ff="monospace" styles={{ label: { overflow: 'visible' } }}>
            {name}={value}
          </Badge>
        );
        return onPick ? (
          <UnstyledButton key={name} onClick={() => onPick(name, value)} aria-label={`Filter by ${name}="${value}"`} title="Add to the filter">
            {chip}
          </UnstyledButton>
        ) : (
          chip
        );
      })}
    </Group>
  );
}

export function StateBadge({ state }: { state: string }) {
  return (
    <Badge color={STATE_COLOR[state as keyof typeof STATE_COLOR] ?? 'gray'} variant={state === 'firing' ? 'filled' : 'light'} size="sm">
      {state}
    </Badge>
  );
}

/** A form's problems, or a failed save with every error the server named (e.g. each bad rule). */
export function FormErrors({ errors, error, title = 'Cannot save' }: { errors?: string[]; error?: unknown; title?: string }) {
  const serverErrors = error instanceof ApiError ? (error.errors ?? []) : [];
  const detail = error ? (error instanceof Error ? error.message : String(error)) : null;
  const lines = [...(errors ?? []), ...serverErrors];
  if (!detail && lines.length === 0) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={error instanceof ApiError && error.status === 409 ? 'Changed meanwhile' : title} role="alert">
      <Stack gap={4}>
        {detail && <Text size="sm">{detail}</Text>}
        {lines.length > 0 && (
          <List size="sm" spacing={2} ff="monospace" styles={{ itemLabel: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } }}>
            {lines.map((line, i) => (
              <List.Item key={i}>{line}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}

export function ConfirmDialog({
  title,
  children,
  action = 'Delete',
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  action?: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text size="sm" component="div">
          {children}
        </Text>
        <FormErrors error={error} title="Failed" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Monospace text that wraps, for PromQL expressions and matchers. */
export function CodeText({ children, size = 'sm' }: { children: ReactNode; size?: string }) {
  return (
    <Text ff="monospace" size={size} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} component="div">
      {children}
    </Text>
  );
}

/** Whether something is on: a switch for those who may change it, a plain word for the rest. */
export function EnabledToggle({ label, enabled, editable, pending, onChange }: { label: string; enabled: boolean; editable: boolean; pending: boolean; onChange: (enabled: boolean) => void }) {
  if (!editable) {
    return (
      <Badge size="sm" variant="light" color={enabled ? 'green' : 'gray'} aria-label={label}>
        {enabled ? 'on' : 'off'}
      </Badge>
    );
  }
  return <Switch size="xs" aria-label={label} checked={enabled} disabled={pending} onChange={(e) => onChange(e.currentTarget.checked)} />;
}

/** Monospace for what the user types (labels, durations, matchers), not for the field's label. */
export const MONO_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
