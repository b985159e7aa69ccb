import { Table, Text } from '@mantine/core';

/** Key/value attributes, sorted by key, monospace values that wrap (URLs, SQL). */
export function AttributeTable({ attributes, empty = 'No attributes' }: { attributes: Record<string, string>; empty?: string }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Table withRowBorders fz="xs" verticalSpacing={2} layout="fixed">
      <Table.Tbody>
        {entries.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Td w="38%" c="dimmed" style={{ wordBreak: 'break-all', verticalAlign: 'top' }}>
              {key}
            </Table.Td>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
