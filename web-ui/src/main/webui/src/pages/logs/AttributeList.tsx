import { ActionIcon, Table, Text, Tooltip } from '@mantine/core';
import { IconFilterPlus } from '@tabler/icons-react';

/** Attributes as key / value rows; each value can be added to the search as a key:value filter. */
export function AttributeList({
  title,
  attributes,
  onFilter,
}: {
  title: string;
  attributes: Record<string, string>;
  onFilter: (key: string, value: string) => void;
}) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={2}>
        {title}
      </Text>
      <Table withRowBorders={false} verticalSpacing={1} horizontalSpacing={6} fz="xs" layout="fixed">
        <Table.Tbody>
          {entries.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Td w="32%" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all', verticalAlign: 'top' }}>
                {key}
              </Table.Td>
              <Table.Td ff="monospace" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
                {value}
              </Table.Td>
              <Table.Td w={30} style={{ verticalAlign: 'top' }}>
                <Tooltip label="Add as filter" withinPortal>
                  <ActionIcon size="xs" variant="subtle" aria-label={`Filter by ${key} = ${value}`} onClick={() => onFilter(key, value)}>
                    <IconFilterPlus size={13} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
