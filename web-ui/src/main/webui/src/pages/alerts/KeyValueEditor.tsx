import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { KeyValue } from './ruleForm';
import { MONO_INPUT } from './common';

/** Editable name/value rows for labels and annotations (annotation values may span lines). */
export function KeyValueEditor({
  label,
  rows,
  onChange,
  multiline = false,
  keyPlaceholder = 'name',
  valuePlaceholder = 'value',
}: {
  label: string;
  rows: KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  multiline?: boolean;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
}) {
  const change = (i: number, patch: Partial<KeyValue>) => onChange(rows.map((r, j) => (i === j ? { ...r, ...patch } : r)));
  return (
    <Stack gap={4}>
      <Text size="xs" fw={500}>
        {label}
      </Text>
      {rows.map((row, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput size="xs" styles={MONO_INPUT} w={160} aria-label={`${label} name ${i + 1}`} placeholder={keyPlaceholder} value={row.key} onChange={(e) => change(i, { key: e.currentTarget.value })} />
          {multiline ? (
            <Textarea size="xs" autosize minRows={1} maxRows={6} style={{ flex: 1 }} aria-label={`${label} value ${i + 1}`} placeholder={valuePlaceholder} value={row.value} onChange={(e) => change(i, { value: e.currentTarget.value })} />
          ) : (
            <TextInput size="xs" styles={MONO_INPUT} style={{ flex: 1 }} aria-label={`${label} value ${i + 1}`} placeholder={valuePlaceholder} value={row.value} onChange={(e) => change(i, { value: e.currentTarget.value })} />
          )}
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="subtle" w="fit-content" leftSection={<IconPlus size={12} />} onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add {label.toLowerCase().replace(/s$/, '')}
      </Button>
    </Stack>
  );
}
