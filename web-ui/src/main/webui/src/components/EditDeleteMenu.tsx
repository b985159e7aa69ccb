import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';

/** The "…" menu of a table row that can be edited (or renamed) and deleted. */
export function EditDeleteMenu({
  name,
  onEdit,
  onDelete,
  editLabel = 'Edit',
}: {
  /** What the row is, for the button's accessible name ("Actions for <name>"). */
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  editLabel?: string;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={`Actions for ${name}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
          {editLabel}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
