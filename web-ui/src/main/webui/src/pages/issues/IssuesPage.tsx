import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconChevronLeft, IconChevronRight, IconEyeOff, IconRotate } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, QueryView } from '../../components/states';
import { projectPath, useCurrentProject, useProjectId } from '../../lib/projects';
import { rangeLabel } from '../../lib/timeRange';
import { useTimeRange } from '../../lib/useTimeRange';
import { canWrite, useMe } from '../../session/session';
import { useBulkStatus, useIssueFacets, useIssueList, type IssuePage, type StatusAction } from './api';
import { ISSUE_DEFAULT_RANGE, IssueFilters } from './IssueFilters';
import { isFiltered, listParams, nextPage, previousPage, readSearch, searchKey, withFilter, type FilterKey } from './issueSearch';
import { IssueTable } from './IssueTable';

const PAGE_SIZE = 25;

/** The project's issues: search, filters, sort, time range, counts and sparklines, bulk status changes. */
export function IssuesPage() {
  const projectId = useProjectId();
  const project = useCurrentProject();
  const me = useMe();
  const writable = project ? canWrite(me, project.organization) : false;
  const [params, setParams] = useSearchParams();
  const { range } = useTimeRange(ISSUE_DEFAULT_RANGE);
  const search = useMemo(() => readSearch(params), [params]);
  const list = useIssueList(projectId, listParams(search, range.from, range.to, PAGE_SIZE), [searchKey(search), range.from.getTime(), range.to.getTime()]);
  const facets = useIssueFacets(projectId, range.from, range.to);
  const bulk = useBulkStatus(projectId);
  const [selection, setSelection] = useState<Set<number>>(new Set());
  // A new page or search starts with nothing selected.
  useEffect(() => setSelection(new Set()), [projectId, params]);

  const change = (key: FilterKey, value: string | null) => setParams((p) => withFilter(p, key, value));
  const select = (ids: number[], on: boolean) =>
    setSelection((current) => {
      const next = new Set(current);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });
  const apply = (status: StatusAction) =>
    bulk.mutate({ ids: [...selection], status }, { onSuccess: () => setSelection(new Set()) });
  const rangePhrase = range.relative ? `the last ${range.relative}` : rangeLabel(range);
  const hasRows = Boolean(list.data?.issues.length);
  const noEvents = facets.data && facets.data.facets.find((f) => f.key === 'level')?.totalValues === 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>Issues</Title>
      </Group>
      <IssueFilters search={search} facets={facets.data?.facets} onChange={change} />
      <Paper withBorder style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
        {writable && hasRows && (
          <BulkBar count={selection.size} busy={bulk.isPending ? bulk.variables?.status : undefined} onApply={apply} onClear={() => setSelection(new Set())} />
        )}
        <QueryView
          query={list}
          isEmpty={(page) => page.issues.length === 0 && !page.nextCursor}
          empty={
            noEvents && !isFiltered(search) && search.cursors.length === 0 ? (
              <EmptyState title="No issues yet">
                Vigil has not received an error event for this project in {rangePhrase}.{' '}
                <Anchor component={Link} to={projectPath(projectId, 'getting-started')}>
                  Set up an SDK
                </Anchor>{' '}
                and errors show up here within seconds.
              </EmptyState>
            ) : (
              <EmptyState title="No issues match">
                Nothing matches these filters in {rangePhrase}. Widen the time range or clear a filter.
              </EmptyState>
            )
          }
        >
          {(page: IssuePage) =>
            page.issues.length === 0 ? (
              // The server stops after scanning a bounded number of candidates (a rare status among
              // many issues): an empty page with a cursor means "none so far", not "none at all".
              <EmptyState title="None found in this stretch">
                Vigil looked through part of the project's issues without a match.{' '}
                <Anchor component="button" type="button" onClick={() => { const next = page.nextCursor; if (next) setParams((p) => nextPage(p, next)); }}>
                  Keep searching
                </Anchor>
              </EmptyState>
            ) : (
            <IssueTable
              projectId={projectId}
              issues={page.issues}
              statsLabel={page.statsPeriod === 'hour' ? 'Last 24h' : 'Per day'}
              selection={writable ? selection : null}
              onSelect={select}
            />
            )
          }
        </QueryView>
      </Paper>
      <Group justify="space-between" display={hasRows || search.cursors.length || list.data?.nextCursor ? undefined : 'none'}>
        <Text size="xs" c="dimmed">
          {list.data ? `Page ${search.cursors.length + 1} · ${list.data.issues.length} issue${list.data.issues.length === 1 ? '' : 's'}` : ''}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChevronLeft size={14} />}
            disabled={search.cursors.length === 0}
            onClick={() => setParams((p) => previousPage(p))}
          >
            Previous
          </Button>
          <Button
            size="xs"
            variant="default"
            rightSection={<IconChevronRight size={14} />}
            disabled={!list.data?.nextCursor || list.isPlaceholderData}
            onClick={() => list.data?.nextCursor && setParams((p) => nextPage(p, list.data.nextCursor!))}
          >
            Next
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function BulkBar({
  count,
  busy,
  onApply,
  onClear,
}: {
  count: number;
  busy: StatusAction | undefined;
  onApply: (status: StatusAction) => void;
  onClear: () => void;
}) {
  const none = count === 0;
  return (
    <Group gap="xs" aria-label="Bulk actions" role="toolbar" px="xs" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Text size="xs" c="dimmed" w={90}>
        {none ? 'Select issues' : `${count} selected`}
      </Text>
      <Button size="xs" variant="light" color="green" leftSection={<IconCheck size={14} />} disabled={none} loading={busy === 'resolved'} onClick={() => onApply('resolved')}>
        Resolve
      </Button>
      <Button size="xs" variant="light" color="gray" leftSection={<IconEyeOff size={14} />} disabled={none} loading={busy === 'ignored'} onClick={() => onApply('ignored')}>
        Ignore
      </Button>
      <Button size="xs" variant="light" color="yellow" leftSection={<IconRotate size={14} />} disabled={none} loading={busy === 'unresolved'} onClick={() => onApply('unresolved')}>
        Unresolve
      </Button>
      {!none && (
        <Button size="xs" variant="subtle" onClick={onClear}>
          Clear selection
        </Button>
      )}
    </Group>
  );
}
