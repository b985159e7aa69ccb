import { Button, Group, Pill, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { isTraceId, parseAttr, type LogFilters } from './logQuery';
import { SEVERITIES } from './severity';

export interface FilterActions {
  setFilter: (name: 'service' | 'severity' | 'q' | 'traceId', value: string | null) => void;
  addAttribute: (key: string, value: string) => void;
  removeAttribute: (attr: string) => void;
  clearAll: () => void;
}

/** Text inputs keep what is typed locally and follow the URL when it changes elsewhere (back, links). */
function useDraft(value: string): [string, (v: string) => void] {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return [draft, setDraft];
}

/**
 * Service, minimum severity, full text, trace id and key:value attribute filters. Every change goes
 * to the URL (through the actions), so a reload or a shared link shows the same search.
 */
export function LogFilterBar({ filters, services, actions }: { filters: LogFilters; services: string[]; actions: FilterActions }) {
  const [q, setQ] = useDraft(filters.q);
  const [trace, setTrace] = useDraft(filters.traceId ?? '');
  const [attr, setAttr] = useState('');
  const commitQ = useDebouncedCallback((value: string) => actions.setFilter('q', value), 600);
  const traceError = trace.trim() && !isTraceId(trace) ? '32 hex characters' : null;
  const attrError = attr.trim() && !parseAttr(attr.trim()) ? 'key:value' : null;
  const serviceOptions = filters.service && !services.includes(filters.service) ? [filters.service, ...services] : services;

  const addAttr = () => {
    const parsed = parseAttr(attr.trim());
    if (!parsed) return;
    actions.addAttribute(parsed.key, parsed.value);
    setAttr('');
  };

  return (
    <div>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <TextInput
          size="xs"
          aria-label="Search log bodies"
          placeholder="Search bodies: words that must all occur"
          leftSection={<IconSearch size={14} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            commitQ(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') actions.setFilter('q', q);
          }}
          style={{ flex: '1 1 280px' }}
        />
        <Select
          size="xs"
          aria-label="Service"
          placeholder="All services"
          data={serviceOptions}
          value={filters.service}
          onChange={(v) => actions.setFilter('service', v)}
          searchable
          clearable
          w={180}
          nothingFoundMessage="No service logged in this range"
        />
        <Select
          size="xs"
          aria-label="Minimum severity"
          placeholder="Any severity"
          data={SEVERITIES.map((s) => ({ value: s, label: `${s} and above` }))}
          value={filters.severity}
          onChange={(v) => actions.setFilter('severity', v)}
          clearable
          w={150}
        />
        <TextInput
          size="xs"
          aria-label="Trace id"
          placeholder="Trace id"
          value={trace}
          error={traceError}
          onChange={(e) => setTrace(e.currentTarget.value)}
          onBlur={() => !traceError && actions.setFilter('traceId', trace)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !traceError) actions.setFilter('traceId', trace);
          }}
          w={250}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <TextInput
          size="xs"
          aria-label="Attribute filter"
          placeholder="attribute key:value, Enter"
          value={attr}
          error={attrError}
          onChange={(e) => setAttr(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') addAttr();
          }}
          w={210}
        />
      </Group>
      {filters.attrs.length > 0 || filters.traceId || filters.service || filters.severity || filters.q ? (
        <Group gap={6} mt={6} wrap="wrap">
          {filters.attrs.map((a) => (
            <Pill key={a} withRemoveButton onRemove={() => actions.removeAttribute(a)} removeButtonProps={{ 'aria-label': `Remove filter ${a}` }} ff="monospace">
              {a}
            </Pill>
          ))}
          <Button size="compact-xs" variant="subtle" onClick={actions.clearAll}>
            Clear filters
          </Button>
        </Group>
      ) : null}
    </div>
  );
}
