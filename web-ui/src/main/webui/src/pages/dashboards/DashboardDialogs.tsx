import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

/** Asks for a dashboard title (new dashboard or rename). */
export function TitleDialog({
  heading,
  initial = '',
  action,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  heading: string;
  initial?: string;
  action: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (title: string) => void;
  onClose: () => void;
}) {
  const [title, setTitle] = useState(initial);
  return (
    <Modal opened onClose={onClose} title={heading}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) onSubmit(title.trim());
        }}
      >
        <Stack gap="sm">
          <TextInput label="Title" value={title} maxLength={200} data-autofocus onChange={(e) => setTitle(e.currentTarget.value)} error={error?.message} required />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={!title.trim()}>
              {action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function DeleteDialog({ title, pending, error, onConfirm, onClose }: { title: string; pending: boolean; error: Error | null; onConfirm: () => void; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Delete dashboard?">
      <Stack gap="sm">
        <Text size="sm">
          “{title}” and its panels are deleted for everyone in the project. This cannot be undone.
        </Text>
        {error && (
          <Text size="sm" c="red">
            {error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm}>
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
