import { Group, Select, Stack, Text, TextInput, type ComboboxItem } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { TimeRangePicker } from '../../components/TimeRangePicker';
import { formatCount } from '../../lib/format';
import type { TagSummary } from './api';
import { LEVELS, SORT_OPTIONS, STATUS_OPTIONS, type FilterKey, type IssueSearch } from './issueSearch';

export const ISSUE_RANGE_PRESETS = ['1h', '6h', '24h', '7d', '14d', '30d'];
export const ISSUE_DEFAULT_RANGE = '14d';

interface Props {
  search: IssueSearch;
  facets: TagSummary[] | undefined;
  onChange: (key: FilterKey, value: string | null) => void;
}

type FacetItem = ComboboxItem & { count?: number };

/**
 * The values a filter offers: those the project's events had in the range (most frequent first,
 * releases newest first), plus the one in the URL even when the range no longer has it.
 */
function facetOptions(facets: TagSummary[] | undefined, key: string, current: string | null, extra: string[] = []): FacetItem[] {
  const facet = facets?.find((f) => f.key === key);
  const values = [...(facet?.topValues ?? [])];
  if (key === 'release') values.sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen));
  const items: FacetItem[] = values.map((v) => ({ value: v.value, label: v.value, count: v.count }));
  for (const value of [...extra, ...(current ? [current] : [])]) {
    if (!items.some((i) => i.value === value)) items.push({ value, label: value });
  }
  return items;
}

function renderFacetOption({ option }: { option: ComboboxItem }) {
  const count = (option as FacetItem).count;
  return (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
      <Text size="xs" ff="monospace" truncate>
        {option.label}
      </Text>
      {count !== undefined && (
        <Text size="xs" c="dimmed">
          {formatCount(count)}
        </Text>
      )}
    </Group>
  );
}

type FacetKey = 'level' | 'environment' | 'release';

interface FacetFilter {
  key: FacetKey;
  label: string;
  width: number;
  /** Values offered even when the range has no event with them. */
  extra?: string[];
  /** Free-form values (environments, releases) can be many: those lists take typing to narrow. */
  searchable?: boolean;
}

/** The filters whose values come from the events' tags, in the order the toolbar shows them. */
const FACET_FILTERS: FacetFilter[] = [
  { key: 'level', label: 'level', width: 120, extra: LEVELS },
  { key: 'environment', label: 'environment', width: 160, searchable: true },
  { key: 'release', label: 'release', width: 170, searchable: true },
];

function FacetSelect({ filter, facets, value, onChange }: { filter: FacetFilter; facets: TagSummary[] | undefined; value: string | null; onChange: (value: string | null) => void }) {
  const data = useMemo(() => facetOptions(facets, filter.key, value, filter.extra), [facets, filter, value]);
  return (
    <Select
      size="xs"
      w={filter.width}
      aria-label={filter.label[0].toUpperCase() + filter.label.slice(1)}
      placeholder={`All ${filter.label}s`}
      data={data}
      value={value}
      clearable
      searchable={filter.searchable}
      nothingFoundMessage={filter.searchable ? `No ${filter.label} in this range` : undefined}
      renderOption={renderFacetOption}
      onChange={onChange}
    />
  );
}

/** Search box, filters, sort and time range of the issue list; every value lives in the URL. */
export function IssueFilters({ search, facets, onChange }: Props) {
  const [text, setText] = useState(search.query);
  useEffect(() => setText(search.query), [search.query]);

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        <form
          role="search"
          style={{ flex: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            onChange('query', text);
          }}
        >
          <TextInput
            size="xs"
            aria-label="Search issues"
            placeholder="Search title, culprit or message… (Enter)"
            leftSection={<IconSearch size={14} />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={() => text !== search.query && onChange('query', text)}
          />
        </form>
        <TimeRangePicker fallback={ISSUE_DEFAULT_RANGE} presets={ISSUE_RANGE_PRESETS} />
      </Group>
      <Group gap="xs" wrap="wrap">
        <Select
          size="xs"
          w={170}
          aria-label="Status"
          data={STATUS_OPTIONS}
          value={search.status}
          allowDeselect={false}
          onChange={(v) => onChange('status', v)}
        />
        {FACET_FILTERS.map((filter) => (
          <FacetSelect key={filter.key} filter={filter} facets={facets} value={search[filter.key]} onChange={(v) => onChange(filter.key, v)} />
        ))}
        <Select
          size="xs"
          w={130}
          aria-label="Sort by"
          data={SORT_OPTIONS}
          value={search.sort}
          allowDeselect={false}
          onChange={(v) => onChange('sort', v)}
        />
      </Group>
    </Stack>
  );
}
