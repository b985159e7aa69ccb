import { Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { PromQLEditor } from '../metrics/PromQLEditor';
import type { Panel, PanelKind } from './api';
import { HEIGHTS, ROW_HEIGHT, WIDTHS } from './layout';
import { PanelBody } from './PanelBody';
import { KINDS, parsePanelQuery, writePanelQuery, type QueryField } from './panelKinds';

const SIZE_LABELS: Record<number, string> = { 6: '1/4', 8: '1/3', 12: '1/2', 16: '2/3', 18: '3/4', 24: 'Full' };

/**
 * Adds or changes one panel: its kind, view, title, search and size, with a live preview over the
 * dashboard's time range (PromQL previews when run, with Shift+Enter or the button).
 */
export function PanelEditor({
  projectId,
  initial,
  from,
  to,
  onSave,
  onClose,
}: {
  projectId: number;
  initial: Panel;
  from: Date;
  to: Date;
  onSave: (panel: Panel) => void;
  onClose: () => void;
}) {
  const [panel, setPanel] = useState<Panel>(initial);
  const [promql, setPromql] = useState(initial.kind === 'promql' ? initial.query : '');
  const [preview, setPreview] = useState<Panel | null>(initial.query || initial.kind !== 'promql' ? initial : null);
  // Typing into a search field asks the API once the typing pauses, not on every key.
  const [shown] = useDebouncedValue(preview, 400);
  const info = KINDS[panel.kind];
  const fields = parsePanelQuery(panel.kind, panel.query);
  const update = (change: Partial<Panel>) => {
    const next = { ...panel, ...change };
    setPanel(next);
    if (next.kind !== 'promql') setPreview(next);
    else if (preview && next.query) setPreview({ ...next, query: preview.query });
  };
  const runPromql = () => {
    const next = { ...panel, query: promql.trim() };
    setPanel(next);
    setPreview(next.query ? next : null);
  };
  const setKind = (kind: PanelKind) => {
    const query = kind === 'promql' ? promql : '';
    update({ kind, view: KINDS[kind].views[0].value, query });
    if (kind === 'promql') setPreview(promql.trim() ? { ...panel, kind, view: 'graph', query: promql.trim() } : null);
  };
  const setField = (field: QueryField, values: string[]) => update({ query: writePanelQuery(panel.kind, { ...fields, [field.key]: values }) });
  const saved = panel.kind === 'promql' ? { ...panel, query: promql.trim() } : panel;
  const valid = saved.kind !== 'promql' || saved.query !== '';

  return (
    // Escape closes the editor's completion list; it must not also throw the panel being written away.
    <Modal opened onClose={onClose} closeOnEscape={false} title={initial.query || initial.title ? 'Edit panel' : 'Add panel'} size="xl">
      <Stack gap="sm">
        <SegmentedControl
          value={panel.kind}
          onChange={(v) => setKind(v as PanelKind)}
          data={(Object.keys(KINDS) as PanelKind[]).map((k) => ({ value: k, label: KINDS[k].label }))}
          aria-label="Panel kind"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label="Title" placeholder="Optional" value={panel.title} maxLength={200} onChange={(e) => update({ title: e.currentTarget.value })} />
          <Select label="Shows" data={info.views} value={panel.view} allowDeselect={false} onChange={(v) => v && update({ view: v })} />
        </SimpleGrid>
        {panel.kind === 'promql' ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              PromQL query
            </Text>
            <PromQLEditor projectId={projectId} value={promql} onChange={setPromql} onRun={runPromql} />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Shift+Enter previews the query
              </Text>
              <Button size="xs" variant="light" onClick={runPromql} disabled={!promql.trim()}>
                Preview
              </Button>
            </Group>
          </Stack>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {info.fields.map((f) => (
              <FieldInput key={`${panel.kind}-${f.key}`} field={f} values={fields[f.key] ?? []} onChange={(v) => setField(f, v)} />
            ))}
          </SimpleGrid>
        )}
        <SimpleGrid cols={2} spacing="xs">
          <Select
            label="Width"
            data={WIDTHS.map((w) => ({ value: String(w), label: SIZE_LABELS[w] }))}
            value={String(panel.gridPos.w)}
            allowDeselect={false}
            onChange={(v) => v && setPanel({ ...panel, gridPos: { ...panel.gridPos, w: Number(v) } })}
          />
          <Select
            label="Height"
            data={HEIGHTS.map((h) => ({ value: String(h), label: `${h} rows` }))}
            value={String(panel.gridPos.h)}
            allowDeselect={false}
            onChange={(v) => v && setPanel({ ...panel, gridPos: { ...panel.gridPos, h: Number(v) } })}
          />
        </SimpleGrid>
        <Paper withBorder p="xs" aria-label="Preview">
          <Text size="xs" c="dimmed" mb={4}>
            Preview
          </Text>
          {shown ? (
            <PanelBody projectId={projectId} panel={shown} from={from} to={to} height={Math.min(8, panel.gridPos.h) * ROW_HEIGHT} />
          ) : (
            <Text size="sm" c="dimmed">
              Write a query and preview it.
            </Text>
          )}
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => onSave(saved)} disabled={!valid}>
            {initial.query || initial.title ? 'Apply' : 'Add panel'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One search field; text is kept as typed (the stored query trims it), so spaces and new lines can be written. */
function FieldInput({ field, values, onChange }: { field: QueryField; values: string[]; onChange: (values: string[]) => void }) {
  const [text, setText] = useState(values.join('\n'));
  if (field.options) {
    return <Select label={field.label} data={field.options} value={values[0] ?? null} clearable placeholder="Any" onChange={(v) => onChange(v ? [v] : [])} />;
  }
  const change = (value: string) => {
    setText(value);
    onChange(field.repeated ? value.split('\n') : [value]);
  };
  if (field.repeated) {
    return (
      <Textarea
        label={field.label}
        autosize
        minRows={1}
        maxRows={4}
        value={text}
        placeholder={field.placeholder}
        onChange={(e) => change(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
    );
  }
  return <TextInput label={field.label} value={text} placeholder={field.placeholder} onChange={(e) => change(e.currentTarget.value)} />;
}
