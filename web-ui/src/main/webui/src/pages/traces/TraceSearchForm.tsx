import { Autocomplete, Button, Group, NumberInput, Paper, Select, SimpleGrid, TagsInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useOperations, useServices, type QueryWindow } from '../services/api';
import { attrError, LIMITS, type TraceSearch } from './traceSearch';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'error', label: 'Error' },
  { value: 'ok', label: 'OK' },
  { value: 'unset', label: 'Unset' },
];

/**
 * Jaeger's search form: edits stay local until "Find traces", which writes them to the URL. Service
 * and operation suggest names seen in the time range but accept any text (a service without entry
 * spans, an internal span name).
 */
export function TraceSearchForm({
  projectId,
  window,
  value,
  onSubmit,
}: {
  projectId: number;
  window: QueryWindow;
  value: TraceSearch;
  onSubmit: (search: TraceSearch) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [attrProblem, setAttrProblem] = useState<string | null>(null);
  // The URL is the truth: back/forward or a new link resets the form to it.
  useEffect(() => setDraft(value), [value]);
  const services = useServices(projectId, window);
  const operations = useOperations(projectId, draft.service || null, window);
  const set = <K extends keyof TraceSearch>(key: K, v: TraceSearch[K]) => setDraft((d) => ({ ...d, [key]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(draft);
  };
  const numberText = (v: string | number) => (v === '' ? '' : String(v));

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label="Search traces">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4, xl: 7 }} spacing="xs" verticalSpacing="xs">
        <Autocomplete
          size="xs"
          label="Service"
          placeholder="All services"
          data={(services.data?.services ?? []).map((s) => s.name)}
          value={draft.service}
          onChange={(v) => setDraft((d) => ({ ...d, service: v, operation: v === d.service ? d.operation : '' }))}
          clearable
        />
        <Autocomplete
          size="xs"
          label="Operation"
          placeholder={draft.service ? 'All operations' : 'Any span name'}
          data={[...new Set((operations.data?.operations ?? []).map((o) => o.name))]}
          value={draft.operation}
          onChange={(v) => set('operation', v)}
          clearable
        />
        <NumberInput
          size="xs"
          label="Min duration"
          placeholder="e.g. 100"
          suffix=" ms"
          min={0}
          allowNegative={false}
          value={draft.minDuration}
          onChange={(v) => set('minDuration', numberText(v))}
        />
        <NumberInput
          size="xs"
          label="Max duration"
          placeholder="e.g. 2000"
          suffix=" ms"
          min={0}
          allowNegative={false}
          value={draft.maxDuration}
          onChange={(v) => set('maxDuration', numberText(v))}
        />
        <Select
          size="xs"
          label="Status"
          data={STATUS_OPTIONS}
          value={draft.status}
          onChange={(v) => set('status', (v ?? '') as TraceSearch['status'])}
          allowDeselect={false}
        />
        <TagsInput
          size="xs"
          label="Attributes"
          placeholder={draft.attrs.length ? '' : 'key:value, Enter'}
          value={draft.attrs}
          error={attrProblem}
          onChange={(tags) => {
            const bad = tags.map(attrError).find((p) => p !== null) ?? null;
            setAttrProblem(bad);
            set('attrs', tags.filter((t) => attrError(t) === null));
          }}
          maxTags={20}
          clearable
          splitChars={[',']}
          style={{ gridColumn: 'span 1' }}
        />
        <Select
          size="xs"
          label="Limit"
          data={LIMITS.map((l) => ({ value: String(l), label: `${l} traces` }))}
          value={String(draft.limit)}
          onChange={(v) => set('limit', Number(v ?? 20))}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group mt="xs" gap="xs">
        <Button type="submit" size="xs" leftSection={<IconSearch size={14} />}>
          Find traces
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          onClick={() => {
            setAttrProblem(null);
            onSubmit({ ...value, service: '', operation: '', minDuration: '', maxDuration: '', status: '', attrs: [] });
          }}
        >
          Clear filters
        </Button>
      </Group>
    </Paper>
  );
}
